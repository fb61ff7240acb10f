/*
 * The series and alert names the SLO rules record (DESIGN §4 "Series and alerts", a contract
 * with the render engine in @lookout/plugin-observability-node).
 */

/** Error ratio over the window in the `window` label. */
export const SLO_ERROR_RATIO = 'slo:sli_error:ratio';
/** `1 − error ratio over the SLO window / (1 − objective)`; no `window` label. */
export const SLO_ERROR_BUDGET_REMAINING = 'slo:error_budget_remaining:ratio';
/** Multi-window, multi-burn-rate alert, `severity` `page` or `ticket`. */
export const ALERT_ERROR_BUDGET_BURN = 'ErrorBudgetBurn';
/** The SLI series of an SLO are absent. */
export const ALERT_SLO_METRICS_MISSING = 'SLOMetricsMissing';
/** The alerts of an SLO, by name. */
export const SLO_ALERT_NAMES: readonly string[] = [
  ALERT_ERROR_BUDGET_BURN,
  ALERT_SLO_METRICS_MISSING,
];
