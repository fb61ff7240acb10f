/*
 * Client of the Prometheus HTTP API (`/api/v1/query`, `/api/v1/query_range`), which Thanos Query
 * speaks too. Sample values arrive as strings ("NaN", "+Inf" included) and timestamps as float
 * seconds; errors as an envelope (`400 bad_data`, `422 execution`, `503 timeout`). Warnings
 * (Thanos partial responses) and infos are returned with the data instead of being dropped.
 */
import { z } from 'zod';
import { parseShape } from '../upstream/parseShape';
import { UpstreamError, UpstreamTimeoutError } from '../upstream/UpstreamError';
import {
  bodyExcerpt,
  MAX_JSON_DEPTH,
  nestedDeeperThan,
  parseJsonBody,
  UpstreamHttp,
  UpstreamResponse,
} from '../upstream/UpstreamHttp';

/** A sample of an instant vector. @public */
export interface InstantSample {
  labels: Record<string, string>;
  /** Epoch ms. */
  time: number;
  /** NaN and ±Infinity as JavaScript numbers. */
  value: number;
}

/** A series of a range matrix. @public */
export interface RangeSeries {
  labels: Record<string, string>;
  /** `[epoch ms, value]` in time order. */
  points: Array<[number, number]>;
}

/** Data plus whatever Prometheus or Thanos warned about. @public */
export interface PrometheusResult<T> {
  data: T;
  /** `warnings` and `infos` of the envelope (e.g. a Thanos partial response). */
  warnings: string[];
}

/** Options of the Thanos Query extensions; plain Prometheus ignores them. @public */
export interface ThanosOptions {
  /** `partial_response`: answer with the stores that did answer (a warning says so). */
  partialResponse?: boolean;
  /** `dedup`: deduplicate replicas (Thanos' default is true). */
  dedup?: boolean;
}

const sampleValue = z.tuple([z.number(), z.string()]);
const labels = z.record(z.string(), z.string());

const successEnvelope = z.object({
  status: z.literal('success'),
  data: z.object({ resultType: z.string(), result: z.unknown() }),
  warnings: z.array(z.string()).optional(),
  infos: z.array(z.string()).optional(),
});

const errorEnvelope = z.object({
  status: z.literal('error'),
  errorType: z.string(),
  error: z.string(),
});

const vectorResult = z.array(z.object({ metric: labels, value: sampleValue }));
const matrixResult = z.array(
  z.object({ metric: labels, values: z.array(sampleValue) }),
);

/** Prometheus' float text: Go's strconv.FormatFloat, plus `NaN`, `+Inf`, `-Inf`. */
export function parseSampleValue(text: string): number {
  switch (text) {
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
    case 'NaN':
      return NaN;
    default:
      return Number(text);
  }
}

function toMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

/** @public */
export class PrometheusClient {
  readonly #http: UpstreamHttp;
  readonly #thanos: ThanosOptions;

  constructor(http: UpstreamHttp, thanos: ThanosOptions = {}) {
    this.#http = http;
    this.#thanos = thanos;
  }

  /** Evaluates `expr` at `time` (epoch ms; default: Prometheus' now). The result must be a vector. */
  async instantQuery(
    expr: string,
    time?: number,
  ): Promise<PrometheusResult<InstantSample[]>> {
    const { result: vector, warnings } = await this.#query(
      '/api/v1/query',
      'vector',
      vectorResult,
      {
        query: expr,
        time: time === undefined ? undefined : String(time / 1000),
      },
    );
    return {
      data: vector.map(sample => ({
        labels: sample.metric,
        time: toMs(sample.value[0]),
        value: parseSampleValue(sample.value[1]),
      })),
      warnings,
    };
  }

  /** Evaluates `expr` from `start` to `end` (epoch ms) every `stepMs`. */
  async rangeQuery(
    expr: string,
    range: { start: number; end: number; stepMs: number },
  ): Promise<PrometheusResult<RangeSeries[]>> {
    const { result: matrix, warnings } = await this.#query(
      '/api/v1/query_range',
      'matrix',
      matrixResult,
      {
        query: expr,
        start: String(range.start / 1000),
        end: String(range.end / 1000),
        step: String(range.stepMs / 1000),
      },
    );
    return {
      data: matrix.map(series => ({
        labels: series.metric,
        points: series.values.map(
          ([t, v]) => [toMs(t), parseSampleValue(v)] as [number, number],
        ),
      })),
      warnings,
    };
  }

  /** POSTs a query to `path` and reads its result of `resultType` with `schema`. */
  async #query<S extends z.ZodType>(
    path: string,
    resultType: 'vector' | 'matrix',
    schema: S,
    form: Record<string, string | undefined>,
  ): Promise<{ result: z.output<S>; warnings: string[] }> {
    const thanos = {
      partial_response:
        this.#thanos.partialResponse === undefined
          ? undefined
          : String(this.#thanos.partialResponse),
      dedup:
        this.#thanos.dedup === undefined
          ? undefined
          : String(this.#thanos.dedup),
    };
    // POST keeps long batched selectors out of URL length limits; Thanos accepts it too.
    const { result, warnings } = await this.#http.request(
      { method: 'POST', path, form: { ...form, ...thanos } },
      response => interpretEnvelope(path, resultType, response),
    );
    return {
      result: parseShape('prometheus', path, schema, result),
      warnings,
    };
  }
}

/** Reads the API envelope of `path`, throwing the typed error Prometheus' answer calls for. */
export function interpretEnvelope(
  path: string,
  resultType: string,
  response: UpstreamResponse,
): { result: unknown; warnings: string[] } {
  const json =
    response.contentType.includes('json') ||
    response.body.trimStart().startsWith('{')
      ? safeJson(response.body)
      : undefined;
  const failure = errorEnvelope.safeParse(json);
  if (failure.success) {
    const { errorType, error } = failure.data;
    if (errorType === 'timeout' || errorType === 'canceled') {
      // Prometheus' own query timeout (`--query.timeout`), answered as 503.
      throw new UpstreamTimeoutError(
        'prometheus',
        `${path} timed out in Prometheus: ${error}`,
      );
    }
    throw new UpstreamError(
      'prometheus',
      `${path} failed with HTTP ${response.status} ${errorType}: ${error}`,
    );
  }
  if (response.status !== 200) {
    throw new UpstreamError(
      'prometheus',
      `${path} answered HTTP ${response.status}: ${bodyExcerpt(response.body)}`,
    );
  }
  const envelope = parseShape(
    'prometheus',
    path,
    successEnvelope,
    json ?? parseJsonBody('prometheus', path, response),
  );
  if (envelope.data.resultType !== resultType) {
    throw new UpstreamError(
      'prometheus',
      `${path} answered a ${envelope.data.resultType} where a ${resultType} was expected`,
    );
  }
  return {
    result: envelope.data.result,
    warnings: [...(envelope.warnings ?? []), ...(envelope.infos ?? [])],
  };
}

/** The JSON of `text`; undefined when it is not JSON or nested too deeply (parseJsonBody says so). */
function safeJson(text: string): unknown {
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
