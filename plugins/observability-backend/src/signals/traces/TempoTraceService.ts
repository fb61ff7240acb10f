/*
 * `GET .../traces` and `GET .../traces/:traceId`: the entity's traces from Tempo. Searches are
 * restricted to the entity's service (`lookout.dev/traces-service`); a trace is only returned
 * when at least one of its spans is the service's, so a trace id never opens another service's
 * trace (such a trace answers 404, like a missing one).
 */
import { InputError, NotFoundError } from '@backstage/errors';
import {
  composeTraceQuery,
  EntityTracesResponse,
  ObservabilitySpec,
  TraceResponse,
  TraceSpan,
  TraceScope,
  TraceSummary,
} from '@lookout/plugin-observability-common';
import { TempoClient, TempoSearchTrace } from '../tempo/TempoClient';
import {
  OtlpResourceSpans,
  serviceNameOf,
  serviceNamespaceOf,
  spansOfTrace,
} from '../tempo/otlpTrace';
import { padTraceId } from '../tempo/traceIds';
import { UpstreamError } from '../upstream/UpstreamError';
import { requireUpstream } from '../upstream/requireUpstream';
import { TraceQuery, TraceService } from '../types';

/** One search hit as the API answers it. */
export function traceSummary(trace: TempoSearchTrace): TraceSummary {
  const stats = Object.values(trace.serviceStats ?? {});
  const matched = (
    trace.spanSets ?? (trace.spanSet ? [trace.spanSet] : [])
  ).reduce((sum, set) => sum + (set.matched ?? 0), 0);
  return {
    traceId: padTraceId(trace.traceID),
    rootService: trace.rootServiceName ?? '',
    rootName: trace.rootTraceName ?? '',
    start: Number(BigInt(trace.startTimeUnixNano) / 1_000_000n),
    durationMs: trace.durationMs ?? 0,
    // Without serviceStats (Tempo before 2.2) only the matched spans are known.
    spanCount: stats.length
      ? stats.reduce((sum, s) => sum + s.spanCount, 0)
      : matched,
    errorCount: stats.reduce((sum, s) => sum + s.errorCount, 0),
  };
}

/** The entity's traces scope, or a NotFoundError naming the keys that would give it one. */
function traceScopeOf(spec: ObservabilitySpec): TraceScope {
  if (!spec.traces) {
    throw new NotFoundError(
      `${spec.entityRef} has no traces: its kind gets no default traces (observability.scope.kinds) and it names none (lookout.dev/traces-service)`,
    );
  }
  return spec.traces;
}

/** Whether a batch of spans is of the entity's service (and namespace). */
function inScope(batch: OtlpResourceSpans, scope: TraceScope): boolean {
  return (
    serviceNameOf(batch) === scope.serviceName &&
    (scope.serviceNamespace === undefined ||
      serviceNamespaceOf(batch) === scope.serviceNamespace)
  );
}

/** @public */
export class TempoTraceService implements TraceService {
  constructor(private readonly tempo: TempoClient | undefined) {}

  async searchEntityTraces(
    spec: ObservabilitySpec,
    query: TraceQuery,
  ): Promise<EntityTracesResponse> {
    const composed = composeTraceQuery(traceScopeOf(spec), query.q);
    if (!composed.valid) {
      throw new InputError(composed.message);
    }
    const q = composed.query;
    const tempo = requireUpstream(this.tempo, 'tempo');
    const traces = await tempo.search({
      q,
      start: query.range.from / 1000,
      end: query.range.to / 1000,
      limit: query.limit,
    });
    return { entityRef: spec.entityRef, items: traces.map(traceSummary) };
  }

  async getEntityTrace(
    spec: ObservabilitySpec,
    traceId: string,
  ): Promise<TraceResponse> {
    const scope = traceScopeOf(spec);
    const tempo = requireUpstream(this.tempo, 'tempo');
    const id = padTraceId(traceId);
    const trace = await tempo.traceById(id);
    if (!trace || !trace.batches.some(batch => inScope(batch, scope))) {
      throw new NotFoundError(
        `No trace ${id} of service ${scope.serviceName}${
          scope.serviceNamespace ? ` in ${scope.serviceNamespace}` : ''
        }`,
      );
    }
    let spans: TraceSpan[];
    try {
      spans = spansOfTrace(trace.batches);
    } catch (error) {
      throw new UpstreamError(
        'tempo',
        `trace ${id} is malformed: ${(error as Error).message}`,
      );
    }
    return {
      traceId: id,
      spans,
      ...(trace.partial && { partial: true }),
      ...(trace.message && { message: trace.message }),
    };
  }
}
