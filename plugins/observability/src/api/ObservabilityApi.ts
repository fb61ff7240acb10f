/*
 * The frontend's view of the observability backend (DESIGN §6): one method per route, typed with
 * the response types shared through @lookout/plugin-observability-common.
 */
import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  DeployGateResponse,
  EntityReleasesResponse,
  EntityAlertsResponse,
  EntityConfigResponse,
  EntityLogsResponse,
  EntityMetricsResponse,
  EntityProvisioningResponse,
  EntitySlosResponse,
  EntityTracesResponse,
  SloSummaryResponse,
  TraceResponse,
  ValidateAnnotationsRequest,
  ValidateAnnotationsResponse,
} from '@lookout/plugin-observability-common';

/**
 * An entity, as a compound reference or a string reference (`component:default/checkout`).
 * @public
 */
export type EntityRefLike = CompoundEntityRef | string;

/**
 * A point in time for a request: epoch milliseconds or an RFC 3339 string.
 * @public
 */
export type TimeInput = number | string;

/** Time window of a signal query. @public */
export interface TimeWindow {
  from?: TimeInput;
  to?: TimeInput;
}

/** Options of {@link ObservabilityApi.getLogs}. @public */
export interface GetLogsOptions extends TimeWindow {
  /** LogQL pipeline appended to the entity's stream selector, e.g. `|= "timeout" | json`. */
  filter?: string;
  /** Maximum number of lines. */
  limit?: number;
  /** `backward` (newest first, Loki's default) or `forward` (oldest first). */
  direction?: 'forward' | 'backward';
}

/** Options of {@link ObservabilityApi.getTraces}. @public */
export interface GetTracesOptions extends TimeWindow {
  /** TraceQL condition and-ed with the entity's service, e.g. `status = error`. */
  q?: string;
  /** Maximum number of traces. */
  limit?: number;
}

/** Options of {@link ObservabilityApi.listSlos}. @public */
export interface ListSlosOptions {
  /** Owner entity reference, e.g. `group:default/team-a`. */
  owner?: string;
  offset?: number;
  limit?: number;
}

/**
 * Client of the observability backend. Every method rejects with a `ResponseError` (from
 * `@backstage/errors`) when the backend answers with a non-2xx status; upstream failures carry
 * the upstream's name in `error.body.error.upstream`.
 * @public
 */
export interface ObservabilityApi {
  /** The entity's parsed annotations and every problem found in them. */
  getConfig(entityRef: EntityRefLike): Promise<EntityConfigResponse>;
  /** Status, burn rates and series of the entity's SLOs over a time window. */
  getSlos(
    entityRef: EntityRefLike,
    options?: TimeWindow,
  ): Promise<EntitySlosResponse>;
  /** Golden signals, custom panels, links and named alerts of the entity (the Metrics tab). */
  getMetrics(
    entityRef: EntityRefLike,
    options?: TimeWindow,
  ): Promise<EntityMetricsResponse>;
  /** Log lines of the entity. */
  getLogs(
    entityRef: EntityRefLike,
    options?: GetLogsOptions,
  ): Promise<EntityLogsResponse>;
  /** Traces of the entity's service matching a TraceQL condition. */
  getTraces(
    entityRef: EntityRefLike,
    options?: GetTracesOptions,
  ): Promise<EntityTracesResponse>;
  /** One trace with all its spans. */
  getTrace(entityRef: EntityRefLike, traceId: string): Promise<TraceResponse>;
  /** Active alerts of the entity. */
  getAlerts(entityRef: EntityRefLike): Promise<EntityAlertsResponse>;
  /** Per-sink status of the entity's generated objects. */
  getProvisioning(
    entityRef: EntityRefLike,
  ): Promise<EntityProvisioningResponse>;
  /** Every SLO in the catalog, paginated. */
  listSlos(options?: ListSlosOptions): Promise<SloSummaryResponse>;
  /** Every problem the catalog's parser finds in annotations not yet written anywhere. */
  validateAnnotations(
    request: ValidateAnnotationsRequest,
  ): Promise<ValidateAnnotationsResponse>;

  /** The entity's releases in a time window, newest first, with their impact on each SLO. */
  getReleases(
    entityRef: EntityRefLike,
    options?: TimeWindow & { limit?: number },
  ): Promise<EntityReleasesResponse>;
  /** Whether the entity's error-budget policy allows a deploy (of `kind`) now. */
  getDeployGate(
    entityRef: EntityRefLike,
    options?: { kind?: string },
  ): Promise<DeployGateResponse>;
}

/**
 * Reference to the {@link ObservabilityApi}.
 * @public
 */
export const observabilityApiRef = createApiRef<ObservabilityApi>().with({
  id: 'plugin.observability.client',
  pluginId: 'observability',
});

/**
 * What a method of {@link ObservabilityApi} resolves to: the body of its route, e.g.
 * `ObservabilityResponse<'getSlos'>`.
 * @public
 */
export type ObservabilityResponse<K extends keyof ObservabilityApi> = Awaited<
  ReturnType<ObservabilityApi[K]>
>;
