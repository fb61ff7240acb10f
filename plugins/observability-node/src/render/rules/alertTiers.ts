/*
 * The numbers of one SLO as they are written into its rules: objective and error budget as
 * exact decimal text, and the burn-rate tiers in force with their factors and thresholds.
 */
import {
  AlertSeverity,
  BurnRateTier,
  SloSpec,
  TierThreshold,
  sloAlertTiers,
} from '@lookout/plugin-observability-common';
import {
  Decimal,
  compare,
  decimal,
  formatDecimal,
  multiply,
  shiftLeft,
  subtract,
} from './decimal';

/** A burn-rate tier with its numbers for one SLO. @internal */
export interface TierInForce {
  tier: BurnRateTier;
  /** Burn-rate multiple of the budget above which the tier fires, e.g. `14.4`. */
  factor: string;
  /** The same threshold as an error ratio, `factor × budget`, e.g. `0.0144`. */
  errorRatio: string;
}

/** A tier left out because no error ratio can exceed its threshold. @internal */
export interface UnreachableTier extends TierInForce {}

/** Objective, budget and tiers of one SLO, all as exact decimal text. @internal */
export interface SloNumbers {
  /** Objective in percent as written, e.g. `99.95`. */
  objectivePercent: string;
  /** Objective as a fraction, e.g. `0.9995`. */
  objective: string;
  /** Error budget as a fraction, `1 − objective`, e.g. `0.0005`. */
  budget: string;
  /** Tiers that are switched on and can fire, in `BURN_RATE_TIERS` order. */
  tiers: TierInForce[];
  /** Tiers that are switched on but left out (`sloAlertTiers`; the parser warns about them). */
  unreachable: UnreachableTier[];
}

const ONE: Decimal = decimal(1);

/**
 * A tier's numbers as exact text. The threshold is `factor × budget`, or the tier's
 * `maxErrorRatio` where that caps it (the factor is then `maxErrorRatio ÷ budget`, shown rounded).
 */
function exact(threshold: TierThreshold, budget: Decimal): TierInForce {
  const { tier, factor } = threshold;
  const product = multiply(decimal(tier.factor), budget);
  const cap =
    tier.maxErrorRatio === undefined ? undefined : decimal(tier.maxErrorRatio);
  if (cap && compare(product, cap) > 0) {
    return { tier, factor: String(factor), errorRatio: formatDecimal(cap) };
  }
  return {
    tier,
    factor: formatDecimal(decimal(tier.factor)),
    errorRatio: formatDecimal(product),
  };
}

/** The numbers of `slo`; which tiers are in force is decided by `sloAlertTiers`. @internal */
export function sloNumbers(slo: SloSpec): SloNumbers {
  const percent = decimal(slo.objective);
  const objective = shiftLeft(percent, 2);
  const budget = subtract(ONE, objective);
  const { inForce, dropped } = sloAlertTiers(slo.objective, slo.alerting);
  return {
    objectivePercent: formatDecimal(percent),
    objective: formatDecimal(objective),
    budget: formatDecimal(budget),
    tiers: inForce.map(t => exact(t, budget)),
    unreachable: dropped.map(t => exact(t, budget)),
  };
}

/** The tiers of one severity. @internal */
export function tiersOf(
  numbers: SloNumbers,
  severity: AlertSeverity,
): TierInForce[] {
  return numbers.tiers.filter(t => t.tier.severity === severity);
}
