/*
 * The parsed form of an entity's Lookout annotations: what the render engine, the signals API and
 * the frontend work from. Produced by `parseObservabilitySpec`.
 */
import { DeployPolicy } from '../releases/deployPolicy';

/** Where a problem was found: `annotation` plus an optional path inside its value. @public */
export interface ObservabilityProblem {
  severity: 'error' | 'warning';
  /** The annotation key, e.g. `lookout.dev/slos`. */
  annotation: string;
  /** Path inside the annotation's value, e.g. `[1].ratio.errors`; empty for the whole value. */
  path: string;
  /** What is wrong and what is expected instead. */
  message: string;
}

/** One label matcher of a bare PromQL vector selector. @public */
export interface LabelMatcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}

/**
 * A bare PromQL vector selector (`metric{label="value"}`), parsed with lezer-promql.
 * @public
 */
export interface VectorSelector {
  /** The metric name; empty when the selector only has matchers (`{__name__=~"..."}`). */
  metric: string;
  /** The matchers as written, in order (the `__name__` matcher excluded when `metric` is set). */
  matchers: LabelMatcher[];
}

/** Error ratio SLI from two counters. @public */
export interface RatioIndicator {
  type: 'ratio';
  /** Counter of bad events; absent when `good` is given. */
  errors?: VectorSelector;
  /** Counter of good events; absent when `errors` is given. */
  good?: VectorSelector;
  /** Counter of all events. */
  total: VectorSelector;
}

/** Latency SLI: the share of requests slower than a threshold, from a histogram. @public */
export interface LatencyIndicator {
  type: 'latency';
  /** Histogram base name (without `_bucket`/`_count`). */
  histogram: string;
  /** `classic` (le buckets) or `native` Prometheus histogram. */
  histogramType: 'classic' | 'native';
  /** Threshold in seconds (`300ms` → 0.3). */
  thresholdSeconds: number;
  /** Matchers applied to the histogram's series. */
  matchers: LabelMatcher[];
}

/** Alerting options of one SLO. @public */
export interface SloAlerting {
  /** Fast-burn tiers (1h/5m and 6h/30m). */
  page: boolean;
  /** Slow-burn tiers (1d/2h and 3d/6h). */
  ticket: boolean;
  /**
   * `SLOMetricsMissing`, the absent-data alert. Unset: on when `page` or `ticket` is, so
   * `page: false, ticket: false` means no alert at all.
   */
  metricsMissing?: boolean;
  /** No burn-rate alert when the long window saw fewer events than this. */
  minEvents: number;
  runbook?: string;
}

/** One service level objective of an entity. @public */
export interface SloSpec {
  /** `^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`, unique in the entity. */
  name: string;
  description?: string;
  /** Objective in percent, above 0 and below 100 (e.g. 99.9). */
  objective: number;
  /** Window as a Prometheus duration, 7d to 90d (e.g. `30d`, `4w`). */
  window: string;
  indicator: RatioIndicator | LatencyIndicator;
  alerting: SloAlerting;
  /** Extra labels on the alerts and on `slo_info`. */
  labels: Record<string, string>;
  /** Where the definition came from. */
  source: 'preset' | 'slos' | 'openslo';
}

/** Scrape settings of an entity. @public */
export interface MetricsSpec {
  /** Service port name or number; absent when only static targets are scraped. */
  port?: string | number;
  path: string;
  /** Scrape interval as a Prometheus duration, 5s to 5m. */
  interval: string;
  /** Static `host:port` targets outside Kubernetes. */
  targets: string[];
}

/** Kubernetes workload identity (the Kubernetes plugin's annotations). @public */
export interface KubernetesWorkload {
  id?: string;
  namespace?: string;
  labelSelector?: string;
}

/** Grafana unit ids a panel may use (the Metrics tab formats each the same way). @public */
export const PANEL_UNITS = [
  'short',
  'none',
  'percent',
  'percentunit',
  's',
  'ms',
  'bytes',
  'reqps',
  'ops',
  'currencyUSD',
  'currencyEUR',
  'currencyGBP',
] as const;

/** One of {@link PANEL_UNITS}. @public */
export type PanelUnit = (typeof PANEL_UNITS)[number];

/** How a panel is charted. @public */
export const PANEL_KINDS = ['line', 'area', 'bar'] as const;

/** One of {@link PANEL_KINDS}. @public */
export type PanelKind = (typeof PANEL_KINDS)[number];

/** A custom PromQL panel of the Metrics tab and the generated dashboard. @public */
export interface PanelSpec {
  title: string;
  /** PromQL, confined to the entity (every selector carries its `backstage_entity`). */
  query: string;
  unit: PanelUnit;
  kind: PanelKind;
  /** Series name template in Grafana's form, e.g. `{{route}}`. */
  legend?: string;
  /** The annotation the panel came from. */
  source: 'lookout.dev/panels' | 'prometheus.io/rule';
}

/** What Lookout read from the annotations of Roadie's Prometheus plugin and the Grafana plugin. @public */
export interface ImportedAnnotations {
  /** `prometheus.io/alert`: the alert names to list, or every alert of the entity. */
  alerts?: { all: true } | { all: false; names: string[] };
  /** `grafana/dashboard-selector`, as written. */
  grafanaDashboardSelector?: string;
  /** `grafana/overview-dashboard`: a URL. */
  grafanaOverviewDashboard?: string;
  /** `grafana/alert-label-selector`, as written. */
  grafanaAlertLabelSelector?: string;
}

