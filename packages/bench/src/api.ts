/*
 * Benchmark of the SLO route, `GET /api/observability/entities/by-name/.../slos`, against a real
 * Prometheus holding the recorded SLO series of 100 entities × 2 SLOs (backfilled with
 * `promtool tsdb create-blocks-from openmetrics`: 7 days of the budget and the 1h error ratio
 * every 5 minutes, the other windows over the last 15 minutes, and firing ErrorBudgetBurn alerts
 * on every tenth entity).
 *
 * The route runs in a real Backstage backend (startTestBackend: the plugin's real router,
 * services and clients; catalog and auth are the test doubles). Phases, each with 50 concurrent
 * clients asking for random entities:
 *   1. raw: one instant PromQL query (the route's figures query) sent straight to Prometheus,
 *      the yardstick;
 *   2. route: the SLO route with the default configuration (10 s cache, single-flight);
 *   3. route, no cache: `cacheTtl: 0` (identical concurrent queries still share one request).
 * Printed: requests, errors, p50/p95/p99, upstream queries per route request (from Prometheus'
 * own `prometheus_http_requests_total`), the route's p95 ÷ the raw query's p95, and the RSS of
 * this process before and after the route phases.
 *
 * Run: yarn bench:api [--duration 20] [--clients 50] [--entities 100] (with `node --expose-gc`
 * the memory figures are taken after a full garbage collection)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
// Internals: a real Prometheus, and the route's own figures query for the raw yardstick.
import {
  backfillOpenMetrics,
  entityFiguresQuery,
  findBinary,
  startPrometheus,
  StackProcess,
} from '@lookout/plugin-observability-backend/testUtils';
import { runLoadPhase } from './lib/load';
import { startPluginBackend } from './lib/pluginBackend';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const DURATION_S = flag('duration', 20);
const CLIENTS = flag('clients', 50);
const ENTITIES = flag('entities', 100);
const RAW_DURATION_S = Math.max(5, DURATION_S / 2);
const SLOS = ['availability', 'checkout'];
const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '7d'];
const STEP_S = 300;

const entityName = (i: number) => `bench-${String(i).padStart(3, '0')}`;
const entityRef = (i: number) => `component:default/${entityName(i)}`;

function entity(i: number) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: entityName(i),
      namespace: 'default',
      annotations: {
        'lookout.dev/slos': stringify(
          SLOS.map((name, k) => ({
            name,
            objective: k === 0 ? 99.9 : 99,
            window: '7d',
            ratio: {
              errors: `http_requests_total{job="${entityName(
                i,
              )}", code=~"5.."}`,
              total: `http_requests_total{job="${entityName(i)}"}`,
            },
          })),
        ),
      },
    },
    spec: { type: 'service', owner: 'team-bench', lifecycle: 'production' },
  };
}

/** OpenMetrics of the recorded series the route reads. */
function openMetrics(now: number): string {
  const lines: string[] = [];
  const family = (
    name: string,
    samples: (emit: (labels: string, value: number, t: number) => void) => void,
  ) => {
    lines.push(`# TYPE ${name} gauge`);
    samples((labels, value, t) =>
      lines.push(`${name}{${labels}} ${value} ${t}`),
    );
  };
  const history = (from: number, emit: (t: number) => void) => {
    for (let t = Math.floor(from / STEP_S) * STEP_S; t <= now; t += STEP_S)
      emit(t);
  };
  const ids = (i: number, slo: string) =>
    `backstage_entity="${entityRef(i)}",slo="${slo}"`;
  family('slo:sli_error:ratio', emit => {
    for (let i = 0; i < ENTITIES; i++) {
      for (const slo of SLOS) {
        for (const window of WINDOWS) {
          const from = window === '1h' ? now - 7 * 86400 : now - 900;
          history(from, t =>
            emit(
              `${ids(i, slo)},window="${window}"`,
              0.0005 + 0.001 * Math.abs(Math.sin(t / 7200 + i)),
              t,
            ),
          );
        }
      }
    }
  });
  family('slo:error_budget_remaining:ratio', emit => {
    for (let i = 0; i < ENTITIES; i++) {
      for (const slo of SLOS) {
        history(now - 7 * 86400, t =>
          emit(
            ids(i, slo),
            1 - ((t - (now - 7 * 86400)) / (7 * 86400)) * 0.6,
            t,
          ),
        );
      }
    }
  });
  family('ALERTS', emit => {
    for (let i = 0; i < ENTITIES; i += 10) {
      history(now - 900, t =>
        emit(
          `alertname="ErrorBudgetBurn",alertstate="firing",${ids(
            i,
            'availability',
          )},severity="page"`,
          1,
          t,
        ),
      );
    }
  });
  family('ALERTS_FOR_STATE', emit => {
    for (let i = 0; i < ENTITIES; i += 10) {
      history(now - 900, t =>
        emit(
          `alertname="ErrorBudgetBurn",${ids(
            i,
            'availability',
          )},severity="page"`,
          now - 900,
          t,
        ),
      );
    }
  });
  lines.push('# EOF', '');
  return lines.join('\n');
}

interface PhaseResult {
  name: string;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  upstreamQueries: number;
}

/** One request of the load: the same for every client, picked at random per request. */
interface LoadRequest {
  url: string;
  init: { method?: string; headers?: Record<string, string>; body?: string };
  /** Items the JSON answer must hold to count as a success (route requests). */
  items?: number;
}

