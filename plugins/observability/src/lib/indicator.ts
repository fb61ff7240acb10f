/*
 * Text forms of an SLO's indicator as the annotations define it, for the overview card.
 */
import {
  formatLabelMatcher,
  formatPrometheusDuration,
  formatVectorSelector,
  LatencyIndicator,
  RatioIndicator,
} from '@lookout/plugin-observability-common';

/** One line describing the indicator: the errors/total ratio or the latency threshold. */
export function describeIndicator(
  indicator: RatioIndicator | LatencyIndicator,
): string {
  if (indicator.type === 'latency') {
    const matchers = indicator.matchers.map(formatLabelMatcher).join(', ');
    const selector = matchers ? `{${matchers}}` : '';
    return `${
      indicator.histogram
    }${selector} slower than ${formatPrometheusDuration(
      Math.round(indicator.thresholdSeconds * 1000),
    )} (${indicator.histogramType} histogram)`;
  }
  const total = formatVectorSelector(indicator.total);
  if (indicator.errors) {
    return `errors ${formatVectorSelector(indicator.errors)} / total ${total}`;
  }
  if (indicator.good) {
    return `1 − good ${formatVectorSelector(indicator.good)} / total ${total}`;
  }
  return `total ${total}`;
}
