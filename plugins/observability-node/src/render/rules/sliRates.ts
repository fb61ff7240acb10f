/*
 * The expressions that read an SLO's raw series: the rates of bad and of all events over a
 * range, summed over every label (the rule's `labels` then set `slo` and `backstage_entity`).
 * The 5m rates are recorded and the windows from 5m on derive from them, except the 1h error
 * ratio, which reads the raw series over the hour (see `errorRatioExpression`).
 */
import {
  LabelMatcher,
  LatencyIndicator,
  RatioIndicator,
  VectorSelector,
} from '@lookout/plugin-observability-common';
import { decimal, formatDecimal } from './decimal';
import { formatVectorSelector } from '@lookout/plugin-observability-common';
import { leMatcher } from './leMatcher';

/** PromQL of the rates of bad and of all events over one range. @internal */
export interface SliRateExpressions {
  errors: string;
  total: string;
}

/** Range of the recorded rates. */
const RECORDED_RATE_RANGE = '5m';

function rater(range: string): (selector: string) => string {
  return selector => `sum(rate(${selector}[${range}]))`;
}

/**
 * Ratio SLI. With `errors`: a missing errors series means no error happened yet (counters with
 * a `code` label only appear on the first 5xx), hence `or vector(0)`. With `good`: bad events are
 * `total − good`, clamped at 0 because the two rates are extrapolated separately; a missing
 * `good` series leaves the errors rate absent (and `SLOMetricsMissing` firing) rather than
 * turning a misspelt selector into a 100 % error ratio.
 */
function ratioRates(
  indicator: RatioIndicator,
  rate: (selector: string) => string,
): SliRateExpressions {
  const total = rate(formatVectorSelector(indicator.total));
  if (indicator.errors) {
    return {
      errors: `${rate(formatVectorSelector(indicator.errors))} or vector(0)`,
      total,
    };
  }
  if (!indicator.good) {
    throw new TypeError('ratio indicator needs errors or good');
  }
  return {
    errors: `clamp_min(${total} - ${rate(
      formatVectorSelector(indicator.good),
    )}, 0)`,
    total,
  };
}

function histogramSelector(
  metric: string,
  matchers: LabelMatcher[],
  extra: LabelMatcher[] = [],
): string {
  const selector: VectorSelector = { metric, matchers };
  return formatVectorSelector(selector, extra);
}

/**
 * Latency SLI. Classic: bad = `_count − _bucket{le=threshold}` (every spelling of the
 * threshold, see `leRegex`); a threshold that is not a bucket boundary leaves the errors rate
 * absent, which `SLOMetricsMissing` reports. Native: bad = count × (1 − fraction below the
 * threshold), only where the count is above 0, because `histogram_fraction` of an empty
 * histogram is NaN and one NaN would poison every window sum; with no requests the bad rate is 0.
 */
function latencyRates(
  indicator: LatencyIndicator,
  rate: (selector: string) => string,
): SliRateExpressions {
  if (indicator.histogramType === 'classic') {
    const total = rate(
      histogramSelector(`${indicator.histogram}_count`, indicator.matchers),
    );
    const good = rate(
      histogramSelector(`${indicator.histogram}_bucket`, indicator.matchers, [
        leMatcher(indicator.thresholdSeconds),
      ]),
    );
    return { errors: `clamp_min(${total} - ${good}, 0)`, total };
  }
  const histogram = rate(
    histogramSelector(indicator.histogram, indicator.matchers),
  );
  const threshold = formatDecimal(decimal(indicator.thresholdSeconds));
  const count = `histogram_count(${histogram})`;
  return {
    errors:
      `(${count} > 0) * (1 - histogram_fraction(0, ${threshold}, ${histogram}))` +
      ` or ${count}`,
    total: count,
  };
}

/** The rate expressions of an indicator over `range` (5m: the recorded rates). @internal */
export function sliRateExpressions(
  indicator: RatioIndicator | LatencyIndicator,
  range: string = RECORDED_RATE_RANGE,
): SliRateExpressions {
  const rate = rater(range);
  return indicator.type === 'ratio'
    ? ratioRates(indicator, rate)
    : latencyRates(indicator, rate);
}
