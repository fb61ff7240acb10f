/*
 * Benchmark of the Metrics tab, `GET /api/observability/entities/by-name/.../metrics`, against a
 * real Prometheus: entities with 8 custom panels each (`lookout.dev/panels`) and the OpenTelemetry
 * HTTP histogram (golden signals found by the discovery query), 7 days of series every 5 minutes
 * backfilled with `promtool tsdb create-blocks-from openmetrics`.
 *
 * One view of the tab is 7 days ending at a random 15-second mark of the last ~4 hours (so that
 * views rarely share a grid, and the backend's cache and single-flight rarely help) for a random
 * entity. Phases, each with 50 concurrent clients:
 *   1. raw: the same view's queries (discovery, 3 golden signals, 8 panels; the exact PromQL and
 *      grid the route sends) straight to Prometheus, all at once; a view ends with the last answer;
 *   2. route: one GET of the tab, default configuration (10 s cache, single-flight, 10 queries in
 *      flight, 10 s timeout per query, slot wait included);
 *   3. route with a 120 s timeout, so that no panel gives up while Prometheus is busy;
 *   4. the same with `cacheTtl: 0`.
 * A view counts as an error when any answer is not 2xx or holds an `"error"` (a route answer
 * whose panel failed, e.g. a query that waited past the upstream timeout).
 * Printed: views, errors, p50/p95/p99 per view, upstream queries per view (Prometheus' own
 * `prometheus_http_requests_total`), and the route's p95 ÷ raw p95 (the issue's bound is 3).
 *
 * Run: yarn bench:metrics  [--duration 20] [--clients 50] [--entities 10]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  entityScopeMatchers,
  type EntityMetricsResponse,
} from '@lookout/plugin-observability-common';
import { stringify } from 'yaml';
// Internals: a real Prometheus, and the service's own grid and discovery query for the raw
// yardstick.
import {
  backfillOpenMetrics,
  conventions,
  discoveryQuery,
  findBinary,
  MAX_METRIC_POINTS,
  seriesGrid,
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
const ENTITIES = flag('entities', 10);
const STEP_S = 300;
const DAY_S = 86_400;
const RANGE_MS = 7 * DAY_S * 1000;
/** Views end at one of this many 15-second marks before the start of the run. */
const END_MARKS = 1000;
const COUNTRIES = ['DE', 'FR', 'IT', 'ES', 'NL'];
const QUEUES = ['email', 'invoice', 'export'];
const BUCKETS = ['0.05', '0.1', '0.25', '0.5', '1', '+Inf'];

const entityName = (i: number) => `bench-${String(i).padStart(3, '0')}`;
const entityRef = (i: number) => `component:default/${entityName(i)}`;

function panels(ref: string) {
  const e = `backstage_entity="${ref}"`;
  return [
    {
      title: 'Orders/min',
      query: `sum by (country) (rate(shop_orders_total{${e}}[15m])) * 60`,
      kind: 'bar',
      legend: '{{country}}',
    },
    {
      title: 'Revenue/h',
      query: `sum(rate(shop_revenue_euros_total{${e}}[15m])) * 3600`,
      unit: 'currencyEUR',
      kind: 'area',
    },
    {
      title: 'Average order',
      query: `sum(rate(shop_revenue_euros_total{${e}}[1h])) / sum(rate(shop_orders_total{${e}}[1h]))`,
      unit: 'currencyEUR',
    },
    { title: 'Queue depth', query: `max_over_time(queue_depth{${e}}[15m])` },
    {
      title: 'Jobs/s by queue',
      query: `sum by (queue) (rate(jobs_processed_total{${e}}[15m]))`,
      unit: 'ops',
      legend: '{{queue}}',
    },
    {
      title: 'Cache hit ratio',
      query: `sum(rate(cache_hits_total{${e}}[15m])) / sum(rate(cache_requests_total{${e}}[15m]))`,
      unit: 'percentunit',
    },
    {
      title: 'Memory',
      query: `process_resident_memory_bytes{${e}}`,
      unit: 'bytes',
    },
    {
      title: 'Slow requests/s',
      query: `sum(rate(http_server_request_duration_seconds_count{${e}}[15m])) - sum(rate(http_server_request_duration_seconds_bucket{${e}, le="0.5"}[15m]))`,
      unit: 'reqps',
    },
  ];
}

