/*
 * HTTP implementation of the ObservabilityApi over discoveryApi + fetchApi. Every path segment
 * and query value is encoded; non-2xx answers become ResponseErrors.
 */
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { ValidateAnnotationsRequest } from '@lookout/plugin-observability-common';
import {
  EntityRefLike,
  GetLogsOptions,
  GetTracesOptions,
  ListSlosOptions,
  ObservabilityApi,
  ObservabilityResponse,
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

  getConfig(
    entityRef: EntityRefLike,
  ): Promise<ObservabilityResponse<'getConfig'>> {
    return this.get(entityPath(entityRef, 'config'));
  }

  getSlos(
    entityRef: EntityRefLike,
    options: TimeWindow = {},
  ): Promise<ObservabilityResponse<'getSlos'>> {
    return this.get(entityPath(entityRef, 'slos'), {
      from: timeParam(options.from),
      to: timeParam(options.to),
    });
  }

  getMetrics(
    entityRef: EntityRefLike,
    options: TimeWindow = {},
  ): Promise<ObservabilityResponse<'getMetrics'>> {
    return this.get(entityPath(entityRef, 'metrics'), {
      from: timeParam(options.from),
      to: timeParam(options.to),
    });
  }

  getLogs(
    entityRef: EntityRefLike,
    options: GetLogsOptions = {},
  ): Promise<ObservabilityResponse<'getLogs'>> {
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
  ): Promise<ObservabilityResponse<'getTraces'>> {
    return this.get(entityPath(entityRef, 'traces'), {
      q: options.q,
      from: timeParam(options.from),
      to: timeParam(options.to),
      limit: options.limit,
    });
  }

  getTrace(
    entityRef: EntityRefLike,
    traceId: string,
  ): Promise<ObservabilityResponse<'getTrace'>> {
    return this.get(entityPath(entityRef, 'traces', traceId));
  }

  getAlerts(
    entityRef: EntityRefLike,
  ): Promise<ObservabilityResponse<'getAlerts'>> {
    return this.get(entityPath(entityRef, 'alerts'));
  }

  getProvisioning(
    entityRef: EntityRefLike,
  ): Promise<ObservabilityResponse<'getProvisioning'>> {
    return this.get(entityPath(entityRef, 'provisioning'));
  }

  listSlos(
    options: ListSlosOptions = {},
  ): Promise<ObservabilityResponse<'listSlos'>> {
    return this.get('/slos', {
      owner: options.owner,
      offset: options.offset,
      limit: options.limit,
    });
  }

  async validateAnnotations(
    request: ValidateAnnotationsRequest,
  ): Promise<ObservabilityResponse<'validateAnnotations'>> {
    const baseUrl = await this.discoveryApi.getBaseUrl('observability');
    const response = await this.fetchApi.fetch(`${baseUrl}/validate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as ObservabilityResponse<'validateAnnotations'>;
  }

  getReleases(
    entityRef: EntityRefLike,
    options: TimeWindow & { limit?: number } = {},
  ): Promise<ObservabilityResponse<'getReleases'>> {
    return this.get(entityPath(entityRef, 'releases'), {
      from: timeParam(options.from),
      to: timeParam(options.to),
      limit: options.limit,
    });
  }

  getDeployGate(
    entityRef: EntityRefLike,
    options: { kind?: string } = {},
  ): Promise<ObservabilityResponse<'getDeployGate'>> {
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
