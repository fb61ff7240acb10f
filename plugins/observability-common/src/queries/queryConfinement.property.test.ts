/*
 * Fuzz tests of the Logs and Traces filters: whatever a user types, every accepted filter,
 * combined with the entity's scope, stays confined to that scope. Inputs are built from the
 * grammars' own pieces (stages, conditions, attribute names, literals) mixed with the pieces of
 * escapes (stray braces and parentheses, quotes, backticks, comments, second selectors and
 * spansets). Confinement is checked twice on the composed query, independently of the validator:
 *   - with the real grammar (@grafana/lezer-logql, @grafana/lezer-traceql): one log query whose
 *     selector is exactly the entity's / one spanset filter whose condition is exactly
 *     `<service> && (<q>)`;
 *   - with a small scanner that reads the query as the upstreams' own lexers do (Loki's strings;
 *     Tempo 2.2 and older, where an attribute name runs to the next space or operator, quotes
 *     included): no brace or parenthesis outside string literals ends the entity's scope early.
 */
import fc from 'fast-check';
import { parser as logqlParser } from '@grafana/lezer-logql';
import { parser as traceqlParser } from '@grafana/lezer-traceql';
import type { SyntaxNode } from '@lezer/common';
import { composeLogQuery } from './logqlPipeline';
import { composeTraceQuery } from './traceqlCondition';

const NUM_RUNS = 3000;

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    out.push(child);
  }
  return out;
}

function allNodes(node: SyntaxNode): SyntaxNode[] {
  return [node, ...childrenOf(node).flatMap(allNodes)];
}

/** Things found in escape attempts, spliced anywhere. */
const hostile = fc.constantFrom(
  '}',
  '{',
  ')',
  '(',
  '"',
  '`',
  "'",
  '\\',
  '\\"',
  '||',
  '&&',
  '|',
  ' or ',
  '#',
  '//',
  '/*',
  '*/',
  '$x',
  '>>',
  '~',
  '{app="other"}',
  '} or {app="other"}',
  '} || { true }',
  ')}||{(true||.b"',
  'true) || (true',
  '\n',
);

const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('x', 'GET /', '{{.msg}}', '} or {a="b"}', ')}||{(', 'é'),
);

/** A string literal of either language, possibly with hostile content (escaped or not). */
const stringLiteral = fc.oneof(
  text.map(s => JSON.stringify(s)),
  text.map(s => `\`${s.replace(/`/g, '')}\``),
  text.map(s => `"${s}"`),
);

// ---------------------------------------------------------------------------------------------
// LogQL

const SELECTOR = '{namespace="shop", app="checkout"}';
const SCOPE_LABELS = new Set(['namespace', 'app']);

const labelName = fc.constantFrom('level', 'app', 'namespace', 'msg', 'x_1');
const logStage = fc.oneof(
  fc
    .tuple(fc.constantFrom('|=', '!=', '|~', '!~', '|>', '!>'), stringLiteral)
    .map(([op, s]) => `${op} ${s}`),
  fc.constantFrom('| json', '| logfmt', '| unpack', '| decolorize'),
  stringLiteral.map(s => `| pattern ${s}`),
  stringLiteral.map(s => `| regexp ${s}`),
  fc
    .tuple(labelName, fc.constantFrom('=', '!=', '=~', '>', '<'), stringLiteral)
    .map(([l, op, s]) => `| ${l}${op}${op === '>' || op === '<' ? '5' : s}`),
  stringLiteral.map(s => `| line_format ${s}`),
  fc
    .tuple(labelName, stringLiteral)
    .map(([l, s]) => `| label_format ${l}=${s}`),
  labelName.map(l => `| drop ${l}`),
  labelName.map(l => `| keep ${l}`),
);

const logFilter = fc
  .array(fc.oneof({ weight: 4, arbitrary: logStage }, hostile), {
    maxLength: 5,
  })
  .chain(parts =>
    fc
      .array(fc.constantFrom(' ', ''), {
        minLength: parts.length,
        maxLength: parts.length,
      })
      .map(seps => parts.map((p, i) => `${seps[i]}${p}`).join(' ')),
  );

/** Loki's lexer: the offsets of braces outside string literals. */
function bracesOutsideStrings(query: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '"') {
      for (i++; i < query.length && query[i] !== '"'; i++) {
        if (query[i] === '\\') i++;
      }
    } else if (c === '`') {
      i = query.indexOf('`', i + 1);
      if (i < 0) break;
    } else if (c === '{' || c === '}') {
      found.push(i);
    }
  }
  return found;
}

function assertLogQueryConfined(query: string) {
  expect(query.startsWith(`${SELECTOR}`)).toBe(true);
  // Only the selector's own braces are outside strings.
  expect(bracesOutsideStrings(query)).toEqual([0, SELECTOR.length - 1]);
  const top = logqlParser.parse(query).topNode;
  const nodes = allNodes(top);
  expect(nodes.some(n => n.type.isError)).toBe(false);
  const [expr] = childrenOf(top);
  expect(childrenOf(top)).toHaveLength(1);
  expect(expr.name).toBe('Expr');
  const [logExpr] = childrenOf(expr);
  expect(logExpr.name).toBe('LogExpr');
  const selectors = nodes.filter(n => n.name === 'Selector');
  expect(selectors).toHaveLength(1);
  expect(query.slice(selectors[0].from, selectors[0].to)).toBe(SELECTOR);
  expect(nodes.some(n => n.name === 'MetricExpr')).toBe(false);
  for (const matcher of nodes.filter(n => n.name === 'LabelFormatMatcher')) {
    const id = matcher.getChild('Identifier')!;
    expect(SCOPE_LABELS.has(query.slice(id.from, id.to))).toBe(false);
  }
}

