/*
 * Client of Tempo's query API: TraceQL search (`/api/search`, start/end in seconds, hex trace ids
 * with leading zeros stripped, 64-bit numbers as strings) and trace by id (`/api/v2/traces/<id>`,
 * OTLP JSON under `trace` with `status: "PARTIAL"` when truncated; Tempo before 2.5 only has
 * `/api/traces/<id>`, the same OTLP JSON under `batches`, which is used when v2 is not served).
 */
import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parseShape } from '../upstream/parseShape';
import { UpstreamError } from '../upstream/UpstreamError';
import {
  bodyExcerpt,
  parseJsonBody,
  UpstreamHttp,
  UpstreamResponse,
} from '../upstream/UpstreamHttp';
import { OtlpResourceSpans, otlpResourceSpans } from './otlpTrace';

/** A TraceQL search. @public */
export interface TempoSearch {
  /** A TraceQL query. */
  q: string;
  /** Epoch seconds. */
  start: number;
  /** Epoch seconds. */
  end: number;
  limit: number;
}

const uint64 = z.union([z.string().regex(/^\d+$/), z.number()]);

const searchResponse = z.object({
  traces: z
    .array(
      z.object({
        traceID: z
          .string()
          .regex(/^[0-9a-fA-F]{1,32}$/, 'expected a hex trace id'),
        rootServiceName: z.string().optional(),
        rootTraceName: z.string().optional(),
        startTimeUnixNano: uint64,
        durationMs: z.number().optional(),
        spanSet: z.object({ matched: z.number().optional() }).optional(),
        spanSets: z
          .array(z.object({ matched: z.number().optional() }))
          .optional(),
        serviceStats: z
          .record(
            z.string(),
            z.object({
              spanCount: z.number().default(0),
              errorCount: z.number().default(0),
            }),
          )
          .optional(),
      }),
    )
    .default([]),
});

/** One trace of a search answer. @public */
export type TempoSearchTrace = z.output<
  typeof searchResponse
>['traces'][number];

const traceV2 = z.object({
  trace: z
    .object({ resourceSpans: z.array(otlpResourceSpans).default([]) })
    .default({ resourceSpans: [] }),
  status: z.string().optional(),
  message: z.string().optional(),
});
const traceV1 = z.object({
  batches: z.array(otlpResourceSpans).default([]),
});

/** A trace as Tempo stores it. @public */
export interface TempoTrace {
  batches: OtlpResourceSpans[];
  /** Tempo returned part of the trace only (too large). */
  partial: boolean;
  /** Tempo's explanation of a partial trace. */
  message?: string;
}

function failure(path: string, response: UpstreamResponse): never {
  if (response.status === 400) {
    throw new InputError(
      `Tempo rejected the query: ${bodyExcerpt(response.body)}`,
    );
  }
  throw new UpstreamError(
    'tempo',
    `${path} answered HTTP ${response.status}: ${bodyExcerpt(response.body)}`,
  );
}

/** @public */
export class TempoClient {
  readonly #http: UpstreamHttp;
  /** Set once Tempo answered 404 on v2 for a trace that v1 found: v2 is not served. */
  #v1Only = false;

  constructor(http: UpstreamHttp) {
    this.#http = http;
  }

  /** Traces matching a TraceQL query. */
  search(search: TempoSearch): Promise<TempoSearchTrace[]> {
    const path = '/api/search';
    return this.#http.request(
      {
        path,
        query: {
          q: search.q,
          start: String(Math.floor(search.start)),
          end: String(Math.ceil(search.end)),
          limit: String(search.limit),
        },
      },
      response => {
        if (response.status !== 200) {
          failure(path, response);
        }
        return parseShape(
          'tempo',
          path,
          searchResponse,
          parseJsonBody('tempo', path, response),
        ).traces;
      },
    );
  }

  /** The trace with this id (32 lowercase hex characters), or undefined when Tempo has none. */
  async traceById(traceId: string): Promise<TempoTrace | undefined> {
    if (!this.#v1Only) {
      const v2 = await this.#fetchTrace(`/api/v2/traces/${traceId}`, 'v2');
      if (v2) {
        return v2;
      }
    }
    const v1 = await this.#fetchTrace(`/api/traces/${traceId}`, 'v1');
    if (v1 && !this.#v1Only) {
      this.#v1Only = true;
    }
    return v1;
  }

  #fetchTrace(
    path: string,
    version: 'v1' | 'v2',
  ): Promise<TempoTrace | undefined> {
    return this.#http.request({ path }, response => {
      if (response.status === 404) {
        return undefined;
      }
      if (response.status !== 200) {
        failure(path, response);
      }
      const json = parseJsonBody('tempo', path, response);
      if (version === 'v1') {
        return {
          batches: parseShape('tempo', path, traceV1, json).batches,
          partial: false,
        };
      }
      const body = parseShape('tempo', path, traceV2, json);
      return {
        batches: body.trace.resourceSpans,
        partial: body.status === 'PARTIAL',
        ...(body.message && { message: body.message }),
      };
    });
  }
}
