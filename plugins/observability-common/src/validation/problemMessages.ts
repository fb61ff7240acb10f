/*
 * How every kind of problem is worded, in one place. Parsers of annotations, of `lookout.dev/slos`
 * and of OpenSLO documents call these rather than writing their own sentences, so the same fault
 * reads the same everywhere: `found <what>; expected <what>, e.g. <example>`.
 */
import { describeValue } from './describeValue';
import { closestMatch } from './editDistance';

/** What is wrong with text that should be a number. @internal */
export type NumberFault = 'negative' | 'too large' | 'not a number';

const NUMBER_SYNTAX = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a decimal number written as text (`99.9`, `.5`, `1e2`); says why when it cannot be used
 * as an amount: negative, too large to be represented, or no number at all.
 * @internal
 */
export function readNumberText(
  text: string,
): { ok: true; value: number } | { ok: false; fault: NumberFault } {
  const trimmed = text.trim();
  if (!NUMBER_SYNTAX.test(trimmed)) {
    return { ok: false, fault: 'not a number' };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    return { ok: false, fault: 'too large' };
  }
  if (value < 0) {
    return { ok: false, fault: 'negative' };
  }
  return { ok: true, value };
}

/**
 * The wording of every problem kind.
 * @internal
 */
export const problemMessages = {
  /** `found number 5; expected text` */
  foundExpected(value: unknown, expected: string): string {
    return `found ${describeValue(value)}; ${expected}`;
  },

  /** A required field that is absent. */
  missing(expected: string): string {
    return `is missing; ${expected}`;
  },

  /**
   * A field the object does not have: with the closest known field when one is near, or where it
   * belongs (e.g. `a field of the SLO's spec`) when it is a field of another level.
   */
  unknownField(
    key: string,
    known: readonly string[],
    belongsAt?: string,
  ): string {
    const list = known.join(', ');
    if (belongsAt) {
      return `${JSON.stringify(
        key,
      )} does not belong here: it is ${belongsAt}; expected one of: ${list}`;
    }
    const suggestion = closestMatch(key, known);
    return suggestion
      ? `unknown field ${JSON.stringify(key)}; did you mean ${JSON.stringify(
          suggestion,
        )}? Expected one of: ${list}`
      : `unknown field ${JSON.stringify(key)}; expected one of: ${list}`;
  },

  /** An annotation of our prefix that Lookout does not know: ignored, with the closest one. */
  unknownAnnotation(
    key: string,
    known: readonly string[],
    prefix: string,
  ): string {
    const suggestion = closestMatch(
      key.slice(prefix.length),
      known.map(annotation => annotation.slice(prefix.length)),
    );
    return `unknown annotation, ignored${
      suggestion ? `; did you mean ${prefix}${suggestion}?` : '.'
    } Known annotations: ${known.join(', ')}`;
  },

  /** Text that the YAML parser rejects. */
  notValidYaml(detail: string, expected?: string): string {
    return `is not valid YAML: ${detail}${expected ? `; ${expected}` : ''}`;
  },

  /** A number written as text that cannot be used: names the real fault. */
  badNumber(value: unknown, fault: NumberFault, expected: string): string {
    return `${describeValue(value)} is ${fault}; ${expected}`;
  },

  /** An annotation whose YAML value is not a string: how to write it as one. */
  notAString(value: unknown): string {
    const found = `found ${describeValue(
      value,
    )}; annotation values are strings`;
    if (typeof value === 'number' || typeof value === 'boolean') {
      return `${found}: quote the value in catalog-info.yaml, e.g. "${String(
        value,
      )}"`;
    }
    if (typeof value === 'object' && value !== null) {
      return `${found}: write the YAML as a block of text, starting the value with "|" on the annotation's line`;
    }
    return `${found}: quote the value in catalog-info.yaml`;
  },
};
