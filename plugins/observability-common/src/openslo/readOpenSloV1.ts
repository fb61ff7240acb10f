/*
 * `openslo/v1` documents: `SLO`s with an inline `indicator` or an `indicatorRef` to an `SLI`
 * document of the same text, whose `ratioMetric` reads Prometheus counters (directly or through a
 * `DataSource`). Every object is checked field by field against the specification.
 */
import { RatioIndicator, SloSpec } from '../spec/types';
import { isPlainMap } from '../validation/describeValue';
import { problemMessages } from '../validation/problemMessages';
import { OPENSLO_V1_FIELDS as FIELDS } from './openSloFields';
import { OpenSloPath, OpenSloProblems } from './openSloProblems';
import { OPENSLO_REFUSALS as REFUSED } from './openSloRefusals';
import { OpenSloDocument, documentLabel } from './readOpenSloDocuments';
import {
  checkOpenSloBudgeting,
  checkOpenSloDocument,
  openSloSpec,
  readOpenSloDescription,
  readOpenSloLabels,
  readOpenSloName,
  readOpenSloRollingWindow,
} from './openSloReaders';
import { OpenSloV1Sources, readSliSpec } from './readOpenSloV1Sli';
import { V1_WINDOW, readObjectives } from './readOpenSloV1Objectives';

/** The other documents of the text an SLO may refer to. @internal */
export interface OpenSloV1Context extends OpenSloV1Sources {
  defaultWindow: string;
  slis: Map<string, OpenSloDocument>;
  sliIndicators: Map<string, RatioIndicator | undefined>;
}

const PLACES = FIELDS.placements;

/** Checks the fields of a document, of its metadata and of its spec; the spec if it is a map. */
export function checkV1Document(
  doc: OpenSloDocument,
  specFields: readonly string[] | undefined,
  problems: OpenSloProblems,
): Record<string, unknown> | undefined {
  return checkOpenSloDocument(doc, FIELDS, specFields, problems);
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
    readOpenSloRollingWindow(
      spec.timeWindow,
      [...specPath, 'timeWindow'],
      problems,
      V1_WINDOW,
    ) ?? context.defaultWindow;
  const objective = readObjectives(spec.objectives, specPath, problems);
  checkOpenSloBudgeting(spec, specPath, problems);
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
