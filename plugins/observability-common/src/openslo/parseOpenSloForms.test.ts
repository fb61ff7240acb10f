/*
 * The forms OpenSLO is written in by the projects users come from: openslo/v1alpha as Sloth reads
 * it, top-level lists as the OpenSLO Go SDK and `oslo` write them, and the strict field checks
 * that replace silent defaults.
 */
import { parseOpenSloDocuments } from './parseOpenSloDocuments';
import { checkoutRequests, goodEventsRatio } from '../testUtils';

const context = { entityRef: 'component:default/checkout' };

const V1ALPHA = `apiVersion: openslo/v1alpha
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
spec:
  service: checkout
  description: Checkout requests succeed
  budgetingMethod: Occurrences
  objectives:
    - ratioMetrics:
        good:
          source: prometheus
          queryType: promql
          query: sum(rate(http_requests_total{job="checkout",code!~"5.."}[{{.window}}]))
        total:
          source: prometheus
          queryType: promql
          query: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
      target: 0.999
  timeWindows:
    - count: 28
      unit: Day
`;

const v1Slo = (name: string, extra = '') => `apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name} }
spec:
  indicator:
    metadata: { name: ${name}-sli }
    spec:
      ratioMetric:
        counter: true
        bad: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{job="checkout",code=~"5.."}' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'http_requests_total{job="checkout"}' } } }
  objectives: [{ target: 0.99 }]
${extra}`;

function problemsOf(text: string) {
  const { slos, problems } = parseOpenSloDocuments(text, context);
  return {
    slos: slos.map(s => s.name),
    problems: problems.map(p => [p.severity, p.path, p.message]),
  };
}

