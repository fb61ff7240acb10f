/*
 * The problems found in one annotation's value, each with its path inside the value
 * (`[1].ratio.errors`), and the reading of annotations whose value is a YAML list.
 */
import { z } from 'zod';
import { ObservabilityProblem } from '../spec/types';
import { issuesToProblems, formatProblemPath } from './zodFields';
import { parseYamlList } from './yamlList';

/** Problems of one annotation's value. @internal */
export class AnnotationProblems {
  readonly items: ObservabilityProblem[] = [];

  constructor(readonly annotation: string) {}

  error(path: readonly PropertyKey[], message: string): void {
    this.push('error', path, message);
  }

  warning(path: readonly PropertyKey[], message: string): void {
    this.push('warning', path, message);
  }

  /** Reports zod's issues with an entry at `pathPrefix`, unknown fields with the known ones. */
  zodIssues(
    issues: readonly z.core.$ZodIssue[],
    pathPrefix: readonly PropertyKey[],
    knownFields: (path: readonly PropertyKey[]) => readonly string[],
  ): void {
    this.items.push(
      ...issuesToProblems(issues, {
        annotation: this.annotation,
        pathPrefix,
        knownFields,
      }),
    );
  }

  private push(
    severity: 'error' | 'warning',
    path: readonly PropertyKey[],
    message: string,
  ) {
    this.items.push({
      severity,
      annotation: this.annotation,
      path: formatProblemPath(path),
      message,
    });
  }
}

/**
 * The entries of an annotation whose value is a YAML list; none, with an error at the root, when
 * the text is not one. `expected` ends the message (e.g. "expected a YAML list of …").
 * @internal
 */
export function readAnnotationList(
  text: string,
  expected: string,
  problems: AnnotationProblems,
): unknown[] {
  const list = parseYamlList(text, expected);
  if (!list.ok) {
    problems.error([], list.message);
    return [];
  }
  return list.value;
}
