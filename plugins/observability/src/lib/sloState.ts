/*
 * One word for how an SLO is doing, the same on the SLOs tab, the card and the overview page:
 * the rule of -common (`sloState`) applied to an SLO of the SLOs route, with its labels and order.
 */
import {
  SloState,
  SloStatus,
  sloState as stateOfFigures,
} from '@lookout/plugin-observability-common';

export type { SloState };

/** The state of an SLO of the SLOs route: `firing` when any of its alerts fires. */
export function sloState(status: SloStatus): SloState {
  return stateOfFigures({
    objective: status.objective,
    errorRatio: status.errorRatio,
    errorBudgetRemaining: status.errorBudgetRemaining,
    firing: status.alerts.some(alert => alert.state === 'firing'),
  });
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
