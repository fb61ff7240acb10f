/*
 * A day of the demo service's metrics for Prometheus' TSDB, as OpenMetrics for
 * `promtool tsdb create-blocks-from openmetrics`, as the demo service's exporter would expose them
 * (and for three hours after `now`, so the Metrics tab's charts do not move while a test runs):
 * the business counters of its custom panels (`shop_orders_total{country}` and
 * `shop_revenue_euros_total{country}`, one sample a minute), and the OpenTelemetry HTTP server
 * histogram its SLO presets read (`http_server_request_duration_seconds`, one sample every 15 s),
 * from which the Metrics tab draws the golden signals.
 */

/** Orders per minute, by country, of the demo service. */
export const DEMO_ORDERS_PER_MINUTE: Record<string, number> = { DE: 12, FR: 6 };

/** Revenue in euros per minute, by country, of the demo service. */
export const DEMO_REVENUE_EUROS_PER_MINUTE: Record<string, number> = {
  DE: 360,
  FR: 180,
};

/** HTTP requests per second of the demo service, by response status code. */
export const DEMO_REQUESTS_PER_SECOND: Record<string, number> = {
  '200': 9.995,
  '500': 0.005,
};

/**
 * Share of the demo service's requests at or under each bucket boundary (seconds) of its
 * duration histogram; the latency SLO's threshold, 250ms, is one.
 */
export const DEMO_LATENCY_BUCKETS: Array<[le: string, share: number]> = [
  ['0.05', 0.5],
  ['0.1', 0.8],
  ['0.25', 0.995],
  ['0.5', 0.999],
  ['1', 1],
  ['+Inf', 1],
];

/** The entity whose metrics these are. */
export const DEMO_SERVICE_REF = 'component:default/demo-service';

/** Spacing of the HTTP histogram's samples: a few of them in every golden-signal rate window. */
const HTTP_SAMPLE_SECONDS = 15;

/** Mean request duration written to `_sum`, in seconds. */
const MEAN_DURATION_SECONDS = 0.06;

function counterLines(
  metric: string,
  perMinute: Record<string, number>,
  start: number,
  end: number,
): string[] {
  const lines = [`# TYPE ${metric} counter`];
  for (const [country, rate] of Object.entries(perMinute)) {
    for (let minute = start; minute <= end; minute++) {
      lines.push(
        `${metric}_total{backstage_entity="${DEMO_SERVICE_REF}",country="${country}"} ${
          (minute - start) * rate
        } ${minute * 60}`,
      );
    }
  }
  return lines;
}

function histogramLines(start: number, end: number): string[] {
  const metric = 'http_server_request_duration_seconds';
  const lines = [`# TYPE ${metric} histogram`];
  const labels = (code: string) =>
    `backstage_entity="${DEMO_SERVICE_REF}",http_response_status_code="${code}"`;
  const series = (name: string, perSecond: number) => {
    for (let t = start; t <= end; t += HTTP_SAMPLE_SECONDS) {
      lines.push(`${name} ${(t - start) * perSecond} ${t}`);
    }
  };
  for (const [code, perSecond] of Object.entries(DEMO_REQUESTS_PER_SECOND)) {
    for (const [le, share] of DEMO_LATENCY_BUCKETS) {
      series(`${metric}_bucket{${labels(code)},le="${le}"}`, perSecond * share);
    }
    series(`${metric}_count{${labels(code)}}`, perSecond);
    series(`${metric}_sum{${labels(code)}}`, perSecond * MEAN_DURATION_SECONDS);
  }
  return lines;
}

/** OpenMetrics text of the series, from a day before `now` (epoch ms) to three hours after. */
export function businessHistoryOpenMetrics(now: number): string {
  const end = Math.floor(now / 60_000) + 3 * 60;
  const start = end - 27 * 60;
  return [
    ...counterLines('shop_orders', DEMO_ORDERS_PER_MINUTE, start, end),
    ...counterLines(
      'shop_revenue_euros',
      DEMO_REVENUE_EUROS_PER_MINUTE,
      start,
      end,
    ),
    ...histogramLines(start * 60, end * 60),
    '# EOF',
    '',
  ].join('\n');
}
