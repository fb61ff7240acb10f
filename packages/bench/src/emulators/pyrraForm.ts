/*
 * The rules Pyrra (pyrra-dev/pyrra, snapshot 1ba95afb, the one in the golden files) generates
 * for an SLO, reproduced from the same SLO model Lookout renders from (`SloSpec`), so the rules
 * benchmark can run both side by side. Test-support code: not part of the package API, and
 * checked against Pyrra's own expected outputs in `pyrraForm.test.ts`.
 *
 * What Pyrra generates for one objective (`slo/rules.go`):
 * - `<name>-increase` (2m30s for a 28–35d window): `increase(<total>[<window>])` on the raw
 *   series, grouped by the labels the error selector adds, and `SLOMetricAbsent` alerts; the
 *   period figures (availability, budget) are ratios of these records;
 * - `<name>` (30s): `<metric>:burnrate<w>` for seven windows scaled from a 28d layout, each
 *   recomputed from the raw counters, and four `ErrorBudgetBurn` alerts with the fixed factors
 *   14, 7, 2 and 1 and a `for:` delay;
 * - with `--generic-rules`, `<name>-generic`: `pyrra_objective`, `pyrra_window`,
 *   `pyrra_availability`, `pyrra_requests:rate5m`, `pyrra_errors:rate5m`.
 */
import {
  LabelMatcher,
  SloSpec,
  VectorSelector,
} from '@lookout/plugin-observability-common';
import {
  PrometheusRule,
  PrometheusRuleGroup,
} from '@lookout/plugin-observability-node';
import {
  durationMs,
  formatGoDuration,
  formatGoFloat,
  formatGoFloatF,
  formatModelDuration,
  goQueryEscape,
  roundGoDuration,
} from './goFormat';
import { goMatcher, goPrintedSelector } from './peerSelectors';

/** A Pyrra rule group; Thanos' `partial_response_strategy` is copied from the objective. */
export interface PyrraRuleGroup extends PrometheusRuleGroup {
  partial_response_strategy?: string;
}

/** Pyrra's settings of an objective that Lookout's model does not have. */
export interface PyrraFormOptions {
  /** `metadata.name` of the `ServiceLevelObjective`: the `slo` label and the group names. */
  name: string;
  /** `indicator.*.grouping`. */
  grouping?: string[];
  /** Labels of the objective with the `pyrra.dev/` prefix, prefix removed: on every rule. */
  propagatedLabels?: Record<string, string>;
  /** Annotations of the objective with the `pyrra.dev/` prefix, prefix removed: on every alert. */
  propagatedAnnotations?: Record<string, string>;
  /** Pyrra's `--external-url`: adds `pyrra_url` to the burn-rate alerts. */
  externalUrl?: string;
  /** `alerting.absent` (default true). */
  absentAlerts?: boolean;
  /** `performanceOverAccuracy`: `increase[5m]` records summed over the window by a subquery. */
  performanceOverAccuracy?: boolean;
  /** `--generic-rules`: the `<name>-generic` group (ratio indicators without grouping only). */
  genericRules?: boolean;
  /** `partial_response_strategy` of the objective, copied onto every group. */
  partialResponseStrategy?: string;
}

interface Metric {
  name: string;
  matchers: LabelMatcher[];
}

type Indicator =
  | { type: 'ratio'; errors: Metric; total: Metric }
  | { type: 'latency'; success: Metric; total: Metric }
  | { type: 'latencyNative'; total: Metric; latencySeconds: number };

interface Objective {
  name: string;
  /** Target as a ratio: `99.5` percent is `0.995`, computed as Pyrra does (`target / 100`). */
  target: number;
  windowMs: number;
  indicator: Indicator;
  grouping: string[];
  burnrates: boolean;
  absent: boolean;
  options: PyrraFormOptions;
}

interface Window {
  severity: 'critical' | 'warning';
  forMs: number;
  longMs: number;
  shortMs: number;
  factor: number;
}

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

function metricOf(selector: VectorSelector): Metric {
  return { name: selector.metric, matchers: selector.matchers };
}

function printed(metric: Metric): string {
  return goPrintedSelector({ metric: metric.name, matchers: metric.matchers });
}

