/*
 * LogQL stream selectors (`{namespace="shop", app="checkout"}`), parsed with @grafana/lezer-logql.
 * Only the selector is accepted: pipelines and metric queries are the Logs tab's business.
 */
import { parser } from '@grafana/lezer-logql';
import type { SyntaxNode } from '@lezer/common';
import { LabelMatcher } from '../spec/types';
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { unquotePromqlString } from '../promql/stringLiteral';
import { matchesEmpty } from '../promql/matchers';
import { childNodes, findErrorNode } from '../promql/promqlTree';

const STREAM_SELECTOR_EXAMPLE = '{namespace="shop", app="checkout"}';

const OPERATORS: Record<string, LabelMatcher['op']> = {
  Eq: '=',
  Neq: '!=',
  Re: '=~',
  Nre: '!~',
};

/**
 * Parses a LogQL stream selector and returns its matchers (values unescaped). Rejects line
 * filters, parsers and other pipeline stages, metric queries, and selectors whose every matcher
 * also matches an empty value (Loki refuses those).
 * @public
 */
export function parseLogStreamSelector(text: string): Parsed<LabelMatcher[]> {
  const expected = `expected only a LogQL stream selector, e.g. ${STREAM_SELECTOR_EXAMPLE}`;
  const fail = (reason: string) =>
    invalid(`${describeValue(text)} ${reason}; ${expected}`);
  if (text.trim() === '') {
    return fail('is empty');
  }
  const tree = parser.parse(text);
  const logExpr = tree.topNode.getChild('Expr')?.getChild('LogExpr');
  const metricExpr = tree.topNode.getChild('Expr')?.getChild('MetricExpr');
  if (metricExpr) {
    return fail(
      'is a metric query; a stream selector only picks the streams, without rate(…), count_over_time(…) or [range]',
    );
  }
  const pipeline = logExpr?.getChild('PipelineExpr');
  if (pipeline) {
    const stage = text.slice(pipeline.from, pipeline.to).trim();
    return fail(
      `has a pipeline (${
        stage.length > 30 ? `${stage.slice(0, 30)}…` : stage
      }); filters and parsers are applied in the Logs tab, not here`,
    );
  }
  const errorNode = findErrorNode(tree);
  const selector = logExpr?.getChild('Selector');
  if (errorNode || !selector) {
    if (text.trim() === '{}') {
      return fail('selects nothing: give at least one label matcher');
    }
    if (!text.trim().startsWith('{')) {
      return fail('is not in braces');
    }
    const column = errorNode ? errorNode.from + 1 : 1;
    if (
      errorNode &&
      errorNode.from >= text.trimEnd().length &&
      !text.trimEnd().endsWith('}')
    ) {
      return fail('has unbalanced braces: the { is never closed');
    }
    return fail(`is not valid LogQL: unexpected input at column ${column}`);
  }
  const matchers: LabelMatcher[] = [];
  for (const node of matcherNodes(selector)) {
    const name = node.getChild('Identifier');
    const value = node.getChild('String');
    const op = childNodes(node)
      .map(child => OPERATORS[child.name])
      .find(Boolean);
    if (!name || !value || !op) {
      return fail(
        `has an incomplete matcher ${text.slice(node.from, node.to)}`,
      );
    }
    const unquoted = unquotePromqlString(text.slice(value.from, value.to));
    if (!unquoted.ok) {
      return fail(`has an invalid string: ${unquoted.message}`);
    }
    matchers.push({
      name: text.slice(name.from, name.to),
      op,
      value: unquoted.value,
    });
  }
  if (matchers.length === 0) {
    return fail('selects nothing: give at least one label matcher');
  }
  if (matchers.every(matchesEmpty)) {
    return fail(
      'has only matchers that also match an empty value, which Loki rejects; add one such as app="checkout"',
    );
  }
  return valid(matchers);
}

/** The `Matcher` nodes of a selector (the grammar nests `Matchers` to the left). */
function matcherNodes(selector: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode) => {
    for (const child of childNodes(node)) {
      if (child.name === 'Matcher') {
        found.push(child);
      } else if (child.name === 'Matchers') {
        visit(child);
      }
    }
  };
  visit(selector);
  return found;
}
