/*
 * Bug guard: every generated expression is parsed again with @prometheus-io/lezer-promql before
 * it leaves the renderer. A syntax error here is a defect of Lookout, not of the user's input
 * (selectors were validated by the parser), so it throws.
 *
 * Parsing is the most expensive step of a render, and the expressions of a catalog differ mostly
 * in their string literals (entity refs, label values, user selectors' values). So an expression
 * is reduced to its shape, its text with every string literal emptied, and each shape is parsed
 * once. That is exact, not a heuristic: the grammar only ever sees a string literal as one
 * `StringLiteral` token whose content it never looks at, so an expression parses without error
 * exactly when its shape does. An expression the shape scanner cannot read with certainty (a
 * comment, an unterminated string) is always parsed in full.
 */
import { parser } from '@prometheus-io/lezer-promql';

/** Shapes known to parse; cleared when full, so memory stays bounded on any catalog. */
const validShapes = new Set<string>();
const MAX_SHAPES = 20_000;

const BACKSLASH = 92;
const NEWLINE = 10;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKTICK = 96;
const HASH = 35;

/** End (exclusive) of the string literal that starts at `start`, or -1 when unterminated. */
function stringLiteralEnd(expr: string, start: number): number {
  const quote = expr.charCodeAt(start);
  for (let i = start + 1; i < expr.length; i++) {
    const c = expr.charCodeAt(i);
    if (c === quote) {
      return i + 1;
    }
    if (quote === BACKTICK) {
      continue; // raw string: no escapes, may span lines
    }
    if (c === BACKSLASH) {
      i += 1; // `\` and any character
    } else if (c === NEWLINE) {
      return -1;
    }
  }
  return -1;
}

/**
 * `expr` with the content of every string literal removed (`job="api"` → `job=""`), as the
 * lezer grammar tokenises it; undefined when `expr` has a comment or an unterminated string.
 * @internal
 */
export function promqlShape(expr: string): string | undefined {
  let shape = '';
  let copied = 0;
  for (let i = 0; i < expr.length; i++) {
    const c = expr.charCodeAt(i);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE || c === BACKTICK) {
      const end = stringLiteralEnd(expr, i);
      if (end < 0) {
        return undefined;
      }
      shape += `${expr.slice(copied, i)}""`;
      copied = end;
      i = end - 1;
    } else if (c === HASH) {
      return undefined;
    }
  }
  return copied === 0 ? expr : shape + expr.slice(copied);
}

/** Offset of the first syntax error in `expr` (0 for an empty one), or undefined. */
function syntaxErrorAt(expr: string): number | undefined {
  const tree = parser.parse(expr);
  let errorAt: number | undefined;
  tree.iterate({
    enter: node => {
      if (errorAt !== undefined) {
        return false;
      }
      if (node.type.isError) {
        errorAt = node.from;
        return false;
      }
      return undefined;
    },
  });
  if (errorAt === undefined && !tree.topNode.firstChild) {
    return 0;
  }
  return errorAt;
}

/**
 * Throws when `expr` does not parse as PromQL, naming the rule it belongs to.
 * @internal
 */
export function checkPromql(expr: string, ruleName: string): void {
  const shape = promqlShape(expr);
  if (shape !== undefined && validShapes.has(shape)) {
    return;
  }
  const at = syntaxErrorAt(expr);
  if (at === undefined) {
    if (shape !== undefined) {
      if (validShapes.size >= MAX_SHAPES) {
        validShapes.clear();
      }
      validShapes.add(shape);
    }
    return;
  }
  throw new Error(
    `internal error: the generated expression of rule ${ruleName} is not valid PromQL ` +
      `(column ${at + 1}, near ${JSON.stringify(
        expr.slice(at, at + 30),
      )}): ${expr}`,
  );
}
