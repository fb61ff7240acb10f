/*
 * The annotation parser/validator: an entity's Lookout annotations in, the `ObservabilitySpec`
 * (without the invalid parts) and every problem out. Pure, and never throws.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_DASHBOARD,
  ANNOTATION_DEPLOY_EXEMPT,
  ANNOTATION_DEPLOY_FREEZE_BUDGET,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_METRICS_INTERVAL,
  ANNOTATION_METRICS_PATH,
  ANNOTATION_METRICS_SELECTOR,
  ANNOTATION_METRICS_PORT,
  ANNOTATION_METRICS_TARGETS,
  ANNOTATION_OPENSLO,
  ANNOTATION_PANELS,
  ANNOTATION_PROMETHEUS_RULE,
  ANNOTATION_RUNBOOK_URL,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLO_WINDOW,
  ANNOTATION_SLOS,
  LOOKOUT_ANNOTATIONS,
  LOOKOUT_ANNOTATION_PREFIX,
  LOOKOUT_ROUTING_ANNOTATIONS,
} from '../annotations/annotations';
import {
  KubernetesWorkload,
  LabelMatcher,
  MetricsSpec,
  OPENTELEMETRY_PRESETS,
  ObservabilityProblem,
  ObservabilitySpec,
  ParseOptions,
  PanelSpec,
  ParseResult,
  SloSpec,
} from './types';
import { Parsed, invalid, valid } from '../validation/result';
import { problemMessages } from '../validation/problemMessages';
import { parseHttpUrl } from '../validation/httpUrl';
import {
  DEFAULT_METRICS_INTERVAL,
  DEFAULT_METRICS_PATH,
  parseMetricsInterval,
  parseMetricsPath,
  parseMetricsPort,
  parseMetricsTargets,
} from '../metrics/scrapeSettings';
import { checkMetricsSelector, readSignalScope } from './signalScope';
import { DEFAULT_SLO_WINDOW, parseSloWindow } from '../slo/window';
import { parseObjective } from '../slo/objective';
import {
  AVAILABILITY_PRESET_NAME,
  LATENCY_PRESET_NAME,
  availabilityPresetSlo,
  latencyPresetSlo,
  parseLatencyPreset,
} from '../slo/presets';
import { parseSloDefinitions } from '../slo/sloDefinitions';
import { parseAlertReceivers } from '../alerting/parseAlertReceivers';
import {
  describeUnreachableTier,
  findUnreachableTiers,
} from '../slo/unreachableTiers';
import { parsePanelDefinitions } from '../panels/panelDefinitions';
import { parseMetricsSelector } from '../panels/metricsSelector';
import {
  parseImportedAnnotations,
  parsePrometheusRule,
} from '../panels/importedAnnotations';
import {
  DEFAULT_DEPLOY_POLICY,
  DeployPolicy,
  parseDeployExempt,
  parseDeployFreezeBudget,
} from '../releases/deployPolicy';
import {
  EntityIdentity,
  entityAnnotations,
  entityIdentity,
} from './entityIdentity';

export { DEFAULT_LOGS_SELECTOR } from './signalScope';

const KNOWN_LOOKOUT_KEYS = [
  ...LOOKOUT_ANNOTATIONS,
  ...LOOKOUT_ROUTING_ANNOTATIONS,
]
  .map(doc => doc.annotation)
  .filter(key => key.startsWith(LOOKOUT_ANNOTATION_PREFIX));
const KUBERNETES_KEYS = [
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
];

/** Collects problems and reads annotation values as trimmed strings. */
class AnnotationReader {
  readonly problems: ObservabilityProblem[] = [];

  constructor(private readonly annotations: Record<string, unknown>) {}

  error(annotation: string, message: string, path = ''): void {
    this.problems.push({ severity: 'error', annotation, path, message });
  }

  warning(annotation: string, message: string, path = ''): void {
    this.problems.push({ severity: 'warning', annotation, path, message });
  }

