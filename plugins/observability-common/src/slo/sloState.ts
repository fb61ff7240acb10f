/*
 * How an SLO is doing, in one word: the rule behind the SLOs tab, the entity card and the
 * catalog-wide overview (backend summary and browser alike).
 *
 * - `firing`: a burn-rate alert fires, whatever the figures say;
 * - `no-data`: neither the error budget left nor the error ratio over the SLO window is known;
 * - otherwise the budget left decides: the recorded `slo:error_budget_remaining:ratio`, or when
 *   that is missing, `1 − errorRatio / (1 − objective)`: `breached` at or under 0, `warning`
 *   under a quarter, `ok` above.
 * One known figure is enough to judge: an SLO whose budget is spent is never shown as having
 * no data, and one whose error ratio is ten times its budget is never shown as ok.
 */

/** The state of an SLO. @public */
export type SloState = 'ok' | 'warning' | 'breached' | 'firing' | 'no-data';

/** Budget left under which an SLO is a `warning`. @public */
export const WARNING_BUDGET_REMAINING = 0.25;

/** What the state is judged on. @public */
export interface SloStateFigures {
  /** Objective as a fraction, e.g. 0.999. */
  objective: number;
  /** Error ratio over the SLO window; null without data. */
  errorRatio: number | null;
  /** Error budget left (recorded, or derived); null without data. */
  errorBudgetRemaining: number | null;
  /** Whether a burn-rate alert of the SLO fires. */
  firing: boolean;
}

/**
 * The error budget left: the recorded figure, else `1 − errorRatio / (1 − objective)`, else null.
 * @public
 */
export function errorBudgetRemainingOf(
  objective: number,
  errorRatio: number | null,
  recorded: number | null,
): number | null {
  if (recorded !== null) {
    return recorded;
  }
  const budget = Number((1 - objective).toFixed(12));
  return errorRatio === null || budget <= 0 ? null : 1 - errorRatio / budget;
}

/** The state of an SLO from its figures. @public */
export function sloState(figures: SloStateFigures): SloState {
  if (figures.firing) {
    return 'firing';
  }
  const left = errorBudgetRemainingOf(
    figures.objective,
    figures.errorRatio,
    figures.errorBudgetRemaining,
  );
  if (left === null) {
    return 'no-data';
  }
  if (left <= 0) {
    return 'breached';
  }
  return left < WARNING_BUDGET_REMAINING ? 'warning' : 'ok';
}
