/*
 * The upstreams of the browser tests and `yarn bench:ui`: a real Prometheus (Debian's binary)
 * holding a month of the checkout service's SLO history and a day of the demo service's business
 * metrics (backfilled with promtool), a real
 * Alertmanager with the outage's page alert, and the contract upstreams of Loki and Tempo
 * (recorded data, see contractUpstreams.ts). Everything binds 127.0.0.1 on free ports.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { backfillOpenMetrics } from '../promtool';
import { waitReady } from '../devStack';
import { businessHistoryOpenMetrics } from './businessHistory';
import {
  ContractUpstreams,
  startContractUpstreams,
  UpstreamScale,
} from './contractUpstreams';
import {
  CHECKOUT_SLOS,
  OUTAGE_MINUTES,
  sloFiguresAtNow,
  SloFiguresAtNow,
  sloHistoryOpenMetrics,
} from './sloHistory';

/** The entity whose data the upstreams hold. */
export const CHECKOUT_REF = 'component:default/checkout';

/** Binaries needed, with the Debian package of each. */
export const TEST_UPSTREAM_BINARIES: Record<string, string> = {
  prometheus: 'prometheus',
  promtool: 'prometheus',
  'prometheus-alertmanager': 'prometheus-alertmanager',
};

/** Options of {@link startTestUpstreams}. */
export interface TestUpstreamsOptions {
  /** Folder for Prometheus' and Alertmanager's data and config (created). */
  directory: string;
  /** Data synthesised at size in the Loki/Tempo double (benchmarks). */
  scale?: UpstreamScale;
}

/** The alert posted to Alertmanager (as Prometheus would send it for the outage). */
export interface PostedAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
}

/**
 * Upstreams with their ports chosen and the Loki/Tempo double listening; `start()` backfills and
 * starts Prometheus and Alertmanager (about 15 s of promtool), so that it can run while Lookout
 * starts.
 */
