/*
 * A real Prometheus (the Debian 2.42 binary) run by the benchmark on 127.0.0.1, always with the
 * same flags, and the bits of its HTTP API the benchmark reads.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { parseSampleValue } from './exposition';
import { freePort, sleep } from './processes';

/** The flags every Prometheus of the benchmark runs with, besides paths and port. */
export const PROMETHEUS_FLAGS = [
  // Far beyond the backfilled history, so nothing is deleted while it is read.
  '--storage.tsdb.retention.time=3650d',
  '--log.level=info',
];

/** One sample of an instant query. */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
}

/** A Prometheus process on a data directory; restartable with the same flags. */
export class PrometheusServer {
  readonly url: string;
  private child?: ChildProcess;
  private exited?: Promise<void>;

  private constructor(
    private readonly options: {
      dataDir: string;
      configFile: string;
      logFile: string;
      port: number;
    },
  ) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  /** Starts Prometheus and waits until it is ready (TSDB opened, rules loaded). */
  static async start(options: {
    dataDir: string;
    configFile: string;
    logFile: string;
  }): Promise<PrometheusServer> {
    const server = new PrometheusServer({ ...options, port: await freePort() });
    await server.launch();
    return server;
  }

  /** Process id, for the record. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Whether the process is still running (something else may have killed it). */
  get running(): boolean {
    return (
      !!this.child &&
      this.child.exitCode === null &&
      this.child.signalCode === null
    );
  }

  private async launch(): Promise<void> {
    const log = fs.openSync(this.options.logFile, 'a');
    const child = spawn(
      'prometheus',
      [
        `--config.file=${this.options.configFile}`,
        `--storage.tsdb.path=${this.options.dataDir}`,
        `--web.listen-address=127.0.0.1:${this.options.port}`,
        ...PROMETHEUS_FLAGS,
      ],
      { stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    this.child = child;
    this.exited = new Promise(resolve => child.once('exit', () => resolve()));
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(
          `prometheus exited with code ${child.exitCode}; see ${this.options.logFile}`,
        );
      }
      try {
        const response = await fetch(`${this.url}/-/ready`);
        if (response.ok) {
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    await this.stop();
    throw new Error(
      `prometheus not ready after 180 s; see ${this.options.logFile}`,
    );
  }

  /** Stops the process (SIGTERM, SIGKILL after 60 s) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await this.exited;
    clearTimeout(timer);
  }

  /** Stops (if running) and starts again with the same flags and port (loads new blocks). */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  /** Starts the process again if it is no longer running; true when it had to. */
  async revive(): Promise<boolean> {
    if (this.running) {
      return false;
    }
    await this.launch();
    return true;
  }

  /** Instant query at `time` (Unix seconds). Rejects with Prometheus' error. */
  async query(expr: string, time?: number): Promise<InstantSample[]> {
    const params = new URLSearchParams({ query: expr });
    if (time !== undefined) {
      params.set('time', String(time));
    }
    const response = await fetch(`${this.url}/api/v1/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: params,
    });
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: {
        resultType: string;
        result: Array<{
          metric: Record<string, string>;
          value: [number, string];
        }>;
      };
    };
    if (body.status !== 'success' || !body.data) {
      throw new Error(`query ${expr}: ${body.error ?? response.statusText}`);
    }
    if (body.data.resultType !== 'vector') {
      throw new Error(
        `query ${expr}: expected a vector, got ${body.data.resultType}`,
      );
    }
    return body.data.result.map(r => ({
      labels: r.metric,
      value: parseSampleValue(r.value[1]),
    }));
  }

  /** Its own metrics, as exposition text. */
  async metricsText(): Promise<string> {
    const response = await fetch(`${this.url}/metrics`);
    if (!response.ok) {
      throw new Error(`GET ${this.url}/metrics: ${response.status}`);
    }
    return response.text();
  }
}
