/*
 * SLO windows (`lookout.dev/slo-window`, `window:` of a definition): 7d to 90d, in days, weeks
 * or hours, one unit only so that every tool (Prometheus, Grafana, burn-rate factors) reads it
 * the same way.
 */
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { durationSeconds } from './burnRateTiers';

/** Window of SLOs that name none. @public */
export const DEFAULT_SLO_WINDOW = '30d';

const MIN_WINDOW_DAYS = 7;
const MAX_WINDOW_DAYS = 90;
const DAY_SECONDS = 86400;

/**
 * Validates an SLO window: a whole number of days, weeks or hours (`30d`, `4w`, `720h`) from 7d
 * to 90d inclusive. The window is kept as written.
 * @public
 */
export function parseSloWindow(value: unknown): Parsed<string> {
  const expected = `expected a window from ${MIN_WINDOW_DAYS}d to ${MAX_WINDOW_DAYS}d in days, weeks or hours, e.g. 30d, 4w or 720h`;
  if (typeof value !== 'string') {
    return invalid(problemMessages.foundExpected(value, `${expected}`));
  }
  const text = value.trim();
  if (!/^[1-9]\d{0,5}[dwh]$/.test(text)) {
    return invalid(`${describeValue(value)} is not a window; ${expected}`);
  }
  const days = durationSeconds(text) / DAY_SECONDS;
  if (days < MIN_WINDOW_DAYS) {
    return invalid(
      `${describeValue(
        value,
      )} is shorter than ${MIN_WINDOW_DAYS}d: too short to hold the 3d alert window and a meaningful error budget; ${expected}`,
    );
  }
  if (days > MAX_WINDOW_DAYS) {
    return invalid(
      `${describeValue(
        value,
      )} is longer than ${MAX_WINDOW_DAYS}d: the recording rules would need more history than Prometheus usually keeps; ${expected}`,
    );
  }
  return valid(text);
}
