/*
 * The CLI's problem line (DESIGN §4): `<entityRef>: <annotation>[.<path>]: <message>`, with
 * ` (warning)` appended to warnings.
 */
import { ObservabilityProblem } from '@lookout/plugin-observability-common';

/**
 * `lookout.dev/slos` + `[1].ratio.errors` → `lookout.dev/slos[1].ratio.errors`.
 * @public
 */
export function problemLocation(problem: ObservabilityProblem): string {
  if (!problem.path) {
    return problem.annotation;
  }
  return problem.path.startsWith('[')
    ? `${problem.annotation}${problem.path}`
    : `${problem.annotation}.${problem.path}`;
}

/**
 * One problem as a line of CLI output (also the scaffolder actions' problem lines).
 * @public
 */
export function formatProblem(
  entityRef: string,
  problem: ObservabilityProblem,
): string {
  const suffix = problem.severity === 'warning' ? ' (warning)' : '';
  return `${entityRef}: ${problemLocation(problem)}: ${
    problem.message
  }${suffix}`;
}
