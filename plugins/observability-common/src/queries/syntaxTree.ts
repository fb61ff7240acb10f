/*
 * Walking a lezer syntax tree: a node's children, the first node that passes a test, every node
 * of a name.
 */
import type { SyntaxNode } from '@lezer/common';

/** Child nodes of a lezer node, in order. @internal */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    out.push(child);
  }
  return out;
}

/** The first node (depth first) that passes `test`. @internal */
export function findFirst(
  node: SyntaxNode,
  test: (n: SyntaxNode) => boolean,
): SyntaxNode | undefined {
  if (test(node)) return node;
  for (const child of childrenOf(node)) {
    const found = findFirst(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Every node named `name` below (and including) `node`. @internal */
export function findAllNamed(node: SyntaxNode, name: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (n: SyntaxNode) => {
    if (n.name === name) found.push(n);
    childrenOf(n).forEach(visit);
  };
  visit(node);
  return found;
}
