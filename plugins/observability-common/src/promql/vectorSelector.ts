/*
 * Bare PromQL vector selectors (`metric{label="value"}`), parsed with @prometheus-io/lezer-promql.
 * Anything else – operators, functions, range selectors, offsets, `@` – is rejected with a
 * message naming what was found.
 */
import type { SyntaxNode } from '@lezer/common';
import { LabelMatcher, VectorSelector } from '../spec/types';
import { Parsed, invalid, valid } from '../validation/result';
import { describeValue } from '../validation/describeValue';
import { unquotePromqlString } from './stringLiteral';
import { matchesEmpty } from './matchers';
import { childNodes, parsePromqlExpression } from './promqlTree';

/** Example shown in messages about selectors. @internal */
export const SELECTOR_EXAMPLE =
  'http_requests_total{job="checkout", code=~"5.."}';

/**
 * Parses a bare vector selector such as `http_requests_total{code=~"5.."}` or `{job="api"}`.
 * Matcher values are unescaped; a `__name__="x"` matcher becomes the metric name.
 * @public
 */
export function parseVectorSelector(
  text: string,
  options: {
    /**
     * The metric name comes from elsewhere (a latency SLO's histogram): label matchers alone,
     * even ones that all match empty values (`{verb!="WATCH"}`), cannot select every series.
     */
    metricSupplied?: boolean;
  } = {},
): Parsed<VectorSelector> {
  const parsed = parsePromqlExpression(text);
  if (!parsed.ok) {
    return invalid(
      `${describeValue(text)} ${
        parsed.message
      }; expected a metric selector, e.g. ${SELECTOR_EXAMPLE}`,
    );
  }
  if (parsed.expression.name !== 'VectorSelector') {
    return invalid(
      `${describeValue(
        text,
      )} is not a bare metric selector: found ${describeExpression(
        parsed.expression,
        text,
      )}. Expected only a metric name and label matchers, e.g. ${SELECTOR_EXAMPLE}`,
    );
  }
  const selector = vectorSelectorFromNode(
    parsed.expression,
    text,
    options.metricSupplied,
  );
  if (!selector.ok) {
    return invalid(`${describeValue(text)}: ${selector.message}`);
  }
  return selector;
}

/**
 * Reads a `VectorSelector` node of a lezer-promql tree over `text`.
 * @internal
 */
export function vectorSelectorFromNode(
  node: SyntaxNode,
  text: string,
  metricSupplied = false,
): Parsed<VectorSelector> {
  let metric = '';
  const matchers: LabelMatcher[] = [];
  for (const child of childNodes(node)) {
    if (child.name === 'Identifier') {
      metric = slice(text, child);
    } else if (child.name === 'LabelMatchers') {
      for (const item of childNodes(child)) {
        if (item.name === 'QuotedLabelName') {
          // `{"metric.name", ...}`: the metric name in quotes.
          const name = unquoteChild(item, text);
          if (!name.ok) {
            return name;
          }
          if (metric) {
            return invalid(
              `the metric name is given twice (${metric} and ${name.value})`,
            );
          }
          metric = name.value;
        } else if (
          item.name === 'UnquotedLabelMatcher' ||
          item.name === 'QuotedLabelMatcher'
        ) {
          const matcher = matcherFromNode(item, text);
          if (!matcher.ok) {
            return matcher;
          }
          matchers.push(matcher.value);
        }
      }
    }
  }

  const nameMatchers = matchers.filter(m => m.name === '__name__');
  const equalName = nameMatchers.find(m => m.op === '=');
  if (equalName && (metric || nameMatchers.length > 1)) {
    return invalid(
      'the metric name is given twice (as a name and as a __name__ matcher)',
    );
  }
  if (equalName) {
    metric = equalName.value;
    matchers.splice(matchers.indexOf(equalName), 1);
  }
  if (metricSupplied) {
    return valid({ metric, matchers });
  }
  if (!metric && matchers.length === 0) {
    return invalid(
      `the empty selector {} selects nothing; name a metric or give at least one matcher, e.g. ${SELECTOR_EXAMPLE}`,
    );
  }
  if (!metric && matchers.every(matchesEmpty)) {
    return invalid(
      'every matcher also matches an empty value, so the selector would select every series; give a metric name or a matcher such as job="checkout"',
    );
  }
  return valid({ metric, matchers });
}

