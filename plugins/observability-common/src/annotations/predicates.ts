/*
 * Cheap predicates on an entity's annotations, for gating entity cards and tabs
 * (`isObservabilityAvailable` and friends). They only look at which annotations are present;
 * `parseObservabilitySpec` says whether their values are valid.
 */
import { Entity } from '@backstage/catalog-model';
import { DEFAULT_SIGNAL_KINDS } from '../spec/signalScope';
import {
  ANNOTATION_LOGS_SELECTOR,
  ANNOTATION_TRACES_SERVICE,
  ANNOTATION_METRICS_PORT,
  ANNOTATION_METRICS_TARGETS,
  ANNOTATION_OPENSLO,
  ANNOTATION_PANELS,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLOS,
  IMPORTED_ANNOTATIONS,
  LOOKOUT_ANNOTATION_PREFIX,
  LOOKOUT_ROUTING_ANNOTATIONS,
} from './annotations';

const ROUTING_KEYS = LOOKOUT_ROUTING_ANNOTATIONS.map(doc => doc.annotation);

/** The annotations that declare SLOs. */
const SLO_ANNOTATIONS = [
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLOS,
  ANNOTATION_OPENSLO,
];

/** The annotations that make Lookout scrape an entity's metrics. */
const METRICS_ANNOTATIONS = [
  ANNOTATION_METRICS_PORT,
  ANNOTATION_METRICS_TARGETS,
];

/**
 * The annotations whose presence makes Lookout provision objects for an entity (scrape
 * configs, SLO rules, dashboards: custom panels alone make a dashboard). The backend selects
 * the entities it provisions by these; the CLI writes what the same entities render to.
 * @public
 */
export const PROVISIONING_ANNOTATIONS: readonly string[] = [
  ...METRICS_ANNOTATIONS,
  ...SLO_ANNOTATIONS,
  ANNOTATION_PANELS,
];

function annotationKeys(entity: Entity): string[] {
  const annotations: unknown = entity?.metadata?.annotations;
  return typeof annotations === 'object' && annotations !== null
    ? Object.keys(annotations)
    : [];
}

function hasAny(entity: Entity, keys: readonly string[]): boolean {
  return annotationKeys(entity).some(key => keys.includes(key));
}

/**
 * Whether the entity has any `lookout.dev/` annotation other than the routing ones (a Group
 * that only says where its alerts go is not itself observed).
 * @public
 */
export function isObservabilityAvailable(entity: Entity): boolean {
  return annotationKeys(entity).some(
    key =>
      key.startsWith(LOOKOUT_ANNOTATION_PREFIX) && !ROUTING_KEYS.includes(key),
  );
}

/** Whether the entity names where alerts go (pager or ticket channel). @public */
export function hasAlertReceivers(entity: Entity): boolean {
  return hasAny(entity, ROUTING_KEYS);
}

/** Whether the entity declares SLOs (presets, `slos` or `openslo`). @public */
export function hasSlos(entity: Entity): boolean {
  return hasAny(entity, SLO_ANNOTATIONS);
}

/** Whether the entity's metrics are scraped (`metrics-port` or `metrics-targets`). @public */
export function hasMetrics(entity: Entity): boolean {
  return hasAny(entity, METRICS_ANNOTATIONS);
}

/** Whether Lookout provisions objects for the entity (any of {@link PROVISIONING_ANNOTATIONS}). @public */
export function isProvisioned(entity: Entity): boolean {
  return hasAny(entity, PROVISIONING_ANNOTATIONS);
}

/** Whether the entity is of a kind with default logs and traces (the default `observability.scope.kinds`). */
function runsCode(entity: Entity): boolean {
  return DEFAULT_SIGNAL_KINDS.includes(
    String(entity?.kind ?? '').toLocaleLowerCase('en-US'),
  );
}

/**
 * Whether the Logs tab applies: `logs-selector` is set, or the entity is of a kind that runs code
 * (Component, Resource) and has any Lookout annotation, since those get a default selector
 * (`{service_namespace="<namespace>", service_name="<name>"}`).
 * @public
 */
export function hasLogs(entity: Entity): boolean {
  return (
    Boolean(entity?.metadata?.annotations?.[ANNOTATION_LOGS_SELECTOR]) ||
    (runsCode(entity) && isObservabilityAvailable(entity))
  );
}

/**
 * Whether the Traces tab applies: `traces-service` is set, or the entity is of a kind that runs
 * code and has any Lookout annotation (its service name defaults to the entity name).
 * @public
 */
export function hasTraces(entity: Entity): boolean {
  return (
    Boolean(entity?.metadata?.annotations?.[ANNOTATION_TRACES_SERVICE]) ||
    (runsCode(entity) && isObservabilityAvailable(entity))
  );
}

/**
 * Whether the Metrics tab applies: any Lookout annotation (golden signals need only the
 * entity's `backstage_entity` series) or an annotation of Roadie's Prometheus plugin or the
 * Grafana plugin that Lookout reads.
 * @public
 */
export function hasMetricsTab(entity: Entity): boolean {
  return (
    isObservabilityAvailable(entity) || hasAny(entity, IMPORTED_ANNOTATIONS)
  );
}
