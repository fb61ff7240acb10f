/*
 * Starts Lookout as a user does (`yarn start` at the repository root: the app dev server on :3000
 * and the backend on :7007), or as a deployment does (the backend alone, serving the production
 * build of the app on :7007), waits until it answers, and stops the whole process group.
 */
import { ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

function findRepoRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'backstage.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no backstage.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Where the repository is (the folder holding backstage.json, above the working directory). */
export const REPO_ROOT = findRepoRoot(process.cwd());

/** How to start. */
export interface StartLookoutOptions {
  /** Extra config files (absolute paths), loaded after app-config.yaml. */
  configs?: string[];
  /** Give up after this long once started. Default 6 minutes (a cold dev-server build on 2 cores). */
  timeoutMs?: number;
  /** How long to wait for other e2e runs to release the machine's one Lookout. */
  lockWaitMs?: number;
  /**
   * Start the backend alone, serving the production build of the app (`packages/app/dist`, from
   * `backstage-cli package build`) on :7007, instead of `yarn start` with the dev server on :3000.
   * `yarn bench:ui` times the build, not the dev server.
   */
  builtApp?: boolean;
}

/** A running Lookout. */
export interface RunningLookout {
  appUrl: string;
  backendUrl: string;
  /** Everything the processes printed so far. */
  output(): string;
  stop(): Promise<void>;
}

async function waitFor(
  url: string,
  deadline: number,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `Lookout exited with ${child.exitCode}:\n${output().slice(-4000)}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${url} did not answer in time:\n${output().slice(-4000)}`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

// One Lookout at a time on this machine (fixed ports 3000 and 7007): test files running in
// parallel Jest workers take turns through this lock directory. The holder touches it every
// 15 s; a lock nobody touched for 2 minutes was left by a killed run and is taken over. The live
// test holds it for its whole outage (12 minutes or more on 2 cores), so the wait is long.
const LOCK = join(tmpdir(), 'lookout-e2e.lock');
const HEARTBEAT_MS = 15_000;
const STALE_MS = 2 * 60_000;

/** How long `startLookout` waits for the lock by default: every other e2e file in turn. */
export const LOCK_WAIT_MS = 45 * 60_000;

/** Jest timeout for a hook that starts Lookout: the lock wait plus a cold start. */
export const START_HOOK_TIMEOUT_MS = LOCK_WAIT_MS + 10 * 60_000;

async function acquireLock(deadline: number): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS)
          rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
    }
    if (Date.now() > deadline)
      throw new Error(`another Lookout e2e run holds ${LOCK}`);
    await new Promise(r => setTimeout(r, 1000));
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(LOCK, now, now);
    } catch {
      // released meanwhile
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return () => {
    clearInterval(heartbeat);
    rmSync(LOCK, { recursive: true, force: true });
  };
}

const BACKEND_URL = 'http://localhost:7007';
const DEV_SERVER_URL = 'http://localhost:3000';

/**
 * Starts `yarn start` (or the backend alone, `builtApp`) and resolves once the app and the backend
 * answer.
 */
export async function startLookout(
  options: StartLookoutOptions = {},
): Promise<RunningLookout> {
  const release = await acquireLock(
    Date.now() + (options.lockWaitMs ?? LOCK_WAIT_MS),
  );
  // The tests never write into the repository: the demo backend provisions into a folder of
  // its own instead of deploy/observability/entities (a test's own configs may override it).
  const provisioned = mkdtempSync(join(tmpdir(), 'lookout-e2e-provisioned-'));
  const sinksConfig = join(provisioned, 'app-config.sinks.yaml');
  writeFileSync(
    sinksConfig,
    [
      'observability:',
      '  provisioning:',
      '    sinks:',
      '      - type: kustomize',
      `        directory: ${JSON.stringify(join(provisioned, 'entities'))}`,
      '',
    ].join('\n'),
  );
  const configArgs = [
    '--config',
    resolve(REPO_ROOT, 'app-config.yaml'),
    '--config',
    sinksConfig,
  ];
  for (const config of options.configs ?? []) {
    configArgs.push('--config', config);
  }
  const appUrl = options.builtApp ? BACKEND_URL : DEV_SERVER_URL;
  if (options.builtApp) {
    // Loaded last: the app's links and the browser's origin are the backend's.
    const builtAppConfig = join(provisioned, 'app-config.built-app.yaml');
    writeFileSync(
      builtAppConfig,
      [
        'app:',
        `  baseUrl: ${appUrl}`,
        'backend:',
        '  cors:',
        `    origin: ${appUrl}`,
        '',
      ].join('\n'),
    );
    configArgs.push('--config', builtAppConfig);
  }
  const [command, cwd] = options.builtApp
    ? [
        ['backstage-cli', 'package', 'start'],
        join(REPO_ROOT, 'packages/backend'),
      ]
    : [['start'], REPO_ROOT];
  const child = spawn('yarn', [...command, ...configArgs], {
    cwd,
    detached: true,
    // Jest sets NODE_ENV=test, which the app's browserslist has no entry for.
    env: {
      ...process.env,
      NODE_ENV: 'development',
      BROWSER: 'none',
      FORCE_COLOR: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', d => (log += d));
  child.stderr!.on('data', d => (log += d));
  const output = () => log;

  const stopProcesses = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise(r => child.once('exit', r));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return;
    }
    await exited;
    // The group leader (yarn) can exit before the backend it started; whatever of the group is
    // still there after 10 s (a backend stuck in its shutdown, holding port 7007) is killed.
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        process.kill(-child.pid!, 0);
      } catch {
        return; // the whole group is gone
      }
      if (Date.now() > deadline) break;
      await new Promise(r => setTimeout(r, 250));
    }
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  };
  const stop = async () => {
    await stopProcesses();
    release();
  };

  const deadline = Date.now() + (options.timeoutMs ?? 6 * 60_000);
  try {
    await waitFor(
      `${BACKEND_URL}/.backstage/health/v1/readiness`,
      deadline,
      child,
      output,
    );
    await waitFor(appUrl, deadline, child, output);
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    appUrl,
    backendUrl: BACKEND_URL,
    output,
    stop,
  };
}
