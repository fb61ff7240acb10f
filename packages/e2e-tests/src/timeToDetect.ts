/*
 * What the live test needs to measure time to detect (docs/benchmarks.md, "Time to detect"):
 *
 * - a healthy history, backfilled before Prometheus starts, as the rules would have seen it over
 *   hours of healthy traffic: the two 5-minute rates Lookout's rules record per SLO
 *   (`slo:sli_errors:rate5m` 0, `slo:sli_total:rate5m` the traffic) at the evaluation interval,
 *   their 5-minute sums, and the raw series the 1h error ratio reads over the hour (the demo
 *   service's request counter and its 250 ms latency bucket, every request a fast success) at
 *   the scrape interval. Without it the 1h ratio of a fresh Prometheus holds a few minutes of
 *   traffic and crosses the page threshold within seconds of an outage, which no production
 *   Prometheus does;
 * - the options measured beside Lookout's page, as extra alerting rules over the same scrapes
 *   (their own history backfilled the same way): the short window alone, the long window summed
 *   from the recorded 5-minute rates (Lookout's rules before the 1h window read the raw
 *   counters), and the long window summed from 1-minute rates instead.
 */
/** The demo service's entity and its SLOs (examples/entities.yaml). */
export const DEMO_ENTITY = 'component:default/demo-service';
const DEMO_SLOS = ['availability', 'latency'];
/** The demo service's request counter (its OpenTelemetry HTTP server histogram). */
export const REQUESTS = 'http_server_request_duration_seconds_count';
/** The demo service's request duration histogram, whose count and buckets the SLIs read. */
const DURATION = 'http_server_request_duration_seconds';
/**
 * Labels of the backfilled raw series besides the scrape's: those of the demo service's healthy
 * requests, and `lookout_history`, which keeps them apart from the series Prometheus scrapes once
 * it runs (same name and labels, they would be one series with a gap and a counter reset).
 */
const RAW_HISTORY_LABELS = [
  'job="lookout"',
  'instance="127.0.0.1:9464"',
  `backstage_entity="${DEMO_ENTITY}"`,
  'http_request_method="GET"',
  'http_response_status_code="200"',
  'lookout_history="healthy"',
].join(',');
/** The latency SLI's threshold bucket (`99% < 250ms`); every healthy request falls in it. */
const LATENCY_BUCKET = '0.25';
/** The page threshold of a 99.9 % SLO: burn rate 14.4 × the 0.1 % budget. */
const PAGE_RATIO = 0.0144;

/** Options of {@link healthyHistoryOpenMetrics}. */
export interface HealthyHistoryOptions {
  /** Epoch ms the history ends at (Prometheus starts after it). */
  end: number;
  /** Minutes of history of the 5-minute rates (the longest page window is 6h). */
  minutes: number;
  /** Seconds between the rates' samples: the evaluation interval. */
  stepSeconds: number;
  /** Seconds between the raw counters' samples: the scrape interval. */
  scrapeSeconds: number;
  /** Requests per second of the healthy traffic. */
  requestsPerSecond: number;
}

/** Days of the 5-minute sums' history (the longest ticket window is 3d). */
const SUMS_HISTORY_DAYS = 3;

