/*
 * Glue between zod and Lookout's problems: fields validated by the same parse functions the
 * annotations use (so a message reads the same everywhere), and zod issues turned into problems
 * with paths such as `[1].ratio.errors`.
 */
import { z } from 'zod';
import { ObservabilityProblem } from '../spec/types';
import { Parsed } from './result';
import { problemMessages } from './problemMessages';

function addParsed<T>(parsed: Parsed<T>, ctx: z.RefinementCtx): T {
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  }
  return parsed.value;
}

/** A required field validated by `parse`; missing fields get "is missing" messages. @internal */
export function requiredField<T>(
  parse: (value: unknown) => Parsed<T>,
  expected: string,
) {
  return z.unknown().transform((value, ctx): T => {
    if (value === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: problemMessages.missing(`expected ${expected}`),
      });
      return z.NEVER;
    }
    return addParsed(parse(value), ctx);
  });
}

/** An optional field validated by `parse` when present. @internal */
export function optionalField<T>(parse: (value: unknown) => Parsed<T>) {
  return z
    .unknown()
    .transform((value, ctx): T => addParsed(parse(value), ctx))
    .optional();
}

/**
 * A strict object (unknown fields are errors) whose non-map values are reported as
 * `found <value>; expected <expected>`.
 * @internal
 */
export function strictMap<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  expected: string,
) {
  return z.strictObject(shape, {
    error: issue =>
      issue.code === 'invalid_type'
        ? problemMessages.foundExpected(issue.input, `expected ${expected}`)
        : undefined,
  });
}

/** `[1].ratio.errors` from `[1, 'ratio', 'errors']`. @public */
export function formatProblemPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') {
        return `[${segment}]`;
      }
      const key = String(segment);
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
        return index === 0 ? key : `.${key}`;
      }
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}

/**
 * Turns zod issues into error problems of `annotation`. `knownFields(path)` lists the fields of
 * the object at `path`, for "unknown field" messages with a suggestion.
 * @internal
 */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  options: {
    annotation: string;
    pathPrefix: readonly PropertyKey[];
    knownFields: (path: readonly PropertyKey[]) => readonly string[];
  },
): ObservabilityProblem[] {
  const problems: ObservabilityProblem[] = [];
  for (const issue of issues) {
    const path = [...options.pathPrefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = options.knownFields(issue.path);
      for (const key of issue.keys) {
        problems.push({
          severity: 'error',
          annotation: options.annotation,
          path: formatProblemPath([...path, key]),
          message: problemMessages.unknownField(key, known),
        });
      }
      continue;
    }
    problems.push({
      severity: 'error',
      annotation: options.annotation,
      path: formatProblemPath(path),
      message: issue.message,
    });
  }
  return problems;
}