function objectiveOf(slo: SloSpec, options: PyrraFormOptions): Objective {
  const { indicator } = slo;
  let pyrraIndicator: Indicator;
  if (indicator.type === 'ratio') {
    if (!indicator.errors) {
      throw new TypeError(
        `SLO ${slo.name}: indicator: the Pyrra form needs an errors selector (Pyrra has no good/total ratio)`,
      );
    }
    pyrraIndicator = {
      type: 'ratio',
      errors: metricOf(indicator.errors),
      total: metricOf(indicator.total),
    };
  } else if (indicator.histogramType === 'classic') {
    pyrraIndicator = {
      type: 'latency',
      success: {
        name: `${indicator.histogram}_bucket`,
        matchers: [
          ...indicator.matchers,
          {
            name: 'le',
            op: '=',
            value: formatGoFloat(indicator.thresholdSeconds),
          },
        ],
      },
      total: {
        name: `${indicator.histogram}_count`,
        matchers: indicator.matchers,
      },
    };
  } else {
    pyrraIndicator = {
      type: 'latencyNative',
      total: { name: indicator.histogram, matchers: indicator.matchers },
      latencySeconds: indicator.thresholdSeconds,
    };
  }
  return {
    name: options.name,
    target: slo.objective / 100,
    windowMs: durationMs(slo.window),
    indicator: pyrraIndicator,
    grouping: options.grouping ?? [],
    burnrates: slo.alerting.page || slo.alerting.ticket,
    absent: options.absentAlerts ?? true,
    options,
  };
}

/** `Windows(sloWindow)`: Pyrra's four alert windows, scaled from their 28d values. */
function pyrraWindows(windowMs: number): Window[] {
  const div = (d: number) => roundGoDuration(Math.trunc(windowMs / d), MINUTE);
  return [
    {
      severity: 'critical',
      forMs: div(28 * 24 * 30),
      longMs: div(28 * 24),
      shortMs: div(28 * 24 * 12),
      factor: 14,
    },
    {
      severity: 'critical',
      forMs: div(28 * 24 * 4),
      longMs: div(28 * 4),
      shortMs: div(28 * 24 * 2),
      factor: 7,
    },
    {
      severity: 'warning',
      forMs: div(28 * 24),
      longMs: div(28),
      shortMs: div(28 * 12),
      factor: 2,
    },
    {
      severity: 'warning',
      forMs: div(28 * 8),
      longMs: div(7),
      shortMs: div(28 * 4),
      factor: 1,
    },
  ];
}

function burnrateWindows(windows: Window[]): number[] {
  const all = new Set<number>();
  for (const w of windows) {
    all.add(w.longMs);
    all.add(w.shortMs);
  }
  return [...all].sort((a, b) => a - b);
}

/** `increaseInterval()`: the interval of the increase group, longer for longer windows. */
function increaseInterval(windowMs: number): string {
  const steps = [7, 14, 21, 28, 35, 42, 49];
  const index = steps.findIndex(days => windowMs < days * DAY);
  const seconds = index === -1 ? 240 : 30 * (index + 1);
  return formatModelDuration(seconds * 1000);
}

function trimSuffixes(metric: string, suffixes: string[]): string {
  let name = metric;
  for (const suffix of suffixes) {
    if (name.endsWith(suffix)) {
      name = name.slice(0, -suffix.length);
    }
  }
  return name;
}

function increaseName(metric: string, windowMs: number): string {
  return `${trimSuffixes(metric, [
    '_total',
    '_count',
    '_bucket',
  ])}:increase${formatModelDuration(windowMs)}`;
}

/** `<metric>:burnrate<w>`, e.g. `http_requests:burnrate5m`. */
export function pyrraBurnrateName(
  totalMetric: string,
  windowMs: number,
): string {
  return `${trimSuffixes(totalMetric, [
    '_total',
    '_count',
  ])}:burnrate${formatModelDuration(windowMs)}`;
}

function commonRuleLabels(o: Objective): Record<string, string> {
  return { slo: o.name, ...o.options.propagatedLabels };
}

