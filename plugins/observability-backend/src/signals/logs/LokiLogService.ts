/*
 * `GET .../logs`: the entity's log lines from Loki. The user's filter is appended to the entity's
 * stream selector after validation; the entity's tenant is sent as `X-Scope-OrgID`. Lines of all
 * streams are merged into one list in the requested order.
 */
import { InputError, NotFoundError } from '@backstage/errors';
import {
  composeLogQuery,
  EntityLogsResponse,
  LogEntry,
  ObservabilitySpec,
} from '@lookout/plugin-observability-common';
import { LokiClient, LokiStream } from '../loki/LokiClient';
import { requireUpstream } from '../upstream/requireUpstream';
import { LogQuery, LogService } from '../types';
import { detectLevel, extractTraceId } from './logLine';

const NS_PER_MS = 1_000_000n;

/** Lines of every stream in one list, newest first (backward) or oldest first (forward). */
export function mergeStreams(
  streams: readonly LokiStream[],
  direction: 'forward' | 'backward',
  limit: number,
): LogEntry[] {
  const rows = streams.flatMap(stream =>
    stream.entries.map(entry => ({
      stream,
      entry,
      ns: BigInt(entry.timestampNs),
    })),
  );
  const sign = direction === 'forward' ? 1 : -1;
  rows.sort((a, b) => {
    if (a.ns === b.ns) {
      return 0;
    }
    return a.ns < b.ns ? -sign : sign;
  });
  return rows.slice(0, limit).map(({ stream, entry, ns }) => {
    const traceId = extractTraceId(
      entry.line,
      entry.structuredMetadata,
      entry.parsed,
      stream.labels,
    );
    const level = detectLevel(
      stream.labels,
      entry.structuredMetadata,
      entry.parsed,
    );
    return {
      timestamp: Number(ns / NS_PER_MS),
      timestampNs: entry.timestampNs,
      line: entry.line,
      labels: stream.labels,
      ...(traceId && { traceId }),
      ...(level && { level }),
      ...(Object.keys(entry.structuredMetadata).length > 0 && {
        metadata: entry.structuredMetadata,
      }),
      ...(Object.keys(entry.parsed).length > 0 && { parsed: entry.parsed }),
    };
  });
}

/** @public */
export class LokiLogService implements LogService {
  constructor(private readonly loki: LokiClient | undefined) {}

  async getEntityLogs(
    spec: ObservabilitySpec,
    query: LogQuery,
  ): Promise<EntityLogsResponse> {
    if (!spec.logs) {
      throw new NotFoundError(
        `${spec.entityRef} has no logs: its kind gets no default logs (observability.scope.kinds) and it names none (lookout.dev/logs-selector)`,
      );
    }
    const composed = composeLogQuery(spec.logs.selector, query.filter);
    if (!composed.valid) {
      throw new InputError(composed.message);
    }
    const logql = composed.query;
    const loki = requireUpstream(this.loki, 'loki');
    const result = await loki.queryRange({
      query: logql,
      start: BigInt(query.range.from) * NS_PER_MS,
      // `to` is inclusive to the millisecond; Loki's `end` is exclusive.
      end: (BigInt(query.range.to) + 1n) * NS_PER_MS,
      limit: query.limit,
      direction: query.direction,
      tenant: spec.logs.tenant,
    });
    const items = mergeStreams(result.streams, query.direction, query.limit);
    return {
      entityRef: spec.entityRef,
      items,
      stats: { ...result.summary, returned: items.length, query: logql },
    };
  }
}
