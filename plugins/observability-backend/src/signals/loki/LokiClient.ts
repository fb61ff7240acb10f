/*
 * Client of Loki's `GET /loki/api/v1/query_range` for log queries. Loki's quirks: timestamps are
 * nanosecond strings, `end` is exclusive, `direction` defaults to backward, errors are
 * `text/plain`, a multi-tenant Loki answers 401 `no org id` without `X-Scope-OrgID`. Structured
 * metadata and parsed labels come separately when asked for with the
 * `X-Loki-Response-Encoding-Flags: categorize-labels` header.
 */
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parseShape } from '../upstream/parseShape';
import { UpstreamError } from '../upstream/UpstreamError';
import {
  bodyExcerpt,
  parseJsonBody,
  UpstreamHttp,
} from '../upstream/UpstreamHttp';

/** A log query over a time range. @public */
export interface LokiQueryRange {
  /** A LogQL log query (not a metric query). */
  query: string;
  /** Epoch ns, inclusive. */
  start: bigint;
  /** Epoch ns, exclusive. */
  end: bigint;
  limit: number;
  direction: 'forward' | 'backward';
  /** `X-Scope-OrgID`; omitted for a single-tenant Loki. */
  tenant?: string;
}

/** One entry of a stream. @public */
export interface LokiEntry {
  /** Epoch ns as Loki wrote it. */
  timestampNs: string;
  line: string;
  structuredMetadata: Record<string, string>;
  parsed: Record<string, string>;
}

/** One stream of the answer. @public */
export interface LokiStream {
  labels: Record<string, string>;
  entries: LokiEntry[];
}

/** @public */
export interface LokiStreamsResult {
  streams: LokiStream[];
  /** Loki's `stats.summary`, when sent. */
  summary: Record<string, unknown>;
}

const labelMap = z.record(z.string(), z.string());
const categories = z.object({
  structuredMetadata: labelMap.optional(),
  parsed: labelMap.optional(),
});
const nanoseconds = z.string().regex(/^\d+$/, 'expected epoch nanoseconds');
const entry = z.union([
  z.tuple([nanoseconds, z.string()]),
  z.tuple([nanoseconds, z.string(), categories]),
]);
const streamsResponse = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('streams'),
    result: z.array(z.object({ stream: labelMap, values: z.array(entry) })),
    stats: z
      .object({ summary: z.record(z.string(), z.unknown()).optional() })
      .optional(),
  }),
});

/** @public */
export class LokiClient {
  readonly #http: UpstreamHttp;

  constructor(http: UpstreamHttp) {
    this.#http = http;
  }

  /** Runs a log query; the streams come back as Loki ordered them. */
  queryRange(request: LokiQueryRange): Promise<LokiStreamsResult> {
    const path = '/loki/api/v1/query_range';
    return this.#http.request(
      {
        path,
        query: {
          query: request.query,
          start: request.start.toString(),
          end: request.end.toString(),
          limit: String(request.limit),
          direction: request.direction,
        },
        headers: {
          'X-Loki-Response-Encoding-Flags': 'categorize-labels',
          ...(request.tenant && { 'X-Scope-OrgID': request.tenant }),
        },
      },
      response => {
        if (response.status === 400) {
          throw new InputError(
            `Loki rejected the query: ${bodyExcerpt(response.body)}`,
          );
        }
        if (response.status === 401 && /no org id/i.test(response.body)) {
          throw new UpstreamError(
            'loki',
            'Loki is multi-tenant and no tenant was sent (no org id): set observability.loki.tenant or the entity annotation lookout.dev/logs-tenant',
          );
        }
        if (response.status !== 200) {
          throw new UpstreamError(
            'loki',
            `${path} answered HTTP ${response.status}: ${bodyExcerpt(
              response.body,
            )}`,
          );
        }
        const body = parseShape(
          'loki',
          path,
          streamsResponse,
          parseJsonBody('loki', path, response),
        );
        return {
          streams: body.data.result.map(stream => ({
            labels: stream.stream,
            entries: stream.values.map(([timestampNs, line, extra]) => ({
              timestampNs,
              line,
              structuredMetadata: extra?.structuredMetadata ?? {},
              parsed: extra?.parsed ?? {},
            })),
          })),
          summary: body.data.stats?.summary ?? {},
        };
      },
    );
  }
}
