/*
 * The recording rules of one SLO: the 5m rates of bad and all events (read from the raw series),
 * their 5-minute sums, every window's error ratio as a ratio of sums (the 1h one read from the
 * raw series over the hour, the others derived from the rates), the budget left, the objective
 * and the info series.
 */
import {
  RECORDED_WINDOWS,
  durationSeconds,
} from '@lookout/plugin-observability-common';
import { PrometheusRule } from '../types';
import { SloContext, sloSelector, sortedLabels } from './sloContext';
import { sliRateExpressions } from './sliRates';
import {
  SLO_ERRORS_RATE,
  SLO_ERRORS_SUM,
  SLO_ERROR_BUDGET_REMAINING,
  SLO_ERROR_RATIO,
  SLO_INFO,
  SLO_OBJECTIVE,
  SLO_TOTAL_RATE,
  SLO_TOTAL_SUM,
  WINDOW_LABEL,
} from './sloSeries';

/** Span of the 5-minute sums, and the interval their group is evaluated at. @internal */
export const SUM_SPAN = '5m';

/** Windows of this length and longer add up the 5-minute sums instead of the rate samples. */
const SUMMED_FROM_SECONDS = durationSeconds('1d');

/**
 * Windows whose error ratio reads the raw series over the window: the page tier's long window.
 * A ratio of recorded 5m rates lags a full outage by the 5 minutes each rate takes to ramp up
 * (the 1h ratio grows as t²/(2·300·3600) at first: ~170 s to 14.4 × a 0.1 % budget), while
 * `rate(counter[1h])` sees the first failed scrape in full (~55 s). The cost is one read of the
 * raw counters over an hour per SLO and evaluation.
 */
const RAW_WINDOWS: ReadonlySet<string> = new Set(['1h']);

/** Whether the error ratio over `window` reads the raw series over the window. @internal */
export function readsRaw(window: string): boolean {
  return RAW_WINDOWS.has(window);
}

/**
 * Whether the error ratio over `window` reads the 5-minute sums. The windows of the page tiers
 * (up to 6h) read the rates, so a fast burn is seen within one evaluation; a day and longer
 * read the sums, a fifth of the samples, and lag by at most the 5 minutes not yet summed.
 * @internal
 */
export function readsSums(window: string): boolean {
  return durationSeconds(window) >= SUMMED_FROM_SECONDS;
}

function windowMatcher(window: string): string {
  return `${WINDOW_LABEL}="${window}"`;
}

/**
 * Error ratio over `window`. 5m: the ratio of the recorded rates. 1h (`readsRaw`): the SLI's
 * own rate expressions over the hour, `rate(bad[1h]) / rate(all[1h])`, so that a full outage
 * pages within about a minute instead of three. Other windows:
 * `sum_over_time(bad rate) / sum_over_time(all rate)`: cheap (two series, no raw data, no
 * subquery) and immune to empty slices, which an average of 5m ratios turns into NaN. From a day
 * on, the same ratio adds up the 5-minute sums of the rate samples (each sample is in exactly
 * one sum, so the ratio is the same traffic-weighted one). Every form is a ratio of sums,
 * weighted by traffic (a quiet night counts for what it served, unlike an average of ratios).
 * The denominator is guarded with `> 0`, so a window without traffic records nothing rather
 * than 0/0 = NaN.
 * @internal
 */
export function errorRatioExpression(
  context: SloContext,
  window: string,
): string {
  if (window === '5m') {
    return `${sloSelector(context, SLO_ERRORS_RATE)} / (${sloSelector(
      context,
      SLO_TOTAL_RATE,
    )} > 0)`;
  }
  if (readsRaw(window)) {
    const raw = sliRateExpressions(context.slo.indicator, window);
    return `(${raw.errors}) / (${raw.total} > 0)`;
  }
  const summed = readsSums(window);
  const errors = sloSelector(
    context,
    summed ? SLO_ERRORS_SUM : SLO_ERRORS_RATE,
  );
  const total = sloSelector(context, summed ? SLO_TOTAL_SUM : SLO_TOTAL_RATE);
  return (
    `sum_over_time(${errors}[${window}])` +
    ` / (sum_over_time(${total}[${window}]) > 0)`
  );
}

/** `slo:sli_errors:rate5m` and `slo:sli_total:rate5m`. @internal */
export function rateRules(context: SloContext): PrometheusRule[] {
  const expressions = sliRateExpressions(context.slo.indicator);
  return [
    {
      record: SLO_ERRORS_RATE,
      expr: expressions.errors,
      labels: sortedLabels(context.identity),
    },
    {
      record: SLO_TOTAL_RATE,
      expr: expressions.total,
      labels: sortedLabels(context.identity),
    },
  ];
}

/**
 * `slo:sli_errors:sum5m` and `slo:sli_total:sum5m`: the rate samples of the last 5 minutes
 * added up, for a group evaluated every 5 minutes, so that consecutive sums cover consecutive
 * slices of the rates.
 * @internal
 */
export function sumRules(context: SloContext): PrometheusRule[] {
  return [
    [SLO_ERRORS_SUM, SLO_ERRORS_RATE],
    [SLO_TOTAL_SUM, SLO_TOTAL_RATE],
  ].map(([record, rate]) => ({
    record,
    expr: `sum_over_time(${sloSelector(context, rate)}[${SUM_SPAN}])`,
    labels: sortedLabels(context.identity),
  }));
}

/** `slo:sli_error:ratio` for 5m … 3d, the windows of the alert tiers. @internal */
export function alertWindowRatioRules(context: SloContext): PrometheusRule[] {
  return RECORDED_WINDOWS.filter(window => window !== context.slo.window).map(
    window => ({
      record: SLO_ERROR_RATIO,
      expr: errorRatioExpression(context, window),
      labels: sortedLabels({ ...context.identity, [WINDOW_LABEL]: window }),
    }),
  );
}

/** `slo:objective:ratio`, e.g. `vector(0.999)`. @internal */
export function objectiveRule(context: SloContext): PrometheusRule {
  return {
    record: SLO_OBJECTIVE,
    expr: `vector(${context.numbers.objective})`,
    labels: sortedLabels(context.identity),
  };
}

/**
 * `slo_info`: value 1, the mutable metadata as labels. The SLO's own labels come first, then
 * the ones Lookout sets, which win on a clash.
 * @internal
 */
export function infoRule(context: SloContext): PrometheusRule {
  const { slo, numbers } = context;
  return {
    record: SLO_INFO,
    expr: 'vector(1)',
    labels: sortedLabels({
      ...context.extraLabels,
      owner: context.owner,
      team: context.team,
      description: slo.description,
      objective: numbers.objective,
      window: slo.window,
      indicator: slo.indicator.type,
      ...context.identity,
    }),
  };
}

/** `slo:sli_error:ratio{window="<SLO window>"}` and the error budget left. @internal */
export function budgetRules(context: SloContext): PrometheusRule[] {
  const window = context.slo.window;
  return [
    {
      record: SLO_ERROR_RATIO,
      expr: errorRatioExpression(context, window),
      labels: sortedLabels({ ...context.identity, [WINDOW_LABEL]: window }),
    },
    {
      record: SLO_ERROR_BUDGET_REMAINING,
      expr:
        `1 - sum without (${WINDOW_LABEL}) (${sloSelector(
          context,
          SLO_ERROR_RATIO,
          windowMatcher(window),
        )})` + ` / ${context.numbers.budget}`,
      labels: sortedLabels(context.identity),
    },
  ];
}
