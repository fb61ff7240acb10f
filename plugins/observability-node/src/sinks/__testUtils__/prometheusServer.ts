/*
 * Test support: a real Prometheus on a free loopback port, reading rule files and file_sd targets
 * from temporary folders, with the lifecycle API (`/-/reload`) enabled. Stopped by its pid.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

/** A running Prometheus. */
export interface PrometheusServer {
  url: string;
  rulesDirectory: string;
  targetsDirectory: string;
  /** Stops the process and removes its folders. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  log: () => string,
) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`prometheus exited with ${child.exitCode}:\n${log()}`);
    }
    try {
      const response = await fetch(`${url}/-/ready`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error(`prometheus did not become ready:\n${log()}`);
}

/** Starts `binary` with its folders under `workDir`. */
export async function startPrometheus(
  binary: string,
  workDir: string,
): Promise<PrometheusServer> {
  const rulesDirectory = path.join(workDir, 'rules');
  const targetsDirectory = path.join(workDir, 'targets');
  await fs.mkdir(rulesDirectory, { recursive: true });
  await fs.mkdir(targetsDirectory, { recursive: true });
  const configFile = path.join(workDir, 'prometheus.yml');
  await fs.writeFile(
    configFile,
    [
      'global:',
      '  evaluation_interval: 1s',
      'rule_files:',
      `  - ${JSON.stringify(path.join(rulesDirectory, '*.yaml'))}`,
      'scrape_configs:',
      '  - job_name: lookout',
      '    file_sd_configs:',
      `      - files: [${JSON.stringify(
        path.join(targetsDirectory, '*.json'),
      )}]`,
      '        refresh_interval: 1s',
      '',
    ].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(workDir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', chunk => (output += chunk));
  child.stderr!.on('data', chunk => (output += chunk));
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );

  const stop = async () => {
    if (child.exitCode === null) {
      process.kill(child.pid!, 'SIGTERM');
      await exited;
    }
    await fs.rm(workDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, rulesDirectory, targetsDirectory, stop };
}

/** `GET /api/v1/rules`: recorded expressions by rule name and file (base name). */
export async function loadedRules(
  url: string,
): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/rules`);
  const body = (await response.json()) as {
    data: {
      groups: Array<{
        file: string;
        rules: Array<{ name: string; query: string }>;
      }>;
    };
  };
  const result: Record<string, string> = {};
  for (const group of body.data.groups) {
    for (const rule of group.rules) {
      result[`${path.basename(group.file)}:${rule.name}`] = rule.query;
    }
  }
  return result;
}
