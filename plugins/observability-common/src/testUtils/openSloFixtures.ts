/*
 * OpenSLO text as the tests write it: a `ratioMetric` over Prometheus counters, and an
 * `openslo/v1` SLO with that indicator inline. Block style throughout, so tests can replace a
 * line to break the document where they need to.
 */

/**
 * A `ratioMetric` of Prometheus counters (`bad` and `total` queries) as YAML lines, each prefixed
 * by `indent`.
 * @public
 */
export function openSloRatioMetric(
  bad: string,
  total: string,
  indent = '',
): string {
  const source = (query: string) => [
    '    metricSource:',
    '      type: Prometheus',
    '      spec:',
    `        query: ${query}`,
  ];
  return [
    'ratioMetric:',
    '  counter: true',
    '  bad:',
    ...source(bad),
    '  total:',
    ...source(total),
  ]
    .map(line => `${indent}${line}`)
    .join('\n');
}

/**
 * An `openslo/v1` SLO named `name` with an inline indicator (`<name>-sli`) whose ratio reads the
 * `bad` and `total` queries; `timeWindow` and `objectives` are written as given (YAML).
 * @public
 */
export function openSloV1RatioSlo(options: {
  name: string;
  bad: string;
  total: string;
  timeWindow?: string;
  objectives: string;
}): string {
  const { name, bad, total, timeWindow, objectives } = options;
  return [
    'apiVersion: openslo/v1',
    'kind: SLO',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  indicator:',
    '    metadata:',
    `      name: ${name}-sli`,
    '    spec:',
    openSloRatioMetric(bad, total, '      '),
    ...(timeWindow !== undefined ? [`  timeWindow: ${timeWindow}`] : []),
    `  objectives: ${objectives}`,
  ].join('\n');
}
