/*
 * One word for how an SLO is doing, the same on the SLOs tab, the card and the overview page.
 */
import { SloStatus, SloSummary } from '@lookout/plugin-observability-common';

/** @public */
export type SloState = SloSummary['state'];

/** Budget remaining under which an SLO is shown as a warning. */
export const WARNING_BUDGET_REMAINING = 0.25;

/**
 * `firing` when a burn-rate alert fires, `breached` when the budget is spent, `warning` below
 * a quarter of the budget, `no-data` without samples, else `ok`.
 */
export function sloState(status: SloStatus): SloState {
  if (status.alerts.some(alert => alert.state === 'firing')) {
    return 'firing';
  }
  if (status.errorBudgetRemaining === null || status.errorRatio === null) {
    return 'no-data';
  }
  if (status.errorBudgetRemaining <= 0) {
    return 'breached';
  }
  if (status.errorBudgetRemaining < WARNING_BUDGET_REMAINING) {
    return 'warning';
  }
  return 'ok';
}

/** Worst first: the order the overview sorts states in. */
export const SLO_STATE_ORDER: readonly SloState[] = [
  'firing',
  'breached',
  'warning',
  'no-data',
  'ok',
];

/** Human label of a state. */
export const SLO_STATE_LABELS: Record<SloState, string> = {
  firing: 'Alert firing',
  breached: 'Budget exhausted',
  warning: 'Budget low',
  'no-data': 'No data',
  ok: 'OK',
};
