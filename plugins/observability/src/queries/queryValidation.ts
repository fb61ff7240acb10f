/*
 * The result of validating a user-typed query fragment, with the position of the first problem
 * counted in the fragment the user typed (not in the full query it is embedded in).
 */

/** Outcome of a validation. */
export type QueryValidation =
  | { valid: true }
  | {
      valid: false;
      /** 0-based offset of the problem in the user's text. */
      position: number;
      message: string;
    };

/** A lezer tree, as returned by `parser.parse` (structural, to avoid importing @lezer/common). */
export interface SyntaxTreeLike {
  iterate(spec: {
    enter(node: { type: { isError: boolean }; from: number }): boolean | void;
  }): void;
}

/** Offset of the first error node of a lezer tree, if any. */
export function firstErrorOffset(tree: SyntaxTreeLike): number | undefined {
  let found: number | undefined;
  tree.iterate({
    enter(node) {
      if (found !== undefined) {
        return false;
      }
      if (node.type.isError) {
        found = node.from;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * An invalid result at `offset` of the full query, reported relative to the user's text which
 * starts at `prefixLength` and is `textLength` long.
 */
export function syntaxError(
  offset: number,
  prefixLength: number,
  textLength: number,
  language: string,
): QueryValidation {
  const position = Math.min(Math.max(offset - prefixLength, 0), textLength);
  const message =
    position >= textLength
      ? `Incomplete ${language}: the expression ends too early (column ${
          position + 1
        })`
      : `Invalid ${language} at column ${position + 1}`;
  return { valid: false, position, message };
}
