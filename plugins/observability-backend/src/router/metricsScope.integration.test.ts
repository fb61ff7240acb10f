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
 *
 * The same holds for an entity whose series carry no `backstage_entity` (another scrape config
 * collects them, as `legacy_*{job="checkout"}` and `legacy_*{job="payments"}` here): with
 * `lookout.dev/metrics-selector: '{job="checkout"}'` its panels are confined to `job="checkout"`,
 * and the hostile queries written against that label are refused the same way. Whatever job
 * it names, it never reaches the series Lookout scrapes: an entity claiming `job="lookout"`,
 * whose series carry payments' `backstage_entity` (`scraped_orders_total`, `http_requests_total`),
 * gets none of them back, from its panels or its golden signals.
 */
import { stringify } from 'yaml';
import {
  describeWithStack,
  withBackfilledPrometheus,
} from '../__testUtils__/backfilledPrometheus';
import { startMockedBackend } from '../__testUtils__/mockedBackend';
import { entityWithSlos } from '../__testUtils__/specs';

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

/** The fallback scope: checkout's series are those of its own scrape job. */
const MY_JOB = 'job="checkout"';

/** The fallback scope's matchers: the job, and no backstage_entity (never a series Lookout scrapes). */
const UNSCRAPED = `${MY_JOB}, backstage_entity=""`;

/** Queries that read or pose as payments' unlabelled series, against the fallback scope. */
const HOSTILE_FALLBACK = [
  'legacy_orders_total{job=~".+", backstage_entity=""}',
  'legacy_orders_total{job!="checkout", backstage_entity=""}',
  `legacy_orders_total{${UNSCRAPED}, job=~".*"} or legacy_orders_total{job="payments", backstage_entity=""}`,
  `legacy_queue_depth{${UNSCRAPED}} or legacy_queue_depth`,
  'absent(legacy_queue_depth{job="payments", backstage_entity="", region="nowhere"})',
  `label_replace(legacy_queue_depth{${UNSCRAPED}}, "job", "payments", "", "")`,
  `count_values("job", legacy_queue_depth{${UNSCRAPED}})`,
  'max_over_time(legacy_queue_depth[1h:5m])',
  `sum(rate(legacy_orders_total{${UNSCRAPED}}[5m])) + sum(max_over_time(rate(legacy_orders_total[5m])[1h:5m]))`,
  'legacy_queue_depth offset 30m',
  'legacy_queue_depth @ end()',
  '{__name__=~"legacy_.+"}',
  // The series carry no backstage_entity: an empty one alone matches every entity's.
  'legacy_queue_depth{backstage_entity=""}',
];

/** The confined forms under the fallback scope (with HOSTILE_FALLBACK, 20 panels). */
const CONFINED_FALLBACK = [
  `sum(rate(legacy_orders_total{${UNSCRAPED}}[5m]))`,
  `legacy_queue_depth{${UNSCRAPED}} or vector(0)`,
  `absent(legacy_queue_depth{${UNSCRAPED}, region="nowhere"})`,
  `label_replace(legacy_queue_depth{${UNSCRAPED}}, "tier", "gold", "", "")`,
  `max_over_time(rate(legacy_orders_total{${UNSCRAPED}}[5m])[1h:5m])`,
  `legacy_queue_depth{${UNSCRAPED}} offset 30m`,
  `legacy_queue_depth{${UNSCRAPED}} @ end()`,
];

/** The job of Lookout's own scrape: its series carry backstage_entity, here only payments'. */
const LOOKOUT_JOB = 'job="lookout"';

/** payments' series in Lookout's job: a counter at 1000/s and the HTTP requests golden signals find. */
function scrapedLines(start: number, end: number): string[] {
  // OpenMetrics: no space after the commas.
  const labels = `${LOOKOUT_JOB},backstage_entity="${OTHER}"`;
  const lines = ['# TYPE scraped_orders counter'];
  for (let t = start; t <= end; t += 30) {
    lines.push(`scraped_orders_total{${labels}} ${(t - start) * 1000} ${t}`);
  }
  lines.push('# TYPE http_requests counter');
  for (let t = start; t <= end; t += 30) {
    lines.push(
      `http_requests_total{${labels},code="200"} ${(t - start) * 1000} ${t}`,
    );
  }
  return lines;
}

