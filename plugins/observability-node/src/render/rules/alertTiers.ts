/*
 * The numbers of one SLO as they are written into its rules: objective and error budget as
 * exact decimal text, and the burn-rate tiers in force with their factors and thresholds.
 */
import {
  AlertSeverity,
  BURN_RATE_TIERS,
  BurnRateTier,
  SloSpec,
  burnRateFactor,
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
  /** Tiers that are switched on but can never fire (`factor × budget ≥ 1`). */
  unreachable: UnreachableTier[];
}

const ONE: Decimal = decimal(1);

/** The numbers of `slo`. @internal */
export function sloNumbers(slo: SloSpec): SloNumbers {
  const percent = decimal(slo.objective);
  const objective = shiftLeft(percent, 2);
  const budget = subtract(ONE, objective);
  const tiers: TierInForce[] = [];
  const unreachable: UnreachableTier[] = [];
  for (const tier of BURN_RATE_TIERS) {
    if (!isSeverityOn(slo, tier.severity)) {
      continue;
    }
    const factor = decimal(burnRateFactor(tier, slo.window));
    const threshold = multiply(factor, budget);
    const inForce = {
      tier,
      factor: formatDecimal(factor),
      errorRatio: formatDecimal(threshold),
    };
    if (compare(threshold, ONE) >= 0) {
      unreachable.push(inForce);
    } else {
      tiers.push(inForce);
    }
  }
  return {
    objectivePercent: formatDecimal(percent),
    objective: formatDecimal(objective),
    budget: formatDecimal(budget),
    tiers,
    unreachable,
  };
}

function isSeverityOn(slo: SloSpec, severity: AlertSeverity): boolean {
  return severity === 'page' ? slo.alerting.page : slo.alerting.ticket;
}

/** The tiers of one severity. @internal */
export function tiersOf(
  numbers: SloNumbers,
  severity: AlertSeverity,
): TierInForce[] {
  return numbers.tiers.filter(t => t.tier.severity === severity);
}
