import { parseCounterQuery } from './counterQuery';

const SELECTOR = {
  metric: 'http_requests_total',
  matchers: [{ name: 'code', op: '=~', value: '5..' }],
};

describe('parseCounterQuery', () => {
  it.each([
    'http_requests_total{code=~"5.."}',
    'rate(http_requests_total{code=~"5.."}[5m])',
    'increase(http_requests_total{code=~"5.."}[1h])',
    'sum(rate(http_requests_total{code=~"5.."}[5m]))',
    'sum by (job) (rate(http_requests_total{code=~"5.."}[5m]))',
    'sum(http_requests_total{code=~"5.."})',
    'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
    'rate(http_requests_total{code=~"5.."}[{{ .window }}])',
    'increase(http_requests_total{code=~"5.."}[$__rate_interval])',
  ])('takes the selector inside %s', query => {
    expect(parseCounterQuery(query)).toEqual({ ok: true, value: SELECTOR });
  });

  it.each([
    ['irate(x[5m])', /found a function call irate\(…\)/],
    ['avg(rate(x[5m]))', /found an aggregation avg\(…\)/],
    ['sum(rate(x[5m])) / sum(rate(y[5m]))', /found a binary operation/],
    [
      'rate(x[5m] offset 1m)',
      /^"rate\(x\[5m\] offset 1m\)" uses the modifier "offset 1m", which Lookout does not support/,
    ],
    ['sum(rate(x[5m] @ 100))', /uses the modifier "@ 100"/],
    ['x{job="a"} offset 5m', /uses the modifier "offset 5m"/],
    ['x{job="{{.job}}"}', /has a template placeholder outside a range/],
    ['{{.metric}}', /has a template placeholder outside a range/],
    ['rate(x[5m]', /ends unexpectedly|not valid PromQL/],
    ['{job="a"}', /names no metric/],
  ])('rejects %s', (query, message) => {
    const result = parseCounterQuery(query);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
