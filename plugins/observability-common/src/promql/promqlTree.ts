/*
 * Parsing PromQL with @prometheus-io/lezer-promql: the top expression of a text, or a message
 * that says where the syntax is wrong.
 */
import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode, Tree } from '@lezer/common';

/** A PromQL expression parsed with lezer-promql: its top expression node, or why it failed. @internal */
export type PromqlParse =
  | { ok: true; tree: Tree; expression: SyntaxNode }
  | { ok: false; message: string };

/**
 * Parses `text` as a PromQL expression. Fails with a message (position included) on any syntax
 * error, including unbalanced braces.
 * @internal
 */
export function parsePromqlExpression(text: string): PromqlParse {
  if (text.trim() === '') {
    return { ok: false, message: 'is empty' };
  }
  const tree = parser.parse(text);
  const errorNode = findErrorNode(tree);
  if (errorNode) {
    return { ok: false, message: describeSyntaxError(errorNode, text) };
  }
  const expression = childNodes(tree.topNode).find(
    node => node.name !== 'LineComment',
  );
  if (!expression) {
    return { ok: false, message: 'is empty' };
  }
  return { ok: true, tree, expression };
}

/** The first error node of a lezer tree, if the text did not parse cleanly. @internal */
export function findErrorNode(tree: Tree): SyntaxNode | undefined {
  let errorNode: SyntaxNode | undefined;
  tree.iterate({
    enter: ref => {
      if (errorNode) {
        return false;
      }
      if (ref.type.isError) {
        errorNode = ref.node;
        return false;
      }
      return undefined;
    },
  });
  return errorNode;
}

function describeSyntaxError(errorNode: SyntaxNode, text: string): string {
  const column = errorNode.from + 1;
  const found = text.slice(errorNode.from, errorNode.to).trim();
  const openBrace = findAncestor(errorNode, 'LabelMatchers');
  if (found.startsWith('}')) {
    return `has unbalanced braces: unexpected } at column ${column}`;
  }
  if (errorNode.from >= text.trimEnd().length) {
    if (openBrace && !slice(text, openBrace).trimEnd().endsWith('}')) {
      return `has unbalanced braces: the { at column ${
        openBrace.from + 1
      } is never closed`;
    }
    return 'ends unexpectedly';
  }
  if (openBrace && found === '') {
    return `has an invalid label matcher at column ${column}`;
  }
  const shown = found.length > 20 ? `${found.slice(0, 20)}…` : found;
  return `is not valid PromQL: unexpected ${JSON.stringify(
    shown || text[errorNode.from],
  )} at column ${column}`;
}

function findAncestor(node: SyntaxNode, name: string): SyntaxNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.name === name) {
      return current;
    }
  }
  return undefined;
}

/** The child nodes of `node`, in order. @internal */
export function childNodes(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    children.push(child);
  }
  return children;
}

function slice(text: string, node: SyntaxNode): string {
  return text.slice(node.from, node.to);
}
