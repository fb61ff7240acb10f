/*
 * PromQL text of a vector selector, for the rules. Same signature and output style as
 * `formatVectorSelector` of @lookout/plugin-observability-common (`metric{a="b", c=~"d"}`); kept
 * here until the common package exports it, then this file can be replaced by a re-export.
 */
import { LabelMatcher, VectorSelector } from '@lookout/plugin-observability-common';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
// Words that do not parse as a bare metric name.
const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'atan2',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'by',
  'without',
  'offset',
  'bool',
  'start',
  'end',
  'inf',
  'nan',
]);

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A double-quoted PromQL string literal of `value`. @internal */
export function quotePromqlString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (ESCAPES[char]) {
      out += ESCAPES[char];
    } else if (code < 0x20 || code === 0x7f) {
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    } else {
      out += char;
    }
  }
  return `${out}"`;
}

/** One matcher as PromQL text, e.g. `code=~"5.."`. @internal */
export function formatLabelMatcher(matcher: LabelMatcher): string {
  const name = LABEL_NAME.test(matcher.name)
    ? matcher.name
    : quotePromqlString(matcher.name);
  return `${name}${matcher.op}${quotePromqlString(matcher.value)}`;
}

/** Whether `metric` can be written bare in front of `{...}`. @internal */
export function isBareMetricName(metric: string): boolean {
  return METRIC_NAME.test(metric) && !KEYWORDS.has(metric.toLowerCase());
}

/**
 * `selector` as PromQL, with `extraMatchers` appended (a matcher identical to one already in
 * the selector is not repeated). A metric name that cannot be written bare becomes a
 * `__name__` matcher.
 * @internal
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