/**
 * The clients run in a worker thread, so that their own work (fetch, reading the answers) does
 * not share the event loop of the backend they measure.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { requests, clients, durationMs } = workerData;
(async () => {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + durationMs;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < deadline) {
      const request = requests[Math.floor(Math.random() * requests.length)];
      const started = performance.now();
      try {
        const res = await fetch(request.url, request.init);
        const text = await res.text();
        const ok = res.ok && (request.items === undefined || JSON.parse(text).items.length === request.items);
        if (!ok) errors += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - started);
    }
  }));
  parentPort.postMessage({ latencies, errors });
})();
`;

async function phase(
  name: string,
  prometheus: StackProcess,
  durationS: number,
  requests: LoadRequest[],
): Promise<PhaseResult> {
  const figures = await runLoadPhase(
    LOAD_WORKER,
    { requests, clients: CLIENTS, durationMs: durationS * 1000 },
    prometheus,
  );
  return { name, requests: figures.count, ...figures };
}

async function startRouter(prometheusUrl: string, cacheTtlMs?: number) {
  const backend = await startPluginBackend({
    entities: Array.from({ length: ENTITIES }, (_, i) => entity(i)),
    prometheusUrl,
    cacheTtlMs,
  });
  const requests: LoadRequest[] = Array.from({ length: ENTITIES }, (_, i) => ({
    url: backend.entityUrl(entityName(i), 'slos'),
    init: { headers: backend.headers },
    items: SLOS.length,
  }));
  return { stop: backend.stop, requests };
}

/** Memory use, after a full garbage collection when node runs with --expose-gc. */
function settledMemory(): NodeJS.MemoryUsage {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main() {
  const prometheusBinary = findBinary('prometheus');
  const promtool = findBinary('promtool');
  if (!prometheusBinary || !promtool) {
    throw new Error(
      'prometheus and promtool are required (Debian package prometheus)',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-api-'));
  let prometheus: StackProcess | undefined;
  const stops: Array<() => Promise<void>> = [];
  try {
    const now = Math.floor(Date.now() / 1000) - 30;
    const metrics = join(dir, 'series.om');
    writeFileSync(metrics, openMetrics(now));
    const dataDir = join(dir, 'data');
    const started = performance.now();
    await backfillOpenMetrics(promtool, metrics, dataDir);
    const backfillMs = performance.now() - started;
    const config = join(dir, 'prometheus.yml');
    writeFileSync(config, 'global: {}\n');
    prometheus = await startPrometheus({
      binary: prometheusBinary,
      configFile: config,
      dataDir,
    });

    const rawRequests: LoadRequest[] = Array.from(
      { length: ENTITIES },
      (_, i) => ({
        url: `${prometheus!.url}/api/v1/query`,
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            query: entityFiguresQuery(entityRef(i), { withAlerts: true }),
          }).toString(),
        },
      }),
    );
    const raw = await phase(
      'raw instant PromQL query',
      prometheus,
      RAW_DURATION_S,
      rawRequests,
    );

    const before = settledMemory();
    const cached = await startRouter(prometheus.url);
    const route = await phase(
      'slos route (default: 10 s cache)',
      prometheus,
      DURATION_S,
      cached.requests,
    );
    await cached.stop();
    const uncachedRouter = await startRouter(prometheus.url, 0);
    stops.push(uncachedRouter.stop);
    const uncached = await phase(
      'slos route (cacheTtl 0)',
      prometheus,
      DURATION_S,
      uncachedRouter.requests,
    );
    const after = settledMemory();

    console.log(
      `\nLookout SLO route benchmark: ${ENTITIES} entities × ${SLOS.length} SLOs, ${CLIENTS} concurrent clients, ` +
        `Prometheus ${prometheusBinary} (backfill ${(backfillMs / 1000).toFixed(
          1,
        )} s)\n`,
    );
    console.log(
      [
        'phase',
        'requests',
        'req/s',
        'errors',
        'p50',
        'p95',
        'p99',
        'upstream queries/request',
      ]
        .map(h => h.padEnd(14))
        .join(''),
    );
    for (const r of [raw, route, uncached]) {
      const seconds = r === raw ? RAW_DURATION_S : DURATION_S;
      const perRequest = r === raw ? 1 : r.upstreamQueries / r.requests;
      console.log(
        [
          r.name,
          String(r.requests),
          (r.requests / seconds).toFixed(0),
          String(r.errors),
          ms(r.p50),
          ms(r.p95),
          ms(r.p99),
          perRequest.toFixed(3),
        ]
          .map((cell, k) => (k === 0 ? cell.padEnd(36) : cell.padEnd(14)))
          .join(''),
      );
    }
    console.log(
      `\nroute p95 / raw query p95: ${(route.p95 / raw.p95).toFixed(
        2,
      )} (cached), ` + `${(uncached.p95 / raw.p95).toFixed(2)} (cacheTtl 0)`,
    );
    console.log(
      `RSS before the route phases: ${mib(before.rss)} (V8 heap ${mib(
        before.heapUsed,
      )}), ` +
        `after: ${mib(after.rss)} (V8 heap ${mib(
          after.heapUsed,
        )}); the load generator is a worker thread of this process`,
    );
    if (route.errors + uncached.errors > 0) {
      process.exitCode = 1;
    }
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Exit once done: outside Jest, startTestBackend leaves its SQLite pools open (its clean-up is
// registered with Jest's afterAll), which would keep the process alive after the figures.
main().then(
  () => process.exit(),
  error => {
    console.error(error);
    process.exit(1);
  },
);
