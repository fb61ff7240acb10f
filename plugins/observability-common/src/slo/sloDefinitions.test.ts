import { parseSloDefinitions } from './sloDefinitions';
import { checkoutRatio, goodEventsRatio } from '../testUtils';

const context = { defaultWindow: '30d' };

function parse(text: string, takenNames?: Map<string, string>) {
  return parseSloDefinitions(text, { ...context, takenNames });
}

/** The (path, message) of every error, for compact assertions. */
function errors(text: string) {
  return parse(text)
    .problems.filter(p => p.severity === 'error')
    .map(p => {
      expect(p.annotation).toBe('lookout.dev/slos');
      return [p.path, p.message];
    });
}

const RATIO = `  ratio:
    errors: http_requests_total{job="checkout", code=~"5.."}
    total: http_requests_total{job="checkout"}`;

describe('parseSloDefinitions', () => {
  it('reads a full ratio definition with every field', () => {
    const text = `
- name: availability
  description: Checkout requests succeed
  objective: 99.9
  window: 28d
${RATIO}
  alerting:
    page: true
    ticket: false
    minEvents: 100
    runbook: https://runbooks.example.com/checkout
  labels: { tier: "1", domain: payments }
`;
    expect(parse(text)).toEqual({
      problems: [],
      slos: [
        {
          name: 'availability',
          description: 'Checkout requests succeed',
          objective: 99.9,
          window: '28d',
          indicator: checkoutRatio,
          alerting: {
            page: true,
            ticket: false,
            minEvents: 100,
            runbook: 'https://runbooks.example.com/checkout',
          },
          labels: { tier: '1', domain: 'payments' },
          source: 'slos',
        },
      ],
    });
  });

  it('reads good instead of errors, a numeric-string objective and the default window', () => {
    const text = `
- name: success
  objective: "99.5"
  ratio:
    good: 'grpc_server_handled_total{job="api", grpc_code="OK"}'
    total: grpc_server_handled_total{job="api"}
`;
    const { slos, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(slos).toEqual([
      {
        name: 'success',
        objective: 99.5,
        window: '30d',
        indicator: goodEventsRatio(
          'grpc_server_handled_total',
          [{ name: 'job', op: '=', value: 'api' }],
          { name: 'grpc_code', op: '=', value: 'OK' },
        ),
        alerting: { page: true, ticket: true, minEvents: 0 },
        labels: {},
        source: 'slos',
      },
    ]);
  });

  it('reads a classic and a native latency definition', () => {
    const text = `
- name: latency
  objective: 99
  latency:
    histogram: http_request_duration_seconds
    threshold: 300ms
    selector: '{job="checkout", route!~"/health.*"}'
- name: latency-native
  objective: 95
  window: 7d
  latency:
    histogram: http_server_request_duration_seconds
    threshold: 1.5
    selector: http_server_request_duration_seconds{job="checkout"}
    native: true
`;
    const { slos, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(slos.map(slo => slo.indicator)).toEqual([
      {
        type: 'latency',
        histogram: 'http_request_duration_seconds',
        histogramType: 'classic',
        thresholdSeconds: 0.3,
        matchers: [
          { name: 'job', op: '=', value: 'checkout' },
          { name: 'route', op: '!~', value: '/health.*' },
        ],
      },
      {
        type: 'latency',
        histogram: 'http_server_request_duration_seconds',
        histogramType: 'native',
        thresholdSeconds: 1.5,
        matchers: [{ name: 'job', op: '=', value: 'checkout' }],
      },
    ]);
  });

  it('unescapes matcher values', () => {
    const text = `
- name: escaped
  objective: 99
  ratio:
    errors: 'a_total{path="/a\\"b", re=~"x\\\\.y"}'
    total: a_total
`;
    const { slos, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(slos[0].indicator).toMatchObject({
      errors: {
        matchers: [
          { name: 'path', op: '=', value: '/a"b' },
          { name: 're', op: '=~', value: 'x\\.y' },
        ],
      },
    });
  });

  it.each([
    ['not: [valid', /^is not valid YAML/],
    ['name: x', /^found a map; expected a YAML list of SLO definitions/],
    ['just text', /^found "just text"; expected a YAML list/],
    ['', /^is empty; expected a YAML list/],
    ['a: 1\n---\nb: 2', /^is not valid YAML/],
  ])('rejects a value that is not a YAML list: %j', (text, message) => {
    expect(errors(text)).toEqual([['', expect.stringMatching(message)]]);
  });

  it('rejects a list entry that is not a map', () => {
    expect(errors('- availability')).toEqual([
      [
        '[0]',
        expect.stringMatching(
          /^found "availability"; expected an SLO definition/,
        ),
      ],
    ]);
  });

  it.each([
    ['Availability', /contains capital letters/],
    ['a'.repeat(70), /is 70 characters long/],
    ['-x', /not a valid name/],
    ['a_b', /characters other than a-z, 0-9 and "-"/],
  ])('rejects the name %j', (name, message) => {
    expect(errors(`- name: ${name}\n  objective: 99\n${RATIO}`)).toEqual([
      ['[0].name', expect.stringMatching(message)],
    ]);
  });

  it('rejects a missing name and objective', () => {
    expect(errors(`- description: x\n${RATIO}`)).toEqual([
      ['[0].name', expect.stringMatching(/^is missing; expected a name/)],
      [
        '[0].objective',
        expect.stringMatching(/^is missing; expected a percentage/),
      ],
    ]);
  });

  it('rejects duplicate names and keeps the first', () => {
    const text = `
- name: availability
  objective: 99
${RATIO}
- name: availability
  objective: 99.9
${RATIO}
`;
    const { slos, problems } = parse(text);
    expect(slos.map(slo => slo.objective)).toEqual([99]);
    expect(problems).toEqual([
      {
        severity: 'error',
        annotation: 'lookout.dev/slos',
        path: '[1].name',
        message: expect.stringMatching(/already used by entry \[0\]/),
      },
    ]);
  });

  it('rejects a name taken by a preset', () => {
    const { slos, problems } = parse(
      `- name: availability\n  objective: 99\n${RATIO}`,
      new Map([['availability', 'lookout.dev/slo-availability']]),
    );
    expect(slos).toEqual([]);
    expect(problems.map(p => [p.path, p.message])).toEqual([
      [
        '[0].name',
        expect.stringMatching(
          /already used by the lookout.dev\/slo-availability preset/,
        ),
      ],
    ]);
  });

  it.each([['1d'], ['365d'], ['30 days']])('rejects the window %j', window => {
    expect(
      errors(`- name: a\n  objective: 99\n  window: ${window}\n${RATIO}`),
    ).toEqual([
      ['[0].window', expect.stringMatching(/expected a window from 7d to 90d/)],
    ]);
  });

  it('names every unknown field, with a suggestion for typos', () => {
    const text = `
- name: a
  objectve: 99
  ratio:
    errors: a_total{code="500"}
    totl: a_total
    foo: 1
  alerting: { pages: true }
`;
    expect(errors(text)).toEqual(
      expect.arrayContaining([
        [
          '[0].ratio.totl',
          expect.stringMatching(
            /^unknown field "totl"; did you mean "total"\?/,
          ),
        ],
        [
          '[0].ratio.foo',
          expect.stringMatching(
            /^unknown field "foo"; expected one of: errors, good, total$/,
          ),
        ],
        ['[0].alerting.pages', expect.stringMatching(/did you mean "page"\?/)],
        ['[0].objectve', expect.stringMatching(/did you mean "objective"\?/)],
        ['[0].objective', expect.stringMatching(/is missing/)],
        ['[0].ratio.total', expect.stringMatching(/is missing/)],
      ]),
    );
    expect(errors(text)).toHaveLength(6);
  });

  it('rejects both ratio and latency, and neither', () => {
    const both = `- name: a\n  objective: 99\n${RATIO}\n  latency: { histogram: h, threshold: 1s, selector: '{job="a"}' }`;
    expect(errors(both)).toEqual([
      ['[0]', expect.stringMatching(/has both ratio and latency/)],
    ]);
    expect(errors('- name: a\n  objective: 99')).toEqual([
      [
        '[0]',
        'has no indicator; expected exactly one of ratio (errors or good, and total) or latency (histogram, threshold, selector), e.g.\nratio:\n  errors: http_requests_total{job="checkout", code=~"5.."}\n  total: http_requests_total{job="checkout"}',
      ],
    ]);
  });

  it('rejects both errors and good, and neither', () => {
    expect(
      errors(
        '- name: a\n  objective: 99\n  ratio: { errors: a_total, good: b_total, total: c_total }',
      ),
    ).toEqual([
      ['[0].ratio', expect.stringMatching(/has both errors and good/)],
    ]);
    expect(
      errors('- name: a\n  objective: 99\n  ratio: { total: c_total }'),
    ).toEqual([
      [
        '[0].ratio',
        expect.stringMatching(/needs errors or good next to total/),
      ],
    ]);
  });

  it.each([
    ['x or vector(1)', /found a binary operation \(or\)/],
    ['rate(x[5m])', /found a function call rate\(…\)/],
    ['x{a="b"', /unbalanced braces: the \{ at column 2 is never closed/],
    ['x}', /unbalanced braces: unexpected \}/],
    ['x[5m]', /found a range selector \[5m\]/],
    ['x offset 5m', /found an offset modifier/],
    ['x @ 1700000000', /found an @ modifier/],
    ['sum(x)', /found an aggregation sum\(…\)/],
    ['{}', /the empty selector \{\} selects nothing/],
    ['{job="a"}', /names no metric/],
    ['{job=""}', /every matcher also matches an empty value/],
    ['x{a="\\q"}', /unknown escape \\q/],
  ])('rejects the ratio selector %j', (selector, message) => {
    const text = `- name: a\n  objective: 99\n  ratio:\n    errors: 'x'\n    total: ${JSON.stringify(
      selector,
    )}`;
    expect(errors(text)).toEqual([
      ['[0].ratio.total', expect.stringMatching(message)],
    ]);
  });

  it('rejects the latency threshold "fast" and other latency mistakes', () => {
    const text = `
- name: a
  objective: 99
  latency:
    histogram: http_request_duration_seconds_bucket
    threshold: fast
    selector: 'other_metric{job="a"}'
    native: "true"
`;
    expect(errors(text)).toEqual([
      [
        '[0].latency.histogram',
        expect.stringMatching(
          /ends in _bucket; give the histogram's base name/,
        ),
      ],
      [
        '[0].latency.threshold',
        expect.stringMatching(
          /^"fast" is not a duration; expected a duration in milliseconds or seconds, e.g. 300ms/,
        ),
      ],
      [
        '[0].latency.native',
        expect.stringMatching(
          /expected true or false \(write it without quotes\)/,
        ),
      ],
      [
        '[0].latency.selector',
        expect.stringMatching(
          /names the metric other_metric, not the histogram/,
        ),
      ],
    ]);
  });

  it('rejects bad alerting options and labels', () => {
    const text = `
- name: a
  objective: 99
${RATIO}
  alerting: { minEvents: -1, runbook: "wiki/page" }
  labels: { slo: x, __meta: y, "my-label": z, ok: [1] }
`;
    expect(errors(text)).toEqual([
      [
        '[0].alerting.minEvents',
        expect.stringMatching(/expected a whole number of events/),
      ],
      [
        '[0].alerting.runbook',
        expect.stringMatching(/expected an absolute http\(s\) URL/),
      ],
      [
        '[0].labels.slo',
        expect.stringMatching(/is reserved by Lookout: it names the SLO/),
      ],
      ['[0].labels.__meta', expect.stringMatching(/starts with "__"/)],
      [
        '[0].labels["my-label"]',
        expect.stringMatching(/is not a Prometheus label name/),
      ],
      ['[0].labels.ok', expect.stringMatching(/expected a text value/)],
    ]);
  });

  it('leaves out an entry with an error but keeps the valid ones', () => {
    const text = `
- name: broken
  objective: 100
${RATIO}
- name: fine
  objective: 99
${RATIO}
`;
    const { slos, problems } = parse(text);
    expect(slos.map(slo => slo.name)).toEqual(['fine']);
    expect(problems.map(p => p.path)).toEqual(['[0].objective']);
  });
});

describe('parseSloDefinitions: alerting switches (docs/slo-alerting.md)', () => {
  const slo = (alerting: string) =>
    `- name: checkout\n  objective: 99.9\n  alerting: ${alerting}\n${RATIO}`;

  it('reads metricsMissing as its own switch', () => {
    const { slos, problems } = parse(
      slo('{ page: false, ticket: false, metricsMissing: true }'),
    );
    expect(problems).toEqual([]);
    expect(slos[0].alerting).toEqual({
      page: false,
      ticket: false,
      metricsMissing: true,
      minEvents: 0,
    });
  });

  it('leaves metricsMissing unset when not written, so no alert at all follows page and ticket off', () => {
    expect(
      parse(slo('{ page: false, ticket: false }')).slos[0].alerting,
    ).toEqual({ page: false, ticket: false, minEvents: 0 });
  });

  it('refuses a metricsMissing that is not a boolean, naming the field', () => {
    expect(errors(slo('{ metricsMissing: sometimes }'))).toEqual([
      ['[0].alerting.metricsMissing', expect.stringContaining('sometimes')],
    ]);
  });
});

describe('parseSloDefinitions: latency selectors', () => {
  it('accepts matchers that all match empty values: the histogram supplies the metric name (kube-apiserver)', () => {
    const { slos, problems } = parse(`
- name: apiserver-latency
  objective: 99
  latency:
    histogram: apiserver_request_duration_seconds
    threshold: 1s
    selector: '{verb!="WATCH"}'
`);
    expect(problems).toEqual([]);
    expect(slos[0].indicator).toMatchObject({
      type: 'latency',
      histogram: 'apiserver_request_duration_seconds',
      matchers: [{ name: 'verb', op: '!=', value: 'WATCH' }],
    });
  });

  it('still refuses a ratio selector that would select every series', () => {
    expect(
      errors(`
- name: checkout
  objective: 99.9
  ratio:
    errors: '{code!="200"}'
    total: http_requests_total
`),
    ).toEqual([
      [
        '[0].ratio.errors',
        expect.stringContaining('would select every series'),
      ],
    ]);
  });
});

describe('parseSloDefinitions: SLOs that measure nothing', () => {
  it('warns when errors select the same series as total, and keeps the SLO', () => {
    const { slos, problems } = parse(`
- name: checkout
  objective: 99.9
  ratio:
    errors: http_requests_total{job="checkout"}
    total: http_requests_total{job="checkout"}
`);
    expect(slos).toHaveLength(1);
    expect(problems.map(p => [p.severity, p.path])).toEqual([
      ['warning', '[0].ratio.errors'],
    ]);
  });
});

describe('parseSloDefinitions: Prometheus 3 UTF-8 names', () => {
  it('accepts a quoted UTF-8 metric name (written as a __name__ matcher, which Prometheus 2 reads)', () => {
    const { slos, problems } = parse(`
- name: checkout
  objective: 99.9
  ratio:
    errors: '{"my.requests.total", code="500"}'
    total: '{"my.requests.total"}'
`);
    expect(problems).toEqual([]);
    expect(slos[0].indicator).toMatchObject({
      total: { metric: 'my.requests.total', matchers: [] },
    });
  });

  it('refuses a UTF-8 label name, saying why', () => {
    expect(
      errors(`
- name: checkout
  objective: 99.9
  ratio:
    errors: 'reqs_total{"http.code"="500"}'
    total: reqs_total
`),
    ).toEqual([
      [
        '[0].ratio.errors',
        expect.stringContaining(
          'the label name "http.code" needs Prometheus 3 (UTF-8 names); Prometheus 2 cannot parse it',
        ),
      ],
    ]);
  });
});
