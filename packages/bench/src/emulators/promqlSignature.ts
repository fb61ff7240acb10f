/*
 * A formatting-independent form of a PromQL expression, parsed with @prometheus-io/lezer-promql:
 * two expressions have the same signature when they parse to the same tree over the same tokens,
 * whatever their whitespace and line breaks. Test-support code of the rules benchmark.
 */
import { parser } from '@prometheus-io/lezer-promql';

/**
 * The syntax tree of `expr` in prefix order, one entry per node: the node name, and for a
 * token its text without whitespace (string literals are kept as written). Throws, naming the
 * position, when `expr` does not parse.
 */
export function promqlSignature(expr: string): string[] {
  const tree = parser.parse(expr);
  const signature: string[] = [];
  let error: number | undefined;
  tree.iterate({
    enter: node => {
      if (node.type.isError) {
        error ??= node.from;
        return false;
      }
      if (node.node.firstChild) {
        signature.push(node.name);
      } else {
        const text = expr.slice(node.from, node.to);
        signature.push(
          `${node.name}=${
            node.name === 'StringLiteral' ? text : text.replace(/\s+/g, '')
          }`,
        );
      }
      return undefined;
    },
  });
  if (error !== undefined) {
    throw new SyntaxError(
      `not valid PromQL at column ${error + 1}: ${JSON.stringify(expr)}`,
    );
  }
  return signature;
}
