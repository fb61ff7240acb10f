/*
 * Label sets for synthetic test series: which selector a label set matches (Prometheus
 * semantics: a missing label is the empty string, regexes are fully anchored), and a label set
 * that matches some selectors and not another (a bad-events series that the errors and total
 * selectors both select; a good one that only the total selector selects).
 */
import {
  LabelMatcher,
  VectorSelector,
} from '@lookout/plugin-observability-common';
import {
  formatLabelMatcher,
  isBareMetricName,
  quotePromqlString,
} from '@lookout/plugin-observability-common';
import { regexExample, regexMatches } from './regexExample';

/** Labels of a series, `__name__` included; empty values are left out. @internal */
export type SeriesLabels = Record<string, string>;

const FALLBACK_VALUES = ['200', '0', '500', 'x', 'lookout_synthetic'];
const FALLBACK_METRIC = 'lookout_synthetic_total';

function allMatchers(selector: VectorSelector): LabelMatcher[] {
  return selector.metric
    ? [
        { name: '__name__', op: '=', value: selector.metric },
        ...selector.matchers,
      ]
    : selector.matchers;
}

/** Whether one matcher selects `value` (`''` for a missing label); undefined if unknown. */
function matcherAccepts(
  matcher: LabelMatcher,
  value: string,
): boolean | undefined {
  switch (matcher.op) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return regexMatches(matcher.value, value);
    default: {
      const matches = regexMatches(matcher.value, value);
      return matches === undefined ? undefined : !matches;
    }
  }
}

/** Whether `selector` selects a series with `labels`; undefined when a regex is not understood. @internal */
export function selects(
  selector: VectorSelector,
  labels: SeriesLabels,
): boolean | undefined {
  let result: boolean | undefined = true;
  for (const matcher of allMatchers(selector)) {
    const accepts = matcherAccepts(matcher, labels[matcher.name] ?? '');
    if (accepts === false) {
      return false;
    }
    if (accepts === undefined) {
      result = undefined;
    }
  }
  return result;
}

/** Values to try: the matchers' own, then (absent) '' and fallbacks, or fallbacks first. */
function candidates(
  matchers: LabelMatcher[],
  emptyFirst: boolean,
  extra: string[] = [],
): string[] {
  const values: string[] = [];
  for (const m of matchers) {
    if (m.op === '=') {
      values.push(m.value);
    } else if (m.op === '=~') {
      const example = regexExample(m.value);
      if (example !== undefined) {
        values.push(example);
      }
    }
  }
  const rest = emptyFirst ? ['', ...FALLBACK_VALUES] : [...FALLBACK_VALUES, ''];
  return [...new Set([...values, ...rest, ...extra])];
}

function acceptsAll(matchers: LabelMatcher[], value: string): boolean {
  return matchers.every(m => matcherAccepts(m, value) === true);
}

/**
 * A label set selected by every selector of `required` and not by `excluded`, or undefined if
 * none can be found from simple candidates.
 * @internal
 */
export function synthesizeLabels(
  required: VectorSelector[],
  excluded?: VectorSelector,
): SeriesLabels | undefined {
  const byName = new Map<string, LabelMatcher[]>();
  for (const matcher of required.flatMap(allMatchers)) {
    byName.set(matcher.name, [...(byName.get(matcher.name) ?? []), matcher]);
  }
  const labels: SeriesLabels = {};
  for (const [name, matchers] of byName) {
    const value = candidates(matchers, true).find(v => acceptsAll(matchers, v));
    if (value === undefined) {
      return undefined;
    }
    if (value !== '') {
      labels[name] = value;
    }
  }
  if (!labels.__name__) {
    const matchers = byName.get('__name__') ?? [];
    if (!acceptsAll(matchers, FALLBACK_METRIC)) {
      return undefined;
    }
    labels.__name__ = FALLBACK_METRIC;
  }
  if (excluded && selects(excluded, labels) !== false) {
    const escaped = allMatchers(excluded).some(matcher => {
      const own = byName.get(matcher.name) ?? [];
      const value = candidates(own, false, [`${matcher.value}_x`]).find(
        v => acceptsAll(own, v) && matcherAccepts(matcher, v) === false,
      );
      if (
        value === undefined ||
        (matcher.name === '__name__' && value === '')
      ) {
        return false;
      }
      if (value === '') {
        delete labels[matcher.name];
      } else {
        labels[matcher.name] = value;
      }
      return true;
    });
    if (!escaped) {
      return undefined;
    }
  }
  const ok =
    required.every(s => selects(s, labels) === true) &&
    (!excluded || selects(excluded, labels) === false);
  return ok ? labels : undefined;
}

/** The series as promtool's `series:` field writes it: `metric{a="b"}`. @internal */
export function seriesText(labels: SeriesLabels): string {
  const name = labels.__name__;
  const rest = Object.keys(labels)
    .filter(key => key !== '__name__')
    .sort()
    .map(key => formatLabelMatcher({ name: key, op: '=', value: labels[key] }));
  if (isBareMetricName(name)) {
    return `${name}{${rest.join(', ')}}`;
  }
  return `{${[`__name__=${quotePromqlString(name)}`, ...rest].join(', ')}}`;
}
