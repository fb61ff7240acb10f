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
});
