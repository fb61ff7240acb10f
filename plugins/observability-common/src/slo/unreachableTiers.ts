/*
 * Burn-rate tiers that can never fire: with a low objective, `factor × (1 − objective)` can reach
 * an error ratio of 100% or more, which no service can exceed. The renderer leaves such tiers
 * out; the parser warns about them.
 */
import { BURN_RATE_TIERS, BurnRateTier, burnRateFactor } from './burnRateTiers';
import { SloAlerting } from '../spec/types';

/** A tier that can never fire, with its threshold as an error ratio. @public */
export interface UnreachableTier {
  tier: BurnRateTier;
  factor: number;
  /** `factor × (1 − objective)`, at least 1. */
  errorRatioThreshold: number;
}

/**
 * The tiers of `BURN_RATE_TIERS` whose threshold `factor × (1 − objective/100)` is 1 or more.
 * Tiers whose severity is switched off in `alerting` are left out.
 * @public
 */
export function findUnreachableTiers(
  objective: number,
  window: string,
  alerting: Pick<SloAlerting, 'page' | 'ticket'> = { page: true, ticket: true },
): UnreachableTier[] {
  const budget = (100 - objective) / 100;
  return BURN_RATE_TIERS.filter(tier => alerting[tier.severity]).flatMap(
    tier => {
      const factor = burnRateFactor(tier, window);
      const errorRatioThreshold = Number((factor * budget).toFixed(10));
      return errorRatioThreshold >= 1
        ? [{ tier, factor, errorRatioThreshold }]
        : [];
    },
  );
}

/** The warning message for one unreachable tier. @internal */
export function describeUnreachableTier(
  unreachable: UnreachableTier,
  objective: number,
  window: string,
): string {
  const { tier, factor, errorRatioThreshold } = unreachable;
  const budgetPercent = Number((100 - objective).toFixed(10));
  const thresholdPercent = Number((errorRatioThreshold * 100).toFixed(4));
  return (
    `the ${tier.severity} tier ${tier.longWindow}/${tier.shortWindow} can never fire: with objective ${objective}% ` +
    `the error budget is ${budgetPercent}% of events over ${window}, and this tier fires at ${factor}× the budget rate, ` +
    `an error ratio of ${thresholdPercent}%, which is never exceeded. Lookout leaves this tier out; ` +
    `raise the objective (e.g. 99) or shorten the window if you want it`
  );
}
