/*
 * The fields of each OpenSLO object, by version, as the specification defines them
 * (github.com/OpenSLO/OpenSLO, README of v1 and of v1alpha), and where a field found at the wrong
 * level belongs. Fields listed here are known; whether Lookout supports them is decided by the
 * readers, which refuse the unsupported ones by name.
 */

const DOCUMENT = ['apiVersion', 'kind', 'metadata', 'spec'];

/** `openslo/v1` objects. @internal */
export const OPENSLO_V1_FIELDS = {
  document: DOCUMENT,
  metadata: ['name', 'displayName', 'labels', 'annotations'],
  sloSpec: [
    'description',
    'service',
    'indicator',
    'indicatorRef',
    'timeWindow',
    'budgetingMethod',
    'objectives',
    'alertPolicies',
  ],
  timeWindow: ['duration', 'isRolling', 'calendar'],
  objective: [
    'displayName',
    'op',
    'value',
    'target',
    'targetPercent',
    'timeSliceTarget',
    'timeSliceWindow',
    'indicator',
    'indicatorRef',
    'compositeWeight',
  ],
  inlineIndicator: ['metadata', 'spec'],
  sliSpec: ['description', 'thresholdMetric', 'ratioMetric'],
  ratioMetric: ['counter', 'good', 'bad', 'total', 'rawType', 'raw'],
  metric: ['metricSource'],
  metricSource: ['metricSourceRef', 'type', 'spec'],
  prometheusQuery: ['query'],
  dataSourceSpec: ['description', 'type', 'connectionDetails'],
  serviceSpec: ['description'],
  placements: {
    timeWindow: "a field of the SLO's spec (spec.timeWindow)",
    budgetingMethod: "a field of the SLO's spec (spec.budgetingMethod)",
    objectives: "a field of the SLO's spec (spec.objectives)",
    alertPolicies: "a field of the SLO's spec (spec.alertPolicies)",
    target: 'a field of an objective (spec.objectives[0].target)',
    targetPercent: 'a field of an objective (spec.objectives[0].targetPercent)',
    duration: 'a field of a time window (spec.timeWindow[0].duration)',
    isRolling: 'a field of a time window (spec.timeWindow[0].isRolling)',
    ratioMetric: "a field of an SLI's spec (spec.indicator.spec.ratioMetric)",
    thresholdMetric:
      "a field of an SLI's spec (spec.indicator.spec.thresholdMetric)",
    good: 'a field of ratioMetric (spec.indicator.spec.ratioMetric.good)',
    bad: 'a field of ratioMetric (spec.indicator.spec.ratioMetric.bad)',
    total: 'a field of ratioMetric (spec.indicator.spec.ratioMetric.total)',
    metricSource: 'a field of good, bad or total (good.metricSource)',
    query: 'a field of a Prometheus source (metricSource.spec.query)',
    name: 'a field of metadata (metadata.name)',
    labels: 'a field of metadata (metadata.labels)',
    ratioMetrics:
      "the openslo/v1alpha spelling; openslo/v1 writes an SLI's spec.ratioMetric (spec.indicator.spec.ratioMetric)",
  },
} as const;

/** `openslo/v1alpha` objects, the form Sloth reads. @internal */
export const OPENSLO_V1ALPHA_FIELDS = {
  document: DOCUMENT,
  metadata: ['name', 'displayName'],
  sloSpec: [
    'description',
    'service',
    'indicator',
    'timeWindows',
    'budgetingMethod',
    'objectives',
    'alertPolicies',
  ],
  timeWindow: ['unit', 'count', 'isRolling', 'calendar'],
  objective: [
    'displayName',
    'op',
    'value',
    'target',
    'timeSliceTarget',
    'ratioMetrics',
  ],
  ratioMetrics: ['incremental', 'good', 'total'],
  query: ['source', 'queryType', 'query', 'metadata'],
  serviceSpec: ['description'],
  placements: {
    timeWindows: "a field of the SLO's spec (spec.timeWindows)",
    budgetingMethod: "a field of the SLO's spec (spec.budgetingMethod)",
    objectives: "a field of the SLO's spec (spec.objectives)",
    target: 'a field of an objective (spec.objectives[0].target)',
    ratioMetrics:
      'a field of an objective in openslo/v1alpha (spec.objectives[0].ratioMetrics)',
    count: 'a field of a time window (spec.timeWindows[0].count)',
    unit: 'a field of a time window (spec.timeWindows[0].unit)',
    good: 'a field of ratioMetrics (spec.objectives[0].ratioMetrics.good)',
    total: 'a field of ratioMetrics (spec.objectives[0].ratioMetrics.total)',
    query:
      'a field of a ratioMetrics query (spec.objectives[0].ratioMetrics.good.query)',
    ratioMetric:
      'the openslo/v1 spelling; openslo/v1alpha writes spec.objectives[0].ratioMetrics',
    indicatorRef:
      'an openslo/v1 field; openslo/v1alpha has no SLI documents: write ratioMetrics in the objective',
  },
} as const;
