/*
 * The problems found in OpenSLO documents, with paths such as `doc[2].spec.objectives[0].target`,
 * and the strict field check every object of a document goes through: a field OpenSLO does not
 * have there is an error naming its path, never silently ignored.
 */
import { AnnotationProblems } from '../validation/annotationProblems';
import { problemMessages } from '../validation/problemMessages';
import { Parsed } from '../validation/result';

/** A path inside the OpenSLO text, e.g. `['doc', 2, 'spec', 'objectives', 0]`. @internal */
export type OpenSloPath = readonly PropertyKey[];

/** Problems of one OpenSLO text. @internal */
export class OpenSloProblems extends AnnotationProblems {
  /** The parsed value, or undefined with its message reported as an error at `path`. */
  valueOf<T>(parsed: Parsed<T>, path: OpenSloPath): T | undefined {
    if (!parsed.ok) {
      this.error(path, parsed.message);
      return undefined;
    }
    return parsed.value;
  }

  /** How many errors have been reported so far. */
  errorCount(): number {
    return this.items.filter(p => p.severity === 'error').length;
  }

  /**
   * Reports every field of `map` that is not in `known`: as misplaced when `placements` says
   * where it belongs, else as unknown with the closest known field.
   */
  checkFields(
    map: Record<string, unknown>,
    path: OpenSloPath,
    known: readonly string[],
    placements: Readonly<Record<string, string>>,
  ): void {
    for (const key of Object.keys(map)) {
      if (!known.includes(key)) {
        const belongsAt = Object.prototype.hasOwnProperty.call(placements, key)
          ? placements[key]
          : undefined;
        this.error(
          [...path, key],
          problemMessages.unknownField(key, known, belongsAt),
        );
      }
    }
  }
}
