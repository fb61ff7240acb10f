import { describeIndicator } from './indicator';

describe('describeIndicator', () => {
  it('describes an errors/total ratio with both selectors', () => {
    expect(
      describeIndicator({
        type: 'ratio',
        errors: {
          metric: 'http_requests_total',
          matchers: [{ name: 'code', op: '=~', value: '5..' }],
        },
        total: { metric: 'http_requests_total', matchers: [] },
      }),
    ).toBe(
      'errors http_requests_total{code=~"5.."} / total http_requests_total',
    );
  });

  it('describes a latency SLI with its threshold', () => {
    expect(
      describeIndicator({
        type: 'latency',
        histogram: 'http_request_duration_seconds',
        histogramType: 'classic',
        thresholdSeconds: 0.3,
        matchers: [{ name: 'job', op: '=', value: 'checkout' }],
      }),
    ).toBe(
      'http_request_duration_seconds{job="checkout"} slower than 300ms (classic histogram)',
    );
  });

  it('describes a good/total ratio', () => {
    expect(
      describeIndicator({
        type: 'ratio',
        good: { metric: 'ok_total', matchers: [] },
        total: { metric: 'all_total', matchers: [] },
      }),
    ).toBe('1 − good ok_total / total all_total');
  });
});
