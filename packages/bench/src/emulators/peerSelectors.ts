/*
 * PromQL selectors of an SLO's series as the peers' users and generators write them. Test-support
 * code of the rules benchmark (not part of the package API).
 */
import {
  LabelMatcher,
  VectorSelector,
} from '@lookout/plugin-observability-common';
import { goQuote } from './goFormat';

/** A matcher as Prometheus' Go code prints it: `code=~"5.."`. */
export function goMatcher(matcher: LabelMatcher): string {
  return `${matcher.name}${matcher.op}${goQuote(matcher.value)}`;
}

/**
 * A selector as a user writes it in a Sloth query: matchers in the order given, no spaces
 * (`http_requests_total{job="a",code=~"5.."}`).
 */
export function userSelector(selector: VectorSelector): string {
  if (selector.matchers.length === 0) {
    return selector.metric;
  }
  return `${selector.metric}{${selector.matchers.map(goMatcher).join(',')}}`;
}

/**
 * A selector as Prometheus' Go printer (`parser.VectorSelector.String()`) writes it, which is how
 * Pyrra renders every expression: matchers sorted, joined by commas.
 */
export function goPrintedSelector(selector: VectorSelector): string {
  if (selector.matchers.length === 0) {
    return selector.metric;
  }
  const matchers = selector.matchers.map(goMatcher).sort();
  return `${selector.metric}{${matchers.join(',')}}`;
}

/** The label set `{a="b", c="d"}` Sloth puts in its filters: keys sorted, `", "` between. */
export function slothLabelFilter(labels: Record<string, string>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map(key => `${key}=${goQuote(labels[key])}`);
  return `{${pairs.join(', ')}}`;
}
