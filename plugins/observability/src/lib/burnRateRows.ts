/*
 * The burn-rate table of one SLO: per alert tier the windows, the threshold factor, the current
 * burn rates over both windows and whether the tier fires.
 */
import {
  AlertSeverity,
  BURN_RATE_TIERS,
  burnRateFactor,
  SloStatus,
} from '@lookout/plugin-observability-common';

/** One row of the burn-rate table. */
export interface BurnRateRow {
  severity: AlertSeverity;
  longWindow: string;
  shortWindow: string;
  /** Burn-rate multiple above which the tier fires; NaN when the window is not understood. */
  factor: number;
  longRate: number | null;
  shortRate: number | null;
  /** Both windows burn faster than the factor. */
  exceeding: boolean;
  /** Alertmanager/Prometheus reports a firing alert for this tier. */
  firing: boolean;
}

function tiersOf(status: SloStatus): NonNullable<SloStatus['tiers']> {
  if (status.tiers && status.tiers.length > 0) {
    return status.tiers;
  }
  return BURN_RATE_TIERS.map(tier => {
    // The status carries the objective as a fraction (0.999); the policy takes percent.
    const factor = burnRateFactor(tier, status.objective * 100);
    return {
      severity: tier.severity,
      longWindow: tier.longWindow,
      shortWindow: tier.shortWindow,
      factor,
    };
  });
}

function rate(status: SloStatus, window: string): number | null {
  const value = status.burnRates[window];
  return typeof value === 'number' ? value : null;
}

/**
 * The rows of the table. An alert belongs to a tier when its severity matches and, if it carries
 * a `long_window` label, that label names the tier's long window.
 */
export function burnRateRows(status: SloStatus): BurnRateRow[] {
  return tiersOf(status).map(tier => {
    const longRate = rate(status, tier.longWindow);
    const shortRate = rate(status, tier.shortWindow);
    const exceeding =
      longRate !== null &&
      shortRate !== null &&
      longRate > tier.factor &&
      shortRate > tier.factor;
    const firing = status.alerts.some(
      alert =>
        alert.state === 'firing' &&
        alert.severity === tier.severity &&
        (alert.labels?.long_window === undefined ||
          alert.labels.long_window === tier.longWindow),
    );
    return { ...tier, longRate, shortRate, exceeding, firing };
  });
}
