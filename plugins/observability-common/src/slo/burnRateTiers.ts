/*
 * The multi-window, multi-burn-rate alert tiers (Google SRE workbook, chapter 5), with factors
 * scaled to the SLO window. DESIGN §4 "Series and alerts".
 */

/** @public */
export type AlertSeverity = 'page' | 'ticket';

/**
 * One alert tier: fires when the error ratio over both the long and the short window exceeds
 * `factor × (1 - objective)`.
 * @public
 */
export interface BurnRateTier {
  severity: AlertSeverity;
  /** Prometheus duration of the long window, e.g. `1h`. */
  longWindow: string;
  /** Prometheus duration of the short window, e.g. `5m`. */
  shortWindow: string;
  /** Share of the whole error budget spent over the long window when the tier fires. */
  budgetShare: number;
}

/**
 * The four tiers, in evaluation order. With a 30d window the factors are 14.4, 6, 3 and 1.
 * @public
 */
export const BURN_RATE_TIERS: readonly BurnRateTier[] = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', budgetShare: 0.02 },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', budgetShare: 0.05 },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetShare: 0.1 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', budgetShare: 0.1 },
];

/**
 * Every window for which an error ratio is recorded, shortest first (the SLO window itself is
 * recorded too, under its own duration).
 * @public
 */
export const RECORDED_WINDOWS: readonly string[] = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
];

/** Seconds of a Prometheus duration made of one unit (`5m`, `30d`, `4w`). @public */
export function durationSeconds(duration: string): number {
  const match = /^(\d+)(ms|s|m|h|d|w|y)$/.exec(duration);
  if (!match) {
    throw new TypeError(
      `not a single-unit duration: ${JSON.stringify(duration)}`,
    );
  }
  const units: Record<string, number> = {
    ms: 0.001,
    s: 1,
    m: 60,
    h: 3600,
    d: 86400,
    w: 604800,
    y: 31536000,
  };
  return Number(match[1]) * units[match[2]];
}

/**
 * Burn-rate factor of a tier for an SLO window: `budget share × window / long window`, rounded
 * to 10 decimals so that 28d gives exactly 13.44, 5.6, 2.8 and 0.9333333333.
 * @public
 */
export function burnRateFactor(tier: BurnRateTier, sloWindow: string): number {
  const raw =
    (tier.budgetShare * durationSeconds(sloWindow)) /
    durationSeconds(tier.longWindow);
  return Number(raw.toFixed(10));
}
