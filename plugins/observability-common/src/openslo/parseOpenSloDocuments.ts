/*
 * OpenSLO v1 (`apiVersion: openslo/v1`) documents mapped onto Lookout's SLO model: `SLO`
 * documents with an inline `indicator` or an `indicatorRef` to an `SLI` document of the same
 * text, whose `ratioMetric` reads Prometheus counters. Problems carry paths such as
 * `doc[2].spec.objectives[0].target`.
 */
import YAML from 'yaml';
import { ANNOTATION_OPENSLO } from '../annotations/annotations';
import {
  ObservabilityProblem,
  RatioIndicator,
  SloSpec,
  VectorSelector,
} from '../spec/types';
import { Parsed } from '../validation/result';
import { describeValue, isPlainMap } from '../validation/describeValue';
import { formatProblemPath } from '../validation/zodFields';
import { parseSloName } from '../slo/sloName';
import { checkObjectiveRange } from '../slo/objective';
import { DEFAULT_SLO_WINDOW, parseSloWindow } from '../slo/window';
import { parseSloLabelName } from '../slo/sloLabels';
import {
  describeUnreachableTier,
  findUnreachableTiers,
} from '../slo/unreachableTiers';
import { parseCounterQuery } from './counterQuery';

/** What `parseOpenSloDocuments` needs to know about the entity. @public */
export interface OpenSloContext {
  /** The entity the documents belong to (for callers' bookkeeping; queries are used as written). */
  entityRef: string;
  /** Window of SLOs without a `timeWindow` (default `30d`). */
  defaultWindow?: string;
  /** Annotation named in problems (default `lookout.dev/openslo`). */
  annotation?: string;
}

const API_VERSION = 'openslo/v1';
const IGNORED_KINDS = ['Service', 'DataSource'];
const ALERTING_KINDS = [
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
];

type Path = readonly PropertyKey[];

class Problems {
  readonly items: ObservabilityProblem[] = [];
  constructor(private readonly annotation: string) {}

  error(path: Path, message: string): void {
    this.push('error', path, message);
  }

  warning(path: Path, message: string): void {
    this.push('warning', path, message);
  }

  private push(severity: 'error' | 'warning', path: Path, message: string) {
    this.items.push({
      severity,
      annotation: this.annotation,
      path: formatProblemPath(path),
      message,
    });
  }

  /** Runs `check` and tells whether it reported an error. */
  countErrors(check: () => void): number {
    const before = this.items.filter(p => p.severity === 'error').length;
    check();
    return this.items.filter(p => p.severity === 'error').length - before;
  }
}

interface Doc {
  index: number;
  path: Path;
  kind: string;
  name?: string;
  body: Record<string, unknown>;
}

/**
 * Parses OpenSLO v1 documents (multi-document YAML) into SLOs of source `openslo`. SLOs with an
 * error are left out whole; every problem is returned.
 * @public
 */
export function parseOpenSloDocuments(
  text: string,
  context: OpenSloContext,
): { slos: SloSpec[]; problems: ObservabilityProblem[] } {
  const problems = new Problems(context.annotation ?? ANNOTATION_OPENSLO);
  const defaultWindow = context.defaultWindow ?? DEFAULT_SLO_WINDOW;
  const docs = readDocuments(text, problems);

  const dataSources = new Map<string, Doc>();
  const slis = new Map<string, Doc>();
  for (const doc of docs) {
    if (doc.kind === 'DataSource' && doc.name) {
      dataSources.set(doc.name, doc);
    }
    if (doc.kind === 'SLI' && doc.name) {
      if (slis.has(doc.name)) {
        problems.error(
          [...doc.path, 'metadata', 'name'],
          `a second SLI named ${JSON.stringify(
            doc.name,
          )}; SLI names must be unique`,
        );
      } else {
        slis.set(doc.name, doc);
      }
    }
  }

  // Every SLI document is checked once, whether an SLO refers to it or not.
  const sliIndicators = new Map<string, RatioIndicator | undefined>();
  for (const [name, doc] of slis) {
    sliIndicators.set(
      name,
      readSliSpec(doc.body.spec, [...doc.path, 'spec'], problems, dataSources),
    );
  }

  const slos: SloSpec[] = [];
  const sloNames = new Map<string, number>();
  for (const doc of docs.filter(d => d.kind === 'SLO')) {
    let slo: SloSpec | undefined;
    const errors = problems.countErrors(() => {
      slo = readSlo(doc, {
        problems,
        defaultWindow,
        slis,
        sliIndicators,
        dataSources,
      });
    });
    if (slo && doc.name !== undefined) {
      const first = sloNames.get(doc.name);
      if (first !== undefined) {
        problems.error(
          [...doc.path, 'metadata', 'name'],
          `the name ${JSON.stringify(
            doc.name,
          )} is already used by doc[${first}]; SLO names must be unique`,
        );
        continue;
      }
      sloNames.set(doc.name, doc.index);
    }
    if (slo && errors === 0) {
      slos.push(slo);
    }
  }
  return { slos, problems: problems.items };
}

