/*
 * Response types of the observability backend's HTTP API (DESIGN §6), shared with the frontend.
 * Times in responses are epoch milliseconds; ratios are fractions (0.995); burn rates are
 * multiples of the budget rate (1 = spending exactly the budget).
 */
import type { SloState } from '../slo/sloState';
import { ObservabilityProblem, ObservabilitySpec } from '../spec/types';
import { AlertSeverity } from '../slo/burnRateTiers';
import { PagingRoute } from '../alerting/whoGetsPaged';

/** `[epoch ms, value]`; value is null where the series has no sample. @public */
export type SeriesPoint = [number, number | null];

/**
 * Something an upstream reported while still answering (a Thanos partial response, a PromQL
 * info), or a secondary upstream that failed without failing the request (alerts on the SLO tab).
 * @public
 */
export interface UpstreamWarning {
  /** `prometheus`, `alertmanager`, `loki` or `tempo`. */
  upstream: string;
  message: string;
}

/** `GET .../config`. @public */
export interface EntityConfigResponse {
  entityRef: string;
  spec: ObservabilitySpec;
  problems: ObservabilityProblem[];
  /**
   * Where the entity's SLO alerts go, per severity, through the generated routing; absent when
   * the entity has no SLO alerts.
   */
  paging?: PagingRoute[];
}

/** An alert of the entity as Prometheus/Alertmanager report it. @public */
export interface SloAlert {
  severity: AlertSeverity | string;
  state: 'firing' | 'pending' | 'suppressed';
  /** Epoch ms. */
  activeAt: number;
  /** Alert name, e.g. `ErrorBudgetBurn`. */
  name?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** Link to the alert in Alertmanager, when configured. */
  url?: string;
}

/** Burn rates per window: `5m`, `1h`, `6h`, `1d`, `3d` (and the tier short windows when known). @public */
export type BurnRates = Record<string, number | null>;

/** One SLO's status. @public */
export interface SloStatus {
  name: string;
  description?: string;
  /** Fraction, e.g. 0.999. */
  objective: number;
  /** Prometheus duration, e.g. `30d`. */
  window: string;
  /** Error ratio over the SLO window; null without data. */
  errorRatio: number | null;
  /** 1 − errorRatio / (1 − objective); null without data. */
  errorBudgetRemaining: number | null;
  burnRates: BurnRates;
  alerts: SloAlert[];
  series: {
    errorBudgetRemaining: SeriesPoint[];
    errorRatio: SeriesPoint[];
    /** Window of the error ratio in `errorRatio` (the shortest recorded one at least one step long). */
    errorRatioWindow?: string;
  };
  /** Burn-rate alert tiers in force for this SLO (thresholds as burn-rate multiples). */
  tiers?: Array<{
    severity: AlertSeverity;
    longWindow: string;
    shortWindow: string;
    factor: number;
  }>;
  /** Links: Grafana dashboard, runbook. */
  links?: { dashboard?: string; runbook?: string };
}

/** `GET .../slos`. @public */
export interface EntitySlosResponse {
  entityRef: string;
  items: SloStatus[];
  /** The grid of the series: first and last point (epoch ms) and the step (ms). */
  range?: { start: number; end: number; step: number };
  warnings?: UpstreamWarning[];
  /** Where the entity's SLO alerts go, per severity (as in {@link EntityConfigResponse}). */
  paging?: PagingRoute[];
}

/** One log line. @public */
export interface LogEntry {
  /** Epoch ms (Loki's nanoseconds truncated). */
  timestamp: number;
  /** Loki's exact nanosecond timestamp, as a string. */
  timestampNs?: string;
  line: string;
  labels: Record<string, string>;
  traceId?: string;
  /** Detected level, when a `level`/`severity` label or field says so. */
  level?: string;
  /** Loki structured metadata of the line (not stream labels). */
  metadata?: Record<string, string>;
  /** Labels extracted by parser stages of the query (`| json`, `| logfmt`). */
  parsed?: Record<string, string>;
}

/** `GET .../logs`. @public */
export interface EntityLogsResponse {
  entityRef: string;
  items: LogEntry[];
  stats: Record<string, unknown>;
}

/** One trace found by a search. @public */
export interface TraceSummary {
  /** Lowercase 32-char hex. */
  traceId: string;
  rootService: string;
  rootName: string;
  /** Epoch ms. */
  start: number;
  durationMs: number;
  spanCount: number;
  errorCount: number;
}

/** `GET .../traces`. @public */
export interface EntityTracesResponse {
  entityRef: string;
  items: TraceSummary[];
}

/** One span of a trace. @public */
export interface TraceSpan {
  /** Lowercase 16-char hex. */
  spanId: string;
  parentSpanId?: string;
  service: string;
  name: string;
  kind: string;
  /** Epoch ms (fractional). */
  start: number;
  /** Nanoseconds. */
  durationNs: number;
  status: 'unset' | 'ok' | 'error';
  statusMessage?: string;
  attributes: Record<string, string | number | boolean>;
  events?: Array<{
    time: number;
    name: string;
    attributes: Record<string, string | number | boolean>;
  }>;
}

/** `GET .../traces/:traceId`. @public */
export interface TraceResponse {
  traceId: string;
  spans: TraceSpan[];
  /** True when Tempo returned a truncated trace (`PARTIAL`). */
  partial?: boolean;
  /** Tempo's explanation of a partial trace. */
  message?: string;
}

/** `GET .../alerts`. @public */
export interface EntityAlertsResponse {
  entityRef: string;
  items: SloAlert[];
}

/** Status of one sink for one entity. @public */
export interface SinkStatus {
  sink: string;
  state: 'ok' | 'error' | 'pending';
  /** Content hash last provisioned. */
  hash?: string;
  /** Epoch ms of the last success. */
  lastSuccessAt?: number;
  /** Epoch ms of the last attempt. */
  lastAttemptAt?: number;
  error?: string;
  /** Paths or object names written for the entity. */
  objects?: string[];
}

/** `GET .../provisioning`. @public */
export interface EntityProvisioningResponse {
  entityRef: string;
  /** Hash of the entity's last render. */
  renderedHash?: string;
  sinks: SinkStatus[];
}

/** One row of `GET /slos`. @public */
export interface SloSummary {
  entityRef: string;
  owner?: string;
  title?: string;
  name: string;
  objective: number;
  window: string;
  errorRatio: number | null;
  errorBudgetRemaining: number | null;
  state: SloState;
}

/** `GET /slos?owner&offset&limit`. @public */
export interface SloSummaryResponse {
  items: SloSummary[];
  totalItems: number;
  offset: number;
  limit: number;
  warnings?: UpstreamWarning[];
}

/** The error body the backend answers with (Backstage's error handler shape). @public */
export interface ObservabilityErrorBody {
  error: { name: string; message: string; upstream?: string };
}
