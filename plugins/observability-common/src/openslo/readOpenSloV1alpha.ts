/*
 * `openslo/v1alpha` SLO documents, the form Sloth reads: a `timeWindows` list of `count` and
 * `unit`, and per objective `ratioMetrics` of `good` and `total` Prometheus queries, whose
 * `[{{.window}}]` ranges Lookout replaces with its own windows.
 */
import { RatioIndicator, SloSpec, VectorSelector } from '../spec/types';
import { isPlainMap } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { parseSloWindow } from '../slo/window';
import { OPENSLO_V1ALPHA_FIELDS as FIELDS } from './openSloFields';
import { OpenSloPath, OpenSloProblems } from './openSloProblems';
import { OPENSLO_REFUSALS as REFUSED } from './openSloRefusals';
import { OpenSloDocument } from './readOpenSloDocuments';
import {
  OpenSloObjective,
  openSloSpec,
  readOpenSloDescription,
  readOpenSloName,
  readOpenSloQuery,
  readOpenSloTarget,
} from './openSloReaders';

const PLACES = FIELDS.placements;

/** Units of a v1alpha window that Lookout's windows (days, weeks or hours) can express. */
const WINDOW_UNITS: Record<string, string> = { Day: 'd', Week: 'w', Hour: 'h' };

/** Checks the fields of a document and of its metadata; the spec if it is a map. */
export function checkV1alphaDocument(
  doc: OpenSloDocument,
  specFields: readonly string[],
  problems: OpenSloProblems,
): Record<string, unknown> | undefined {
  problems.checkFields(doc.body, doc.path, FIELDS.document, PLACES);
  if (isPlainMap(doc.body.metadata)) {
    problems.checkFields(
      doc.body.metadata,
      [...doc.path, 'metadata'],
      FIELDS.metadata,
      PLACES,
    );
  }
  if (!isPlainMap(doc.body.spec)) {
    problems.error(
      [...doc.path, 'spec'],
      problemMessages.foundExpected(
        doc.body.spec,
        `expected the ${doc.kind}'s spec (a map)`,
      ),
    );
    return undefined;
  }
  problems.checkFields(
    doc.body.spec,
    [...doc.path, 'spec'],
    specFields,
    PLACES,
  );
  return doc.body.spec;
}

/** A v1alpha `SLO` document as a Lookout SLO, or undefined when it has an error. @internal */
export function readV1alphaSlo(
  doc: OpenSloDocument,
  problems: OpenSloProblems,
  defaultWindow: string,
): SloSpec | undefined {
  const errors = problems.errorCount();
  const spec = checkV1alphaDocument(doc, FIELDS.sloSpec, problems);
  const metadata = isPlainMap(doc.body.metadata) ? doc.body.metadata : {};
  const name = readOpenSloName(metadata, [...doc.path, 'metadata'], problems);
  if (!spec) {
    return undefined;
  }
  const specPath = [...doc.path, 'spec'];
  const description = readOpenSloDescription(spec, specPath, problems);
  if (spec.indicator !== undefined) {
    // v1alpha's SLO-level indicator is a thresholdMetric; ratios live in the objectives.
    problems.error([...specPath, 'indicator'], REFUSED.thresholdMetric);
  }
  const window =
    readTimeWindows(spec.timeWindows, [...specPath, 'timeWindows'], problems) ??
    defaultWindow;
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
  const read = readObjectives(spec.objectives, specPath, problems);
  if (!name || !read || problems.errorCount() > errors) {
    return undefined;
  }
  return openSloSpec(
    {
      name,
      description,
      objective: read.objective,
      window,
      indicator: read.indicator,
      labels: {},
    },
    problems,
  );
}

