/*
 * The `le` matcher of a latency threshold on a classic histogram. Client libraries spell bucket
 * boundaries differently (`0.3`, `0.30`, `.3`; `1` or `1.0`), and Prometheus 3 normalises them
 * at scrape time (`1` becomes `1.0`), so an `le="1"` matcher silently stops matching after an
 * upgrade. The regular expression matches every decimal spelling of the threshold, and Go's
 * exponent spelling (`5e-05`) for thresholds that client_golang writes that way.
 */
import { LabelMatcher } from '@lookout/plugin-observability-common';
import { decimal, formatDecimal } from './decimal';

/**
 * A regular expression (RE2, fully anchored as Prometheus anchors it) matching every decimal
 * spelling of `thresholdSeconds`: 0.3 → `0?\.30*`, 1 → `1(\.0*)?`, 2.5 → `2\.50*`.
 * @internal
 */
export function leRegex(thresholdSeconds: number): string {
  if (!(thresholdSeconds > 0) || !Number.isFinite(thresholdSeconds)) {
    throw new RangeError(
      `latency threshold must be a positive number of seconds, got ${thresholdSeconds}`,
    );
  }
  const text = formatDecimal(decimal(thresholdSeconds));
  const [integer, fraction = ''] = text.split('.');
  const integerPattern = integer === '0' ? '0?' : integer;
  const decimalPattern = fraction
    ? `${integerPattern}\\.${fraction}0*`
    : `${integerPattern}(\\.0*)?`;
  const goSpelling = goFloatText(thresholdSeconds);
  return goSpelling.includes('e')
    ? `${decimalPattern}|${goSpelling.replace(/[.+]/g, c => `\\${c}`)}`
    : decimalPattern;
}

/** The `le` matcher of a classic histogram bucket for `thresholdSeconds`. @internal */
export function leMatcher(thresholdSeconds: number): LabelMatcher {
  return { name: 'le', op: '=~', value: leRegex(thresholdSeconds) };
}

/**
 * Go's `strconv.FormatFloat(f, 'g', -1, 64)`, which client_golang uses for `le`: the shortest
 * digits, in exponent form when the decimal exponent is below -4 or at least 6 (`5e-05`,
 * `1e+06`), plain otherwise.
 */
function goFloatText(value: number): string {
  const [mantissa, exp] = value.toExponential().split('e');
  const exponent = Number(exp);
  if (exponent >= -4 && exponent < 6) {
    return formatDecimal(decimal(value));
  }
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