/** OpenMetrics text of the healthy history (for `promtool tsdb create-blocks-from openmetrics`). */
export function healthyHistoryOpenMetrics(
  options: HealthyHistoryOptions,
): string {
  const endSeconds = Math.floor(options.end / 1000);
  const samples = (spanSeconds: number, stepSeconds: number) => {
    const times: number[] = [];
    for (let t = endSeconds - spanSeconds; t < endSeconds; t += stepSeconds) {
      times.push(t);
    }
    return times;
  };
  const rateTimes = samples(options.minutes * 60, options.stepSeconds);
  // The sums group runs every 5m and adds up the rate samples of its last 5 minutes.
  const sumTimes = samples(SUMS_HISTORY_DAYS * 86400, 300);
  const rate = options.requestsPerSecond;
  const rateSamplesIn5m = 300 / options.stepSeconds;
  const lines: string[] = [];
  const family = (
    name: string,
    times: number[],
    value: number,
    labelSets: string[],
  ) => {
    lines.push(`# TYPE ${name} gauge`);
    for (const labels of labelSets) {
      for (const t of times) lines.push(`${name}${labels} ${value} ${t}`);
    }
  };
  const sloLabels = DEMO_SLOS.map(
    slo => `{backstage_entity="${DEMO_ENTITY}",slo="${slo}"}`,
  );
  family('slo:sli_errors:rate5m', rateTimes, 0, sloLabels);
  family('slo:sli_total:rate5m', rateTimes, rate, sloLabels);
  family('slo:sli_errors:sum5m', sumTimes, 0, sloLabels);
  family('slo:sli_total:sum5m', sumTimes, rate * rateSamplesIn5m, sloLabels);
  family('lookout_ttd:errors:rate1m', rateTimes, 0, ['']);
  family('lookout_ttd:total:rate1m', rateTimes, rate, ['']);
  // The raw series under the demo service's own names, as scraped: the 1h ratio of Lookout's
  // rules reads them over the hour. They end where Prometheus starts, so a 5m rate right after
  // the start adds their last minutes to the live series' first ones, as it would on a
  // Prometheus that had kept running. Errors need none: the ratio reads no 5xx as 0.
  const rawTimes = samples(options.minutes * 60, options.scrapeSeconds);
  const counted = (t: number) => (t - rawTimes[0]) * rate;
  lines.push(`# TYPE ${DURATION} histogram`);
  for (const le of [LATENCY_BUCKET, '+Inf']) {
    for (const t of rawTimes) {
      lines.push(
        `${DURATION}_bucket{${RAW_HISTORY_LABELS},le="${le}"} ${counted(
          t,
        )} ${t}`,
      );
    }
  }
  for (const t of rawTimes) {
    lines.push(`${DURATION}_count{${RAW_HISTORY_LABELS}} ${counted(t)} ${t}`);
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

/** Requests per second the demo service counted between two reads of its metrics, `ms` apart. */
export async function measureRequestRate(
  metricsUrl: string,
  ms: number,
): Promise<number> {
  const count = async () => {
    const text = await (await fetch(metricsUrl)).text();
    let sum = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith(`${REQUESTS}{`) || line.startsWith(`${REQUESTS} `)) {
        sum += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  };
  const first = await count();
  const started = Date.now();
  await new Promise(r => setTimeout(r, ms));
  const second = await count();
  return (second - first) / ((Date.now() - started) / 1000);
}

/** The alerts of the options, by name, with what each changes. */
export const DETECTION_OPTIONS: Record<string, string> = {
  LookoutTtdShortWindowOnly:
    'the 5m window alone (no long window): the floor of scrape, rate and evaluation',
  LookoutTtdRate5mSums1h:
    'the 1h window summed from the recorded 5m rates (Lookout before it read the raw counters)',
  LookoutTtdRate1mSums:
    'the 1h window summed from recorded 1m rates instead of 5m rates',
};

/** One rule file holding the options' records and alerts, evaluated at the global interval. */
export function detectionOptionRules(): string {
  const all = `${REQUESTS}{backstage_entity="${DEMO_ENTITY}"}`;
  const errors = `${REQUESTS}{backstage_entity="${DEMO_ENTITY}", http_response_status_code=~"5.."}`;
  const recorded = (name: string) =>
    `${name}{backstage_entity="${DEMO_ENTITY}", slo="availability"}`;
  const rule = (fields: Record<string, string>) => [
    `      - ${Object.entries(fields)
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
      .join('\n        ')}`,
  ];
  return [
    '# Time-to-detect options, measured beside Lookout’s page (packages/e2e-tests/src/timeToDetect.ts).',
    'groups:',
    '  - name: lookout-ttd-options',
    '    rules:',
    ...rule({
      record: 'lookout_ttd:error:ratio5m',
      expr: `(sum(rate(${errors}[5m])) or vector(0)) / (sum(rate(${all}[5m])) > 0)`,
    }),
    ...rule({
      record: 'lookout_ttd:errors:rate1m',
      expr: `sum(rate(${errors}[1m])) or vector(0)`,
    }),
    ...rule({
      record: 'lookout_ttd:total:rate1m',
      expr: `sum(rate(${all}[1m]))`,
    }),
    ...rule({
      alert: 'LookoutTtdShortWindowOnly',
      expr: `lookout_ttd:error:ratio5m > ${PAGE_RATIO}`,
    }),
    ...rule({
      alert: 'LookoutTtdRate5mSums1h',
      expr: `sum_over_time(${recorded(
        'slo:sli_errors:rate5m',
      )}[1h]) / sum_over_time(${recorded(
        'slo:sli_total:rate5m',
      )}[1h]) > ${PAGE_RATIO} and on () lookout_ttd:error:ratio5m > ${PAGE_RATIO}`,
    }),
    ...rule({
      alert: 'LookoutTtdRate1mSums',
      expr: `sum_over_time(lookout_ttd:errors:rate1m[1h]) / sum_over_time(lookout_ttd:total:rate1m[1h]) > ${PAGE_RATIO} and on () lookout_ttd:error:ratio5m > ${PAGE_RATIO}`,
    }),
    '',
  ].join('\n');
}

/** Seconds of a Prometheus duration such as `15s`, `1m`, `1m30s`. */
export function durationSeconds(duration: string): number {
  const parts = [...duration.matchAll(/(\d+)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map(p => p[0]).join('') !== duration) {
    throw new Error(`not a duration: ${duration}`);
  }
  const unit: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
  return parts.reduce((sum, [, n, u]) => sum + Number(n) * unit[u], 0);
}

/** Minimum, median and maximum of some figures (the median of an even count: the mean of the middle two). */
export function minMedianMax(values: number[]): {
  min: number;
  median: number;
  max: number;
} {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? sorted[middle]
      : (sorted[middle - 1] + sorted[middle]) / 2;
  return { min: sorted[0], median, max: sorted[sorted.length - 1] };
}
