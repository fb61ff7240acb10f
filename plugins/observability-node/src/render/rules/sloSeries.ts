/*
 * Names of the series and alerts every SLO records (DESIGN §4 "Series and alerts"). The signals
 * API, the dashboards and the Alertmanager snippet query and match these names.
 */

/**
 * Rate (per second, over 5m) of bad events of an SLO, with only the labels `slo` and
 * `backstage_entity`. Recorded once per SLO from the raw counters; every window's error ratio
 * is derived from it.
 * @public
 */
export const SLO_ERRORS_RATE = 'slo:sli_errors:rate5m';

/** Rate (per second, over 5m) of all events of an SLO; see {@link SLO_ERRORS_RATE}. @public */
export const SLO_TOTAL_RATE = 'slo:sli_total:rate5m';

/**
 * Sum of the `slo:sli_errors:rate5m` samples of the last 5 minutes, recorded every 5 minutes.
 * The error ratios over a day and more add these up instead of the rate samples, reading a fifth
 * of the samples (one per 5 minutes instead of one per evaluation of the main group, at the
 * default 1m interval).
 * @public
 */
export const SLO_ERRORS_SUM = 'slo:sli_errors:sum5m';

/** Sum of the `slo:sli_total:rate5m` samples of the last 5 minutes; see {@link SLO_ERRORS_SUM}. @public */
export const SLO_TOTAL_SUM = 'slo:sli_total:sum5m';

/** Error ratio of an SLO over the window in the `window` label. @public */
export const SLO_ERROR_RATIO = 'slo:sli_error:ratio';

/** The objective as a fraction (`0.999`). @public */
export const SLO_OBJECTIVE = 'slo:objective:ratio';

/** `1 − error ratio over the SLO window / (1 − objective)`. @public */
export const SLO_ERROR_BUDGET_REMAINING = 'slo:error_budget_remaining:ratio';

/**
 * Value 1; the SLO's mutable metadata (owner, team, description, objective, window, indicator
 * and the SLO's own labels) as labels. Only this series carries them, so renaming an owner or
 * editing a description never splits the history of the other series.
 * @public
 */
export const SLO_INFO = 'slo_info';

/** Multi-window, multi-burn-rate alert, `severity` `page` or `ticket`. @public */
export const ALERT_ERROR_BUDGET_BURN = 'ErrorBudgetBurn';

/** The SLI series of an SLO are absent. @public */
export const ALERT_SLO_METRICS_MISSING = 'SLOMetricsMissing';

/** Label naming the SLO on every series and alert. @public */
export const SLO_LABEL = 'slo';

/** Label naming the window of `slo:sli_error:ratio`. @public */
export const WINDOW_LABEL = 'window';