function readDocuments(text: string, problems: Problems): Doc[] {
  let documents: YAML.Document.Parsed[];
  try {
    const parsed = YAML.parseAllDocuments(text, { prettyErrors: true });
    documents = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    problems.error(
      [],
      `is not valid YAML: ${e instanceof Error ? e.message : String(e)}`,
    );
    return [];
  }
  const docs: Doc[] = [];
  documents.forEach((document, index) => {
    const path: Path = ['doc', index];
    if (document.errors.length > 0) {
      problems.error(
        path,
        `is not valid YAML: ${document.errors[0].message.split('\n')[0]}`,
      );
      return;
    }
    let body: unknown;
    try {
      body = document.toJS({ maxAliasCount: 100 });
    } catch (e) {
      problems.error(
        path,
        `is not valid YAML: ${e instanceof Error ? e.message : String(e)}`,
      );
      return;
    }
    if (body === null || body === undefined) {
      return; // an empty document, e.g. after a trailing ---
    }
    if (!isPlainMap(body)) {
      problems.error(
        path,
        `found ${describeValue(
          body,
        )}; expected an OpenSLO document with apiVersion, kind, metadata and spec`,
      );
      return;
    }
    if (body.apiVersion !== API_VERSION) {
      problems.error(
        [...path, 'apiVersion'],
        `found ${describeValue(
          body.apiVersion,
        )}; expected ${API_VERSION} (other OpenSLO versions are not supported)`,
      );
      return;
    }
    const kind = typeof body.kind === 'string' ? body.kind : '';
    if (ALERTING_KINDS.includes(kind)) {
      problems.warning(
        [...path, 'kind'],
        `${kind} documents are ignored: Lookout generates multi-window burn-rate alerts for every SLO`,
      );
      return;
    }
    if (!['SLO', 'SLI', ...IGNORED_KINDS].includes(kind)) {
      problems.error(
        [...path, 'kind'],
        `found ${describeValue(
          body.kind,
        )}; expected SLO or SLI (Service and DataSource documents are read too)`,
      );
      return;
    }
    const metadata = isPlainMap(body.metadata) ? body.metadata : {};
    const name = typeof metadata.name === 'string' ? metadata.name : undefined;
    docs.push({ index, path, kind, name, body });
  });
  return docs;
}

interface SloContext {
  problems: Problems;
  defaultWindow: string;
  slis: Map<string, Doc>;
  sliIndicators: Map<string, RatioIndicator | undefined>;
  dataSources: Map<string, Doc>;
}

function readSlo(doc: Doc, context: SloContext): SloSpec | undefined {
  const { problems } = context;
  const metadata = isPlainMap(doc.body.metadata) ? doc.body.metadata : {};
  const name = parseSloName(metadata.name);
  if (!name.ok) {
    problems.error([...doc.path, 'metadata', 'name'], name.message);
  }
  const specPath = [...doc.path, 'spec'];
  if (!isPlainMap(doc.body.spec)) {
    problems.error(
      specPath,
      `found ${describeValue(
        doc.body.spec,
      )}; expected the SLO's spec with indicator, objectives and timeWindow`,
    );
    return undefined;
  }
  const spec = doc.body.spec;

  let description: string | undefined;
  if (spec.description !== undefined) {
    if (typeof spec.description === 'string') {
      description = spec.description;
    } else {
      problems.error(
        [...specPath, 'description'],
        `found ${describeValue(spec.description)}; expected text`,
      );
    }
  }

  const indicator = readSloIndicator(spec, specPath, context);
  const window =
    readTimeWindow(spec, specPath, problems) ?? context.defaultWindow;
  const objective = readObjective(spec, specPath, problems);

  if (
    spec.budgetingMethod !== undefined &&
    spec.budgetingMethod !== 'Occurrences'
  ) {
    problems.error(
      [...specPath, 'budgetingMethod'],
      `found ${describeValue(
        spec.budgetingMethod,
      )}; Lookout supports Occurrences only (errors over all events in the window)`,
    );
  }
  if (spec.alertPolicies !== undefined) {
    problems.warning(
      [...specPath, 'alertPolicies'],
      'alertPolicies are ignored: Lookout generates multi-window burn-rate alerts for every SLO',
    );
  }
  const labels = readLabels(
    metadata.labels,
    [...doc.path, 'metadata', 'labels'],
    problems,
  );

  if (!name.ok || !indicator || !objective) {
    return undefined;
  }
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
    name: name.value,
    ...(description !== undefined && { description }),
    objective: objective.value,
    window,
    indicator,
    alerting,
    labels,
    source: 'openslo',
  };
}

