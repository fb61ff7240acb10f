/*
 * A short-lived cache of upstream answers with single-flight: concurrent callers asking for the
 * same key share one upstream request, and its answer is kept for `ttlMs`. Failures are shared
 * with the callers already waiting but never cached.
 *
 * Memory is bounded twice: by the number of answers (`maxEntries`) and by their size
 * (`maxBytes`, each answer weighed by `sizeOf`). An answer larger than a quarter of the byte
 * budget is handed to its callers but not kept, so one huge answer never flushes the others.
 * Expired answers are swept on every access (and by `sweep()`), oldest insertions go first when a
 * budget is exceeded.
 */

/** Options of a {@link SingleFlightCache}. @public */
export interface SingleFlightCacheOptions<T> {
  /** How long an answer is served from the cache; 0 keeps only the single-flight sharing. */
  ttlMs: number;
  /** Most answers kept at once. Default 1000. */
  maxEntries?: number;
  /** Most bytes of answers kept at once (weighed by `sizeOf`). Default: no byte budget. */
  maxBytes?: number;
  /** Size of an answer in bytes. Required with `maxBytes`. */
  sizeOf?: (value: T) => number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Entry<T> {
  promise: Promise<T>;
  /** Epoch ms after which the entry is stale; Infinity while the request is in flight. */
  expiresAt: number;
  /** Bytes counted against the budget (0 while in flight). */
  bytes: number;
}

/** Share of the byte budget a single answer may take and still be kept. */
const MAX_ENTRY_SHARE = 4;

/** @public */
export class SingleFlightCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #sizeOf: (value: T) => number;
  readonly #now: () => number;
  #bytes = 0;

  constructor(options: SingleFlightCacheOptions<T>) {
    if (options.maxBytes !== undefined && !options.sizeOf) {
      throw new TypeError('SingleFlightCache: maxBytes needs sizeOf');
    }
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 1000;
    this.#maxBytes = options.maxBytes ?? Infinity;
    this.#sizeOf = options.sizeOf ?? (() => 0);
    this.#now = options.now ?? Date.now;
  }

  /** Entries held right now (in flight or fresh or not yet swept). */
  get size(): number {
    return this.#entries.size;
  }

  /** Bytes of the answers held right now. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * The cached answer for `key`, the answer of the request in flight for it, or the answer of a
   * new `load()`.
   */
  get(key: string, load: () => Promise<T>): Promise<T> {
    this.sweep();
    const existing = this.#entries.get(key);
    if (existing) {
      return existing.promise;
    }
    const entry: Entry<T> = { promise: load(), expiresAt: Infinity, bytes: 0 };
    this.#entries.set(key, entry);
    this.#evict();
    entry.promise.then(
      value => this.#settled(key, entry, value),
      () => {
        if (this.#entries.get(key) === entry) {
          this.#entries.delete(key);
        }
      },
    );
    return entry.promise;
  }

  /** Drops every expired answer. */
  sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) {
        this.#delete(key, entry);
      }
    }
  }

  #settled(key: string, entry: Entry<T>, value: T) {
    if (this.#entries.get(key) !== entry) {
      return;
    }
    const bytes = this.#sizeOf(value);
    if (this.#ttlMs <= 0 || bytes * MAX_ENTRY_SHARE > this.#maxBytes) {
      this.#entries.delete(key);
      return;
    }
    entry.bytes = bytes;
    entry.expiresAt = this.#now() + this.#ttlMs;
    this.#bytes += bytes;
    this.#evict();
  }

  #delete(key: string, entry: Entry<T>) {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  #evict() {
    if (
      this.#entries.size <= this.#maxEntries &&
      this.#bytes <= this.#maxBytes
    ) {
      return;
    }
    this.sweep();
    // Still over a budget: drop the oldest insertions (in-flight requests still answer their
    // callers).
    for (const [key, entry] of this.#entries) {
      if (
        this.#entries.size <= this.#maxEntries &&
        this.#bytes <= this.#maxBytes
      ) {
        break;
      }
      this.#delete(key, entry);
    }
  }
}
