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
  OpenSloWindowForm,
  checkOpenSloBudgeting,
  checkOpenSloDocument,
  openSloSpec,
  readOneOpenSloObjective,
  readOpenSloDescription,
  readOpenSloName,
  readOpenSloQuery,
  readOpenSloRollingWindow,
  readOpenSloTarget,
} from './openSloReaders';

const PLACES = FIELDS.placements;

/** Units of a v1alpha window that Lookout's windows (days, weeks or hours) can express. */
const WINDOW_UNITS: Record<string, string> = { Day: 'd', Week: 'w', Hour: 'h' };

/** `spec.timeWindows`: a list of one `count` of a `unit`. */
const V1ALPHA_WINDOW: OpenSloWindowForm = {
  fields: FIELDS,
  example: '[{ count: 28, unit: Day }]',
  length: readWindowLength,
};

/** Checks the fields of a document, of its metadata and of its spec; the spec if it is a map. */
export function checkV1alphaDocument(
  doc: OpenSloDocument,
  specFields: readonly string[],
  problems: OpenSloProblems,
): Record<string, unknown> | undefined {
  return checkOpenSloDocument(doc, FIELDS, specFields, problems);
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
    readOpenSloRollingWindow(
      spec.timeWindows,
      [...specPath, 'timeWindows'],
      problems,
      V1ALPHA_WINDOW,
    ) ?? defaultWindow;
  checkOpenSloBudgeting(spec, specPath, problems);
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

function readWindowLength(
  window: Record<string, unknown>,
  windowPath: OpenSloPath,
  problems: OpenSloProblems,
): string | undefined {
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
  return problems.valueOf(parseSloWindow(`${window.count}${unit}`), [
    ...windowPath,
    'count',
  ]);
}

function readObjectives(
  value: unknown,
  specPath: OpenSloPath,
  problems: OpenSloProblems,
): { objective: OpenSloObjective; indicator: RatioIndicator } | undefined {
  const read = readOneOpenSloObjective(value, specPath, problems, FIELDS, {
    list: 'expected a list with one objective with ratioMetrics and target',
    objective: 'expected an objective with ratioMetrics and target',
  });
  if (!read) {
    return undefined;
  }
  const { objective, objectivePath } = read;
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
