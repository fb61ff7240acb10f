/*
 * The HTTP edge shared by the upstream clients: `fetch` with the configured headers, a deadline
 * (AbortSignal timeout) that covers waiting for a concurrency slot, the request and reading the
 * body, a cap on the body size, bounded concurrency (fair between callers), and a short
 * single-flight cache of the interpreted answers with a byte budget. Redirects are followed by
 * hand so that no header goes to another origin. Bodies being read count against a process-wide
 * byte budget when one is given. Every upstream failure comes out as an UpstreamError or
 * UpstreamTimeoutError; a full in-flight budget as a ServiceUnavailableError (503).
 */
import { ServiceUnavailableError } from '@backstage/errors';
import { ByteBudget } from './ByteBudget';
import { currentCaller } from './callerContext';
import { Semaphore } from './Semaphore';
import { SingleFlightCache } from './SingleFlightCache';
import {
  UpstreamError,
  UpstreamName,
  UpstreamTimeoutError,
} from './UpstreamError';

/** How the plugin talks to one upstream (read from `observability.<upstream>`). @public */
export interface UpstreamOptions {
  name: UpstreamName;
  /** Base URL without a trailing slash, e.g. `http://prometheus:9090`. */
  baseUrl: string;
  /** Sent with every request (e.g. `Authorization`). */
  headers: Record<string, string>;
  /** Deadline of one request, queueing included. */
  timeoutMs: number;
  /** Bodies larger than this are rejected. */
  maxResponseBytes: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests in flight at once for one caller (user or service). Default: `concurrency`. */
  concurrencyPerCaller?: number;
  /** How long identical requests are answered from the cache; 0 disables caching. */
  cacheTtlMs: number;
  /** Most bytes of answers (body sizes) kept in the cache. Default: no byte budget. */
  cacheMaxBytes?: number;
}

/** What the upstream clients of one process share. @public */
export interface UpstreamSharedLimits {
  /** Bytes of answer bodies being read and interpreted at once, all upstreams together. */
  inFlightBytes?: ByteBudget;
}

/** One request to an upstream. @public */
export interface UpstreamRequest {
  method?: 'GET' | 'POST';
  /** Path below the base URL, e.g. `/api/v1/query`. */
  path: string;
  /** Query parameters; undefined values are left out, arrays repeat the parameter. */
  query?: Record<string, string | readonly string[] | undefined>;
  /** Sent as `application/x-www-form-urlencoded` (POST). */
  form?: Record<string, string | undefined>;
  /** Extra headers of this request (e.g. `X-Scope-OrgID`). */
  headers?: Record<string, string>;
  /** Whether the interpreted answer may be cached. Default true. */
  cache?: boolean;
}

/** What an upstream answered. @public */
export interface UpstreamResponse {
  status: number;
  contentType: string;
  body: string;
}

/** An answer and the bytes of its body. */
interface Sized<T> {
  value: T;
  bytes: number;
}

/** A body read under the in-flight budget; `release` gives its bytes back. */
interface HeldResponse extends UpstreamResponse {
  bytes: number;
  release(): void;
}

/** Most redirects followed for one request (fetch's own limit is 20). */
const MAX_REDIRECTS = 5;

function isRedirect(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status);
}

/** Turns an answer into a value, or throws an UpstreamError (or a NotFoundError/InputError). */
export type Interpret<T> = (response: UpstreamResponse) => T;

function isTimeout(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  );
}

/** A short description of a network failure, without addresses or credentials. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } })
    ?.cause;
  if (typeof cause?.code === 'string') {
    return cause.code;
  }
  if (typeof cause?.message === 'string') {
    return cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** An excerpt of an error body, for messages. */