/** checkout's series count 1/s and read 1, payments' 1000/s and 1000, under `label`. */
function seriesLines(
  metric: string,
  type: 'counter' | 'gauge',
  label: (ref: string) => string,
  start: number,
  end: number,
): string[] {
  const lines = [`# TYPE ${metric} ${type}`];
  for (const [ref, value] of [
    [ME, 1],
    [OTHER, 1000],
  ] as const) {
    for (let t = start; t <= end; t += 30) {
      const sample = type === 'counter' ? (t - start) * value : value;
      lines.push(
        `${metric}${type === 'counter' ? '_total' : ''}{${label(
          ref,
        )}} ${sample} ${t}`,
      );
    }
  }
  return lines;
}

function openMetrics(start: number, end: number): string {
  const entity = (ref: string) => `backstage_entity="${ref}"`;
  const job = (ref: string) => `job="${ref.split('/')[1]}"`;
  return [
    ...seriesLines('shop_orders', 'counter', entity, start, end),
    ...seriesLines('shop_queue_depth', 'gauge', entity, start, end),
    ...seriesLines('legacy_orders', 'counter', job, start, end),
    ...seriesLines('legacy_queue_depth', 'gauge', job, start, end),
    ...scrapedLines(start, end),
    '# EOF',
    '',
  ].join('\n');
}

