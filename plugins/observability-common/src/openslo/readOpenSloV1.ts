/*
 * `openslo/v1` documents: `SLO`s with an inline `indicator` or an `indicatorRef` to an `SLI`
 * document of the same text, whose `ratioMetric` reads Prometheus counters (directly or through a
 * `DataSource`). Every object is checked field by field against the specification.
 */
import { RatioIndicator, SloSpec, VectorSelector } from '../spec/types';
import { isPlainMap } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { parseSloWindow } from '../slo/window';
import { parseObjective } from '../slo/objective';
import { OPENSLO_V1_FIELDS as FIELDS } from './openSloFields';
import { OpenSloPath, OpenSloProblems } from './openSloProblems';
import { OPENSLO_REFUSALS as REFUSED } from './openSloRefusals';
import { OpenSloDocument, documentLabel } from './readOpenSloDocuments';
import {
  OpenSloObjective,
  openSloSpec,
  readOpenSloDescription,
  readOpenSloLabels,
  readOpenSloName,
  readOpenSloQuery,
  readOpenSloTarget,
} from './openSloReaders';

/** The other documents of the text an SLO may refer to. @internal */
export interface OpenSloV1Context {
  problems: OpenSloProblems;
  defaultWindow: string;
  slis: Map<string, OpenSloDocument>;
  sliIndicators: Map<string, RatioIndicator | undefined>;
  dataSources: Map<string, OpenSloDocument>;
}

const PLACES = FIELDS.placements;