export interface TestUpstreams {
  prometheusUrl: string;
  alertmanagerUrl: string;
  contract: ContractUpstreams;
  /** Epoch ms the checkout outage of the SLO history started. */
  outageStartedAt: number;
  /** The SLO figures Prometheus holds for checkout now, per SLO. */
  figures: Record<string, SloFiguresAtNow>;
  alert: PostedAlert;
  /** An app-config fragment pointing Lookout's signals API at these upstreams. */
  appConfig: string;
  /** Backfills and starts Prometheus, starts Alertmanager and posts the alert. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (for binaries that take a port, not a listener). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the Loki/Tempo contract double and chooses the ports of Prometheus and Alertmanager. */
export async function prepareTestUpstreams(
  options: TestUpstreamsOptions,
): Promise<TestUpstreams> {
  const dir = options.directory;
  const now = Date.now();
  const prometheusData = join(dir, 'prometheus/data');
  mkdirSync(prometheusData, { recursive: true });
  mkdirSync(join(dir, 'alertmanager/data'), { recursive: true });

  const children: Array<{ child: ChildProcess; log: () => string }> = [];
  const run = (command: string, args: string[]) => {
    const child = spawn(command, args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout!.on('data', d => (log = (log + d).slice(-20000)));
    child.stderr!.on('data', d => (log = (log + d).slice(-20000)));
    const entry = { child, log: () => log };
    children.push(entry);
    return entry;
  };
  const contract = await startContractUpstreams({ now, scale: options.scale });
  const stop = async () => {
    await contract.stop();
    await Promise.all(
      children.map(({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null)
          return undefined;
        const exited = new Promise(r => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        return exited.then(() => clearTimeout(timer));
      }),
    );
  };

  const prometheusPort = await freePort();
  const alertmanagerPort = await freePort();
  const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
  const alertmanagerUrl = `http://127.0.0.1:${alertmanagerPort}`;
  const alert: PostedAlert = {
    labels: {
      alertname: 'ErrorBudgetBurn',
      backstage_entity: CHECKOUT_REF,
      severity: 'page',
      slo: 'availability',
      team: 'team-shop',
    },
    annotations: {
      summary: `${CHECKOUT_REF}: SLO availability is burning its error budget too fast`,
    },
    // The page fires a few minutes into the outage (docs/benchmarks.md, "Time to detect").
    startsAt: new Date(now - (OUTAGE_MINUTES - 4) * 60_000).toISOString(),
    endsAt: new Date(now + 3 * 3_600_000).toISOString(),
  };
  const start = async () => {
    const history = join(dir, 'slo-history.om');
    writeFileSync(
      history,
      sloHistoryOpenMetrics({
        entityRef: CHECKOUT_REF,
        slos: CHECKOUT_SLOS,
        now,
      }),
    );
    const business = join(dir, 'business-history.om');
    writeFileSync(business, businessHistoryOpenMetrics(now));
    for (const file of [history, business]) {
      await backfillOpenMetrics(file, prometheusData);
    }
    writeFileSync(
      join(dir, 'prometheus/prometheus.yml'),
      '# Backfilled SLO history only.\nscrape_configs: []\n',
    );
    writeFileSync(
      join(dir, 'alertmanager/alertmanager.yml'),
      [
        'route:',
        '  receiver: local',
        '  group_wait: 1s',
        'receivers:',
        '  - name: local',
        '',
      ].join('\n'),
    );

    try {
      const prometheus = run('prometheus', [
        `--config.file=${join(dir, 'prometheus/prometheus.yml')}`,
        `--storage.tsdb.path=${prometheusData}`,
        '--storage.tsdb.retention.time=90d',
        `--web.listen-address=127.0.0.1:${prometheusPort}`,
      ]);
      const alertmanager = run('prometheus-alertmanager', [
        `--config.file=${join(dir, 'alertmanager/alertmanager.yml')}`,
        `--storage.path=${join(dir, 'alertmanager/data')}`,
        `--web.listen-address=127.0.0.1:${alertmanagerPort}`,
        '--cluster.listen-address=',
      ]);
      await Promise.all([
        waitReady(
          `${prometheusUrl}/-/ready`,
          'prometheus',
          prometheus.child,
          prometheus.log,
          90_000,
        ),
        waitReady(
          `${alertmanagerUrl}/-/ready`,
          'alertmanager',
          alertmanager.child,
          alertmanager.log,
          90_000,
        ),
      ]);
      const posted = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([
          { ...alert, generatorURL: `${prometheusUrl}/graph` },
        ]),
      });
      if (!posted.ok) {
        throw new Error(
          `Alertmanager refused the alert: ${
            posted.status
          } ${await posted.text()}`,
        );
      }
    } catch (e) {
      await stop();
      throw e;
    }
  };

  const appConfig = [
    '# The signals API on the test upstreams (packages/e2e-tests/src/upstreams).',
    'observability:',
    '  prometheus:',
    `    url: ${prometheusUrl}`,
    '  alertmanager:',
    `    url: ${alertmanagerUrl}`,
    '  loki:',
    `    url: ${contract.lokiUrl}`,
    '    tenant: default',
    '  tempo:',
    `    url: ${contract.tempoUrl}`,
    '',
  ].join('\n');
  return {
    prometheusUrl,
    alertmanagerUrl,
    contract,
    outageStartedAt: now - OUTAGE_MINUTES * 60_000,
    figures: sloFiguresAtNow(CHECKOUT_SLOS),
    alert,
    appConfig,
    start,
    stop,
  };
}

/**
 * Whether the binaries of the test upstreams are installed. Missing: the suite is skipped with a
 * loud message on a user's machine, and fails under CI (which installs them).
 */
export function requireTestUpstreamBinaries(): boolean {
  const missing = Object.keys(TEST_UPSTREAM_BINARIES).filter(bin => {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return true;
  const packages = [...new Set(missing.map(m => TEST_UPSTREAM_BINARIES[m]))];
  const message = `missing ${missing.join(
    ', ',
  )}: install the Debian packages ${packages.join(
    ' ',
  )} to run the browser tests against real Prometheus and Alertmanager`;
  if (process.env.CI) throw new Error(message);
  // eslint-disable-next-line no-console
  console.warn(`\n*** SKIPPED: ${message} ***\n`);
  return false;
}