  has(annotation: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.annotations, annotation);
  }

  /** The trimmed value, or undefined when absent or not a string (reported once, in `checkKeys`). */
  get(annotation: string): string | undefined {
    if (!this.has(annotation)) {
      return undefined;
    }
    const value = this.annotations[annotation];
    return typeof value === 'string' ? value.trim() : undefined;
  }

  /** Reads and validates a value; reports the parser's message as an error. */
  read<T>(
    annotation: string,
    parse: (text: string) => Parsed<T>,
  ): T | undefined {
    const text = this.get(annotation);
    if (text === undefined) {
      return undefined;
    }
    const parsed = parse(text);
    if (!parsed.ok) {
      this.error(annotation, parsed.message);
      return undefined;
    }
    return parsed.value;
  }

  /** Errors for non-string values and warnings for unknown `lookout.dev/` keys. */
  checkKeys(): void {
    for (const [key, value] of Object.entries(this.annotations)) {
      const ours = key.startsWith(LOOKOUT_ANNOTATION_PREFIX);
      if (ours && !KNOWN_LOOKOUT_KEYS.includes(key)) {
        this.warning(
          key,
          problemMessages.unknownAnnotation(
            key,
            KNOWN_LOOKOUT_KEYS,
            LOOKOUT_ANNOTATION_PREFIX,
          ),
        );
      } else if (
        (ours || KUBERNETES_KEYS.includes(key)) &&
        typeof value !== 'string'
      ) {
        this.error(key, problemMessages.notAString(value));
      }
    }
  }
}

/**
 * Parses and validates an entity's Lookout annotations (DESIGN §2–3). Returns the spec without
 * its invalid parts and every problem found; never throws. An SLO with an error is left out
 * whole; errors in one annotation never remove another annotation's valid settings.
 * @public
 */
export function parseObservabilitySpec(
  entity: Entity,
  options: ParseOptions = {},
): ParseResult {
  const identity = entityIdentity(entity);
  const reader = new AnnotationReader(entityAnnotations(entity));
  reader.checkKeys();

  const metrics = readMetrics(reader);
  const slos = readSlos(reader, identity.entityRef, options);
  warnWithoutOwner(reader, entity, slos);
  const openslo = reader.read(ANNOTATION_OPENSLO, text =>
    text === ''
      ? invalid(
          'is empty; expected the location of OpenSLO documents, e.g. ./slos.yaml or url:https://example.com/slos.yaml',
        )
      : valid(text),
  );
  const metricsSelector = readMetricsSelector(
    reader,
    metrics,
    identity,
    options,
  );
  const panels = readPanels(
    reader,
    identity.entityRef,
    options,
    metricsSelector,
  );
  const dashboardDefault =
    Boolean(metrics) ||
    slos.length > 0 ||
    openslo !== undefined ||
    panels.length > 0;
  const dashboard =
    reader.read(ANNOTATION_DASHBOARD, text =>
      text === 'true' || text === 'false'
        ? valid(text === 'true')
        : invalid(
            problemMessages.foundExpected(
              text,
              `expected "true" or "false" ("false" opts out of the generated dashboard)`,
            ),
          ),
    ) ?? dashboardDefault;
  const runbookUrl = reader.read(ANNOTATION_RUNBOOK_URL, parseHttpUrl);
  const imported = parseImportedAnnotations(key => reader.get(key));
  reader.problems.push(...imported.problems);

  const deployPolicy = readDeployPolicy(reader);

  const spec: ObservabilitySpec = {
    entityRef: identity.entityRef,
    ...(metrics && { metrics }),
    slos,
    ...(openslo !== undefined && { openslo }),
    ...readSignalScope(reader, identity, options),
    dashboard,
    ...(runbookUrl !== undefined && { runbookUrl }),
    kubernetes: readKubernetes(reader),
    ...(metricsSelector && { metricsSelector }),
    ...(panels.length > 0 && { panels }),
    ...(Object.keys(imported.imported).length > 0 && {
      imported: imported.imported,
    }),

    ...(deployPolicy && { deployPolicy }),
  };
  reader.problems.push(...parseAlertReceivers(entity).problems);
  return { spec, problems: reader.problems };
}

