/*
 * Exponential back-off of failed provisioning attempts, capped, so that a broken sink or entity
 * is retried soon at first and then rarely, without hammering the target.
 */

/** Delays of the retries. */
export interface RetryPolicy {
  /** Delay after the first failure, in ms. */
  initialDelayMs: number;
  /** Longest delay, in ms. */
  maxDelayMs: number;
}

/** 30 seconds, doubling up to one hour. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  initialDelayMs: 30_000,
  maxDelayMs: 3_600_000,
};

/** When to try again after `attempts` failures in a row (epoch ms). */
export function nextAttemptAt(
  now: number,
  attempts: number,
  policy: RetryPolicy,
): number {
  const exponent = Math.max(0, attempts - 1);
  // 2^exponent overflows nothing below the cap: stop doubling once past it.
  const delay =
    exponent >= 31
      ? policy.maxDelayMs
      : Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
  return now + delay;
}
