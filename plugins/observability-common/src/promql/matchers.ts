/*
 * Semantics of label matchers that validation needs: whether a matcher also matches series
 * without the label (the empty value). Prometheus and Loki reject selectors whose every matcher
 * does, because they would select every series.
 */
import { LabelMatcher } from '../spec/types';

/**
 * Whether `matcher` matches the empty string. Regular expressions are fully anchored as in
 * Prometheus; a regular expression JavaScript cannot compile is assumed not to match.
 * @internal
 */
export function matchesEmpty(matcher: LabelMatcher): boolean {
  switch (matcher.op) {
    case '=':
      return matcher.value === '';
    case '!=':
      return matcher.value !== '';
    case '=~':
      return regexMatchesEmpty(matcher.value) ?? false;
    case '!~':
      return !(regexMatchesEmpty(matcher.value) ?? true);
    default:
      return false;
  }
}

function regexMatchesEmpty(pattern: string): boolean | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test('');
  } catch {
    return undefined;
  }
}
