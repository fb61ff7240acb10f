/*
 * The multi-window, multi-burn-rate alert tiers (Google SRE workbook, chapter 5), with the same
 * factors at every SLO window (docs/slo-alerting.md). DESIGN §4 "Series and alerts".
 */
import { parsePrometheusDuration } from '../duration/duration';

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
  /** Burn rate (multiple of the budget rate) above which the tier fires. */
  factor: number;
  /**
   * Highest error ratio the tier may wait for: the 1h page tier fires at
   * `min(factor × budget, maxErrorRatio)`, so that a full outage pages within 10 minutes at low
   * objectives.
   */
  maxErrorRatio?: number;
}

/**
 * The four tiers, in evaluation order, the same at every window from 7d to 90d: a steady burn
 * pages above 6× and raises a ticket above 1.1×; nothing fires at 1× or below.
 * @public
 */
export const BURN_RATE_TIERS: readonly BurnRateTier[] = [
  {
    severity: 'page',
    longWindow: '1h',
    shortWindow: '5m',
    factor: 14.4,
    maxErrorRatio: 0.1,
  },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', factor: 6 },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', factor: 3 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', factor: 1.1 },
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
  const milliseconds = /^\d+(ms|s|m|h|d|w|y)$/.test(duration)
    ? parsePrometheusDuration(duration)
    : undefined;
  if (milliseconds === undefined) {
    throw new TypeError(
      `not a single-unit duration: ${JSON.stringify(duration)}`,
    );
  }
  return milliseconds / 1000;
}

/** Error budget of an objective in percent, `1 − objective / 100`, to 10 decimals. */
function budgetOf(objective: number): number {
  return Number(((100 - objective) / 100).toFixed(10));
}

/**
 * Burn-rate factor of a tier for an objective (percent): the tier's factor, lowered where the
 * tier's `maxErrorRatio` caps its threshold (99 %: the 1h tier fires at 10×). Rounded to 10
 * decimals.
 * @public
 */
export function burnRateFactor(tier: BurnRateTier, objective: number): number {
  const budget = budgetOf(objective);
  const capped =
    tier.maxErrorRatio !== undefined && budget > 0
      ? Math.min(tier.factor, tier.maxErrorRatio / budget)
      : tier.factor;
  return Number(capped.toFixed(10));
}

/** A tier with its numbers for one objective. @public */
export interface TierThreshold {
  tier: BurnRateTier;
  /** Burn rate above which it fires (after the cap), e.g. 14.4. */
  factor: number;
  /** The same as an error ratio, `factor × budget`, e.g. 0.0144. */
  errorRatio: number;
}

/** The tiers of an SLO: those in force and those left out. @public */
export interface SloAlertTiers {
  /** Switched on and able to fire, in `BURN_RATE_TIERS` order. */
  inForce: TierThreshold[];
  /**
   * Switched on but left out: the threshold is an error ratio of 1 or more (it can never fire)
   * or the factor is 1 or less (it would fire while the SLO is met).
   */
  dropped: TierThreshold[];
}

/**
 * The one decision of which tiers an SLO gets, for the parser's warnings and the renderer
 * alike (so they cannot disagree). Severities switched off in `alerting` are left out silently.
 * @public
 */
export function sloAlertTiers(
  objective: number,
  alerting: { page: boolean; ticket: boolean } = { page: true, ticket: true },
): SloAlertTiers {
  const budget = budgetOf(objective);
  const result: SloAlertTiers = { inForce: [], dropped: [] };
  for (const tier of BURN_RATE_TIERS) {
    if (!alerting[tier.severity]) {
      continue;
    }
    const factor = burnRateFactor(tier, objective);
    const errorRatio = Number((factor * budget).toFixed(10));
    const entry = { tier, factor, errorRatio };
    if (factor <= 1 || errorRatio >= 1) {
      result.dropped.push(entry);
    } else {
      result.inForce.push(entry);
    }
  }
  return result;
}
