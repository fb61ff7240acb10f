/*
 * A real Alertmanager on 127.0.0.1, started with a given configuration in a temporary directory
 * and stopped (process ended, directory removed) by `stop()`.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';
import { BINARIES } from './paths';

/** A running Alertmanager. @public */
export interface RunningAlertmanager {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Ends the process and removes its directory. */
  stop(): Promise<void>;
}

/** An alert as posted to `POST /api/v2/alerts`. @public */
export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
}

/** The part of `GET /api/v2/alerts` the checks read. @public */
export interface GettableAlert {
  labels: Record<string, string>;
  fingerprint: string;
  status: { state: string; inhibitedBy: string[]; silencedBy: string[] };
}

const delay = (ms: number) => new Promise(r => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  return new Promise(resolvePromise => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolvePromise();
    } else {
      child.once('exit', () => resolvePromise());
    }
  });
}

/**
 * Starts `prometheus-alertmanager` with `configYaml` on a free port (clustering off) and waits
 * until it reports ready. Rejects with its output when it exits or is not ready within the timeout.
 *
 * @public
 */
export async function startAlertmanager(
  configYaml: string,
  options: { binary?: string; readyTimeoutMs?: number } = {},
): Promise<RunningAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-alertmanager-'));
  const configFile = join(dir, 'alertmanager.yaml');
  writeFileSync(configFile, configYaml);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    options.binary ?? BINARIES.alertmanager,
    [
      `--config.file=${configFile}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', chunk => (output += chunk));
  child.stderr?.on('data', chunk => (output += chunk));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited(child);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Alertmanager exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/-/ready`);
      if (response.ok) {
        return { url, stop };
      }
    } catch {
      // Not listening yet.
    }
    await delay(100);
  }
  await stop();
  throw new Error(`Alertmanager was not ready at ${url}:\n${output}`);
}

/** `POST /api/v2/alerts`; throws on a non-2xx answer. @public */
export async function postAlerts(
  alertmanagerUrl: string,
  alerts: PostableAlert[],
): Promise<void> {
  const response = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alerts),
  });
  if (!response.ok) {
    throw new Error(
      `POST /api/v2/alerts answered ${
        response.status
      }: ${await response.text()}`,
    );
  }
}

/** `GET /api/v2/alerts` (active, silenced and inhibited alerts alike). @public */
export async function getAlerts(
  alertmanagerUrl: string,
): Promise<GettableAlert[]> {
  const response = await fetch(
    `${alertmanagerUrl}/api/v2/alerts?active=true&silenced=true&inhibited=true`,
  );
  if (!response.ok) {
    throw new Error(`GET /api/v2/alerts answered ${response.status}`);
  }
  return (await response.json()) as GettableAlert[];
}