export function bodyExcerpt(body: string, max = 300): string {
  const text = body.trim().replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** @public */
export class UpstreamHttp {
  readonly name: UpstreamName;
  readonly #options: UpstreamOptions;
  readonly #semaphore: Semaphore;
  readonly #cache: SingleFlightCache<Sized<unknown>>;
  readonly #inFlightBytes?: ByteBudget;

  constructor(options: UpstreamOptions, shared: UpstreamSharedLimits = {}) {
    this.name = options.name;
    this.#options = options;
    this.#semaphore = new Semaphore(options.concurrency, {
      perKeyLimit: Math.min(
        options.concurrencyPerCaller ?? options.concurrency,
        options.concurrency,
      ),
    });
    this.#cache = new SingleFlightCache<Sized<unknown>>({
      ttlMs: options.cacheTtlMs,
      maxBytes: options.cacheMaxBytes,
      sizeOf: answer => answer.bytes,
    });
    this.#inFlightBytes = shared.inFlightBytes;
  }

  /** Bytes of answers in the cache right now (for tests and benchmarks). */
  get cachedBytes(): number {
    this.#cache.sweep();
    return this.#cache.bytes;
  }

  /** Requests in flight and queued right now (for tests and benchmarks). */
  get load(): { inFlight: number; queued: number } {
    return {
      inFlight: this.#semaphore.limit - this.#semaphore.available,
      queued: this.#semaphore.waiting,
    };
  }

  /**
   * Sends `request` (or joins an identical one in flight, or answers from the cache) and
   * interprets the answer. Identical means same method, URL, form body and headers.
   */
  request<T>(request: UpstreamRequest, interpret: Interpret<T>): Promise<T> {
    const url = this.#url(request);
    const body = request.form ? formBody(request.form) : undefined;
    const load = async (): Promise<Sized<T>> => {
      const response = await this.#send(request, url, body);
      try {
        return { value: interpret(response), bytes: response.bytes };
      } finally {
        response.release();
      }
    };
    if (request.cache === false) {
      return load().then(answer => answer.value);
    }
    const key = JSON.stringify([
      request.method ?? 'GET',
      url,
      body ?? '',
      request.headers ?? {},
    ]);
    return this.#cache.get(key, load).then(answer => answer.value as T);
  }

  #url(request: UpstreamRequest): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (typeof value === 'string') {
        params.append(key, value);
      } else if (value) {
        value.forEach(v => params.append(key, v));
      }
    }
    const search = params.toString();
    return `${this.#options.baseUrl}${request.path}${
      search ? `?${search}` : ''
    }`;
  }

  async #send(
    request: UpstreamRequest,
    url: string,
    body: string | undefined,
  ): Promise<HeldResponse> {
    const { name, timeoutMs } = this.#options;
    const signal = AbortSignal.timeout(timeoutMs);
    let release: (() => void) | undefined;
    try {
      release = await this.#semaphore.acquire(signal, currentCaller());
      const response = await this.#fetchFollowingRedirects(
        request,
        url,
        body,
        signal,
      );
      const { text, bytes } = await this.#readBody(response);
      let held = true;
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: text,
        bytes,
        release: () => {
          if (held) {
            held = false;
            this.#inFlightBytes?.release(bytes);
          }
        },
      };
    } catch (error) {
      if (
        error instanceof UpstreamError ||
        error instanceof ServiceUnavailableError
      ) {
        throw error;
      }
      if (signal.aborted || isTimeout(error)) {
        throw new UpstreamTimeoutError(
          name,
          `no answer from ${request.path} within ${timeoutMs} ms`,
        );
      }
      throw new UpstreamError(
        name,
        `request to ${request.path} failed (${describeNetworkError(error)})`,
      );
    } finally {
      release?.();
    }
  }

  /**
   * `fetch` with redirects followed by hand: on a redirect to another origin (scheme, host or
   * port) neither the configured headers nor the request's own (credentials, API keys, tenant
   * ids) are sent, only `Accept`.
   */
  async #fetchFollowingRedirects(
    request: UpstreamRequest,
    url: string,
    body: string | undefined,
    signal: AbortSignal,
  ): Promise<Response> {
    const origin = new URL(url).origin;
    let method: string = request.method ?? 'GET';
    let target = url;
    let payload = body;
    for (let hop = 0; ; hop++) {
      const sameOrigin = new URL(target).origin === origin;
      const response = await fetch(target, {
        method,
        headers: {
          Accept: 'application/json',
          ...(sameOrigin && this.#options.headers),
          ...(payload !== undefined && {
            'Content-Type': 'application/x-www-form-urlencoded',
          }),
          ...(sameOrigin && request.headers),
        },
        body: payload,
        signal,
        redirect: 'manual',
      });
      const location = response.headers.get('location');
      if (!isRedirect(response.status) || !location) {
        return response;
      }
      await response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) {
        throw new UpstreamError(
          this.#options.name,
          `${request.path} redirected more than ${MAX_REDIRECTS} times`,
        );
      }
      target = new URL(location, target).toString();
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) &&
          method === 'POST')
      ) {
        method = 'GET';
        payload = undefined;
      }
    }
  }

  /** Reads the body within `maxResponseBytes`, reserving its bytes in the in-flight budget. */
  async #readBody(
    response: Response,
  ): Promise<{ text: string; bytes: number }> {
    const { name, maxResponseBytes } = this.#options;
    const tooLarge = () =>
      new UpstreamError(
        name,
        `response larger than ${maxResponseBytes} bytes (maxResponseBytes)`,
      );
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxResponseBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    if (!response.body) {
      return { text: '', bytes: 0 };
    }
    const budget = this.#inFlightBytes;
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          break;
        }
        if (size + value.byteLength > maxResponseBytes) {
          throw tooLarge();
        }
        if (budget && !budget.tryReserve(value.byteLength)) {
          throw new ServiceUnavailableError(
            `${name}: too many large answers are being read right now (observability.signals.maxInFlightBytes); try again shortly`,
          );
        }
        size += value.byteLength;
        chunks.push(value);
      }
    } catch (error) {
      budget?.release(size);
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    return { text: Buffer.concat(chunks).toString('utf8'), bytes: size };
  }
}

function formBody(form: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (value !== undefined) {
      params.append(key, value);
    }
  }
  return params.toString();
}

/**
 * Deepest nesting of arrays and objects accepted in an upstream's JSON. The APIs' own answers
 * stay far below (an OTLP trace with a few nested attribute maps is ~30 levels); deeper values
 * would exhaust the stack of the recursive readers behind them (a 500 instead of a 502).
 */
export const MAX_JSON_DEPTH = 128;

/** Whether `text` nests arrays and objects deeper than `max` (strings skipped). */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c /* \ */) i++;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return false;
}

/**
 * Parses a JSON body, or throws an UpstreamError naming the upstream and the path (also for JSON
 * nested deeper than {@link MAX_JSON_DEPTH}).
 */
export function parseJsonBody(
  upstream: UpstreamName,
  what: string,
  response: UpstreamResponse,
): unknown {
  if (nestedDeeperThan(response.body, MAX_JSON_DEPTH)) {
    throw new UpstreamError(
      upstream,
      `${what} answered HTTP ${response.status} with JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    );
  }
  try {
    return JSON.parse(response.body);
  } catch {
    throw new UpstreamError(
      upstream,
      `${what} answered HTTP ${
        response.status
      } with a body that is not JSON: ${bodyExcerpt(response.body, 120)}`,
    );
  }
}
