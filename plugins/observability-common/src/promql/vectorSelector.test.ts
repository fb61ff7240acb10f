import { parseVectorSelector } from './vectorSelector';

describe('parseVectorSelector', () => {
  it('reads a metric and its matchers', () => {
    expect(parseVectorSelector('http_requests_total{job="checkout", code=~"5.."}')).toEqual({
      ok: true,
      value: {
        metric: 'http_requests_total',
        matchers: [
          { name: 'job', op: '=', value: 'checkout' },
          { name: 'code', op: '=~', value: '5..' },
        ],
      },
    });
  });
});
