/*
 * Integration: the scope confinement of panel queries against a REAL Prometheus 2.42 holding two
 * entities' series (backfilled with `promtool tsdb create-blocks-from openmetrics`): checkout's
 * counter grows by 1/s and its gauge reads 1, payments' by 1000/s and 1000, so any number of
 * 500 or more in an answer can only come from payments' series.
 *
 * Every hostile query is first sent straight to Prometheus, to show that it does reach (or pose
 * as) payments' series; the same queries declared in checkout's `lookout.dev/panels` are refused
 * with a problem naming the panel, never run, and no series of payments ever comes back from
 * `GET .../metrics`. The confined forms of the same constructs (`or`, `absent`, `label_replace`,
 * subqueries, `offset`, `@`) are accepted, run, and answer checkout's numbers only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  backfillOpenMetrics,
  requireStackBinaries,
  StackProcess,
  startPrometheus,
} from '../__testUtils__/prometheusStack';
import { startMockedBackend } from '../__testUtils__/mockedBackend';
import { entityWithSlos } from '../__testUtils__/specs';

const binaries = requireStackBinaries();
const describeWithStack = binaries ? describe : describe.skip;

const ME = 'component:default/checkout';
const OTHER = 'component:default/payments';
const mine = `backstage_entity="${ME}"`;
const LEAK_THRESHOLD = 500;

/** Queries that read or pose as payments' series. */
const HOSTILE = [
  'shop_orders_total{backstage_entity=~".+"}',
  `shop_orders_total{backstage_entity!="${ME}"}`,
  `shop_orders_total{${mine}, backstage_entity=~".*"} or shop_orders_total{backstage_entity="${OTHER}"}`,
  `shop_queue_depth{${mine}} or shop_queue_depth`,
  `absent(shop_queue_depth{backstage_entity="${OTHER}", region="nowhere"})`,
  `label_replace(shop_queue_depth{${mine}}, "backstage_entity", "${OTHER}", "", "")`,
  `count_values("backstage_entity", shop_queue_depth{${mine}})`,
  'max_over_time(shop_queue_depth[1h:5m])',
  `sum(rate(shop_orders_total{${mine}}[5m])) + sum(max_over_time(rate(shop_orders_total[5m])[1h:5m]))`,
  'shop_queue_depth offset 30m',
  'shop_queue_depth @ end()',
  '{__name__=~".+"}',
];

/** The confined forms of the same constructs (with HOSTILE, the 20 panels an entity may have). */
const CONFINED = [
  `sum(rate(shop_orders_total{${mine}}[5m]))`,
  `shop_queue_depth{${mine}} or vector(0)`,
  `absent(shop_queue_depth{${mine}, region="nowhere"})`,
  `label_replace(shop_queue_depth{${mine}}, "tier", "gold", "", "")`,
  `max_over_time(rate(shop_orders_total{${mine}}[5m])[1h:5m])`,
  `shop_queue_depth{${mine}} offset 30m`,
  `shop_queue_depth{${mine}} @ end()`,
  `count by (__name__) ({__name__=~"shop_.*", ${mine}})`,
];

function openMetrics(start: number, end: number): string {
  const lines = ['# TYPE shop_orders counter'];
  for (const [ref, perSecond] of [
    [ME, 1],
    [OTHER, 1000],
  ] as const) {
    for (let t = start; t <= end; t += 30) {
      lines.push(
        `shop_orders_total{backstage_entity="${ref}"} ${
          (t - start) * perSecond
        } ${t}`,
      );
    }
  }
  lines.push('# TYPE shop_queue_depth gauge');
  for (const [ref, value] of [
    [ME, 1],
    [OTHER, 1000],
  ] as const) {
    for (let t = start; t <= end; t += 30) {
      lines.push(`shop_queue_depth{backstage_entity="${ref}"} ${value} ${t}`);
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

interface Answer {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

describeWithStack('panel query scope against a real Prometheus', () => {
  jest.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'lookout-scope-'));
  let prometheus: StackProcess;
  let end: number;

  beforeAll(async () => {
    end = Math.floor(Date.now() / 1000 / 60) * 60 - 60;
    const file = join(dir, 'series.om');
    writeFileSync(file, openMetrics(end - 3 * 3600, end));
    const dataDir = join(dir, 'data');
    await backfillOpenMetrics(binaries!.promtool, file, dataDir);
    const configFile = join(dir, 'prometheus.yml');
    writeFileSync(configFile, stringify({ global: {} }));
    prometheus = await startPrometheus({
      binary: binaries!.prometheus,
      configFile,
      dataDir,
    });
  });

  afterAll(async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function straight(query: string): Promise<Answer[]> {
    const res = await fetch(`${prometheus.url}/api/v1/query_range`, {
      method: 'POST',
      body: new URLSearchParams({
        query,
        start: String(end - 3600),
        end: String(end),
        step: '60',
      }),
    });
    const body = (await res.json()) as { data: { result: Answer[] } };
    return body.data.result;
  }

  const leaks = (
    series: Array<{ labels: Record<string, string>; values: number[] }>,
  ) =>
    series.filter(
      s =>
        (s.labels.backstage_entity !== undefined &&
          s.labels.backstage_entity !== ME) ||
        s.values.some(v => v >= LEAK_THRESHOLD),
    );

  it.each(HOSTILE)(
    'straight to Prometheus, %s reaches or poses as the other entity',
    async query => {
      const answer = await straight(query);
      expect(
        leaks(
          answer.map(a => ({
            labels: a.metric,
            values: a.values.map(([, v]) => Number(v)),
          })),
        ).length,
      ).toBeGreaterThan(0);
    },
  );

  it('refuses every hostile panel with a problem naming it, and no series of the other entity comes back', async () => {
    const panels = [...HOSTILE, ...CONFINED].map((query, i) => ({
      title: `panel ${i}`,
      query,
    }));
    const entity = entityWithSlos('checkout', 0, {
      'lookout.dev/metrics-port': 'http',
      'lookout.dev/panels': stringify(panels),
    });
    const { get } = await startMockedBackend([entity], {
      prometheus: { url: prometheus.url, cacheTtl: { milliseconds: 0 } },
    });
    const base = '/entities/by-name/component/default/checkout';

    const config = await get(`${base}/config`);
    const refused = config.body.problems
      .filter(
        (p: { annotation: string }) => p.annotation === 'lookout.dev/panels',
      )
      .map((p: { path: string }) => p.path);
    expect(refused).toEqual(HOSTILE.map((_, i) => `[${i}].query`));

    const res = await get(`${base}/metrics`).query({
      from: (end - 3600) * 1000,
      to: end * 1000,
    });
    expect(res.status).toBe(200);
    const shown = res.body.panels as Array<{
      query: string;
      error?: string;
      series: Array<{
        labels: Record<string, string>;
        points: Array<[number, number | null]>;
      }>;
    }>;
    expect(shown.map(p => p.query)).toEqual(CONFINED);
    expect(shown.filter(p => p.error)).toEqual([]);
    const all = shown.flatMap(p =>
      p.series.map(s => ({
        labels: s.labels,
        values: s.points
          .map(([, v]) => v)
          .filter((v): v is number => v !== null),
      })),
    );
    expect(leaks(all)).toEqual([]);
    // The confined panels did answer: checkout's rate (1/s) and gauge (1) are there.
    expect(shown[0].series[0].points.some(([, v]) => v === 1)).toBe(true);
    expect(shown[1].series.some(s => s.labels.backstage_entity === ME)).toBe(
      true,
    );
  });
});
