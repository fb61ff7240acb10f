import { VectorSelector } from '@lookout/plugin-observability-common';
import { selects, seriesText, synthesizeLabels } from './syntheticLabels';

const total: VectorSelector = {
  metric: 'http_requests_total',
  matchers: [{ name: 'job', op: '=', value: 'checkout' }],
};
const errors: VectorSelector = {
  metric: 'http_requests_total',
  matchers: [
    { name: 'job', op: '=', value: 'checkout' },
    { name: 'code', op: '=~', value: '5..' },
  ],
};

describe('synthesizeLabels', () => {
  it('builds a bad-events series both selectors select', () => {
    const labels = synthesizeLabels([errors, total])!;
    expect(labels).toEqual({
      __name__: 'http_requests_total',
      job: 'checkout',
      code: '500',
    });
    expect(selects(errors, labels)).toBe(true);
    expect(selects(total, labels)).toBe(true);
  });

  it('builds a good-events series only the total selector selects', () => {
    const labels = synthesizeLabels([total], errors)!;
    // Without a `code` label the errors selector does not select it, as in Prometheus.
    expect(labels).toEqual({
      __name__: 'http_requests_total',
      job: 'checkout',
    });
    expect(selects(errors, labels)).toBe(false);
    const withCode: VectorSelector = {
      ...total,
      matchers: [...total.matchers, { name: 'code', op: '!=', value: '' }],
    };
    expect(synthesizeLabels([withCode], errors)).toEqual({
      __name__: 'http_requests_total',
      job: 'checkout',
      code: '200',
    });
  });

  it('honours negative matchers by leaving the label out or picking another value', () => {
    const notOk: VectorSelector = {
      metric: 'rpc_total',
      matchers: [
        { name: 'status', op: '!~', value: 'OK|' },
        { name: 'env', op: '!=', value: 'dev' },
      ],
    };
    const labels = synthesizeLabels([notOk])!;
    expect(selects(notOk, labels)).toBe(true);
    expect(labels.env).toBeUndefined();
    expect(labels.status).toBe('200');
  });

  it('gives up when no candidate satisfies the selectors', () => {
    const contradiction: VectorSelector = {
      metric: 'x',
      matchers: [
        { name: 'a', op: '=', value: 'b' },
        { name: 'a', op: '!=', value: 'b' },
      ],
    };
    expect(synthesizeLabels([contradiction])).toBeUndefined();
    expect(synthesizeLabels([total], total)).toBeUndefined();
  });
});

describe('seriesText', () => {
  it('writes promtool series notation with sorted, quoted labels', () => {
    expect(seriesText({ __name__: 'up', job: 'a"b', code: '200' })).toBe(
      'up{code="200", job="a\\"b"}',
    );
    expect(seriesText({ __name__: 'http.requests' })).toBe(
      '{__name__="http.requests"}',
    );
  });
});
