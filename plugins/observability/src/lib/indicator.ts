/*
 * Text forms of an SLO's indicator as the annotations define it, for the overview card.
 */
import {
  LabelMatcher,
  LatencyIndicator,
  RatioIndicator,
  VectorSelector,
} from '@lookout/plugin-observability-common';

function formatMatchers(matchers: LabelMatcher[]): string {
  return matchers.map(m => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(', ');
}

/** A bare PromQL selector: `http_requests_total{code=~"5.."}`. */
export function formatSelector(selector: VectorSelector): string {
  const matchers = formatMatchers(selector.matchers);
  if (!matchers) {
    return selector.metric || '{}';
  }
  return `${selector.metric}{${matchers}}`;
}

/** Seconds as the shortest Prometheus-style duration: `0.3` → `300ms`, `2` → `2s`. */
export function formatThreshold(seconds: number): string {
  if (seconds < 1) {
    return `${Math.round(seconds * 1000)}ms`;
  }
  if (seconds < 60 || seconds % 60 !== 0) {
    return `${seconds}s`;
  }
  return `${seconds / 60}m`;
}

/** One line describing the indicator: the errors/total ratio or the latency threshold. */
export function describeIndicator(
  indicator: RatioIndicator | LatencyIndicator,
): string {
  if (indicator.type === 'latency') {
    const matchers = formatMatchers(indicator.matchers);
    const selector = matchers ? `{${matchers}}` : '';
    return `${indicator.histogram}${selector} slower than ${formatThreshold(
      indicator.thresholdSeconds,
    )} (${indicator.histogramType} histogram)`;
  }
  const total = formatSelector(indicator.total);
  if (indicator.errors) {
    return `errors ${formatSelector(indicator.errors)} / total ${total}`;
  }
  if (indicator.good) {
    return `1 − good ${formatSelector(indicator.good)} / total ${total}`;
  }
  return `total ${total}`;
}
