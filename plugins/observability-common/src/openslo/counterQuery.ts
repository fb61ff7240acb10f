/*
 * The Prometheus queries of OpenSLO `ratioMetric` sources. Lookout computes rates itself, so it
 * needs the counter's bare selector: it accepts `x{...}`, `rate(x{...}[5m])`,
 * `increase(x{...}[1h])` and `sum(...)` around either (grouping is irrelevant to a ratio over
 * everything) and keeps only the inner selector.
 */
import type { SyntaxNode } from '@lezer/common';
import { VectorSelector } from '../spec/types';
import { Parsed, invalid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { childNodes, parsePromqlExpression } from '../promql/promqlTree';
import {
  SELECTOR_EXAMPLE,
  describeExpression,
  vectorSelectorFromNode,
} from '../promql/vectorSelector';

const EXPECTED = `expected a counter selector, optionally wrapped in rate(…[5m]), increase(…) and sum(…), e.g. sum(rate(${SELECTOR_EXAMPLE}[5m]))`;

const RANGE_FUNCTIONS = ['rate', 'increase'];

/**
 * The counter selector inside an OpenSLO Prometheus query.
 * @public
 */
export function parseCounterQuery(query: string): Parsed<VectorSelector> {
  const parsed = parsePromqlExpression(query);
  if (!parsed.ok) {
    return invalid(`${describeValue(query)} ${parsed.message}; ${EXPECTED}`);
  }
  let node: SyntaxNode = parsed.expression;
  const expressionChild = (body: SyntaxNode | null) =>
    body ? childNodes(body).filter(child => child.name !== 'LineComment') : [];

  if (
    node.name === 'AggregateExpr' &&
    text(query, node.getChild('AggregateOp')) === 'sum'
  ) {
    const args = expressionChild(node.getChild('FunctionCallBody'));
    if (args.length === 1) {
      node = args[0];
    }
  }
  if (node.name === 'FunctionCall') {
    const fn = text(query, node.getChild('FunctionIdentifier'));
    const args = expressionChild(node.getChild('FunctionCallBody'));
    if (
      RANGE_FUNCTIONS.includes(fn) &&
      args.length === 1 &&
      args[0].name === 'MatrixSelector'
    ) {
      node = args[0].getChild('VectorSelector') ?? args[0];
    }
  }
  if (node.name !== 'VectorSelector') {
    return invalid(
      `${describeValue(
        query,
      )} is not a supported query: found ${describeExpression(
        node,
        query,
      )}; ${EXPECTED}`,
    );
  }
  const selector = vectorSelectorFromNode(node, query);
  if (!selector.ok) {
    return invalid(`${describeValue(query)}: ${selector.message}`);
  }
  if (!selector.value.metric) {
    return invalid(`${describeValue(query)} names no metric; ${EXPECTED}`);
  }
  return selector;
}

function text(query: string, node: SyntaxNode | null): string {
  return node ? query.slice(node.from, node.to) : '';
}
