/*
 * The signal services behind the router: one interface per signal, implemented over the upstream
 * clients. The router translates HTTP into these calls and nothing else.
 */
import {
  EntityAlertsResponse,
  EntityLogsResponse,
  EntityMetricsResponse,
  EntitySlosResponse,
  EntityTracesResponse,
  ObservabilitySpec,
  SloAlert,
  SloSummaryResponse,
  TraceResponse,
} from '@lookout/plugin-observability-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { EntitySpecCache } from './EntitySpecCache';
import { PrometheusClient } from './prometheus/PrometheusClient';

/** A time range, epoch ms, `from` < `to`. @public */
export interface TimeRange {
  from: number;
  to: number;
}

/** SLO figures, burn rates, series and alerts of an entity. @public */
export interface SloService {
  /**
   * `range.to` defaults to now, `range.from` to `to` minus the longest SLO window. Throws an
   * InputError for a range that is empty or longer than a year.
   */
  getEntitySlos(
    spec: ObservabilitySpec,
    range: { from?: number; to?: number },
  ): Promise<EntitySlosResponse>;
}

/** Where the alerts of an entity come from (Alertmanager, or Prometheus' ALERTS series). @public */
export interface AlertSource {
  /** The name of the upstream, for error messages. */
  readonly upstream: 'alertmanager' | 'prometheus';
  /** Alerts of the entity (`backstage_entity` label) that are active now. */
  alertsOf(entityRef: string): Promise<SloAlert[]>;
}

/** Active alerts of an entity. @public */
export interface AlertService {
  getEntityAlerts(spec: ObservabilitySpec): Promise<EntityAlertsResponse>;
}

/** A log search. @public */
export interface LogQuery {
  /** A LogQL pipeline appended to the entity's stream selector; may be empty. */
  filter: string;
  range: TimeRange;
  limit: number;
  direction: 'forward' | 'backward';
}

/** Log lines of an entity. @public */
export interface LogService {
  getEntityLogs(
    spec: ObservabilitySpec,
    query: LogQuery,
  ): Promise<EntityLogsResponse>;
}

/** A trace search. @public */
export interface TraceQuery {
  /** A TraceQL condition and-ed with the entity's service; may be empty. */
  q: string;
  range: TimeRange;
  limit: number;
}

/** Traces of an entity. @public */
export interface TraceService {
  searchEntityTraces(
    spec: ObservabilitySpec,
    query: TraceQuery,
  ): Promise<EntityTracesResponse>;
  /** The trace, or a NotFoundError when Tempo has none or none of its spans is the entity's. */
  getEntityTrace(
    spec: ObservabilitySpec,
    traceId: string,
  ): Promise<TraceResponse>;
}

/** A page of the catalog-wide SLO summary. @public */
export interface SloSummaryQuery {
  /** Owner entity ref (`group:default/team-a`, or just `team-a`). */
  owner?: string;
  offset: number;
  limit: number;
}

/** The catalog-wide SLO summary, as far as the caller may see the catalog. @public */
export interface SloSummaryService {
  getSummary(
    query: SloSummaryQuery,
    credentials: BackstageCredentials,
  ): Promise<SloSummaryResponse>;
}

/** The Metrics tab of an entity: golden signals, custom panels, links, alerts. @public */
export interface MetricsService {
  /**
   * `range.to` defaults to now, `range.from` to a day earlier. Throws an InputError for a range
   * that is empty or longer than a year.
   */
  getEntityMetrics(
    spec: ObservabilitySpec,
    range: { from?: number; to?: number },
  ): Promise<EntityMetricsResponse>;
}

/** Every signal service the router uses. @public */
export interface SignalServices {
  /** Parses each version of an entity's annotations once. */
  specs: EntitySpecCache;
  slos: SloService;
  alerts: AlertService;
  logs: LogService;
  traces: TraceService;
  sloSummary: SloSummaryService;
  metrics: MetricsService;

  /** The Prometheus client, when configured: the releases read the recorded SLO series with it. */
  prometheus?: PrometheusClient;
}
