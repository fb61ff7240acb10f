/*
 * Test support: facts about PromQL expressions read from their lezer-promql syntax tree
 * (divisions and their denominators, number literals, the selectors an expression reads).
 */
import { parser } from '@prometheus-io/lezer-promql';

type Tree = ReturnType<typeof parser.parse>;
type SyntaxNode = Tree['topNode'];

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    out.push(child);
  }
  return out;
}

function walk(expr: string, visit: (node: SyntaxNode) => void): void {
  const tree = parser.parse(expr);
  const stack: SyntaxNode[] = [tree.topNode];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    stack.push(...children(node));
  }
}

const NUMBER = 'NumberDurationLiteral';

/** Every division in `expr`: its denominator's text and whether it can never be 0. */
export function divisions(
  expr: string,
): Array<{ denominator: string; guarded: boolean }> {
  const found: Array<{ denominator: string; guarded: boolean }> = [];
  walk(expr, node => {
    if (node.name !== 'BinaryExpr') {
      return;
    }
    const parts = children(node);
    const op = parts.findIndex(p => p.name === 'Div');
    if (op < 0) {
      return;
    }
    const rhs = parts[parts.length - 1];
    const text = expr.slice(rhs.from, rhs.to);
    // A positive constant, or `(x > 0)`: a filter that drops zero denominators.
    let guarded = rhs.name === NUMBER && Number(text) > 0;
    if (rhs.name === 'ParenExpr') {
      const inner = children(rhs)[0];
      if (inner?.name === 'BinaryExpr') {
        const innerParts = children(inner);
        const last = innerParts[innerParts.length - 1];
        guarded =
          innerParts.some(p => p.name === 'Gtr') &&
          !innerParts.some(
            p => p.name === 'BoolModifier' || p.name === 'Bool',
          ) &&
          last.name === NUMBER &&
          Number(expr.slice(last.from, last.to)) === 0;
      }
    }
    found.push({ denominator: text, guarded });
  });
  return found;
}

/** The text of every number literal in `expr`. */
export function numberLiterals(expr: string): string[] {
  const found: string[] = [];
  walk(expr, node => {
    if (node.name === NUMBER) {
      found.push(expr.slice(node.from, node.to));
    }
  });
  return found;
}

/** Metric names `expr` reads, with the range when read through a range selector. */
export function selectorsRead(
  expr: string,
): Array<{ metric: string; range?: string }> {
  const found: Array<{ metric: string; range?: string }> = [];
  walk(expr, node => {
    if (node.name !== 'VectorSelector') {
      return;
    }
    const identifier = children(node).find(c => c.name === 'Identifier');
    let metric = identifier ? expr.slice(identifier.from, identifier.to) : '';
    if (!metric) {
      const name = /__name__\s*=\s*"([^"]+)"/.exec(
        expr.slice(node.from, node.to),
      );
      metric = name ? name[1] : '';
    }
    const parent = node.parent;
    const range =
      parent?.name === 'MatrixSelector'
        ? expr.slice(parent.from, parent.to).replace(/^.*\[([^\]]+)\]$/s, '$1')
        : undefined;
    found.push({ metric, range });
  });
  return found;
}