function readSloIndicator(
  spec: Record<string, unknown>,
  specPath: Path,
  context: SloContext,
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
        `found ${describeValue(
          spec.indicatorRef,
        )}; expected the name of an SLI document`,
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
        `refers to the SLI doc[${sli.index}], which has errors`,
      );
    }
    return indicator;
  }
  if (spec.indicator !== undefined) {
    const path = [...specPath, 'indicator'];
    if (!isPlainMap(spec.indicator)) {
      problems.error(
        path,
        `found ${describeValue(
          spec.indicator,
        )}; expected an SLI with metadata and spec.ratioMetric`,
      );
      return undefined;
    }
    return readSliSpec(
      spec.indicator.spec,
      [...path, 'spec'],
      problems,
      context.dataSources,
    );
  }
  problems.error(
    specPath,
    'has no indicator; expected an inline indicator (an SLI with spec.ratioMetric) or an indicatorRef to an SLI document',
  );
  return undefined;
}

function readSliSpec(
  spec: unknown,
  path: Path,
  problems: Problems,
  dataSources: Map<string, Doc>,
): RatioIndicator | undefined {
  if (!isPlainMap(spec)) {
    problems.error(
      path,
      `found ${describeValue(spec)}; expected an SLI spec with ratioMetric`,
    );
    return undefined;
  }
  if (spec.ratioMetric === undefined) {
    problems.error(
      path,
      spec.thresholdMetric !== undefined
        ? 'uses thresholdMetric, which Lookout does not support; expected ratioMetric with good (or bad) and total counters'
        : 'has no ratioMetric; expected ratioMetric with good (or bad) and total counters',
    );
    return undefined;
  }
  const ratioPath = [...path, 'ratioMetric'];
  const ratio = spec.ratioMetric;
  if (!isPlainMap(ratio)) {
    problems.error(
      ratioPath,
      `found ${describeValue(ratio)}; expected good (or bad) and total`,
    );
    return undefined;
  }
  let ok = true;
  if (ratio.raw !== undefined) {
    problems.error(
      [...ratioPath, 'raw'],
      'precomputed raw ratios are not supported; expected good (or bad) and total counters',
    );
    ok = false;
  }
  if (ratio.counter === false) {
    problems.error(
      [...ratioPath, 'counter'],
      'counter: false is not supported: Lookout computes rates of counters; use counters with counter: true',
    );
    ok = false;
  }
  if (ratio.good !== undefined && ratio.bad !== undefined) {
    problems.error(
      ratioPath,
      'has both good and bad; give exactly one of them next to total',
    );
    ok = false;
  } else if (
    ratio.good === undefined &&
    ratio.bad === undefined &&
    ratio.raw === undefined
  ) {
    problems.error(ratioPath, 'needs good or bad next to total');
    ok = false;
  }
  const good =
    ratio.good !== undefined
      ? readMetric(ratio.good, [...ratioPath, 'good'], problems, dataSources)
      : undefined;
  const bad =
    ratio.bad !== undefined
      ? readMetric(ratio.bad, [...ratioPath, 'bad'], problems, dataSources)
      : undefined;
  let total: VectorSelector | undefined;
  if (ratio.total === undefined) {
    problems.error(
      [...ratioPath, 'total'],
      'is missing; expected the counter of all events',
    );
  } else {
    total = readMetric(
      ratio.total,
      [...ratioPath, 'total'],
      problems,
      dataSources,
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
  path: Path,
  problems: Problems,
  dataSources: Map<string, Doc>,
): VectorSelector | undefined {
  const source = isPlainMap(value) ? value.metricSource : undefined;
  const sourcePath = [...path, 'metricSource'];
  if (!isPlainMap(source)) {
    problems.error(
      sourcePath,
      `found ${describeValue(
        source,
      )}; expected metricSource with type: Prometheus and spec.query`,
    );
    return undefined;
  }
  let type = source.type;
  if (type === undefined && typeof source.metricSourceRef === 'string') {
    const dataSource = dataSources.get(source.metricSourceRef);
    const dataSourceSpec =
      dataSource && isPlainMap(dataSource.body.spec)
        ? dataSource.body.spec
        : undefined;
    if (!dataSourceSpec) {
      problems.error(
        [...sourcePath, 'metricSourceRef'],
        `names no DataSource document in this file: ${JSON.stringify(
          source.metricSourceRef,
        )}`,
      );
      return undefined;
    }
    type = dataSourceSpec.type;
  }
  if (typeof type !== 'string' || type.toLowerCase() !== 'prometheus') {
    problems.error(
      [...sourcePath, 'type'],
      `found ${describeValue(
        type,
      )}; Lookout reads Prometheus sources only: expected type: Prometheus`,
    );
    return undefined;
  }
  const spec = isPlainMap(source.spec) ? source.spec : {};
  const query: Parsed<VectorSelector> =
    typeof spec.query === 'string'
      ? parseCounterQuery(spec.query.trim())
      : {
          ok: false,
          message: `found ${describeValue(
            spec.query,
          )}; expected a PromQL query of a counter, e.g. http_requests_total{job="checkout"}`,
        };
  if (!query.ok) {
    problems.error([...sourcePath, 'spec', 'query'], query.message);
    return undefined;
  }
  return query.value;
}

function readTimeWindow(
  spec: Record<string, unknown>,
  specPath: Path,
  problems: Problems,
): string | undefined {
  if (spec.timeWindow === undefined) {
    return undefined;
  }
  const path = [...specPath, 'timeWindow'];
  if (
    !Array.isArray(spec.timeWindow) ||
    spec.timeWindow.length !== 1 ||
    !isPlainMap(spec.timeWindow[0])
  ) {
    problems.error(
      path,
      `found ${describeValue(
        spec.timeWindow,
      )}; expected a list of one window, e.g. [{ duration: 28d, isRolling: true }]`,
    );
    return undefined;
  }
  const window = spec.timeWindow[0];
  const windowPath = [...path, 0];
  if (window.calendar !== undefined || window.isRolling === false) {
    problems.error(
      windowPath,
      'calendar-aligned windows are not supported; expected a rolling window: isRolling: true',
    );
    return undefined;
  }
  if (window.isRolling !== undefined && window.isRolling !== true) {
    problems.error(
      [...windowPath, 'isRolling'],
      `found ${describeValue(window.isRolling)}; expected true`,
    );
  }
  const duration = parseSloWindow(window.duration);
  if (!duration.ok) {
    problems.error([...windowPath, 'duration'], duration.message);
    return undefined;
  }
  return duration.value;
}

function readObjective(
  spec: Record<string, unknown>,
  specPath: Path,
  problems: Problems,
): { value: number; path: Path } | undefined {
  const path = [...specPath, 'objectives'];
  if (!Array.isArray(spec.objectives) || spec.objectives.length === 0) {
    problems.error(
      path,
      `found ${describeValue(
        spec.objectives,
      )}; expected a list with one objective, e.g. [{ target: 0.995 }]`,
    );
    return undefined;
  }
  if (spec.objectives.length > 1) {
    problems.error(
      path,
      `has ${spec.objectives.length} objectives; Lookout supports one per SLO: define one SLO per objective`,
    );
    return undefined;
  }
  const objectivePath = [...path, 0];
  const objective = spec.objectives[0];
  if (!isPlainMap(objective)) {
    problems.error(
      objectivePath,
      `found ${describeValue(
        objective,
      )}; expected an objective with target, e.g. { target: 0.995 }`,
    );
    return undefined;
  }
  const { target, targetPercent } = objective;
  if (target !== undefined && targetPercent !== undefined) {
    problems.error(
      objectivePath,
      'has both target and targetPercent; give one',
    );
    return undefined;
  }
  if (target !== undefined) {
    const targetPath = [...objectivePath, 'target'];
    const fraction =
      typeof target === 'string' && /^\d*\.?\d+$/.test(target.trim())
        ? Number(target)
        : target;
    if (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1)) {
      problems.error(
        targetPath,
        `found ${describeValue(
          target,
        )}; expected a fraction above 0 and below 1, e.g. 0.995 for 99.5% (or targetPercent: 99.5)`,
      );
      return undefined;
    }
    const checked = checkObjectiveRange(
      Number((fraction * 100).toFixed(10)),
      describeValue(target),
    );
    if (!checked.ok) {
      problems.error(targetPath, checked.message);
      return undefined;
    }
    return { value: checked.value, path: targetPath };
  }
  if (targetPercent !== undefined) {
    const percentPath = [...objectivePath, 'targetPercent'];
    const percent =
      typeof targetPercent === 'number'
        ? checkObjectiveRange(targetPercent, describeValue(targetPercent))
        : undefined;
    if (!percent?.ok) {
      problems.error(
        percentPath,
        percent
          ? percent.message
          : `found ${describeValue(
              targetPercent,
            )}; expected a percentage above 0 and below 100, e.g. 99.5`,
      );
      return undefined;
    }
    return { value: percent.value, path: percentPath };
  }
  problems.error(
    objectivePath,
    'has no target; expected target (a fraction, e.g. 0.995) or targetPercent (e.g. 99.5)',
  );
  return undefined;
}

/** OpenSLO metadata labels (values a string or a list of strings) as SLO labels. */
function readLabels(
  value: unknown,
  path: Path,
  problems: Problems,
): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isPlainMap(value)) {
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
        `label ignored: found ${describeValue(
          raw,
        )}; expected text or a list of text`,
      );
    } else {
      labels[name] = text;
    }
  }
  return labels;
}
