/*
 * The canonical text of a vector selector, as the render engine writes it into rules and
 * dashboards: `metric{a="b", c=~"d"}`, every value a correctly escaped PromQL string.
 */
import { parser } from '@prometheus-io/lezer-promql';
import { LabelMatcher, VectorSelector } from '../spec/types';
import { isLegacyLabelName, isLegacyMetricName } from './names';
import { quotePromqlString } from './stringLiteral';
import { findErrorNode } from './promqlTree';

/**
 * Formats `selector` as PromQL, with `extraMatchers` appended (a matcher equal to one already in
 * the selector is not repeated). Metric names that cannot be written bare (UTF-8 names, PromQL
 * keywords such as `on` or `inf`) become a `__name__` matcher; label names outside the classic
 * character set are quoted, as Prometheus 3 expects.
 * @public
 */
export function formatVectorSelector(
  selector: VectorSelector,
  extraMatchers: readonly LabelMatcher[] = [],
): string {
  const matchers: LabelMatcher[] = [];
  const push = (matcher: LabelMatcher) => {
    if (
      !matchers.some(
        m =>
          m.name === matcher.name &&
          m.op === matcher.op &&
          m.value === matcher.value,
      )
    ) {
      matchers.push(matcher);
    }
  };
  let metric = selector.metric;
  if (metric && !isBareMetricName(metric)) {
    push({ name: '__name__', op: '=', value: metric });
    metric = '';
  }
  selector.matchers.forEach(push);
  extraMatchers.forEach(push);
  if (matchers.length === 0) {
    return metric || '{}';
  }
  return `${metric}{${matchers.map(formatLabelMatcher).join(', ')}}`;
}

/** One matcher as PromQL text: `code=~"5.."`. @public */
export function formatLabelMatcher(matcher: LabelMatcher): string {
  const name = isLegacyLabelName(matcher.name)
    ? matcher.name
    : quotePromqlString(matcher.name);
  return `${name}${matcher.op}${quotePromqlString(matcher.value)}`;
}

const bareNameCache = new Map<string, boolean>();

/**
 * Whether `metric` can be written bare in front of `{...}` (a classic name that is not a PromQL
 * keyword such as `on`, `bool` or `inf`).
 * @public
 */
export function isBareMetricName(metric: string): boolean {
  if (!isLegacyMetricName(metric)) {
    return false;
  }
  let bare = bareNameCache.get(metric);
  if (bare === undefined) {
    // Keywords (`on`, `bool`, `offset`, `inf`, `nan`...) do not parse as a selector.
    const tree = parser.parse(metric);
    const top = tree.topNode.firstChild;
    bare =
      top?.name === 'VectorSelector' &&
      top.from === 0 &&
      top.to === metric.length &&
      !findErrorNode(tree);
    if (bareNameCache.size < 1000) {
      bareNameCache.set(metric, bare);
    }
  }
  return bare;
}