function readMetrics(reader: AnnotationReader): MetricsSpec | undefined {
  const port = reader.read(ANNOTATION_METRICS_PORT, parseMetricsPort);
  const path = reader.read(ANNOTATION_METRICS_PATH, parseMetricsPath);
  const interval = reader.read(
    ANNOTATION_METRICS_INTERVAL,
    parseMetricsInterval,
  );
  let targets: string[] = [];
  const targetsText = reader.get(ANNOTATION_METRICS_TARGETS);
  if (targetsText !== undefined) {
    const parsed = parseMetricsTargets(targetsText);
    parsed.invalid.forEach(message =>
      reader.error(ANNOTATION_METRICS_TARGETS, message),
    );
    targets = parsed.targets;
  }
  if (
    !reader.has(ANNOTATION_METRICS_PORT) &&
    !reader.has(ANNOTATION_METRICS_TARGETS)
  ) {
    for (const annotation of [
      ANNOTATION_METRICS_PATH,
      ANNOTATION_METRICS_INTERVAL,
    ]) {
      if (reader.has(annotation)) {
        reader.warning(
          annotation,
          `has no effect without ${ANNOTATION_METRICS_PORT} or ${ANNOTATION_METRICS_TARGETS}, which turn scraping on; add one, e.g. ${ANNOTATION_METRICS_PORT}: http-metrics`,
        );
      }
    }
  }
  if (port === undefined && targets.length === 0) {
    return undefined;
  }
  return {
    ...(port !== undefined && { port }),
    path: path ?? DEFAULT_METRICS_PATH,
    interval: interval ?? DEFAULT_METRICS_INTERVAL,
    targets,
  };
}

function readSlos(
  reader: AnnotationReader,
  entityRef: string,
  options: ParseOptions,
): SloSpec[] {
  const presets = options.presets ?? OPENTELEMETRY_PRESETS;
  const window =
    reader.read(ANNOTATION_SLO_WINDOW, parseSloWindow) ?? DEFAULT_SLO_WINDOW;
  const slos: SloSpec[] = [];
  const takenNames = new Map<string, string>();
  const warnUnreachable = (annotation: string, slo: SloSpec) => {
    for (const unreachable of findUnreachableTiers(
      slo.objective,
      slo.window,
      slo.alerting,
    )) {
      reader.warning(
        annotation,
        describeUnreachableTier(unreachable, slo.objective, slo.window),
      );
    }
  };

  const availability = reader.read(ANNOTATION_SLO_AVAILABILITY, parseObjective);
  if (availability !== undefined) {
    const slo = availabilityPresetSlo({
      entityRef,
      objective: availability,
      window,
      presets,
    });
    warnUnreachable(ANNOTATION_SLO_AVAILABILITY, slo);
    slos.push(slo);
    takenNames.set(AVAILABILITY_PRESET_NAME, ANNOTATION_SLO_AVAILABILITY);
  }
  const latency = reader.read(ANNOTATION_SLO_LATENCY, parseLatencyPreset);
  if (latency !== undefined) {
    const slo = latencyPresetSlo({ entityRef, ...latency, window, presets });
    warnUnreachable(ANNOTATION_SLO_LATENCY, slo);
    slos.push(slo);
    takenNames.set(LATENCY_PRESET_NAME, ANNOTATION_SLO_LATENCY);
  }
  const definitions = reader.get(ANNOTATION_SLOS);
  if (definitions !== undefined) {
    const parsed = parseSloDefinitions(definitions, {
      defaultWindow: window,
      takenNames,
    });
    reader.problems.push(...parsed.problems);
    slos.push(...parsed.slos);
  }
  return slos;
}

/**
 * An entity without `spec.owner` gets alerts without a `team` label, which Alertmanager sends to
 * its default receiver: said once, on the first annotation that defines an SLO with an alert.
 */
