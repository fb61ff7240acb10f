/*
 * Readers shared by both OpenSLO versions: a document's fields, the SLO's name, description and
 * labels, its one rolling window and one objective, an objective's target, a Prometheus query of a
 * counter, and the final SLO with its unreachable-tier warnings.
 */
import { RatioIndicator, SloSpec, VectorSelector } from '../spec/types';
import { describeValue, isPlainMap } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { parseSloName } from '../slo/sloName';
import { checkObjectiveRange } from '../slo/objective';
import { parseSloLabelName } from '../slo/sloLabels';
import {
  describeUnreachableTier,
  findUnreachableTiers,
} from '../slo/unreachableTiers';
import { parseCounterQuery } from './counterQuery';
import { OpenSloPath, OpenSloProblems } from './openSloProblems';
import { OPENSLO_REFUSALS as REFUSED } from './openSloRefusals';
import { OpenSloDocument } from './readOpenSloDocuments';

/** The field lists of one OpenSLO version that the shared readers check against. @internal */
export interface OpenSloVersionFields {
  document: readonly string[];
  metadata: readonly string[];
  timeWindow: readonly string[];
  objective: readonly string[];
  placements: Readonly<Record<string, string>>;
}

/** An objective in percent and where it was written. @internal */
export interface OpenSloObjective {
  value: number;
  path: OpenSloPath;
}

/**
 * Checks the fields of a document, of its metadata and (when `specFields` is given) of its spec;
 * the spec if it is a map.
 * @internal
 */
export function checkOpenSloDocument(
  doc: OpenSloDocument,
  fields: OpenSloVersionFields,
  specFields: readonly string[] | undefined,
  problems: OpenSloProblems,
): Record<string, unknown> | undefined {
  const places = fields.placements;
  problems.checkFields(doc.body, doc.path, fields.document, places);
  if (isPlainMap(doc.body.metadata)) {
    problems.checkFields(
      doc.body.metadata,
      [...doc.path, 'metadata'],
      fields.metadata,
      places,
    );
  }
  const spec = doc.body.spec;
  if (!isPlainMap(spec)) {
    problems.error(
      [...doc.path, 'spec'],
      problemMessages.foundExpected(
        spec,
        `expected the ${doc.kind}'s spec (a map)`,
      ),
    );
    return undefined;
  }
  if (specFields) {
    problems.checkFields(spec, [...doc.path, 'spec'], specFields, places);
  }
  return spec;
}

/** Refuses budgeting methods other than `Occurrences`; warns that alert policies are ignored. @internal */
export function checkOpenSloBudgeting(
  spec: Record<string, unknown>,
  specPath: OpenSloPath,
  problems: OpenSloProblems,
): void {
  if (
    spec.budgetingMethod !== undefined &&
    spec.budgetingMethod !== 'Occurrences'
  ) {
    problems.error(
      [...specPath, 'budgetingMethod'],
      problemMessages.foundExpected(
        spec.budgetingMethod,
        REFUSED.budgetingMethod,
      ),
    );
  }
  if (spec.alertPolicies !== undefined) {
    problems.warning([...specPath, 'alertPolicies'], REFUSED.alertPolicies);
  }
}

/** How one OpenSLO version writes a rolling window. @internal */
export interface OpenSloWindowForm {
  fields: OpenSloVersionFields;
  /** A window list of the version, e.g. `[{ duration: 28d, isRolling: true }]`. */
  example: string;
  /** The window's length as a Lookout window, or undefined when wrong (reported). */
  length(
    window: Record<string, unknown>,
    windowPath: OpenSloPath,
    problems: OpenSloProblems,
  ): string | undefined;
}

/**
 * The window of the one rolling window of a time-window list, with its fields checked and
 * calendar windows refused; undefined when absent or wrong (reported).
 * @internal
 */
export function readOpenSloRollingWindow(
  value: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
  form: OpenSloWindowForm,
): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 1 || !isPlainMap(value[0])) {
    problems.error(
      path,
      problemMessages.foundExpected(
        value,
        `expected a list of one window, e.g. ${form.example}`,
      ),
    );
    return undefined;
  }
  const window = value[0];
  const windowPath = [...path, 0];
  problems.checkFields(
    window,
    windowPath,
    form.fields.timeWindow,
    form.fields.placements,
  );
  if (window.calendar !== undefined || window.isRolling === false) {
    problems.error(windowPath, REFUSED.calendar);
    return undefined;
  }
  if (window.isRolling !== undefined && window.isRolling !== true) {
    problems.error(
      [...windowPath, 'isRolling'],
      problemMessages.foundExpected(window.isRolling, 'expected true'),
    );
  }
  return form.length(window, windowPath, problems);
}

/**
 * The one objective of `spec.objectives` and its path, with its fields checked and threshold
 * objectives (`op`, `value`) refused; undefined when there is not exactly one (reported).
 * `expected` says what an objective of the version holds, e.g. `target, e.g. { target: 0.995 }`.
 * @internal
 */
