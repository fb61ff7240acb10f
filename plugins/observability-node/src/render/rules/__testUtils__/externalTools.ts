/*
 * Test support for the real Prometheus tools (promtool, amtool, alertmanager): find a binary,
 * run it; tests are skipped loudly when it is missing, except under CI, where that fails.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Absolute path of `name` on PATH (or in /usr/bin), if installed. */
export function findTool(...names: string[]): string | undefined {
  const dirs = [
    ...(process.env.PATH ?? '').split(delimiter),
    '/usr/bin',
    '/usr/local/bin',
  ];
  for (const name of names) {
    for (const dir of dirs.filter(Boolean)) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Path of the first of `names` that is installed. When none is: under CI (`CI` set) this
 * throws, so the test file fails; otherwise it warns loudly and returns undefined, and the caller
 * registers an `it.todo` in place of its tests.
 */
export function requireTool(...names: string[]): string | undefined {
  const path = findTool(...names);
  if (path) {
    return path;
  }
  const missing = `${names.join(
    ' or ',
  )} is not installed (Debian packages prometheus, prometheus-alertmanager)`;
  if (process.env.CI) {
    throw new Error(`${missing}; CI must provide it`);
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPING tests that need ${names[0]}: ${missing}`);
  return undefined;
}

/** Result of running a tool. */
export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `path` with `args`, never rejecting: the exit code is part of the result. */
export function runTool(
  path: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<ToolRun> {
  return new Promise(resolve => {
    execFile(
      path,
      args,
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) {
          code = typeof error.code === 'number' ? error.code : 1;
        }
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Runs `tasks` with at most `limit` at a time, keeping the order of results. */
export async function inBatches<T>(
  tasks: Array<() => Promise<T>>,
  limit: number,
): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, worker),
  );
  return results;
}