function readTimeWindows(
  value: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 1 || !isPlainMap(value[0])) {
    problems.error(
      path,
      problemMessages.foundExpected(
        value,
        'expected a list of one window, e.g. [{ count: 28, unit: Day }]',
      ),
    );
    return undefined;
  }
  const window = value[0];
  const windowPath = [...path, 0];
  problems.checkFields(window, windowPath, FIELDS.timeWindow, PLACES);
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
  const unit =
    typeof window.unit === 'string' ? WINDOW_UNITS[window.unit] : undefined;
  if (!unit) {
    problems.error(
      [...windowPath, 'unit'],
      problemMessages.foundExpected(
        window.unit,
        'expected Day, Week or Hour (Lookout windows are 7d to 90d in days, weeks or hours)',
      ),
    );
    return undefined;
  }
  if (typeof window.count !== 'number' || !Number.isSafeInteger(window.count)) {
    problems.error(
      [...windowPath, 'count'],
      problemMessages.foundExpected(
        window.count,
        'expected a whole number, e.g. 28',
      ),
    );
    return undefined;
  }
  const duration = parseSloWindow(`${window.count}${unit}`);
  if (!duration.ok) {
    problems.error([...windowPath, 'count'], duration.message);
    return undefined;
  }
  return duration.value;
}

function readObjectives(
  value: unknown,
  specPath: OpenSloPath,
  problems: OpenSloProblems,
): { objective: OpenSloObjective; indicator: RatioIndicator } | undefined {
  const path = [...specPath, 'objectives'];
  if (!Array.isArray(value) || value.length === 0) {
    problems.error(
      path,
      problemMessages.foundExpected(
        value,
        'expected a list with one objective with ratioMetrics and target',
      ),
    );
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
      problemMessages.foundExpected(
        objective,
        'expected an objective with ratioMetrics and target',
      ),
    );
    return undefined;
  }
  problems.checkFields(objective, objectivePath, FIELDS.objective, PLACES);
  for (const field of ['op', 'value']) {
    if (objective[field] !== undefined) {
      problems.error([...objectivePath, field], REFUSED.thresholdObjective);
    }
  }
  if (objective.timeSliceTarget !== undefined) {
    problems.error([...objectivePath, 'timeSliceTarget'], REFUSED.timeslices);
  }
  const target =
    objective.target === undefined
      ? undefined
      : readOpenSloTarget(
          objective.target,
          [...objectivePath, 'target'],
          problems,
        );
  if (objective.target === undefined) {
    problems.error(
      [...objectivePath, 'target'],
      problemMessages.missing(
        'expected a fraction above 0 and below 1 (0.995 is 99.5%), e.g. 0.995',
      ),
    );
  }
  const indicator = readRatioMetrics(
    objective.ratioMetrics,
    [...objectivePath, 'ratioMetrics'],
    problems,
  );
  return target && indicator ? { objective: target, indicator } : undefined;
}

function readRatioMetrics(
  value: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
): RatioIndicator | undefined {
  if (!isPlainMap(value)) {
    problems.error(
      path,
      value === undefined
        ? problemMessages.missing(
            'expected ratioMetrics with good and total queries',
          )
        : problemMessages.foundExpected(
            value,
            'expected ratioMetrics with good and total queries',
          ),
    );
    return undefined;
  }
  problems.checkFields(value, path, FIELDS.ratioMetrics, PLACES);
  if (value.incremental === false) {
    problems.error(
      [...path, 'incremental'],
      'incremental: false is not supported: Lookout computes rates of counters; use counters (incremental: true or leave it out)',
    );
  }
  const good = readQuery(value.good, [...path, 'good'], problems);
  const total = readQuery(value.total, [...path, 'total'], problems);
  return good && total ? { type: 'ratio', good, total } : undefined;
}

function readQuery(
  value: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
): VectorSelector | undefined {
  const expected =
    'expected source: prometheus, queryType: promql and the query of a counter';
  if (!isPlainMap(value)) {
    problems.error(
      path,
      value === undefined
        ? problemMessages.missing(expected)
        : problemMessages.foundExpected(value, expected),
    );
    return undefined;
  }
  problems.checkFields(value, path, FIELDS.query, PLACES);
  if (
    typeof value.source !== 'string' ||
    value.source.toLowerCase() !== 'prometheus'
  ) {
    problems.error(
      [...path, 'source'],
      value.source === 'Any'
        ? REFUSED.anySource
        : REFUSED.otherSource(value.source),
    );
    return undefined;
  }
  if (
    value.queryType !== undefined &&
    (typeof value.queryType !== 'string' ||
      value.queryType.toLowerCase() !== 'promql')
  ) {
    problems.error(
      [...path, 'queryType'],
      problemMessages.foundExpected(value.queryType, 'expected promql'),
    );
    return undefined;
  }
  return readOpenSloQuery(value.query, [...path, 'query'], problems);
}