function commonRuleAnnotations(
  o: Objective,
  externalUrl?: string,
): Record<string, string> | undefined {
  let annotations: Record<string, string> | undefined;
  if (
    o.options.propagatedAnnotations &&
    Object.keys(o.options.propagatedAnnotations).length > 0
  ) {
    annotations = { ...o.options.propagatedAnnotations };
  }
  if (externalUrl) {
    const url = new URL(externalUrl);
    const query = [
      `expr=${goQueryEscape(`{__name__="${o.name}"}`)}`,
      `from=${goQueryEscape('now-1h')}`,
      `to=${goQueryEscape('now')}`,
    ].join('&');
    let pyrraUrl = `${url.protocol}//${url.host}/objectives?${query}`;
    if (o.grouping.length > 0) {
      let grouping = goQueryEscape(
        `{${o.grouping.map(l => `${l}="__TPL_${l}__"`).join(',')}}`,
      );
      for (const label of o.grouping) {
        grouping = grouping
          .split(`__TPL_${label}__`)
          .join(`{{$labels.${label}}}`);
      }
      pyrraUrl += `&grouping=${grouping}`;
    }
    annotations = { ...annotations, pyrra_url: pyrraUrl };
  }
  return annotations;
}

function withoutKeys(
  labels: Record<string, string>,
  keys: Iterable<string>,
): Record<string, string> {
  const out = { ...labels };
  for (const key of keys) {
    delete out[key];
  }
  return out;
}

function equalMatcherLabels(metric: Metric): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const m of metric.matchers) {
    if (m.op === '=') {
      labels[m.name] = m.value;
    }
  }
  return labels;
}

/** `groupingLabels(errors, total)`: labels the error selector adds, `le` excepted. */
function addedLabels(errors: Metric, total: Metric): string[] {
  const names = new Set(errors.matchers.map(m => m.name));
  for (const m of total.matchers) {
    names.delete(m.name);
  }
  names.delete('le');
  return [...names];
}

function sumBy(grouping: string[], inner: string): string {
  return grouping.length > 0
    ? `sum by (${grouping.join(', ')}) (${inner})`
    : `sum(${inner})`;
}

function absentRule(
  o: Objective,
  metric: Metric,
  labels: Record<string, string>,
): PrometheusRule {
  const rule: PrometheusRule = {
    alert: 'SLOMetricAbsent',
    expr: `absent(${printed(metric)}) == 1`,
    for: formatModelDuration(absentDurationMs(o)),
    labels: { ...labels, severity: 'critical' },
  };
  const annotations = commonRuleAnnotations(o);
  if (annotations) {
    rule.annotations = annotations;
  }
  return rule;
}

/** `AbsentDuration()`: time for the fastest tier to fire on a full outage, plus its `for`. */
function absentDurationMs(o: Objective): number {
  const w = pyrraWindows(o.windowMs)[0];
  const threshold = w.factor * (1 - o.target);
  const seconds = Math.trunc(threshold * (w.longMs / 1000));
  return roundGoDuration(seconds * 1000 + w.forMs, MINUTE);
}

function ratioIncreaseRules(
  o: Objective,
  errors: Metric,
  total: Metric,
): PrometheusRule[] {
  const grouping = new Set(o.grouping);
  addedLabels(errors, total).forEach(l => grouping.add(l));
  total.matchers
    .filter(m => m.op === '=~' || m.op === '!~')
    .forEach(m => grouping.add(m.name));
  const sortedGrouping = [...grouping].sort();
  const ruleLabels = withoutKeys(
    { ...commonRuleLabels(o), ...equalMatcherLabels(total) },
    grouping,
  );
  const window = formatModelDuration(o.windowMs);
  const metrics = errors.name === total.name ? [total] : [total, errors];
  const short: PrometheusRule[] = [];
  const long: PrometheusRule[] = [];
  for (const metric of metrics) {
    if (o.options.performanceOverAccuracy) {
      const name5m = increaseName(metric.name, 5 * MINUTE);
      short.push({
        record: name5m,
        expr: sumBy(sortedGrouping, `increase(${printed(metric)}[5m])`),
        labels: ruleLabels,
      });
      long.push({
        record: increaseName(metric.name, o.windowMs),
        expr: sumBy(
          sortedGrouping,
          `sum_over_time(${printed({
            ...metric,
            name: name5m,
          })}[${window}:5m])`,
        ),
        labels: ruleLabels,
      });
    } else {
      long.push({
        record: increaseName(metric.name, o.windowMs),
        expr: sumBy(sortedGrouping, `increase(${printed(metric)}[${window}])`),
        labels: ruleLabels,
      });
    }
    if (o.absent) {
      (o.options.performanceOverAccuracy ? short : long).push(
        absentRule(o, metric, ruleLabels),
      );
    }
  }
  return [...short, ...long];
}

