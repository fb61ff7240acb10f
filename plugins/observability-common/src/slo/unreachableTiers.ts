/*
 * Burn-rate tiers an SLO cannot have: with a low objective, `factor × (1 − objective)` can reach an
 * error ratio of 100 % or more, which no service can exceed, or the capped 1h page tier can fall to
 * a factor of 1 or less, which a met SLO reaches. The renderer leaves such tiers out; the parser
 * warns about them, once, in the words of `describeUnreachableTier`.
 */
import { SloAlerting } from '../spec/types';
import { TierThreshold, sloAlertTiers } from './burnRateTiers';

/** A tier left out, with its threshold. @public */
export interface UnreachableTier extends TierThreshold {}

/**
 * The tiers left out for an objective (see `sloAlertTiers`). Every window from 7d to 90d holds
 * every tier (the longest alert window is 3d), so only the objective decides; `window` is used in
 * the wording. Tiers whose severity is switched off in `alerting` are left out.
 * @public
 */
export function findUnreachableTiers(
  objective: number,
  _window: string,
  alerting: Pick<SloAlerting, 'page' | 'ticket'> = { page: true, ticket: true },
): UnreachableTier[] {
  return sloAlertTiers(objective, alerting).dropped;
}

/** The warning for one tier left out, the same wherever it is reported. @public */
export function describeUnreachableTier(
  unreachable: UnreachableTier,
  objective: number,
  window: string,
): string {
  const { tier, factor, errorRatio } = unreachable;
  const budgetPercent = Number((100 - objective).toFixed(10));
  const thresholdPercent = Number((errorRatio * 100).toFixed(4));
  const why =
    errorRatio >= 1
      ? `it fires above an error ratio of ${thresholdPercent}% (${factor}× the budget), which is never exceeded`
      : `it would fire at ${factor}× the budget rate (an error ratio of ${thresholdPercent}%), which a met SLO reaches`;
  return (
    `the ${tier.severity} tier ${tier.longWindow}/${tier.shortWindow} is left out: with objective ${objective}% ` +
    `the error budget is ${budgetPercent}% of events over ${window}, and ${why}. ` +
    `Raise the objective if you want this tier (docs/slo-alerting.md)`
  );
}
