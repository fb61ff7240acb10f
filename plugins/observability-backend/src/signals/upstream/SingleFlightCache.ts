/*
 * A short-lived cache of upstream answers with single-flight: concurrent callers asking for the
 * same key share one upstream request, and its answer is kept for `ttlMs`. Failures are shared
 * with the callers already waiting but never cached. The number of entries is bounded; the
 * oldest go first.
 */

/** Options of a {@link SingleFlightCache}. @public */
export interface SingleFlightCacheOptions {
  /** How long an answer is served from the cache; 0 keeps only the single-flight sharing. */
  ttlMs: number;
  /** Most answers kept at once. Default 1000. */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Entry<T> {
  promise: Promise<T>;
  /** Epoch ms after which the entry is stale; Infinity while the request is in flight. */
  expiresAt: number;
}

/** @public */
export class SingleFlightCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: SingleFlightCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 1000;
    this.#now = options.now ?? Date.now;
  }

  /** Entries held right now (in flight or fresh or not yet evicted). */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * The cached answer for `key`, the answer of the request in flight for it, or the answer of a
   * new `load()`.
   */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const existing = this.#entries.get(key);
    if (existing && existing.expiresAt > this.#now()) {
      return existing.promise;
    }
    const entry: Entry<T> = { promise: load(), expiresAt: Infinity };
    this.#entries.set(key, entry);
    this.#evict();
    entry.promise.then(
      () => {
        if (this.#entries.get(key) !== entry) {
          return;
        }
        if (this.#ttlMs > 0) {
          entry.expiresAt = this.#now() + this.#ttlMs;
        } else {
          this.#entries.delete(key);
        }
      },
      () => {
        if (this.#entries.get(key) === entry) {
          this.#entries.delete(key);
        }
      },
    );
    return entry.promise;
  }

  #evict() {
    if (this.#entries.size <= this.#maxEntries) {
      return;
    }
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) {
        this.#entries.delete(key);
      }
    }
    // Still too many: drop the oldest insertions (in-flight requests still answer their callers).
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) {
        break;
      }
      this.#entries.delete(key);
    }
  }
}
