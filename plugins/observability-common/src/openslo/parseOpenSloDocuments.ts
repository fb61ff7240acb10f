/*
 * OpenSLO documents mapped onto Lookout's SLO model: `openslo/v1` (`SLO`, `SLI`, `DataSource`,
 * `Service`; the alerting kinds are ignored with a warning) and `openslo/v1alpha` (`SLO`,
 * `Service`), one document, a `---` stream or a top-level list. Strict: every field the
 * specification does not have where it was written is a problem naming its path, e.g.
 * `doc[2].spec.objectives[0].timeWindow`. docs/openslo.md tables what is mapped and how.
 */
import { ANNOTATION_OPENSLO } from '../annotations/annotations';
import { ObservabilityProblem, RatioIndicator, SloSpec } from '../spec/types';
import { problemMessages } from '../validation/problemMessages';
import { isPlainMap } from '../validation/describeValue';
import { DEFAULT_SLO_WINDOW } from '../slo/window';
import { OPENSLO_V1_FIELDS, OPENSLO_V1ALPHA_FIELDS } from './openSloFields';
import { OpenSloProblems } from './openSloProblems';
import { OPENSLO_REFUSALS } from './openSloRefusals';
import {
  OpenSloDocument,
  documentLabel,
  readOpenSloDocuments,
} from './readOpenSloDocuments';
import {
  OpenSloV1Context,
  checkV1Document,
  readV1SliDocument,
  readV1Slo,
} from './readOpenSloV1';
import { checkV1alphaDocument, readV1alphaSlo } from './readOpenSloV1alpha';

/** What `parseOpenSloDocuments` needs to know about the entity. @public */
export interface OpenSloContext {
  /** The entity the documents belong to (for callers' bookkeeping; queries are used as written). */
  entityRef: string;
  /** Window of SLOs without a `timeWindow` (default `30d`). */
  defaultWindow?: string;
  /** Annotation named in problems (default `lookout.dev/openslo`). */
  annotation?: string;
}

const ALERTING_KINDS = [
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
];
const KINDS = {
  'openslo/v1': ['SLO', 'SLI', 'DataSource', 'Service', ...ALERTING_KINDS],
  'openslo/v1alpha': ['SLO', 'Service'],
};

/**
 * Parses OpenSLO documents into SLOs of source `openslo`. SLOs with an error are left out whole;
 * every problem is returned.
 * @public
 */
export function parseOpenSloDocuments(
  text: string,
  context: OpenSloContext,
): { slos: SloSpec[]; problems: ObservabilityProblem[] } {
  const problems = new OpenSloProblems(
    context.annotation ?? ANNOTATION_OPENSLO,
  );
  const docs = readOpenSloDocuments(text, problems).filter(doc =>
    knownKind(doc, problems),
  );
  const v1: OpenSloV1Context = {
    problems,
    defaultWindow: context.defaultWindow ?? DEFAULT_SLO_WINDOW,
    slis: new Map(),
    sliIndicators: new Map<string, RatioIndicator | undefined>(),
    dataSources: new Map(),
  };
  for (const doc of docs) {
    if (['SLI', 'DataSource'].includes(doc.kind) && !doc.name) {
      problems.error(
        [...doc.path, 'metadata', 'name'],
        problemMessages.foundExpected(
          isPlainMap(doc.body.metadata) ? doc.body.metadata.name : undefined,
          `expected the name SLOs refer to the ${doc.kind} by`,
        ),
      );
    }
    if (doc.version !== 'openslo/v1') {
      if (doc.kind === 'Service') {
        checkV1alphaDocument(doc, OPENSLO_V1ALPHA_FIELDS.serviceSpec, problems);
      }
    } else if (doc.kind === 'DataSource') {
      checkV1Document(doc, OPENSLO_V1_FIELDS.dataSourceSpec, problems);
      if (doc.name) {
        v1.dataSources.set(doc.name, doc);
      }
    } else if (doc.kind === 'Service') {
      checkV1Document(doc, OPENSLO_V1_FIELDS.serviceSpec, problems);
    } else if (doc.kind === 'SLI' && doc.name) {
      if (v1.slis.has(doc.name)) {
        problems.error(
          [...doc.path, 'metadata', 'name'],
          `a second SLI named ${JSON.stringify(
            doc.name,
          )}; SLI names must be unique`,
        );
      } else {
        v1.slis.set(doc.name, doc);
      }
    }
  }
  // Every SLI document is checked once, whether an SLO refers to it or not.
  for (const [name, doc] of v1.slis) {
    v1.sliIndicators.set(name, readV1SliDocument(doc, v1));
  }

  const slos: SloSpec[] = [];
  const sloNames = new Map<string, OpenSloDocument>();
  for (const doc of docs.filter(d => d.kind === 'SLO')) {
    const slo =
      doc.version === 'openslo/v1'
        ? readV1Slo(doc, v1)
        : readV1alphaSlo(doc, problems, v1.defaultWindow);
    if (!slo) {
      continue;
    }
    const first = sloNames.get(slo.name);
    if (first) {
      problems.error(
        [...doc.path, 'metadata', 'name'],
        `the name ${JSON.stringify(
          slo.name,
        )} is already used by ${documentLabel(
          first.path,
        )}; SLO names must be unique`,
      );
      continue;
    }
    sloNames.set(slo.name, doc);
    slos.push(slo);
  }
  return { slos, problems: problems.items };
}

/** Whether Lookout reads documents of this kind; reports those it does not. */
function knownKind(doc: OpenSloDocument, problems: OpenSloProblems): boolean {
  const kinds = KINDS[doc.version];
  if (ALERTING_KINDS.includes(doc.kind) && kinds.includes(doc.kind)) {
    problems.warning(
      [...doc.path, 'kind'],
      OPENSLO_REFUSALS.alertingKind(doc.kind),
    );
    return false;
  }
  if (kinds.includes(doc.kind)) {
    return true;
  }
  problems.error(
    [...doc.path, 'kind'],
    problemMessages.foundExpected(
      doc.kind,
      `expected one of the ${doc.version} kinds: ${kinds.join(', ')}`,
    ),
  );
  return false;
}