describe('parseOpenSloDocuments: the forms projects write', () => {
  it('reads openslo/v1alpha as Sloth writes it, [{{.window}}] ranges included', () => {
    expect(parseOpenSloDocuments(V1ALPHA, context)).toEqual({
      problems: [],
      slos: [
        {
          name: 'checkout-availability',
          description: 'Checkout requests succeed',
          objective: 99.9,
          window: '28d',
          indicator: goodEventsRatio(
            checkoutRequests.metric,
            checkoutRequests.matchers,
            { name: 'code', op: '!~', value: '5..' },
          ),
          alerting: { page: true, ticket: true, minEvents: 0 },
          labels: {},
          source: 'openslo',
        },
      ],
    });
  });

  it('reads a top-level list of documents, and lists mixed with a stream', () => {
    const list = [v1Slo('first'), v1Slo('second')]
      .map(doc => `- ${doc.trim().split('\n').join('\n  ')}`)
      .join('\n');
    expect(problemsOf(list)).toEqual({
      slos: ['first', 'second'],
      problems: [],
    });
    expect(problemsOf(`${list}\n---\n${v1Slo('third')}`).slos).toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('names list items by their place in the list', () => {
    const list = `- ${v1Slo('ok').trim().split('\n').join('\n  ')}
- apiVersion: openslo/v1
  kind: SLO
  metadata: { name: ok }
  spec: {}`;
    expect(problemsOf(list).problems).toEqual(
      expect.arrayContaining([
        ['error', 'doc[0][1].spec', expect.stringMatching(/^has no indicator/)],
      ]),
    );
  });

  it('reports a typo of timeWindow with a suggestion instead of using the default window', () => {
    expect(
      problemsOf(
        v1Slo('a', '  timewindow: [{ duration: 7d, isRolling: true }]'),
      ),
    ).toEqual({
      slos: [],
      problems: [
        [
          'error',
          'doc[0].spec.timewindow',
          'unknown field "timewindow"; did you mean "timeWindow"? Expected one of: description, service, indicator, indicatorRef, timeWindow, budgetingMethod, objectives, alertPolicies',
        ],
      ],
    });
  });

  it('reports the v1alpha timeWindows in a v1 document with a suggestion', () => {
    expect(
      problemsOf(v1Slo('a', '  timeWindows: [{ count: 7, unit: Day }]')),
    ).toEqual({
      slos: [],
      problems: [
        [
          'error',
          'doc[0].spec.timeWindows',
          expect.stringMatching(
            /^unknown field "timeWindows"; did you mean "timeWindow"\? Expected one of: /,
          ),
        ],
      ],
    });
  });

  it('says where a time window under an objective belongs', () => {
    const text = v1Slo('a').replace(
      'objectives: [{ target: 0.99 }]',
      'objectives: [{ target: 0.99, timeWindow: [{ duration: 7d }] }]',
    );
    expect(problemsOf(text)).toEqual({
      slos: [],
      problems: [
        [
          'error',
          'doc[0].spec.objectives[0].timeWindow',
          `"timeWindow" does not belong here: it is a field of the SLO's spec (spec.timeWindow); expected one of: displayName, op, value, target, targetPercent, timeSliceTarget, timeSliceWindow, indicator, indicatorRef, compositeWeight`,
        ],
      ],
    });
  });

  it('checks the fields of every nested object', () => {
    const text = v1Slo('a')
      .replace(
        'spec: { query: \'http_requests_total{job="checkout"}\' }',
        "spec: { promql: 'x_total' }",
      )
      .replace('counter: true', 'counter: true\n        totl: {}');
    expect(problemsOf(text).problems).toEqual([
      [
        'error',
        'doc[0].spec.indicator.spec.ratioMetric.totl',
        expect.stringMatching(/^unknown field "totl"; did you mean "total"\?/),
      ],
      [
        'error',
        'doc[0].spec.indicator.spec.ratioMetric.total.metricSource.spec.promql',
        'unknown field "promql"; expected one of: query',
      ],
      [
        'error',
        'doc[0].spec.indicator.spec.ratioMetric.total.metricSource.spec.query',
        'found nothing; expected a PromQL query of a counter, e.g. sum(rate(http_requests_total{job="checkout"}[5m]))',
      ],
    ]);
  });

  it('refuses a raw ratio with one problem, not a missing total besides', () => {
    const text = `apiVersion: openslo/v1
kind: SLI
metadata: { name: raw }
spec:
  ratioMetric:
    counter: false
    rawType: success
    raw: { metricSource: { type: Prometheus, spec: { query: 'x' } } }`;
    expect(problemsOf(text).problems).toEqual([
      [
        'error',
        'doc[0].spec.ratioMetric.raw',
        'precomputed raw ratios are not supported: Lookout needs the counters to weigh windows by traffic; expected good (or bad) and total counters',
      ],
    ]);
  });

  it('refuses the examples placeholder source type Any by name', () => {
    const text = v1Slo('a').replace(/type: Prometheus/g, 'type: Any');
    expect(problemsOf(text).problems).toEqual([
      [
        'error',
        'doc[0].spec.indicator.spec.ratioMetric.bad.metricSource.type',
        expect.stringMatching(
          /^found "Any", the OpenSLO examples' placeholder/,
        ),
      ],
      [
        'error',
        'doc[0].spec.indicator.spec.ratioMetric.total.metricSource.type',
        expect.stringMatching(/^found "Any"/),
      ],
    ]);
  });

  it('refuses what v1alpha can say and Lookout cannot map, each at its path', () => {
    const text = V1ALPHA.replace('unit: Day', 'unit: Month')
      .replace('target: 0.999', 'target: 0.999\n      timeSliceTarget: 0.9')
      .replace('source: prometheus', 'source: datadog')
      .replace('budgetingMethod: Occurrences', 'budgetingMethod: Timeslices');
    expect(problemsOf(text)).toEqual({
      slos: [],
      problems: [
        [
          'error',
          'doc[0].spec.timeWindows[0].unit',
          'found "Month"; expected Day, Week or Hour (Lookout windows are 7d to 90d in days, weeks or hours)',
        ],
        [
          'error',
          'doc[0].spec.budgetingMethod',
          expect.stringMatching(
            /^found "Timeslices"; Lookout supports Occurrences only/,
          ),
        ],
        [
          'error',
          'doc[0].spec.objectives[0].timeSliceTarget',
          expect.stringMatching(/^timeslice objectives are not supported/),
        ],
        [
          'error',
          'doc[0].spec.objectives[0].ratioMetrics.good.source',
          'found "datadog"; Lookout reads Prometheus sources only: expected Prometheus',
        ],
      ],
    });
  });

  it('reports v1 spellings in a v1alpha document', () => {
    const text = V1ALPHA.replace('timeWindows:', 'timeWindow:');
    expect(problemsOf(text).problems).toEqual([
      [
        'error',
        'doc[0].spec.timeWindow',
        expect.stringMatching(
          /^unknown field "timeWindow"; did you mean "timeWindows"\?/,
        ),
      ],
    ]);
  });

  it('reports an SLI or a DataSource without a name instead of ignoring it', () => {
    const text = `apiVersion: openslo/v1
kind: SLI
metadata: { displayName: Errors }
spec: {}
---
apiVersion: openslo/v1
kind: DataSource
metadata: {}
spec: { type: Prometheus }`;
    expect(problemsOf(text).problems).toEqual([
      [
        'error',
        'doc[0].metadata.name',
        'found nothing; expected the name SLOs refer to the SLI by',
      ],
      [
        'error',
        'doc[1].metadata.name',
        'found nothing; expected the name SLOs refer to the DataSource by',
      ],
    ]);
  });
});