function matcherFromNode(node: SyntaxNode, text: string): Parsed<LabelMatcher> {
  let name: string | undefined;
  let op: LabelMatcher['op'] | undefined;
  let value: string | undefined;
  for (const child of childNodes(node)) {
    if (child.name === 'LabelName') {
      name = slice(text, child);
    } else if (child.name === 'QuotedLabelName') {
      const unquoted = unquoteChild(child, text);
      if (!unquoted.ok) {
        return unquoted;
      }
      name = unquoted.value;
    } else if (child.name === 'MatchOp') {
      op = slice(text, child) as LabelMatcher['op'];
    } else if (child.name === 'StringLiteral') {
      const unquoted = unquotePromqlString(slice(text, child));
      if (!unquoted.ok) {
        return invalid(
          `in the value of ${name ?? 'a matcher'}: ${unquoted.message}`,
        );
      }
      value = unquoted.value;
    }
  }
  if (name === undefined || op === undefined || value === undefined) {
    return invalid(`incomplete label matcher ${slice(text, node)}`);
  }
  if (!['=', '!=', '=~', '!~'].includes(op)) {
    return invalid(`unknown match operator ${op}`);
  }
  if (op === '=~' || op === '!~') {
    // Prometheus regular expressions are RE2; JavaScript understands nearly all of them. Only
    // syntax JavaScript rejects outright and RE2 would too (unbalanced parentheses) is reported.
    const unbalanced = unbalancedParentheses(value);
    if (unbalanced) {
      return invalid(
        `the regular expression of ${name} ${unbalanced}: ${JSON.stringify(
          value,
        )}`,
      );
    }
  }
  return valid({ name, op, value });
}

function unbalancedParentheses(pattern: string): string | undefined {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
    } else if (inClass) {
      inClass = char !== ']';
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth--;
      if (depth < 0) {
        return 'has an unmatched )';
      }
    }
  }
  return depth > 0 ? 'has an unclosed (' : undefined;
}

function unquoteChild(node: SyntaxNode, text: string): Parsed<string> {
  const literal = node.getChild('StringLiteral');
  return unquotePromqlString(slice(text, literal ?? node));
}

/** What a non-selector expression is, for messages: `a function call rate(…)`. @internal */
export function describeExpression(node: SyntaxNode, text: string): string {
  const children = childNodes(node);
  const childText = (name: string) => {
    const child = children.find(c => c.name === name);
    return child ? slice(text, child) : '';
  };
  switch (node.name) {
    case 'BinaryExpr': {
      const operator = children.find(
        (c, i) => i > 0 && !isExpression(c) && c.name !== 'BoolModifier',
      );
      return `a binary operation (${
        operator ? slice(text, operator) : 'operator'
      })`;
    }
    case 'FunctionCall':
      return `a function call ${childText('FunctionIdentifier')}(…)`;
    case 'AggregateExpr':
      return `an aggregation ${childText('AggregateOp')}(…)`;
    case 'MatrixSelector':
      return `a range selector [${childText('DurationExpr')}]`;
    case 'SubqueryExpr':
      return 'a subquery [range:resolution]';
    case 'OffsetExpr':
      return `an offset modifier (offset ${childText('OffsetDurationExpr')})`;
    case 'StepInvariantExpr':
      return 'an @ modifier';
    case 'ParenExpr':
      return 'an expression in parentheses';
    case 'UnaryExpr':
      return 'a unary sign (-/+)';
    case 'NumberDurationLiteral':
      return `the number ${slice(text, node)}`;
    case 'StringLiteral':
      return `the string ${slice(text, node)}`;
    default:
      return `a ${node.name} expression`;
  }
}

const EXPRESSION_NODES = new Set([
  'AggregateExpr',
  'BinaryExpr',
  'FunctionCall',
  'MatrixSelector',
  'NumberDurationLiteral',
  'OffsetExpr',
  'ParenExpr',
  'StepInvariantExpr',
  'StringLiteral',
  'SubqueryExpr',
  'UnaryExpr',
  'VectorSelector',
  'AnchoredExpr',
  'SmoothedExpr',
]);

function isExpression(node: SyntaxNode): boolean {
  return EXPRESSION_NODES.has(node.name);
}

function slice(text: string, node: SyntaxNode): string {
  return text.slice(node.from, node.to);
}