// ---------------------------------------------------------------------------------------------
// TraceQL

const SCOPE = { serviceName: 'checkout', serviceNamespace: 'team-a' };
const SERVICE_MATCHER =
  'resource.service.name = "checkout" && resource.service.namespace = "team-a"';

const attributeName = fc.oneof(
  fc.constantFrom(
    '.http.status_code',
    'span.http.route',
    'resource.k8s.namespace.name',
    'resource.service.name',
    '.a-b',
    'event.name',
  ),
  // Names with pieces of escapes in them.
  fc
    .tuple(fc.constantFrom('.a', 'span.a', 'resource.x'), hostile)
    .map(([a, h]) => `${a}${h.trim()}`),
  fc.constantFrom('.x"', '.a`b', '.a-")}||{(true||.b"', 'span."q q"'),
);
const intrinsic = fc.constantFrom(
  'status = error',
  'duration > 1s',
  'name = "GET"',
  'kind = server',
  'true',
);
const comparison = fc
  .tuple(
    attributeName,
    fc.constantFrom('=', '!=', '=~', '>', '>=', '<'),
    fc.oneof(stringLiteral, fc.constantFrom('1', '500', '1.5', 'nil', 'true')),
  )
  .map(([a, op, v]) => `${a} ${op} ${v}`);
const condition: fc.Arbitrary<string> = fc.letrec<{ c: string }>(tie => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    intrinsic,
    comparison,
    fc
      .tuple(tie('c'), fc.constantFrom('&&', '||'), tie('c'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('c').map(c => `(${c})`),
    fc.tuple(tie('c'), hostile).map(([c, h]) => `${c}${h}`),
    fc.tuple(hostile, tie('c')).map(([h, c]) => `${h}${c}`),
  ),
})).c;

/**
 * Tempo 2.2's lexer, as far as structure goes: strings in quotes or backticks; an attribute (a
 * word starting with `.`, or `span.`/`resource.`/…) runs to the next space or operator, quotes
 * included. Answers the offsets of braces and parentheses outside strings and names.
 */
function structureAsOldTempo(query: string): Array<[number, string]> {
  const found: Array<[number, string]> = [];
  const stop = /[\s{}()=~!<>&|^,]/;
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (c === '"' || c === '`') {
      for (i++; i < query.length && query[i] !== c; i++) {
        if (c === '"' && query[i] === '\\') i++;
      }
    } else if ('{}()'.includes(c)) {
      found.push([i, c]);
    } else if (!/\s/.test(c)) {
      // A word: numbers, keywords, attribute names (quotes inside a name are part of it).
      while (i + 1 < query.length && !stop.test(query[i + 1])) i++;
    }
  }
  return found;
}

function assertTraceQueryConfined(query: string) {
  const prefix = `{ ${SERVICE_MATCHER} && (`;
  expect(query.startsWith(prefix)).toBe(true);
  expect(query.endsWith(') }')).toBe(true);
  // Read as Tempo 2.2 does: the outer brace and the parenthesis around q close only at the end.
  const structure = structureAsOldTempo(query);
  let depth = 0;
  for (const [offset, c] of structure) {
    depth += c === '{' || c === '(' ? 1 : -1;
    if (depth === 1 && c === ')') expect(offset).toBe(query.length - 3);
    if (depth === 0) expect(offset).toBe(query.length - 1);
  }
  expect(depth).toBe(0);
  // Read with the grammar: one spanset filter, `<service> && (<q>)`.
  const top = traceqlParser.parse(query).topNode;
  const nodes = allNodes(top);
  expect(nodes.some(n => n.type.isError)).toBe(false);
  expect(nodes.filter(n => n.name === 'SpansetFilter')).toHaveLength(1);
  const filter = nodes.find(n => n.name === 'SpansetFilter')!;
  expect([filter.from, filter.to]).toEqual([0, query.length]);
  const [expression] = childrenOf(filter).filter(
    n => n.name === 'FieldExpression',
  );
  const [left, and, right] = childrenOf(expression);
  expect(query.slice(left.from, left.to)).toBe(SERVICE_MATCHER);
  expect(and.name).toBe('And');
  expect(query.slice(right.from, right.to)).toBe(
    query.slice(prefix.length - 1, query.length - 2),
  );
}

// ---------------------------------------------------------------------------------------------

describe('every accepted filter stays within the entity (fuzz)', () => {
  it('LogQL: an accepted pipeline keeps the entity selector as the only stream selector', () => {
    let accepted = 0;
    fc.assert(
      fc.property(logFilter, filter => {
        const composed = composeLogQuery(SELECTOR, filter);
        if (composed.valid) {
          accepted += 1;
          assertLogQueryConfined(composed.query);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // The generator must reach the interesting part: many inputs are accepted.
    expect(accepted).toBeGreaterThan(NUM_RUNS / 10);
  });

  it("TraceQL: an accepted condition stays inside `<service> && (…)`, read by the grammar or by Tempo 2.2's lexer", () => {
    let accepted = 0;
    fc.assert(
      fc.property(condition, q => {
        const composed = composeTraceQuery(SCOPE, q);
        if (composed.valid && q.trim() !== '') {
          accepted += 1;
          assertTraceQueryConfined(composed.query);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(accepted).toBeGreaterThan(NUM_RUNS / 10);
  });

  it('the old-Tempo reading does see the escape of finding 6 (the oracle is not blind)', () => {
    const escape = `{ ${SERVICE_MATCHER} && (.x = .a-")}||{(true||.b") }`;
    expect(() => assertTraceQueryConfined(escape)).toThrow();
  });
});
