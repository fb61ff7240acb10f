/*
 * HTTP implementation of the ObservabilityApi over discoveryApi + fetchApi. Every path segment
 * and query value is encoded; non-2xx answers become ResponseErrors.
 */
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
import {
  EntityRefLike,
  GetLogsOptions,
  GetTracesOptions,
  ListSlosOptions,
  ObservabilityApi,
  TimeInput,
  TimeWindow,
} from './ObservabilityApi';

type QueryValue = string | number | undefined;

/** Options of the {@link ObservabilityClient} constructor. @public */
export interface ObservabilityClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
}

/**
 * Default {@link ObservabilityApi} implementation, talking to the `observability` backend plugin.
 * @public
 */
export class ObservabilityClient implements ObservabilityApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: ObservabilityClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getConfig(entityRef: EntityRefLike): Promise<EntityConfigResponse> {
    return this.get(entityPath(entityRef, 'config'));
  }

  getSlos(
    entityRef: EntityRefLike,
    options: TimeWindow = {},
  ): Promise<EntitySlosResponse> {
    return this.get(entityPath(entityRef, 'slos'), {
      from: timeParam(options.from),
      to: timeParam(options.to),
    });
  }

  getMetrics(
    entityRef: EntityRefLike,
    options: TimeWindow = {},
  ): Promise<EntityMetricsResponse> {
    return this.get(entityPath(entityRef, 'metrics'), {
      from: timeParam(options.from),
      to: timeParam(options.to),
    });
  }

  getLogs(
    entityRef: EntityRefLike,
    options: GetLogsOptions = {},
  ): Promise<EntityLogsResponse> {
    return this.get(entityPath(entityRef, 'logs'), {
      filter: options.filter,
      from: timeParam(options.from),
      to: timeParam(options.to),
      limit: options.limit,
      direction: options.direction,
    });
  }

  getTraces(
    entityRef: EntityRefLike,
    options: GetTracesOptions = {},
  ): Promise<EntityTracesResponse> {
    return this.get(entityPath(entityRef, 'traces'), {
      q: options.q,
      from: timeParam(options.from),
      to: timeParam(options.to),
      limit: options.limit,
    });
  }

  getTrace(entityRef: EntityRefLike, traceId: string): Promise<TraceResponse> {
    return this.get(entityPath(entityRef, 'traces', traceId));
  }

  getAlerts(entityRef: EntityRefLike): Promise<EntityAlertsResponse> {
    return this.get(entityPath(entityRef, 'alerts'));
  }

  getProvisioning(
    entityRef: EntityRefLike,
  ): Promise<EntityProvisioningResponse> {
    return this.get(entityPath(entityRef, 'provisioning'));
  }

  listSlos(options: ListSlosOptions = {}): Promise<SloSummaryResponse> {
    return this.get('/slos', {
      owner: options.owner,
      offset: options.offset,
      limit: options.limit,
    });
  }

  async validateAnnotations(
    request: ValidateAnnotationsRequest,
  ): Promise<ValidateAnnotationsResponse> {
    const baseUrl = await this.discoveryApi.getBaseUrl('observability');
    const response = await this.fetchApi.fetch(`${baseUrl}/validate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ValidateAnnotationsResponse;
  }

  getReleases(
    entityRef: EntityRefLike,
    options: TimeWindow & { limit?: number } = {},
  ): Promise<EntityReleasesResponse> {
    return this.get(entityPath(entityRef, 'releases'), {
      from: timeParam(options.from),
      to: timeParam(options.to),
      limit: options.limit,
    });
  }

  getDeployGate(
    entityRef: EntityRefLike,
    options: { kind?: string } = {},
  ): Promise<DeployGateResponse> {
    return this.get(entityPath(entityRef, 'deploy-gate'), {
      kind: options.kind,
    });
  }

  private async get<T>(
    path: string,
    query: Record<string, QueryValue> = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('observability');
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') {
        search.append(key, String(value));
      }
    }
    const queryString = search.toString();
    const url = `${baseUrl}${path}${queryString ? `?${queryString}` : ''}`;
    const response = await this.fetchApi.fetch(url);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** `/entities/by-name/:kind/:namespace/:name[/...rest]`, every segment encoded. */
function entityPath(entityRef: EntityRefLike, ...rest: string[]): string {
  const ref: CompoundEntityRef =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  const segments = [
    'entities',
    'by-name',
    ref.kind,
    ref.namespace,
    ref.name,
    ...rest,
  ];
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

function timeParam(value: TimeInput | undefined): QueryValue {
  return value === undefined ? undefined : String(value);
}