/** Checks the fields of a document, of its metadata and of its spec; the spec if it is a map. */
export function checkV1Document(
  doc: OpenSloDocument,
  specFields: readonly string[] | undefined,
  problems: OpenSloProblems,
): Record<string, unknown> | undefined {
  problems.checkFields(doc.body, doc.path, FIELDS.document, PLACES);
  const metadataPath = [...doc.path, 'metadata'];
  if (isPlainMap(doc.body.metadata)) {
    problems.checkFields(
      doc.body.metadata,
      metadataPath,
      FIELDS.metadata,
      PLACES,
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
    problems.checkFields(spec, [...doc.path, 'spec'], specFields, PLACES);
  }
  return spec;
}

/** An `SLI` document's indicator, or undefined when it has an error (reported). @internal */
export function readV1SliDocument(
  doc: OpenSloDocument,
  context: OpenSloV1Context,
): RatioIndicator | undefined {
  const errors = context.problems.errorCount();
  const spec = checkV1Document(doc, FIELDS.sliSpec, context.problems);
  const indicator =
    spec && readSliSpec(spec, [...doc.path, 'spec'], context, true);
  return context.problems.errorCount() === errors ? indicator : undefined;
}

/** An `SLO` document as a Lookout SLO, or undefined when it has an error (reported). @internal */
export function readV1Slo(
  doc: OpenSloDocument,
  context: OpenSloV1Context,
): SloSpec | undefined {
  const { problems } = context;
  const errors = problems.errorCount();
  const spec = checkV1Document(doc, FIELDS.sloSpec, problems);
  const metadata = isPlainMap(doc.body.metadata) ? doc.body.metadata : {};
  const name = readOpenSloName(metadata, [...doc.path, 'metadata'], problems);
  if (!spec) {
    return undefined;
  }
  const specPath = [...doc.path, 'spec'];
  if (isComposite(spec.objectives)) {
    problems.error([...specPath, 'objectives'], REFUSED.composite);
    return undefined;
  }
  const description = readOpenSloDescription(spec, specPath, problems);
  const indicator = readSloIndicator(spec, specPath, context);
  const window =
    readTimeWindow(spec.timeWindow, [...specPath, 'timeWindow'], problems) ??
    context.defaultWindow;
  const objective = readObjectives(spec.objectives, specPath, problems);
  if (
    spec.budgetingMethod !== undefined &&
    spec.budgetingMethod !== 'Occurrences'
  ) {
    problems.error(
      [...specPath, 'budgetingMethod'],
      problemMessages.foundExpected(spec.budgetingMethod, REFUSED.budgetingMethod),
    );
  }
  if (spec.alertPolicies !== undefined) {
    problems.warning([...specPath, 'alertPolicies'], REFUSED.alertPolicies);
  }
  const labels = readOpenSloLabels(
    metadata.labels,
    [...doc.path, 'metadata', 'labels'],
    problems,
  );
  if (!name || !indicator || !objective || problems.errorCount() > errors) {
    return undefined;
  }
  return openSloSpec(
    { name, description, objective, window, indicator, labels },
    problems,
  );
}

/** A composite SLO: objectives with an indicator each. */
function isComposite(objectives: unknown): boolean {
  return (
    Array.isArray(objectives) &&
    objectives.some(
      objective =>
        isPlainMap(objective) &&
        (objective.indicator !== undefined ||
          objective.indicatorRef !== undefined),
    )
  );
}

function readSloIndicator(
  spec: Record<string, unknown>,
  specPath: OpenSloPath,
  context: OpenSloV1Context,
): RatioIndicator | undefined {
  const { problems } = context;
  if (spec.indicator !== undefined && spec.indicatorRef !== undefined) {
    problems.error(
      specPath,
      'has both indicator and indicatorRef; give exactly one',
    );
    return undefined;
  }
  if (spec.indicatorRef !== undefined) {
    const refPath = [...specPath, 'indicatorRef'];
    if (typeof spec.indicatorRef !== 'string') {
      problems.error(
        refPath,
        problemMessages.foundExpected(
          spec.indicatorRef,
          'expected the name of an SLI document',
        ),
      );
      return undefined;
    }
    const sli = context.slis.get(spec.indicatorRef);
    if (!sli) {
      const known = [...context.slis.keys()];
      problems.error(
        refPath,
        `names no SLI document in this file (${
          known.length ? `SLIs found: ${known.join(', ')}` : 'it has none'
        }); expected the metadata.name of an SLI document, or an inline indicator`,
      );
      return undefined;
    }
    const indicator = context.sliIndicators.get(spec.indicatorRef);
    if (!indicator) {
      problems.error(
        refPath,
        `refers to the SLI ${documentLabel(sli.path)}, which has errors`,
      );
    }
    return indicator;
  }
  if (spec.indicator !== undefined) {
    const path = [...specPath, 'indicator'];
    if (!isPlainMap(spec.indicator)) {
      problems.error(
        path,
        problemMessages.foundExpected(
          spec.indicator,
          'expected an SLI with metadata and spec.ratioMetric',
        ),
      );
      return undefined;
    }
    problems.checkFields(spec.indicator, path, FIELDS.inlineIndicator, PLACES);
    if (isPlainMap(spec.indicator.metadata)) {
      problems.checkFields(
        spec.indicator.metadata,
        [...path, 'metadata'],
        FIELDS.metadata,
        PLACES,
      );
    }
    return readSliSpec(spec.indicator.spec, [...path, 'spec'], context, false);
  }
  problems.error(
    specPath,
    'has no indicator; expected an inline indicator (an SLI with spec.ratioMetric) or an indicatorRef to an SLI document',
  );
  return undefined;
}

function readSliSpec(
  spec: unknown,
  path: OpenSloPath,
  context: OpenSloV1Context,
  fieldsChecked: boolean,
): RatioIndicator | undefined {
  const { problems } = context;
  if (!isPlainMap(spec)) {
    problems.error(
      path,
      problemMessages.foundExpected(
        spec,
        'expected an SLI spec with ratioMetric',
      ),
    );
    return undefined;
  }
  if (!fieldsChecked) {
    problems.checkFields(spec, path, FIELDS.sliSpec, PLACES);
  }
  if (spec.ratioMetric === undefined) {
    problems.error(
      path,
      spec.thresholdMetric !== undefined
        ? REFUSED.thresholdMetric
        : 'has no ratioMetric; expected ratioMetric with good (or bad) and total counters',
    );
    return undefined;
  }
  const ratioPath = [...path, 'ratioMetric'];
  const ratio = spec.ratioMetric;
  if (!isPlainMap(ratio)) {
    problems.error(
      ratioPath,
      problemMessages.foundExpected(
        ratio,
        'expected good (or bad) and total',
      ),
    );
    return undefined;
  }
  problems.checkFields(ratio, ratioPath, FIELDS.ratioMetric, PLACES);
  if (ratio.raw !== undefined) {
    // A raw ratio has no good, bad or total: one refusal says it all.
    problems.error([...ratioPath, 'raw'], REFUSED.raw);
    return undefined;
  }
  let ok = true;
  if (ratio.counter === false) {
    problems.error([...ratioPath, 'counter'], REFUSED.counterFalse);
    ok = false;
  }
  if (ratio.good !== undefined && ratio.bad !== undefined) {
    problems.error(
      ratioPath,
      'has both good and bad; give exactly one of them next to total',
    );
    ok = false;
  } else if (ratio.good === undefined && ratio.bad === undefined) {
    problems.error(ratioPath, 'needs good or bad next to total');
    ok = false;
  }
  const read = (field: 'good' | 'bad' | 'total') =>
    ratio[field] === undefined
      ? undefined
      : readMetric(ratio[field], [...ratioPath, field], context);
  const good = read('good');
  const bad = read('bad');
  const total = read('total');
  if (ratio.total === undefined) {
    problems.error(
      [...ratioPath, 'total'],
      problemMessages.missing('expected the counter of all events'),
    );
  }
  if (
    !ok ||
    !total ||
    (ratio.good !== undefined && !good) ||
    (ratio.bad !== undefined && !bad)
  ) {
    return undefined;
  }
  return { type: 'ratio', ...(bad ? { errors: bad } : { good }), total };
}

function readMetric(
  value: unknown,
  path: OpenSloPath,
  context: OpenSloV1Context,
): VectorSelector | undefined {
  const { problems } = context;
  if (isPlainMap(value)) {
    problems.checkFields(value, path, FIELDS.metric, PLACES);
  }
  const source = isPlainMap(value) ? value.metricSource : undefined;
  const sourcePath = [...path, 'metricSource'];
  if (!isPlainMap(source)) {
    problems.error(
      sourcePath,
      problemMessages.foundExpected(
        source,
        'expected metricSource with type: Prometheus and spec.query',
      ),
    );
    return undefined;
  }
  problems.checkFields(source, sourcePath, FIELDS.metricSource, PLACES);
  let type = source.type;
  let typePath: OpenSloPath = [...sourcePath, 'type'];
  if (type === undefined && source.metricSourceRef !== undefined) {
    const dataSource =
      typeof source.metricSourceRef === 'string'
        ? context.dataSources.get(source.metricSourceRef)
        : undefined;
    const dataSourceSpec =
      dataSource && isPlainMap(dataSource.body.spec)
        ? dataSource.body.spec
        : undefined;
    if (!dataSource || !dataSourceSpec) {
      problems.error(
        [...sourcePath, 'metricSourceRef'],
        `names no DataSource document in this file: ${JSON.stringify(
          source.metricSourceRef,
        )}`,
      );
      return undefined;
    }
    type = dataSourceSpec.type;
    typePath = [...dataSource.path, 'spec', 'type'];
  }
  if (type === 'Any') {
    problems.error(typePath, REFUSED.anySource);
    return undefined;
  }
  if (typeof type !== 'string' || type.toLowerCase() !== 'prometheus') {
    problems.error(typePath, REFUSED.otherSource(type));
    return undefined;
  }
  const specPath = [...sourcePath, 'spec'];
  if (!isPlainMap(source.spec)) {
    problems.error(
      specPath,
      problemMessages.foundExpected(
        source.spec,
        `expected a map with the query, e.g. { query: 'http_requests_total{job="checkout"}' }`,
      ),
    );
    return undefined;
  }
  problems.checkFields(source.spec, specPath, FIELDS.prometheusQuery, PLACES);
  return readOpenSloQuery(source.spec.query, [...specPath, 'query'], problems);
}

function readTimeWindow(
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
        'expected a list of one window, e.g. [{ duration: 28d, isRolling: true }]',
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
  const duration = parseSloWindow(window.duration);
  if (!duration.ok) {
    problems.error([...windowPath, 'duration'], duration.message);
    return undefined;
  }
  return duration.value;
}

function readObjectives(
  value: unknown,
  specPath: OpenSloPath,
  problems: OpenSloProblems,
): OpenSloObjective | undefined {
  const path = [...specPath, 'objectives'];
  if (!Array.isArray(value) || value.length === 0) {
    problems.error(
      path,
      problemMessages.foundExpected(
        value,
        'expected a list with one objective, e.g. [{ target: 0.995 }]',
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
        'expected an objective with target, e.g. { target: 0.995 }',
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
  for (const field of ['timeSliceTarget', 'timeSliceWindow']) {
    if (objective[field] !== undefined) {
      problems.error([...objectivePath, field], REFUSED.timeslices);
    }
  }
  for (const field of ['indicator', 'indicatorRef', 'compositeWeight']) {
    if (objective[field] !== undefined) {
      problems.error([...objectivePath, field], REFUSED.composite);
    }
  }
  const { target, targetPercent } = objective;
  if (target !== undefined && targetPercent !== undefined) {
    problems.error(objectivePath, 'has both target and targetPercent; give one');
    return undefined;
  }
  if (target !== undefined) {
    return readOpenSloTarget(
      target,
      [...objectivePath, 'target'],
      problems,
      'targetPercent',
    );
  }
  if (targetPercent !== undefined) {
    return readTargetPercent(
      targetPercent,
      [...objectivePath, 'targetPercent'],
      problems,
    );
  }
  problems.error(
    objectivePath,
    'has no target; expected target (a fraction, e.g. 0.995) or targetPercent (e.g. 99.5)',
  );
  return undefined;
}

function readTargetPercent(
  value: unknown,
  path: OpenSloPath,
  problems: OpenSloProblems,
): OpenSloObjective | undefined {
  const percent = parseObjective(value);
  if (!percent.ok) {
    problems.error(path, percent.message);
    return undefined;
  }
  return { value: percent.value, path };
}
