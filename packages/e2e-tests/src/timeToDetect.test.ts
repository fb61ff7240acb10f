import {
  durationSeconds,
  healthyHistoryOpenMetrics,
  minMedianMax,
} from './timeToDetect';

describe('time-to-detect helpers', () => {
  it('reads Prometheus durations', () => {
    expect(durationSeconds('15s')).toBe(15);
    expect(durationSeconds('1m30s')).toBe(90);
    expect(() => durationSeconds('15 s')).toThrow('not a duration');
  });

  it('gives the min, median and max of odd and even counts', () => {
    expect(minMedianMax([171.5, 167.8, 180])).toEqual({
      min: 167.8,
      median: 171.5,
      max: 180,
    });
    expect(minMedianMax([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4 });
  });

  it('backfills healthy rates at the evaluation interval and sums every 5 minutes, all before the end', () => {
    const end = Date.UTC(2026, 11, 3, 12, 0, 0);
    const text = healthyHistoryOpenMetrics({
      end,
      minutes: 60,
      stepSeconds: 30,
      scrapeSeconds: 15,
      requestsPerSecond: 20,
    });
    const samples = (prefix: string) =>
      text
        .split('\n')
        .filter(line => line.startsWith(prefix))
        .map(line => line.split(' ').map(Number).slice(-2));
    const total = samples(
      'slo:sli_total:rate5m{backstage_entity="component:default/demo-service",slo="availability"}',
    );
    expect(total).toHaveLength(120); // an hour every 30 s
    expect(total.every(([value]) => value === 20)).toBe(true);
    expect(total[total.length - 1][1]).toBe(end / 1000 - 30);
    const sums = samples(
      'slo:sli_total:sum5m{backstage_entity="component:default/demo-service",slo="availability"}',
    );
    expect(sums).toHaveLength(3 * 288); // three days every 5 minutes
    expect(sums[0][0]).toBe(200); // 10 rate samples of 20 req/s in 5 minutes
    expect(
      samples('slo:sli_errors:rate5m').every(([value]) => value === 0),
    ).toBe(true);
    expect(text.endsWith('# EOF\n')).toBe(true);
  });

  it('backfills the raw request counters the 1h ratio reads, at the scrape interval, apart from the live series', () => {
    const end = Date.UTC(2026, 11, 3, 12, 0, 0);
    const text = healthyHistoryOpenMetrics({
      end,
      minutes: 60,
      stepSeconds: 30,
      scrapeSeconds: 15,
      requestsPerSecond: 20,
    });
    const labels =
      'job="lookout",instance="127.0.0.1:9464",backstage_entity="component:default/demo-service",http_request_method="GET",http_response_status_code="200",lookout_history="healthy"';
    const series = (selector: string) =>
      text
        .split('\n')
        .filter(line => line.startsWith(`${selector} `))
        .map(line => line.split(' ').map(Number).slice(-2));
    const count = series(
      `http_server_request_duration_seconds_count{${labels}}`,
    );
    expect(count).toHaveLength(240); // an hour every 15 s
    expect(count[0]).toEqual([0, end / 1000 - 3600]);
    // 15 s of 20 req/s between samples; the last one 15 s before the end.
    expect(count[1]).toEqual([300, end / 1000 - 3585]);
    expect(count[count.length - 1]).toEqual([239 * 300, end / 1000 - 15]);
    // Every request under 250 ms: the latency SLI's bucket counts them all.
    expect(
      series(
        `http_server_request_duration_seconds_bucket{${labels},le="0.25"}`,
      ),
    ).toEqual(count);
    expect(
      series(
        `http_server_request_duration_seconds_bucket{${labels},le="+Inf"}`,
      ),
    ).toEqual(count);
    expect(text).toContain(
      '# TYPE http_server_request_duration_seconds histogram',
    );
    expect(text).not.toContain('http_response_status_code="5');
  });
});