function latencyIncreaseRules(
  o: Objective,
  success: Metric,
  total: Metric,
): PrometheusRule[] {
  const grouping = new Set(o.grouping);
  addedLabels(success, total).forEach(l => grouping.add(l));
  total.matchers
    .filter(m => m.op === '=~' || m.op === '!~')
    .forEach(m => grouping.add(m.name));
  const sortedGrouping = [...grouping].sort();
  const ruleLabels = withoutKeys(
    { ...commonRuleLabels(o), ...equalMatcherLabels(total) },
    grouping,
  );
  const le = success.matchers.find(m => m.name === 'le')?.value ?? '';
  const ruleLabelsLe = { le, ...ruleLabels };
  const window = formatModelDuration(o.windowMs);
  const rules: PrometheusRule[] = [
    {
      record: increaseName(total.name, o.windowMs),
      expr: sumBy(sortedGrouping, `increase(${printed(total)}[${window}])`),
      labels: ruleLabels,
    },
    {
      record: increaseName(success.name, o.windowMs),
      expr: sumBy(sortedGrouping, `increase(${printed(success)}[${window}])`),
      labels: ruleLabelsLe,
    },
  ];
  if (o.absent) {
    rules.push(
      absentRule(o, total, ruleLabels),
      absentRule(o, success, ruleLabelsLe),
    );
  }
  return rules;
}

function nativeIncreaseRules(
  o: Objective,
  total: Metric,
  latencySeconds: number,
): PrometheusRule[] {
  const ruleLabels = { ...commonRuleLabels(o), ...equalMatcherLabels(total) };
  const increase = sumBy(
    o.grouping,
    `increase(${printed(total)}[${formatModelDuration(o.windowMs)}])`,
  );
  return [
    {
      record: increaseName(total.name, o.windowMs),
      expr: `histogram_count(${increase})`,
      labels: ruleLabels,
    },
    {
      record: increaseName(total.name, o.windowMs),
      expr: `histogram_fraction(0, ${formatGoFloatF(
        latencySeconds,
      )}, ${increase}) * histogram_count(${increase})`,
      labels: { ...ruleLabels, le: formatGoFloat(latencySeconds) },
    },
  ];
}

function increaseRules(o: Objective): PrometheusRule[] {
  const i = o.indicator;
  switch (i.type) {
    case 'ratio':
      return ratioIncreaseRules(o, i.errors, i.total);
    case 'latency':
      return latencyIncreaseRules(o, i.success, i.total);
    default:
      return nativeIncreaseRules(o, i.total, i.latencySeconds);
  }
}

function burnrateExpression(o: Objective, windowMs: number): string {
  const i = o.indicator;
  const range = formatModelDuration(windowMs);
  const grouping = [...new Set(o.grouping)].sort();
  const rate = (metric: Metric) =>
    sumBy(grouping, `rate(${printed(metric)}[${range}])`);
  switch (i.type) {
    case 'ratio':
      return `${rate(i.errors)} / ${rate(i.total)}`;
    case 'latency':
      return `(${rate(i.total)} - ${rate(i.success)}) / ${rate(i.total)}`;
    default:
      return `1 - histogram_fraction(0, ${formatGoFloatF(
        i.latencySeconds,
      )}, ${rate(i.total)})`;
  }
}

function burnrateRules(o: Objective): PrometheusRule[] {
  const total = o.indicator.total;
  const grouping = new Set(o.grouping);
  const ruleLabels = withoutKeys(
    { ...commonRuleLabels(o), ...equalMatcherLabels(total) },
    grouping,
  );
  const windows = pyrraWindows(o.windowMs);
  const rules: PrometheusRule[] = burnrateWindows(windows).map(w => ({
    record: pyrraBurnrateName(total.name, w),
    expr: burnrateExpression(o, w),
    labels: ruleLabels,
  }));
  if (!o.burnrates) {
    return rules;
  }
  const alertMatchers = total.matchers
    .filter(m => grouping.has(m.name) || (m.op !== '=~' && m.op !== '!~'))
    .map(goMatcher);
  alertMatchers.push(`slo="${o.name}"`);
  alertMatchers.sort();
  const matchers = alertMatchers.join(',');
  const target = formatGoFloatF(o.target);
  const notGrouped = withoutKeys(equalMatcherLabels(total), grouping);
  for (const w of windows) {
    const condition = (ms: number) =>
      `${pyrraBurnrateName(total.name, ms)}{${matchers}} > (${
        w.factor
      } * (1-${target}))`;
    const rule: PrometheusRule = {
      alert: 'ErrorBudgetBurn',
      expr: `${condition(w.shortMs)} and ${condition(w.longMs)}`,
      for:
        o.indicator.type === 'ratio'
          ? formatGoDuration(w.forMs)
          : formatModelDuration(w.forMs),
      labels: {
        ...commonRuleLabels(o),
        ...notGrouped,
        short: formatModelDuration(w.shortMs),
        long: formatModelDuration(w.longMs),
        severity: w.severity,
        exhaustion: formatModelDuration(
          Math.trunc(o.windowMs / 1000 / w.factor) * 1000,
        ),
      },
    };
    const annotations = commonRuleAnnotations(o, o.options.externalUrl);
    if (annotations) {
      rule.annotations = annotations;
    }
    rules.push(rule);
  }
  return rules;
}

