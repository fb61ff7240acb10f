/*
 * The HTTP edge shared by the upstream clients: `fetch` with the configured headers, a deadline
 * (AbortSignal timeout) that covers waiting for a concurrency slot, the request and reading the
 * body, a cap on the body size, bounded concurrency, and a short single-flight cache of the
 * interpreted answers. Every failure comes out as an UpstreamError or UpstreamTimeoutError.
 */
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
  /** How long identical requests are answered from the cache; 0 disables caching. */
  cacheTtlMs: number;
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
  readonly #cache: SingleFlightCache<unknown>;

  constructor(options: UpstreamOptions) {
    this.name = options.name;
    this.#options = options;
    this.#semaphore = new Semaphore(options.concurrency);
    this.#cache = new SingleFlightCache({ ttlMs: options.cacheTtlMs });
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
    const load = () => this.#send(request, url, body).then(interpret);
    if (request.cache === false) {
      return load();
    }
    const key = JSON.stringify([
      request.method ?? 'GET',
      url,
      body ?? '',
      request.headers ?? {},
    ]);
    return this.#cache.get(key, load) as Promise<T>;
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
  ): Promise<UpstreamResponse> {
    const { name, timeoutMs } = this.#options;
    const signal = AbortSignal.timeout(timeoutMs);
    let release: (() => void) | undefined;
    try {
      release = await this.#semaphore.acquire(signal);
      const response = await fetch(url, {
        method: request.method ?? 'GET',
        headers: {
          Accept: 'application/json',
          ...this.#options.headers,
          ...(body !== undefined && {
            'Content-Type': 'application/x-www-form-urlencoded',
          }),
          ...request.headers,
        },
        body,
        signal,
        redirect: 'follow',
      });
      const text = await this.#readBody(response);
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: text,
      };
    } catch (error) {
      if (error instanceof UpstreamError) {
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

  async #readBody(response: Response): Promise<string> {
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
      return '';
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      size += value.byteLength;
      if (size > maxResponseBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
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
 * Parses a JSON body, or throws an UpstreamError naming the upstream and the path.
 */
export function parseJsonBody(
  upstream: UpstreamName,
  what: string,
  response: UpstreamResponse,
): unknown {
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
