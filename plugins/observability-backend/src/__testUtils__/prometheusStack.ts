/*
 * Real Prometheus, promtool and Alertmanager for integration tests and the API benchmark:
 * find the binaries (a test skips loudly without them, and fails under CI), backfill TSDB blocks
 * with promtool, start the servers on free 127.0.0.1 ports with temporary storage, and stop them.
 */
import { ChildProcess, execFile, spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  readdirSync,
  renameSync,
} from 'node:fs';
import net from 'node:net';
import { delimiter, join } from 'node:path';

/** Absolute path of the first of `names` on PATH (or in /usr/bin), if installed. */
export function findBinary(...names: string[]): string | undefined {
  const dirs = [
    ...(process.env.PATH ?? '').split(delimiter),
    '/usr/bin',
    '/usr/local/bin',
  ].filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch {
        // not in this directory
      }
    }
  }
  return undefined;
}

/**
 * The binaries of the stack, or undefined (with a loud warning) when one is missing. Under CI
 * (`CI` set) a missing binary throws, so the test file fails instead of skipping.
 */
export function requireStackBinaries():
  | { prometheus: string; promtool: string; alertmanager: string }
  | undefined {
  const prometheus = findBinary('prometheus');
  const promtool = findBinary('promtool');
  const alertmanager = findBinary('prometheus-alertmanager', 'alertmanager');
  if (prometheus && promtool && alertmanager) {
    return { prometheus, promtool, alertmanager };
  }
  const missing = [
    !prometheus && 'prometheus',
    !promtool && 'promtool',
    !alertmanager && 'alertmanager',
  ]
    .filter(Boolean)
    .join(', ');
  const message = `${missing} not installed (Debian packages prometheus, prometheus-alertmanager)`;
  if (process.env.CI) {
    throw new Error(`${message}; CI must provide them`);
  }
  // eslint-disable-next-line no-console
  console.warn(
    `\n\n*** SKIPPING integration tests against a real Prometheus: ${message} ***\n\n`,
  );
  return undefined;
}

/**
 * The stack's binaries and the `describe` of the tests that need them: `describe.skip` when one
 * is missing outside CI (see requireStackBinaries).
 */
export function stackSuite(): {
  binaries: ReturnType<typeof requireStackBinaries>;
  describeWithStack: jest.Describe;
} {
  const binaries = requireStackBinaries();
  return { binaries, describeWithStack: binaries ? describe : describe.skip };
}

/** Seconds of a minute, an hour and a day: the unit of the stack's timestamps. */
export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}

/** Runs a command; rejects with its output when it exits non-zero. */
export function run(
  path: string,
  args: string[],
  cwd?: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      path,
      args,
      { cwd, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `${path} ${args.join(' ')} failed: ${error.message}\n${stderr}`,
            ),
          );
        } else {
          resolve(String(stdout));
        }
      },
    );
  });
}

/** `promtool tsdb create-blocks-from openmetrics <file> <dataDir>`. */
export async function backfillOpenMetrics(
  promtool: string,
  file: string,
  dataDir: string,
): Promise<void> {
  await run(promtool, [
    'tsdb',
    'create-blocks-from',
    'openmetrics',
    '--quiet',
    file,
    dataDir,
  ]);
}

/**
 * `promtool tsdb create-blocks-from rules` against a running Prometheus, then moves the new
 * blocks into `dataDir` (Prometheus loads them at its next start).
 */
export async function backfillRules(options: {
  promtool: string;
  prometheusUrl: string;
  ruleFile: string;
  start: number;
  end: number;
  outputDir: string;
  dataDir: string;
}): Promise<void> {
  mkdirSync(options.outputDir, { recursive: true });
  await run(options.promtool, [
    'tsdb',
    'create-blocks-from',
    'rules',
    '--quiet',
    `--url=${options.prometheusUrl}`,
    `--start=${Math.floor(options.start)}`,
    `--end=${Math.floor(options.end)}`,
    `--output-dir=${options.outputDir}`,
    '--eval-interval=60s',
    options.ruleFile,
  ]);
  for (const block of readdirSync(options.outputDir)) {
    if (/^[0-9A-Z]{26}$/.test(block)) {
      renameSync(join(options.outputDir, block), join(options.dataDir, block));
    }
  }
}

/** A server process of the stack. */
export interface StackProcess {
  url: string;
  /** What the process wrote, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

async function waitReady(
  url: string,
  child: ChildProcess,
  output: () => string,
) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${url} exited with ${child.exitCode}:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/-/ready`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${url} not ready within 60 s:\n${output()}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

async function startProcess(
  path: string,
  args: string[],
  url: string,
): Promise<StackProcess> {
  const child = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await waitReady(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => log, stop };
}

/** Starts Prometheus on a free port with `configFile` and storage in `dataDir`. */
export async function startPrometheus(options: {
  binary: string;
  configFile: string;
  dataDir: string;
  /** More flags, e.g. `--rules.alert.resend-delay=1s`. */
  extraArgs?: string[];
}): Promise<StackProcess> {
  const port = await freePort();
  return startProcess(
    options.binary,
    [
      `--config.file=${options.configFile}`,
      `--storage.tsdb.path=${options.dataDir}`,
      '--storage.tsdb.retention.time=400d',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
      ...(options.extraArgs ?? []),
    ],
    `http://127.0.0.1:${port}`,
  );
}

/** Starts Alertmanager on a free port (cluster listening off) with `configFile`. */
export async function startAlertmanager(options: {
  binary: string;
  configFile: string;
  dataDir: string;
}): Promise<StackProcess> {
  const port = await freePort();
  return startProcess(
    options.binary,
    [
      `--config.file=${options.configFile}`,
      `--storage.path=${options.dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ],
    `http://127.0.0.1:${port}`,
  );
}
