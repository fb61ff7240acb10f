import { parseOpenSloDocuments } from './parseOpenSloDocuments';
import { checkoutRatio, openSloRatioMetric } from '../testUtils';

const context = { entityRef: 'component:default/checkout' };

const SLI_AND_SLO = `
apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-errors
spec:
${openSloRatioMetric(
  'sum(rate(http_requests_total{job="checkout", code=~"5.."}[5m]))',
  'http_requests_total{job="checkout"}',
  '  ',
)}
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  labels:
    tier: "1"
    domain: [payments, checkout]
spec:
  description: Checkout requests succeed
  service: checkout
  indicatorRef: checkout-errors
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - displayName: good
      target: 0.995
`;

describe('parseOpenSloDocuments', () => {
  it('maps an SLO with an indicatorRef to an SLI document', () => {
    expect(parseOpenSloDocuments(SLI_AND_SLO, context)).toEqual({
      problems: [],
      slos: [
        {
          name: 'checkout-availability',
          description: 'Checkout requests succeed',
          objective: 99.5,
          window: '28d',
          indicator: checkoutRatio,
          alerting: { page: true, ticket: true, minEvents: 0 },
          labels: { tier: '1', domain: 'payments,checkout' },
          source: 'openslo',
        },
      ],
    });
  });

  it('maps an inline indicator with good events, targetPercent and the default window', () => {
    const text = `
apiVersion: openslo/v1
kind: DataSource
metadata: { name: prom }
spec: { type: Prometheus, connectionDetails: { url: http://prometheus:9090 } }
---
apiVersion: openslo/v1
kind: SLO
metadata: { name: api-success }
spec:
  indicator:
    metadata: { name: api-success-sli }
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            metricSourceRef: prom
            spec: { query: 'increase(grpc_server_handled_total{grpc_code="OK"}[1h])' }
        total:
          metricSource:
            type: prometheus
            spec: { query: 'sum by (job) (rate(grpc_server_handled_total[5m]))' }
  objectives:
    - targetPercent: 99.9
`;
    const { slos, problems } = parseOpenSloDocuments(text, {
      ...context,
      defaultWindow: '4w',
    });
    expect(problems).toEqual([]);
    expect(slos).toEqual([
      {
        name: 'api-success',
        objective: 99.9,
        window: '4w',
        indicator: {
          type: 'ratio',
          good: {
            metric: 'grpc_server_handled_total',
            matchers: [{ name: 'grpc_code', op: '=', value: 'OK' }],
          },
          total: { metric: 'grpc_server_handled_total', matchers: [] },
        },
        alerting: { page: true, ticket: true, minEvents: 0 },
        labels: {},
        source: 'openslo',
      },
    ]);
  });

  function problemsOf(text: string) {
    return parseOpenSloDocuments(text, context).problems.map(p => {
      expect(p.annotation).toBe('lookout.dev/openslo');
      return [p.severity, p.path, p.message];
    });
  }

  const slo = (spec: string, name = 'a') =>
    `apiVersion: openslo/v1\nkind: SLO\nmetadata: { name: ${name} }\nspec:\n${spec}`;
  const inline = `  indicator:
    spec:
      ratioMetric:
        bad: { metricSource: { type: Prometheus, spec: { query: 'x_total{code="500"}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: x_total } } }
`;

  it.each([
    [
      'target above 1',
      `${inline}  objectives: [{ target: 99.5 }]`,
      'spec.objectives[0].target',
      /expected a fraction above 0 and below 1 \(0.995 is 99.5%, or targetPercent for a percentage\), e.g. 0.995$/,
    ],
    [
      'target 1',
      `${inline}  objectives: [{ target: 1 }]`,
      'spec.objectives[0].target',
      /100% leaves no error budget/,
    ],
    [
      'no objectives',
      inline,
      'spec.objectives',
      /expected a list with one objective/,
    ],
    [
      'two objectives',
      `${inline}  objectives: [{ target: 0.9 }, { target: 0.99 }]`,
      'spec.objectives',
      /has 2 objectives/,
    ],
    [
      'calendar window',
      `${inline}  objectives: [{ target: 0.99 }]\n  timeWindow: [{ duration: 1M, calendar: { startTime: "2024-01-01 00:00:00", timeZone: UTC } }]`,
      'spec.timeWindow[0]',
      /calendar-aligned windows are not supported/,
    ],
    [
      'short window',
      `${inline}  objectives: [{ target: 0.99 }]\n  timeWindow: [{ duration: 1d, isRolling: true }]`,
      'spec.timeWindow[0].duration',
      /shorter than 7d/,
    ],
    [
      'timeslices',
      `${inline}  objectives: [{ target: 0.99 }]\n  budgetingMethod: Timeslices`,
      'spec.budgetingMethod',
      /Occurrences only/,
    ],
    [
      'no indicator',
      '  objectives: [{ target: 0.99 }]',
      'spec',
      /has no indicator/,
    ],
    [
      'missing SLI',
      '  indicatorRef: nope\n  objectives: [{ target: 0.99 }]',
      'spec.indicatorRef',
      /names no SLI document in this file \(it has none\)/,
    ],
  ])('rejects %s', (_, spec, path, message) => {
    const result = parseOpenSloDocuments(slo(spec), context);
    expect(result.slos).toEqual([]);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        annotation: 'lookout.dev/openslo',
        path: `doc[0].${path}`,
        message: expect.stringMatching(message),
      },
    ]);
  });

  it('rejects queries that are not a counter selector, naming the query path', () => {
    const text = slo(`  indicator:
    spec:
      ratioMetric:
        bad: { metricSource: { type: Prometheus, spec: { query: 'x_total or vector(0)' } } }
        total: { metricSource: { type: Datadog, spec: { query: 'sum:x{*}' } } }
  objectives: [{ target: 0.99 }]`);
    expect(problemsOf(text)).toEqual([
      [
        'error',
        'doc[0].spec.indicator.spec.ratioMetric.bad.metricSource.spec.query',
        expect.stringMatching(/found a binary operation \(or\)/),
      ],
      [
        'error',
        'doc[0].spec.indicator.spec.ratioMetric.total.metricSource.type',
        expect.stringMatching(/Prometheus sources only/),
      ],
    ]);
  });

  it('reports an SLI with errors once and the SLO that refers to it', () => {
    const text = `apiVersion: openslo/v1
kind: SLI
metadata: { name: s }
spec:
  thresholdMetric: { metricSource: { type: Prometheus, spec: { query: x } } }
---
${slo('  indicatorRef: s\n  objectives: [{ target: 0.99 }]')}`;
    expect(problemsOf(text)).toEqual([
      [
        'error',
        'doc[0].spec',
        expect.stringMatching(
          /uses thresholdMetric, which Lookout does not support/,
        ),
      ],
      [
        'error',
        'doc[1].spec.indicatorRef',
        'refers to the SLI doc[0], which has errors',
      ],
    ]);
  });

  it('rejects other API versions, unknown kinds, invalid names and duplicate names', () => {
    const text = [
      'apiVersion: openslo/v2alpha\nkind: SLO\nmetadata: { name: a }',
      'apiVersion: openslo/v1\nkind: Budget\nmetadata: { name: a }',
      slo(`${inline}  objectives: [{ target: 0.99 }]`, 'Bad_Name'),
      slo(`${inline}  objectives: [{ target: 0.99 }]`, 'dup'),
      slo(`${inline}  objectives: [{ target: 0.999 }]`, 'dup'),
    ].join('\n---\n');
    const { slos, problems } = parseOpenSloDocuments(text, context);
    expect(slos.map(s => [s.name, s.objective])).toEqual([['dup', 99]]);
    expect(problems.map(p => [p.path, p.message])).toEqual([
      [
        'doc[0].apiVersion',
        'found "openslo/v2alpha"; expected openslo/v1 or openslo/v1alpha (other OpenSLO versions are not supported)',
      ],
      [
        'doc[1].kind',
        'found "Budget"; expected one of the openslo/v1 kinds: SLO, SLI, DataSource, Service, AlertPolicy, AlertCondition, AlertNotificationTarget',
      ],
      [
        'doc[2].metadata.name',
        expect.stringMatching(/contains capital letters/),
      ],
      [
        'doc[4].metadata.name',
        expect.stringMatching(/already used by doc\[3\]/),
      ],
    ]);
  });

  it('warns that alert policies are ignored and that some tiers can never fire', () => {
    const text = slo(
      `${inline}  objectives: [{ target: 0.9 }]\n  alertPolicies: [fast-burn]`,
    );
    const { slos, problems } = parseOpenSloDocuments(text, context);
    expect(slos).toHaveLength(1);
    expect(
      problems.map(p => [p.severity, p.path, p.message.slice(0, 40)]),
    ).toEqual([
      [
        'warning',
        'doc[0].spec.alertPolicies',
        'alertPolicies are ignored: Lookout gener',
      ],
      [
        'warning',
        'doc[0].spec.objectives[0].target',
        'the page tier 1h/5m is left out: with ob',
      ],
    ]);
  });

  it.each([
    ['not: [yaml', 'doc[0]'],
    ['42', 'doc[0]'],
    ['- a list', 'doc[0][0]'],
  ])('reports %j as not an OpenSLO document at %s', (text, path) => {
    const { slos, problems } = parseOpenSloDocuments(text, context);
    expect(slos).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        path,
        annotation: 'lookout.dev/openslo',
      }),
    ]);
  });

  it('ignores empty documents and names the annotation given', () => {
    const result = parseOpenSloDocuments('---\n---\nkind: SLO', {
      ...context,
      annotation: 'slos.yaml',
    });
    expect(result.problems).toEqual([
      expect.objectContaining({
        annotation: 'slos.yaml',
        path: 'doc[1].apiVersion',
      }),
    ]);
  });
});
