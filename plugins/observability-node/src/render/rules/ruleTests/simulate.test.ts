import { ratioSlo } from '../__testUtils__/sloFixtures';
import { sloNumbers } from '../alertTiers';
import {
  CounterSeries,
  SloTimeline,
  currentBurn,
  metricsMissingFires,
  tiersFire,
} from './simulate';

const bad = { __name__: 'http_requests_total', job: 'checkout', code: '500' };
const good = { __name__: 'http_requests_total', job: 'checkout', code: '200' };

function counter(
  labels: Record<string, string>,
  perMinute: (minute: number) => number,
  minutes: number,
): CounterSeries {
  const values = [0];
  for (let m = 1; m <= minutes; m++) {
    values.push(values[m - 1] + perMinute(m));
  }
  return { labels, values };
}

describe('SloTimeline', () => {
  const slo = ratioSlo();

  it('records rates of a steady counter exactly, from the second sample on', () => {
    const series = [counter(bad, () => 6, 60), counter(good, () => 594, 60)];
    for (const semantics of ['closed', 'leftOpen'] as const) {
      const timeline = new SloTimeline(slo, series, 12, semantics);
      expect(timeline.total[0]).toBeUndefined();
      expect(timeline.errors[0]).toBe(0); // `or vector(0)`
      expect(timeline.total[12]).toBeCloseTo(10, 12);
      expect(timeline.errors[12]).toBeCloseTo(0.1, 12);
      expect(timeline.ratio(12, '5m')).toBeCloseTo(0.01, 12);
      expect(timeline.ratio(12, '1h')).toBeCloseTo(0.01, 12);
    }
  });

  it('tells closed (Prometheus 2) from left-open (Prometheus 3) ranges after a change', () => {
    // Healthy for an hour, then everything fails.
    const series = [
      counter(bad, m => (m > 60 ? 100 : 0), 120),
      counter(good, m => (m > 60 ? 0 : 100), 120),
    ];
    const closed = new SloTimeline(slo, series, 24, 'closed');
    const open = new SloTimeline(slo, series, 24, 'leftOpen');
    // 5 minutes into the outage the 5m window is all outage under both semantics...
    expect(closed.ratio(13, '5m')).toBeCloseTo(1, 12);
    expect(open.ratio(13, '5m')).toBeCloseTo(1, 12);
    // ...while the 30m window, derived from the rates, holds 1 outage sample of 7 (closed) or
    // of 6 (open)...
    expect(closed.ratio(13, '30m')).toBeCloseTo(1 / 7, 12);
    expect(open.ratio(13, '30m')).toBeCloseTo(1 / 6, 12);
    // ...and the 1h window, read from the counters over minutes 5…65, 500 failures of 6,000
    // requests (closed). Left-open, the range starts at minute 6: the good counter's rate is
    // 5,400 over 59 minutes, extrapolated to the hour; the bad one's stops at its zero.
    expect(closed.ratio(13, '1h')).toBeCloseTo(1 / 12, 12);
    expect(open.ratio(13, '1h')).toBeCloseTo(
      500 / 3600 / (500 / 3600 + 5400 / 3540),
      12,
    );
  });

  it('records no ratio while nothing is served, never 0/0', () => {
    const series = [
      counter(bad, () => 0, 60),
      counter(good, m => (m > 30 ? 0 : 100), 60),
    ];
    const timeline = new SloTimeline(slo, series, 12, 'closed');
    expect(timeline.ratio(12, '5m')).toBeUndefined();
    expect(timeline.ratio(12, '1h')).toBe(0);
  });

  it('decides tiers and the burn value from the recorded ratios', () => {
    const numbers = sloNumbers(slo);
    const series = [counter(bad, () => 100, 60), counter(good, () => 0, 60)];
    const timeline = new SloTimeline(slo, series, 12, 'closed');
    const page = numbers.tiers.filter(t => t.tier.severity === 'page');
    expect(tiersFire(timeline, page, 12)).toBe(true);
    expect(currentBurn(timeline, numbers, 12)).toBeCloseTo(1000, 6);
    expect(metricsMissingFires(timeline, 12)).toBe(false);
  });

  it('fires SLOMetricsMissing once the data has been absent for 10 minutes', () => {
    const timeline = new SloTimeline(slo, [], 3, 'closed');
    expect(
      [0, 1, 2, 3].map(step => metricsMissingFires(timeline, step)),
    ).toEqual([false, false, true, true]);
  });
});
