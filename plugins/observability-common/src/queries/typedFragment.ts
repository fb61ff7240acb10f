/*
 * A query fragment as the user typed it (a LogQL pipeline, a TraceQL condition), placed inside the
 * query that is parsed: each problem found in that query, positioned in the fragment as typed.
 */

/** A problem of a fragment, positioned in the fragment as typed. @internal */
export type FragmentProblem = {
  valid: false;
  position: number;
  message: string;
};

/**
 * A fragment a user typed (`name` in messages, e.g. `filter`), trimmed and placed at `offset` of
 * the query that is parsed: its problems, positioned in the fragment as typed.
 * @internal
 */
export class TypedFragment {
  /** The fragment without the spaces around it. */
  readonly text: string;
  private readonly lead: number;

  constructor(
    private readonly typed: string,
    private readonly kind: {
      name: string;
      language: string;
      maxLength: number;
    },
    private readonly offset: number,
  ) {
    this.text = typed.trim();
    this.lead = typed.length - typed.trimStart().length;
  }

  /** The problem of a fragment longer than its kind allows, if it is. */
  tooLong(): FragmentProblem | undefined {
    const { name, maxLength } = this.kind;
    return this.text.length > maxLength
      ? this.position(
          maxLength,
          `${name} is longer than ${maxLength} characters`,
        )
      : undefined;
  }

  /** A problem at `from` of the parsed query. */
  at(from: number, message: string): FragmentProblem {
    return this.position(from - this.offset + this.lead, message);
  }

  /** The fragment stops half-way; `position` is where, in the fragment as typed. */
  incomplete(position: number): FragmentProblem {
    const { name, language } = this.kind;
    return this.position(
      position,
      `${name} is incomplete: the ${language} ends too early (column ${
        Math.min(Math.max(position, 0), this.typed.length) + 1
      })`,
    );
  }

  /** A syntax error at `from` of the parsed query, reported at `column` and quoting `near`. */
  syntaxError(from: number, column: number, near: string): FragmentProblem {
    const { name, language } = this.kind;
    return this.at(
      from,
      `${name} is not a ${language}: syntax error at column ${column} near "${near}"`,
    );
  }

  private position(offset: number, message: string): FragmentProblem {
    const position = Math.min(Math.max(offset, 0), this.typed.length);
    return { valid: false, position, message };
  }
}
