/*
 * The render engine's contract: a validated entity in, the stack's objects out. Renderers are
 * pure and deterministic: the same input gives byte-identical output.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ObservabilityProblem,
  ObservabilitySpec,
  RouteOwner,
  SloPresetConfig,
} from '@lookout/plugin-observability-common';

/** An entity and what Lookout understood of it. @public */
export interface RenderInput {
  entity: Entity;
  spec: ObservabilitySpec;
}

/** Settings of a render, from the `observability` configuration. @public */
export interface RenderOptions {
  /** Base URL of the Backstage app, for entity links (`app.baseUrl`). */
  backstageBaseUrl: string;
  /** Base URL of Grafana, for dashboard links; links are omitted without it. */
  grafanaBaseUrl?: string;
  /** Runbook used when neither the SLO nor the entity names one. */
  defaultRunbookUrl?: string;
  presets: SloPresetConfig;
  /**
   * Extra labels on every generated custom resource, matching the operator's selectors (e.g.
   * `release: kube-prometheus-stack`).
   */
  resourceLabels: Record<string, string>;
  /** Namespace of the generated custom resources when the entity names none. */
  defaultNamespace: string;
  /** Kind of the scrape object for workloads in Kubernetes (`lookout.dev/metrics-port`). */
  scrapeKind: 'ServiceMonitor' | 'PodMonitor';
  /**
   * The installation (`observability.instanceId`) that owns what is generated: stamped on every
   * object, file and dashboard; `default` when absent.
   */
  instanceId?: string;
}

/** A Prometheus rule, as in a rule file. @public */
export interface PrometheusRule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A Prometheus rule group. @public */
export interface PrometheusRuleGroup {
  name: string;
  interval?: string;
  rules: PrometheusRule[];
}

/** A file of the output, path relative to the output root, content exactly as written. @public */
export interface RenderedFile {
  path: string;
  content: string;
}

/** Everything rendered for one entity, before it is laid out as files. @public */
export interface EntityRender {
  entityRef: string;
  /** `<kind>-<namespace>-<name>`, encoded (see `entitySlug`). */
  slug: string;
  /** The installation that owns the objects (`observability.instanceId`). */
  instanceId: string;
  /** Kubernetes objects of the operator format (ServiceMonitor, PrometheusRule, ...). */
  objects: object[];
  /** Rule groups, also the content of the plain rule file. */
  ruleGroups: PrometheusRuleGroup[];
  /** file_sd target groups of the plain format; empty without static targets. */
  fileSdTargets: Array<{ targets: string[]; labels: Record<string, string> }>;
  /**
   * Namespace of the entity's generated objects (its workload namespace, or the configured
   * default), also that of its dashboard ConfigMap when it has no other object.
   */
  namespace?: string;
  /** Grafana dashboard model; absent when the entity opts out or has nothing to show. */
  dashboard?: { uid: string; title: string; model: object };
  /**
   * `promtool test rules` files, one per SLO, each loading a copy of only its SLO's groups
   * (`ruleGroups`), and the scenarios left out with why (`omitted`).
   */
  ruleTests: Array<{
    sloName: string;
    content: object;
    ruleGroups: PrometheusRuleGroup[];
    omitted: string[];
  }>;
  /** Problems found while rendering (e.g. tiers that can never fire). */
  problems: ObservabilityProblem[];
  /** The routes and receivers of an owning team (renders of `renderAlertmanagerConfigs`). */
  routing?: RouteOwner;
}

/** The two output layouts of DESIGN §4. @public */
export type OutputFormat = 'operator' | 'prometheus';
