/*
 * Time ranges of the signal requests: defaults, order and length checks, shared by the routes.
 */
import { InputError } from '@backstage/errors';
import { TimeRange } from './types';

const DAY_MS = 86_400_000;

function describeSpan(ms: number): string {
  if (ms % DAY_MS === 0) {
    return ms === DAY_MS ? '1 day' : `${ms / DAY_MS} days`;
  }
  return `${ms / 3_600_000} hours`;
}

/** A range from optional ends: `to` defaults to now, `from` to `to − defaultSpanMs`. */
export function resolveRange(
  ends: { from?: number; to?: number },
  limits: { defaultSpanMs: number; maxSpanMs: number },
  now: number = Date.now(),
): TimeRange {
  const to =
    ends.to ?? (ends.from !== undefined ? Math.max(now, ends.from + 1) : now);
  const from = ends.from ?? to - limits.defaultSpanMs;
  if (from >= to) {
    throw new InputError('from must be earlier than to');
  }
  if (to - from > limits.maxSpanMs) {
    throw new InputError(
      `from and to may be at most ${describeSpan(limits.maxSpanMs)} apart`,
    );
  }
  return { from, to };
}
