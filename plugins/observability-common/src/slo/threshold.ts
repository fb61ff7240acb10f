/*
 * Latency thresholds (`300ms`, `0.3s`, `1s`, `0.25`), converted to seconds exactly as written
 * (`300ms` is 0.3, not 0.30000000000000004).
 */
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';

const EXPECTED =
  'expected a duration in milliseconds or seconds, e.g. 300ms, 0.3s or 1s (a plain number is seconds)';

/**
 * Seconds of a latency threshold: `300ms`, `0.3s`, `1s`, `1m`, or a plain number of seconds.
 * @public
 */
export function parseLatencyThreshold(value: unknown): Parsed<number> {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value > 0
      ? valid(value)
      : invalid(
          problemMessages.foundExpected(
            value,
            `the threshold must be above 0; ${EXPECTED}`,
          ),
        );
  }
  if (typeof value !== 'string') {
    return invalid(problemMessages.foundExpected(value, `${EXPECTED}`));
  }
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m)?$/.exec(value.trim());
  if (!match) {
    return invalid(`${describeValue(value)} is not a duration; ${EXPECTED}`);
  }
  const [, amount, unit = 's'] = match;
  // Shift the decimal point in the text so the result is the double closest to what was written.
  const seconds = {
    ms: () => Number(`${amount}e-3`),
    s: () => Number(amount),
    m: () => Number(amount) * 60,
  }[unit as 'ms' | 's' | 'm']();
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    return invalid(
      `${describeValue(value)}: the threshold must be above 0; ${EXPECTED}`,
    );
  }
  return valid(seconds);
}