function entity(i: number) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: entityName(i),
      namespace: 'default',
      annotations: {
        'lookout.dev/metrics-port': 'http',
        'lookout.dev/metrics-interval': '5m',
        'lookout.dev/panels': stringify(panels(entityRef(i))),
      },
    },
    spec: { type: 'service', owner: 'team-bench', lifecycle: 'production' },
  };
}

/** OpenMetrics of every entity's series over 7 days and 4 hours. */
function openMetrics(now: number): string {
  const lines: string[] = [];
  const start = Math.floor((now - 7 * DAY_S - 4 * 3600) / STEP_S) * STEP_S;
  const times: number[] = [];
  for (let t = start; t <= now; t += STEP_S) times.push(t);
  const family = (
    type: 'counter' | 'gauge',
    name: string,
    series: Array<{ labels: string; value: (k: number, t: number) => number }>,
  ) => {
    const base = type === 'counter' ? name.replace(/_total$/, '') : name;
    lines.push(`# TYPE ${base} ${type}`);
    for (const s of series) {
      times.forEach((t, k) =>
        lines.push(`${name}{${s.labels}} ${s.value(k, t)} ${t}`),
      );
    }
  };
  const e = (i: number) => `backstage_entity="${entityRef(i)}"`;
  const perEntity = <T>(
    items: T[],
    make: (
      i: number,
      item: T,
    ) => { labels: string; value: (k: number, t: number) => number },
  ) =>
    Array.from({ length: ENTITIES }, (_, i) =>
      items.map(item => make(i, item)),
    ).flat();
  const wave = (t: number, i: number) => 1 + 0.5 * Math.sin(t / 7200 + i);
  family(
    'counter',
    'shop_orders_total',
    perEntity(COUNTRIES, (i, c) => ({
      labels: `${e(i)},country="${c}"`,
      value: k => k * 30 * (1 + COUNTRIES.indexOf(c)),
    })),
  );
  family(
    'counter',
    'shop_revenue_euros_total',
    perEntity(COUNTRIES, (i, c) => ({
      labels: `${e(i)},country="${c}"`,
      value: k => k * 900 * (1 + COUNTRIES.indexOf(c)),
    })),
  );
  family(
    'gauge',
    'queue_depth',
    perEntity([0], i => ({
      labels: e(i),
      value: (_, t) => Math.round(20 * wave(t, i)),
    })),
  );
  family(
    'counter',
    'jobs_processed_total',
    perEntity(QUEUES, (i, q) => ({
      labels: `${e(i)},queue="${q}"`,
      value: k => k * 60 * (1 + QUEUES.indexOf(q)),
    })),
  );
  family(
    'counter',
    'cache_hits_total',
    perEntity([0], i => ({ labels: e(i), value: k => k * 270 })),
  );
  family(
    'counter',
    'cache_requests_total',
    perEntity([0], i => ({ labels: e(i), value: k => k * 300 })),
  );
  family(
    'gauge',
    'process_resident_memory_bytes',
    perEntity([0], i => ({
      labels: e(i),
      value: (_, t) => Math.round(2e8 * wave(t, i)),
    })),
  );
  // The OpenTelemetry HTTP histogram (golden signals): 200s and 500s, cumulative buckets.
  lines.push('# TYPE http_server_request_duration_seconds histogram');
  for (let i = 0; i < ENTITIES; i++) {
    for (const [code, perStep] of [
      ['200', 3000],
      ['500', 3],
    ] as const) {
      const labels = `${e(i)},http_response_status_code="${code}"`;
      BUCKETS.forEach((le, b) =>
        times.forEach((t, k) =>
          lines.push(
            `http_server_request_duration_seconds_bucket{${labels},le="${le}"} ${Math.round(
              (k * perStep * (b + 1)) / BUCKETS.length,
            )} ${t}`,
          ),
        ),
      );
      times.forEach((t, k) =>
        lines.push(
          `http_server_request_duration_seconds_count{${labels}} ${
            k * perStep
          } ${t}`,
        ),
      );
      times.forEach((t, k) =>
        lines.push(
          `http_server_request_duration_seconds_sum{${labels}} ${
            k * perStep * 0.2
          } ${t}`,
        ),
      );
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

/** One view: requests sent at once; the view ends when the last one is answered. */
interface View {
  requests: Array<{
    url: string;
    init: { method?: string; headers?: Record<string, string>; body?: string };
  }>;
}

const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { views, clients, durationMs } = workerData;
(async () => {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + durationMs;
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < deadline) {
      const view = views[Math.floor(Math.random() * views.length)];
      const started = performance.now();
      const ok = await Promise.all(view.requests.map(r =>
        fetch(r.url, { ...r.init, signal: AbortSignal.timeout(180000) }).then(async res => res.ok && !/"error":/.test(await res.text()), () => false),
      ));
      if (ok.some(x => !x)) errors += 1;
      latencies.push(performance.now() - started);
    }
  }));
  parentPort.postMessage({ latencies, errors });
})();
`;

interface PhaseResult {
  name: string;
  views: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  queriesPerView: number;
}

async function phase(
  name: string,
  prometheus: StackProcess,
  views: View[],
): Promise<PhaseResult> {
  const figures = await runLoadPhase(
    LOAD_WORKER,
    { views, clients: CLIENTS, durationMs: DURATION_S * 1000 },
    prometheus,
  );
  return {
    name,
    views: figures.count,
    ...figures,
    queriesPerView: figures.upstreamQueries / figures.count,
  };
}

async function startRouter(
  prometheusUrl: string,
  cacheTtlMs?: number,
  timeoutMs?: number,
) {
  const backend = await startPluginBackend({
    entities: Array.from({ length: ENTITIES }, (_, i) => entity(i)),
    prometheusUrl,
    cacheTtlMs,
    timeoutMs,
  });
  const url = (i: number, to: number) =>
    backend.entityUrl(entityName(i), `metrics?from=${to - RANGE_MS}&to=${to}`);
  return { stop: backend.stop, url, headers: backend.headers };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main() {
  const prometheusBinary = findBinary('prometheus');
  const promtool = findBinary('promtool');
  if (!prometheusBinary || !promtool) {
    throw new Error(
      'prometheus and promtool are required (Debian package prometheus)',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-metrics-'));
  let prometheus: StackProcess | undefined;
  const stops: Array<() => Promise<void>> = [];
  try {
    const now = Math.floor(Date.now() / 1000) - 30;
    const file = join(dir, 'series.om');
    writeFileSync(file, openMetrics(now));
    const dataDir = join(dir, 'data');
    const started = performance.now();
    await backfillOpenMetrics(promtool, file, dataDir);
    const backfillS = (performance.now() - started) / 1000;
    const config = join(dir, 'prometheus.yml');
    writeFileSync(config, 'global: {}\n');
    prometheus = await startPrometheus({
      binary: prometheusBinary,
      configFile: config,
      dataDir,
    });

    // View ends: 15-second marks before now, as the route aligns them.
    const ends = Array.from(
      { length: END_MARKS },
      (_, k) => Math.floor((now * 1000) / 15_000) * 15_000 - k * 15_000,
    );
    const pick = (i: number) => ({
      i,
      to: ends[(i * 7919 + Math.floor(Math.random() * END_MARKS)) % END_MARKS],
    });
    const picks = Array.from({ length: 2000 }, (_, n) => pick(n % ENTITIES));

    // The exact queries of each entity's tab, from the route itself (they do not depend on the end).
    const probe = await startRouter(prometheus.url, 0);
    const queries: string[][] = [];
    let points = 0;
    let series = 0;
    for (let i = 0; i < ENTITIES; i++) {
      const res = await fetch(probe.url(i, ends[0]), {
        headers: probe.headers,
      });
      const body = (await res.json()) as EntityMetricsResponse;
      if (
        !res.ok ||
        body.panels.length !== 8 ||
        body.goldenSignals?.panels.length !== 3 ||
        body.panels.some(p => p.error)
      ) {
        throw new Error(
          `unexpected tab for ${entityRef(i)}: ${JSON.stringify(body).slice(
            0,
            500,
          )}`,
        );
      }
      const all = [...body.goldenSignals.panels, ...body.panels];
      queries.push(all.map(p => p.query));
      series += all.reduce((n, p) => n + p.series.length, 0);
      points = Math.max(
        points,
        ...all.flatMap(p => p.series.map(s => s.points.length)),
      );
    }
    await probe.stop();

    const form = {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    };
    const rawViews: View[] = picks.map(({ i, to }) => {
      const grid = seriesGrid({ from: to - RANGE_MS, to }, MAX_METRIC_POINTS);
      return {
        requests: [
          {
            url: `${prometheus!.url}/api/v1/query`,
            init: {
              ...form,
              body: new URLSearchParams({
                query: discoveryQuery(
                  entityScopeMatchers(entityRef(i)),
                  conventions(),
                  `${DAY_S}s`,
                ),
                time: String(grid.end / 1000),
              }).toString(),
            },
          },
          ...queries[i].map(query => ({
            url: `${prometheus!.url}/api/v1/query_range`,
            init: {
              ...form,
              body: new URLSearchParams({
                query,
                start: String(grid.start / 1000),
                end: String(grid.end / 1000),
                step: String(grid.step / 1000),
              }).toString(),
            },
          })),
        ],
      };
    });
    const raw = await phase(
      'raw: 12 queries straight to Prometheus',
      prometheus,
      rawViews,
    );

    const results = [raw];
    const routePhases: Array<[string, number | undefined, number | undefined]> =
      [
        ['route, default (10 s cache, 10 s timeout)', undefined, undefined],
        ['route, 120 s timeout', undefined, 120_000],
        ['route, 120 s timeout, cacheTtl 0', 0, 120_000],
      ];
    for (const [name, ttl, timeout] of routePhases) {
      const router = await startRouter(prometheus.url, ttl, timeout);
      stops.push(router.stop);
      const views: View[] = picks.map(({ i, to }) => ({
        requests: [
          { url: router.url(i, to), init: { headers: router.headers } },
        ],
      }));
      results.push(await phase(name, prometheus, views));
      await router.stop();
      stops.pop();
    }

    console.log(
      `\nLookout Metrics tab benchmark: ${ENTITIES} entities × (8 panels + 3 golden signals), 7 days, ` +
        `${points} points per series, ${(series / ENTITIES).toFixed(
          0,
        )} series per view, ${CLIENTS} concurrent clients, ` +
        `${DURATION_S} s per phase (backfill ${backfillS.toFixed(1)} s)\n`,
    );
    console.log(
      [
        'phase',
        'views',
        'views/s',
        'errors',
        'p50',
        'p95',
        'p99',
        'queries/view',
      ]
        .map((h, k) => h.padEnd(k === 0 ? 44 : 12))
        .join(''),
    );
    for (const r of results) {
      console.log(
        [
          r.name,
          String(r.views),
          (r.views / DURATION_S).toFixed(1),
          String(r.errors),
          ms(r.p50),
          ms(r.p95),
          ms(r.p99),
          r.queriesPerView.toFixed(2),
        ]
          .map((cell, k) => cell.padEnd(k === 0 ? 44 : 12))
          .join(''),
      );
    }
    console.log(
      `\nroute p95 / raw p95: ${results
        .slice(1)
        .map(r => `${(r.p95 / raw.p95).toFixed(2)} (${r.name})`)
        .join(', ')}; bound: 3`,
    );
    if (results.some(r => r.errors > 0)) {
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