interface Answer {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

describeWithStack('panel query scope against a real Prometheus', () => {
  jest.setTimeout(120_000);
  let end = 0;
  const prometheus = withBackfilledPrometheus(() => {
    end = Math.floor(Date.now() / 1000 / 60) * 60 - 60;
    return openMetrics(end - 3 * 3600, end);
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

  type Series = { labels: Record<string, string>; values: number[] };
  const leaks = (series: Series[]) =>
    series.filter(
      s =>
        (s.labels.backstage_entity !== undefined &&
          s.labels.backstage_entity !== ME) ||
        s.values.some(v => v >= LEAK_THRESHOLD),
    );
  /** Under the fallback scope anything but job="checkout" is another's, backstage_entity too. */
  const fallbackLeaks = (series: Series[]) =>
    series.filter(
      s =>
        (s.labels.job !== undefined && s.labels.job !== 'checkout') ||
        s.labels.backstage_entity !== undefined ||
        s.values.some(v => v >= LEAK_THRESHOLD),
    );
  const answered = (answer: Answer[]): Series[] =>
    answer.map(a => ({
      labels: a.metric,
      values: a.values.map(([, v]) => Number(v)),
    }));

  it.each(HOSTILE)(
    'straight to Prometheus, %s reaches or poses as the other entity',
    async query => {
      const answer = await straight(query);
      expect(leaks(answered(answer)).length).toBeGreaterThan(0);
    },
  );

  it.each(HOSTILE_FALLBACK)(
    'straight to Prometheus, %s reaches or poses as series outside job="checkout"',
    async query => {
      const answer = await straight(query);
      expect(fallbackLeaks(answered(answer)).length).toBeGreaterThan(0);
    },
  );

  interface ShownPanel {
    query: string;
    error?: string;
    series: Array<{
      labels: Record<string, string>;
      points: Array<[number, number | null]>;
    }>;
  }

  /**
   * checkout declares `queries` as panels (with `annotations`): the problems on
   * lookout.dev/panels, the panels `GET .../metrics` answered over the last hour, and every
   * series they hold.
   */
  async function panelsOf(
    queries: string[],
    annotations: Record<string, string>,
  ) {
    const panels = queries.map((query, i) => ({ title: `panel ${i}`, query }));
    const entity = entityWithSlos('checkout', 0, {
      ...annotations,
      'lookout.dev/panels': stringify(panels),
    });
    const { get } = await startMockedBackend([entity], {
      prometheus: { url: prometheus.url, cacheTtl: { milliseconds: 0 } },
    });
    const base = '/entities/by-name/component/default/checkout';
    const config = await get(`${base}/config`);
    const problems = (
      config.body.problems as Array<{
        annotation: string;
        path: string;
        message: string;
      }>
    ).filter(p => p.annotation === 'lookout.dev/panels');
    const res = await get(`${base}/metrics`).query({
      from: (end - 3600) * 1000,
      to: end * 1000,
    });
    expect(res.status).toBe(200);
    const shown = res.body.panels as ShownPanel[];
    const golden = (res.body.goldenSignals?.panels ?? []) as ShownPanel[];
    const series = [...shown, ...golden].flatMap(p =>
      p.series.map(s => ({
        labels: s.labels,
        values: s.points
          .map(([, v]) => v)
          .filter((v): v is number => v !== null),
      })),
    );
    return { problems, shown, golden, series };
  }

  it('refuses every hostile panel with a problem naming it, and no series of the other entity comes back', async () => {
    const { problems, shown, series } = await panelsOf(
      [...HOSTILE, ...CONFINED],
      { 'lookout.dev/metrics-port': 'http' },
    );
    expect(problems.map(p => p.path)).toEqual(
      HOSTILE.map((_, i) => `[${i}].query`),
    );
    expect(shown.map(p => p.query)).toEqual(CONFINED);
    expect(shown.filter(p => p.error)).toEqual([]);
    expect(leaks(series)).toEqual([]);
    // The confined panels did answer: checkout's rate (1/s) and gauge (1) are there.
    expect(shown[0].series[0].points.some(([, v]) => v === 1)).toBe(true);
    expect(shown[1].series.some(s => s.labels.backstage_entity === ME)).toBe(
      true,
    );
  });

  it('confines the panels of an entity without backstage_entity to its metrics-selector: every hostile panel is refused, no series outside it comes back', async () => {
    // No metrics-port: Lookout does not scrape it, another scrape config does (job="checkout").
    const { problems, shown, series } = await panelsOf(
      [...HOSTILE_FALLBACK, ...CONFINED_FALLBACK],
      { 'lookout.dev/metrics-selector': `{${MY_JOB}}` },
    );
    expect(problems.map(p => p.path)).toEqual(
      HOSTILE_FALLBACK.map((_, i) => `[${i}].query`),
    );
    expect(problems[0].message).toBe(
      `panel 0 ("panel 0") could read another entity's series: selector legacy_orders_total{job=~".+", backstage_entity=""} (column 1) matches job with =~; only the equality ${MY_JOB} keeps it on this entity's series`,
    );
    expect(shown.map(p => p.query)).toEqual(CONFINED_FALLBACK);
    expect(shown.filter(p => p.error)).toEqual([]);
    expect(fallbackLeaks(series)).toEqual([]);
    // The confined panels did answer: checkout's rate (1/s) and gauge (1) are there.
    expect(shown[0].series[0].points.some(([, v]) => v === 1)).toBe(true);
    expect(shown[1].series.some(s => s.labels.job === 'checkout')).toBe(true);
  });

  it('never reaches the series Lookout scrapes: an entity claiming their job gets none of them back, from panels or golden signals', async () => {
    const claimed = `sum(rate(scraped_orders_total{${LOOKOUT_JOB}}[5m]))`;
    const confined = `sum(rate(scraped_orders_total{${LOOKOUT_JOB}, backstage_entity=""}[5m]))`;
    // Straight to Prometheus, the job alone reaches payments' series.
    expect(leaks(answered(await straight(claimed))).length).toBeGreaterThan(0);
    expect(
      leaks(answered(await straight(`http_requests_total{${LOOKOUT_JOB}}`)))
        .length,
    ).toBeGreaterThan(0);

    const { problems, shown, golden, series } = await panelsOf(
      [claimed, confined],
      { 'lookout.dev/metrics-selector': `{${LOOKOUT_JOB}}` },
    );
    expect(problems.map(p => [p.path, p.message])).toEqual([
      [
        '[0].query',
        `panel 0 ("panel 0") could read another entity's series: selector scraped_orders_total{${LOOKOUT_JOB}} (column 10) has no backstage_entity matcher, so it also reads the series Lookout scrapes, every entity's; add backstage_entity=""`,
      ],
    ]);
    expect(shown.map(p => [p.query, p.error, p.series])).toEqual([
      [confined, undefined, []],
    ]);
    expect(golden).toEqual([]);
    expect(series).toEqual([]);
  });
});
