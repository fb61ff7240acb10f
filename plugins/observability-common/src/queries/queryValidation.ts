/*
 * The outcome of checking a query fragment a user typed (a LogQL pipeline, a TraceQL condition):
 * the full query it makes once combined with the entity's scope, or the first problem with its
 * position in the fragment as typed. The Logs and Traces tabs show the problem under the input;
 * the backend answers it as a 400.
 */
import type { SyntaxNode } from '@lezer/common';

/** Whether a fragment is acceptable; where and why not. @public */
export type QueryValidation =
  | { valid: true }
  | {
      valid: false;
      /** 0-based offset of the problem in the fragment as typed. */
      position: number;
      message: string;
    };

/** A fragment combined with the entity's scope: the query to send, or the problem. @public */
export type ComposedQuery =
  | { valid: true; query: string }
  | { valid: false; position: number; message: string };

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

/** A problem at `offset` of the full query whose fragment starts at `fragmentStart`. @internal */
export function problemAt(
  offset: number,
  fragmentStart: number,
  fragmentLength: number,
  message: string,
): { valid: false; position: number; message: string } {
  const position = Math.min(
    Math.max(offset - fragmentStart, 0),
    fragmentLength,
  );
  return { valid: false, position, message };
}