function warnWithoutOwner(
  reader: AnnotationReader,
  entity: Entity,
  slos: SloSpec[],
): void {
  // Any shape reaches here (annotations are checked, the rest of the entity is not).
  const spec: unknown = (entity as { spec?: unknown } | null | undefined)?.spec;
  const owner =
    typeof spec === 'object' && spec !== null
      ? (spec as { owner?: unknown }).owner
      : undefined;
  if (typeof owner === 'string' && owner.trim() !== '') {
    return;
  }
  const alerting = slos.find(
    ({ alerting: a }) => a.page || a.ticket || a.metricsMissing === true,
  );
  if (!alerting) {
    return;
  }
  let annotation: string = ANNOTATION_SLOS;
  if (alerting.source === 'preset') {
    annotation =
      alerting.indicator.type === 'ratio'
        ? ANNOTATION_SLO_AVAILABILITY
        : ANNOTATION_SLO_LATENCY;
  }
  reader.warning(
    annotation,
    'the entity has no owner (spec.owner): its SLO alerts carry no team label, so Alertmanager ' +
      'sends them to its default receiver; set spec.owner to the team that answers them',
  );
}

/**
 * `lookout.dev/metrics-selector`, when it applies and the platform's
 * `observability.scope.allow.metricLabels` allows it: an entity Lookout scrapes has
 * `backstage_entity` on its series, so there the selector is ignored with a warning.
 */
function readMetricsSelector(
  reader: AnnotationReader,
  metrics: MetricsSpec | undefined,
  identity: EntityIdentity,
  options: ParseOptions,
): LabelMatcher[] | undefined {
  const selector = reader.read(ANNOTATION_METRICS_SELECTOR, text => {
    const parsed = parseMetricsSelector(text);
    if (!parsed.ok) return parsed;
    const problem = checkMetricsSelector(parsed.value, identity, options.scope);
    return problem ? invalid(`${text} ${problem}`) : parsed;
  });
  if (selector && metrics) {
    reader.warning(
      ANNOTATION_METRICS_SELECTOR,
      `is ignored: Lookout scrapes this entity (${ANNOTATION_METRICS_PORT} or ${ANNOTATION_METRICS_TARGETS}) and labels its series with backstage_entity, which confines its panels`,
    );
    return undefined;
  }
  return selector;
}

function readPanels(
  reader: AnnotationReader,
  entityRef: string,
  options: ParseOptions,
  selector: LabelMatcher[] | undefined,
): PanelSpec[] {
  const context = {
    entityRef,
    ...(selector && { selector }),
    allowUnscoped: options.allowUnscopedPanels ?? false,
  };
  const panels: PanelSpec[] = [];
  for (const [annotation, parse] of [
    [ANNOTATION_PANELS, parsePanelDefinitions],
    [ANNOTATION_PROMETHEUS_RULE, parsePrometheusRule],
  ] as const) {
    const text = reader.get(annotation);
    if (text !== undefined) {
      const parsed = parse(text, context);
      reader.problems.push(...parsed.problems);
      panels.push(...parsed.panels);
    }
  }
  return panels;
}

function readDeployPolicy(reader: AnnotationReader): DeployPolicy | undefined {
  if (
    !reader.has(ANNOTATION_DEPLOY_FREEZE_BUDGET) &&
    !reader.has(ANNOTATION_DEPLOY_EXEMPT)
  ) {
    return undefined;
  }
  return {
    freezeBudget:
      reader.read(ANNOTATION_DEPLOY_FREEZE_BUDGET, parseDeployFreezeBudget) ??
      DEFAULT_DEPLOY_POLICY.freezeBudget,
    exempt:
      reader.read(ANNOTATION_DEPLOY_EXEMPT, parseDeployExempt) ??
      DEFAULT_DEPLOY_POLICY.exempt,
  };
}

function readKubernetes(reader: AnnotationReader): KubernetesWorkload {
  const id = reader.get(ANNOTATION_KUBERNETES_ID);
  const namespace = reader.get(ANNOTATION_KUBERNETES_NAMESPACE);
  const labelSelector = reader.get(ANNOTATION_KUBERNETES_LABEL_SELECTOR);
  return {
    ...(id !== undefined && { id }),
    ...(namespace !== undefined && { namespace }),
    ...(labelSelector !== undefined && { labelSelector }),
  };
}