/** Everything Lookout understood from an entity's annotations. @public */
export interface ObservabilitySpec {
  /** `kind:namespace/name`, kind in lowercase. */
  entityRef: string;
  metrics?: MetricsSpec;
  slos: SloSpec[];
  /** Location of OpenSLO documents still to be resolved (`lookout.dev/openslo`). */
  openslo?: string;
  /** Where the entity's logs are; absent for a kind without logs (see `ScopePolicy.kinds`). */
  logs?: { selector: string; tenant?: string };
  /** Where the entity's traces are; absent for a kind without traces. */
  traces?: TraceScope;
  /** Whether a Grafana dashboard is generated. */
  dashboard: boolean;
  runbookUrl?: string;
  kubernetes: KubernetesWorkload;
  /**
   * The entity's series when Lookout does not scrape it and they carry no `backstage_entity`
   * (`lookout.dev/metrics-selector`): equality matchers that confine its panels and golden
   * signals instead. Absent when its series carry `backstage_entity`.
   */
  metricsSelector?: LabelMatcher[];
  /** Custom panels (`lookout.dev/panels`, `prometheus.io/rule`); absent when none. */
  panels?: PanelSpec[];
  /** Other plugins' annotations Lookout read; absent when none. */
  imported?: ImportedAnnotations;

  /** The error-budget policy of deploys; absent when neither deploy annotation is set. */
  deployPolicy?: DeployPolicy;
}

/** The traces of an entity: its spans' `service.name` and, when set, `service.namespace`. @public */
export interface TraceScope {
  serviceName: string;
  serviceNamespace?: string;
}

/**
 * What entities may see of the logs and traces, and which series a `lookout.dev/metrics-selector`
 * may name (`observability.scope`). Patterns are literal
 * text with `*` for any characters and the entity's `{{name}}`, `{{namespace}}`,
 * `{{serviceNamespace}}` (empty in `default`) and `{{kind}}`.
 * @public
 */
export interface ScopePolicy {
  /** Kinds (lowercase) with default logs and traces. Default `component`, `resource`. */
  kinds?: string[];
  /**
   * Defaults of the entities of one namespace. `tracesNamespace` is the `service.namespace` their
   * traces are searched in (templates allowed); `''` searches by service name only.
   */
  namespaces?: Record<
    string,
    { logsSelector?: string; logsTenant?: string; tracesNamespace?: string }
  >;
  /** What annotations may select. */
  allow?: {
    /** Labels a logs selector must match with `=`, each with its allowed values. */
    logLabels?: Record<string, string[]>;
    /**
     * Labels of a `metrics-selector`, each with its allowed values: every listed label it uses
     * must have one of them, and it must use one listed label.
     */
    metricLabels?: Record<string, string[]>;
    /** Allowed `logs-tenant` values. Default: the entity's namespace and the default tenant. */
    tenants?: string[];
    /** Allowed `traces-service` values. Default: any (the namespace still applies). */
    traceServices?: string[];
  };
}

/** Result of parsing: the spec (without the invalid parts) and every problem found. @public */
export interface ParseResult {
  spec: ObservabilitySpec;
  problems: ObservabilityProblem[];
}

/**
 * Metric and label names behind the SLO presets (`observability.presets`).
 * @public
 */
export interface SloPresetConfig {
  /** Counter of all requests, e.g. `http_server_request_duration_seconds_count`. */
  requestsMetric: string;
  /** Label holding the HTTP status code, e.g. `http_response_status_code`. */
  statusCodeLabel: string;
  /** Regular expression of the status codes that count as errors. */
  errorStatusRegex: string;
  /** Histogram of request durations in seconds, e.g. `http_server_request_duration_seconds`. */
  durationHistogram: string;
  histogramType: 'classic' | 'native';
}

/** OpenTelemetry HTTP server conventions (the default). @public */
export const OPENTELEMETRY_PRESETS: SloPresetConfig = {
  requestsMetric: 'http_server_request_duration_seconds_count',
  statusCodeLabel: 'http_response_status_code',
  errorStatusRegex: '5..',
  durationHistogram: 'http_server_request_duration_seconds',
  histogramType: 'classic',
};

/** The common prom-client names. @public */
export const PROM_CLIENT_PRESETS: SloPresetConfig = {
  requestsMetric: 'http_requests_total',
  statusCodeLabel: 'code',
  errorStatusRegex: '5..',
  durationHistogram: 'http_request_duration_seconds',
  histogramType: 'classic',
};

/** Options of the parser, from the `observability` configuration. @public */
export interface ParseOptions {
  presets?: SloPresetConfig;
  /**
   * Default LogQL stream selector; `{{name}}`, `{{namespace}}`, `{{serviceNamespace}}` (the
   * namespace, empty in `default`) and `{{kind}}` are replaced by the entity's. Default
   * `{service_namespace="{{serviceNamespace}}", service_name="{{name}}"}`.
   */
  defaultLogsSelector?: string;
  defaultLogsTenant?: string;
  /**
   * Accept panel queries that do not confine every selector to the entity
   * (`observability.panels.allowUnscoped`). Off by default.
   */
  allowUnscopedPanels?: boolean;
  /** What entities may see of the logs and traces. */
  scope?: ScopePolicy;
}
