/*
 * Runs a command-line tool to completion and returns what it printed, without throwing on a
 * non-zero exit: the checks assert on the exit code and name the output in their failures.
 */
import { execFile } from 'node:child_process';

/** What a finished tool run produced. @public */
export interface ToolResult {
  /** Exit code; -1 when the process was killed or could not start. */
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `file` with `args` (no shell), with a timeout, and collects its output. @public */
export function runTool(
  file: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<ToolResult> {
  return new Promise(resolvePromise => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        let code = 0;
        if (error) {
          code = typeof error.code === 'number' ? error.code : -1;
        }
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}

/** `stdout` and `stderr` of a run, for failure messages. @public */
export function describeRun(result: ToolResult): string {
  return [`exit ${result.code}`, result.stdout.trim(), result.stderr.trim()]
    .filter(part => part.length > 0)
    .join('\n');
}
