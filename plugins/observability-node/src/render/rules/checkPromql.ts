/*
 * Bug guard: every generated expression is parsed again with @prometheus-io/lezer-promql before
 * it leaves the renderer. A syntax error here is a defect of Lookout, not of the user's input
 * (selectors were validated by the parser), so it throws.
 */
import { parser } from '@prometheus-io/lezer-promql';

/**
 * Throws when `expr` does not parse as PromQL, naming the rule it belongs to.
 * @internal
 */
export function checkPromql(expr: string, ruleName: string): void {
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
  const top = tree.topNode.firstChild;
  if (errorAt === undefined && top) {
    return;
  }
  const at = errorAt ?? 0;
  throw new Error(
    `internal error: the generated expression of rule ${ruleName} is not valid PromQL ` +
      `(column ${at + 1}, near ${JSON.stringify(
        expr.slice(at, at + 30),
      )}): ${expr}`,
  );
}
