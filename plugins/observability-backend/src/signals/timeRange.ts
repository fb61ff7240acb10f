/*
 * Time ranges of the signal requests: defaults, order and length checks, shared by the routes.
 */
import { InputError } from '@backstage/errors';
import { formatPrometheusDuration } from '@lookout/plugin-observability-common';
import { TimeRange } from './types';

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
      `from and to may be at most ${formatPrometheusDuration(
        limits.maxSpanMs,
      )} apart`,
    );
  }
  return { from, to };
}
