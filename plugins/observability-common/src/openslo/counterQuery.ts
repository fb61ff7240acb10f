/*
 * The Prometheus queries of OpenSLO `ratioMetric` sources. Lookout computes rates itself, so it
 * needs the counter's bare selector: it accepts `x{...}`, `rate(x{...}[5m])`,
 * `increase(x{...}[1h])` and `sum(...)` around either (grouping is irrelevant to a ratio over
 * everything) and keeps only the inner selector. The range is Lookout's to choose, so a template
 * placeholder in its place (`[{{.window}}]` as Sloth writes it, or Grafana's `[$__rate_interval]`)
 * is accepted; offsets and `@` are refused by name, since they would shift every window.
 */
import type { SyntaxNode } from '@lezer/common';
import { VectorSelector } from '../spec/types';
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { childNodes, parsePromqlExpression } from '../promql/promqlTree';
import {
  SELECTOR_EXAMPLE,
  describeExpression,
  vectorSelectorFromNode,
} from '../promql/vectorSelector';

const EXPECTED = `expected a counter selector, optionally wrapped in rate(…[5m]), increase(…) and sum(…), e.g. sum(rate(${SELECTOR_EXAMPLE}[5m]))`;

const RANGE_FUNCTIONS = ['rate', 'increase'];

/** A range that is only a placeholder: `[{{.window}}]`, `[{{ .window }}]`, `[$__rate_interval]`. */
const RANGE_PLACEHOLDER = /\[\s*(\{\{-?[^{}]*-?\}\}|\$\{?__[a-z_]+\}?)\s*\]/gi;
const MODIFIERS: Record<string, string> = {
  OffsetExpr: 'offset',
  StepInvariantExpr: '@',
};

/** The query with range placeholders replaced by a range (Lookout discards it anyway). */
function withoutRangePlaceholders(query: string): Parsed<string> {
  const replaced = query.replace(RANGE_PLACEHOLDER, '[5m]');
  if (/\{\{|\$\{?__/.test(replaced)) {
    return invalid(
      `${describeValue(
        query,
      )} has a template placeholder outside a range; Lookout accepts placeholders only as the range of rate(…) or increase(…), e.g. rate(${SELECTOR_EXAMPLE}[{{.window}}])`,
    );
  }
  return valid(replaced);
}

/** The first offset or @ modifier in the query, as written (`offset 1m`). */
function findModifier(node: SyntaxNode, query: string): string | undefined {
  if (MODIFIERS[node.name]) {
    const modifier = childNodes(node).find(
      child => child.name === 'Offset' || child.name === 'At',
    );
    return modifier
      ? query.slice(modifier.from, node.to).trim()
      : MODIFIERS[node.name];
  }
  for (const child of childNodes(node)) {
    const found = findModifier(child, query);
    if (found) {
      return found;
    }
  }
  return undefined;
}

/**
 * The counter selector inside an OpenSLO Prometheus query.
 * @public
 */
export function parseCounterQuery(written: string): Parsed<VectorSelector> {
  const replaced = withoutRangePlaceholders(written);
  if (!replaced.ok) {
    return replaced;
  }
  const query = replaced.value;
  const parsed = parsePromqlExpression(query);
  if (!parsed.ok) {
    return invalid(`${describeValue(written)} ${parsed.message}; ${EXPECTED}`);
  }
  const modifier = findModifier(parsed.expression, query);
  if (modifier) {
    return invalid(
      `${describeValue(
        written,
      )} uses the modifier "${modifier}", which Lookout does not support: it records the counter's rate now, over its own windows; remove "${modifier}"`,
    );
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
        written,
      )} is not a supported query: found ${describeExpression(
        node,
        query,
      )}; ${EXPECTED}`,
    );
  }
  const selector = vectorSelectorFromNode(node, query);
  if (!selector.ok) {
    return invalid(`${describeValue(written)}: ${selector.message}`);
  }
  if (!selector.value.metric) {
    return invalid(`${describeValue(written)} names no metric; ${EXPECTED}`);
  }
  return selector;
}

function text(query: string, node: SyntaxNode | null): string {
  return node ? query.slice(node.from, node.to) : '';
}