function availabilityParts(o: Objective): { errors: string; total: string } {
  const i = o.indicator;
  if (i.type !== 'ratio') {
    throw new TypeError(
      `objective ${o.name}: the period error ratio is only reproduced for ratio indicators`,
    );
  }
  const slo: LabelMatcher = { name: 'slo', op: '=', value: o.name };
  const selector = (metric: Metric) =>
    printed({
      name: increaseName(metric.name, o.windowMs),
      matchers: [...metric.matchers, slo],
    });
  return { errors: selector(i.errors), total: selector(i.total) };
}

function genericRules(o: Objective): PrometheusRule[] {
  if (o.indicator.type !== 'ratio' || o.grouping.length > 0) {
    throw new TypeError(
      `objective ${o.name}: generic rules are only reproduced for ratio indicators without grouping`,
    );
  }
  const labels = commonRuleLabels(o);
  const { errors, total } = availabilityParts(o);
  return [
    { record: 'pyrra_objective', expr: formatGoFloatF(o.target), labels },
    {
      record: 'pyrra_window',
      expr: String(Math.trunc(o.windowMs / 1000)),
      labels,
    },
    {
      record: 'pyrra_availability',
      expr: `1 - sum(${errors} or vector(0)) / sum(${total})`,
      labels,
    },
    {
      record: 'pyrra_requests:rate5m',
      expr: `sum(rate(${printed(o.indicator.total)}[5m]))`,
      labels,
    },
    {
      record: 'pyrra_errors:rate5m',
      expr: `sum(rate(${printed(o.indicator.errors)}[5m])) or vector(0)`,
      labels,
    },
  ];
}

/**
 * The rule groups Pyrra generates for `slo`, in Pyrra's order: increase, burn rates, and the
 * generic rules when asked for. Pyrra cannot switch page and ticket alerts separately: the
 * burn-rate alerts are on unless both are off.
 */
export function pyrraRuleGroups(
  slo: SloSpec,
  options: PyrraFormOptions,
): PyrraRuleGroup[] {
  const o = objectiveOf(slo, options);
  const strategy = options.partialResponseStrategy
    ? { partial_response_strategy: options.partialResponseStrategy }
    : {};
  const groups: PyrraRuleGroup[] = [
    {
      name: `${o.name}-increase`,
      interval: increaseInterval(o.windowMs),
      ...strategy,
      rules: increaseRules(o),
    },
    { name: o.name, interval: '30s', ...strategy, rules: burnrateRules(o) },
  ];
  if (options.genericRules) {
    groups.push({
      name: `${o.name}-generic`,
      interval: '30s',
      ...strategy,
      rules: genericRules(o),
    });
  }
  return groups;
}

/**
 * The error ratio over the SLO window as Pyrra reports it (its availability is one minus
 * this): `sum(errors increase or vector(0)) / sum(total increase)`, over the increase records.
 */
export function pyrraPeriodErrorRatioQuery(
  slo: SloSpec,
  options: PyrraFormOptions,
): string {
  const { errors, total } = availabilityParts(objectiveOf(slo, options));
  return `sum(${errors} or vector(0)) / sum(${total})`;
}

/** The increase record of the total series, whose timestamps date Pyrra's period figures. */
export function pyrraTotalIncreaseSelector(
  slo: SloSpec,
  options: PyrraFormOptions,
): string {
  return availabilityParts(objectiveOf(slo, options)).total;
}