export function readOneOpenSloObjective(
  value: unknown,
  specPath: OpenSloPath,
  problems: OpenSloProblems,
  fields: OpenSloVersionFields,
  expected: { list: string; objective: string },
):
  | { objective: Record<string, unknown>; objectivePath: OpenSloPath }
  | undefined {
  const path = [...specPath, 'objectives'];
  if (!Array.isArray(value) || value.length === 0) {
    problems.error(path, problemMessages.foundExpected(value, expected.list));
    return undefined;
  }
  if (value.length > 1) {
    problems.error(path, REFUSED.severalObjectives(value.length));
    return undefined;
  }
  const objectivePath = [...path, 0];
  const objective = value[0];
  if (!isPlainMap(objective)) {
    problems.error(
      objectivePath,
      problemMessages.foundExpected(objective, expected.objective),
    );
    return undefined;
  }
  problems.checkFields(
    objective,
    objectivePath,
    fields.objective,
    fields.placements,
  );
  for (const field of ['op', 'value']) {
    if (objective[field] !== undefined) {
      problems.error([...objectivePath, field], REFUSED.thresholdObjective);
    }
  }
  return { objective, objectivePath };
}

/** The SLO name of `metadata.name`. @internal */
export function readOpenSloName(
  metadata: Record<string, unknown>,
  path: OpenSloPath,
  problems: OpenSloProblems,
): string | undefined {
  return problems.valueOf(parseSloName(metadata.name), [...path, 'name']);
}

/** An optional description. @internal */
export function readOpenSloDescription(
  spec: Record<string, unknown>,
  path: OpenSloPath,
  problems: OpenSloProblems,
): string | undefined {
  if (spec.description === undefined || typeof spec.description === 'string') {
    return spec.description;
  }
  problems.error(
    [...path, 'description'],
    problemMessages.foundExpected(spec.description, 'expected text'),
  );
  return undefined;
}

/**
 * `target` of an objective: a fraction above 0 and below 1 (`0.995` for 99.5%), as a number or
 * numeric text; `percentField` names the alternative the version has, if any.
 * @internal
 */
export function readOpenSloTarget(
  target: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
  percentField?: string,
): OpenSloObjective | undefined {
  const fraction =
    typeof target === 'string' && /^\d*\.?\d+$/.test(target.trim())
      ? Number(target)
      : target;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1)) {
    const alternative = percentField
      ? `, or ${percentField} for a percentage`
      : '';
    problems.error(
      path,
      problemMessages.foundExpected(
        target,
        `expected a fraction above 0 and below 1 (0.995 is 99.5%${alternative}), e.g. 0.995`,
      ),
    );
    return undefined;
  }
  const value = problems.valueOf(
    checkObjectiveRange(
      Number((fraction * 100).toFixed(10)),
      describeValue(target),
    ),
    path,
  );
  return value === undefined ? undefined : { value, path };
}

/**
 * The counter selector of a Prometheus query; `{{.window}}`-style range placeholders accepted.
 * @internal
 */
export function readOpenSloQuery(
  query: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
): VectorSelector | undefined {
  if (typeof query !== 'string') {
    problems.error(
      path,
      problemMessages.foundExpected(
        query,
        'expected a PromQL query of a counter, e.g. sum(rate(http_requests_total{job="checkout"}[5m]))',
      ),
    );
    return undefined;
  }
  return problems.valueOf(parseCounterQuery(query.trim()), path);
}

/** OpenSLO metadata labels (values a string or a list of strings) as SLO labels. @internal */
export function readOpenSloLabels(
  value: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
): Record<string, string> {
  const labels: Record<string, string> = {};
  if (value === undefined) {
    return labels;
  }
  if (!isPlainMap(value)) {
    problems.error(
      path,
      problemMessages.foundExpected(
        value,
        'expected a map of label names to values, e.g. { tier: "1" }',
      ),
    );
    return labels;
  }
  for (const [name, raw] of Object.entries(value)) {
    const labelName = parseSloLabelName(name);
    let text: string | undefined;
    if (typeof raw === 'string') {
      text = raw;
    } else if (
      Array.isArray(raw) &&
      raw.every(item => typeof item === 'string')
    ) {
      text = raw.join(',');
    }
    if (!labelName.ok) {
      problems.warning([...path, name], `label ignored: ${labelName.message}`);
    } else if (text === undefined) {
      problems.warning(
        [...path, name],
        `label ignored: ${problemMessages.foundExpected(
          raw,
          'expected text or a list of text',
        )}`,
      );
    } else {
      labels[name] = text;
    }
  }
  return labels;
}

/** The SLO of source `openslo`, with a warning for each burn-rate tier that can never fire. @internal */
export function openSloSpec(
  parts: {
    name: string;
    description?: string;
    objective: OpenSloObjective;
    window: string;
    indicator: RatioIndicator;
    labels: Record<string, string>;
  },
  problems: OpenSloProblems,
): SloSpec {
  const { name, description, objective, window, indicator, labels } = parts;
  const alerting = { page: true, ticket: true, minEvents: 0 };
  for (const unreachable of findUnreachableTiers(
    objective.value,
    window,
    alerting,
  )) {
    problems.warning(
      objective.path,
      describeUnreachableTier(unreachable, objective.value, window),
    );
  }
  return {
    name,
    ...(description !== undefined && { description }),
    objective: objective.value,
    window,
    indicator,
    alerting,
    labels,
    source: 'openslo',
  };
}
