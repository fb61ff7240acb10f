/*
 * Bounded concurrency towards one upstream, fair between callers: at most `limit` requests in
 * flight, at most `perKeyLimit` of them for one caller (key), and the waiters are served in
 * turns, one caller after the other (in the order the callers started waiting), each caller's own
 * requests in arrival order. So one user's slow queries can take only their share of a shared
 * upstream, and they never queue ahead of everybody else's. A waiter whose signal aborts leaves
 * the queue, so a request that times out while queued never takes a slot afterwards.
 */

/** Releases a slot taken with {@link Semaphore.acquire}; calling it twice is harmless. @public */
export type Release = () => void;

/** Options of a {@link Semaphore}. @public */
export interface SemaphoreOptions {
  /** Most slots one key holds at once. Default: `limit`. */
  perKeyLimit?: number;
}

interface Waiter {
  key: string;
  resolve: (release: Release) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** Key of callers that name none. */
const NO_KEY = '';

function checkPositiveInteger(name: string, value: number) {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

/** A counting semaphore with per-key caps and round-robin waiters. @public */
export class Semaphore {
  #available: number;
  readonly perKeyLimit: number;
  /** Slots held per key. */
  readonly #held = new Map<string, number>();
  /** Waiters per key, each queue in arrival order. */
  readonly #queues = new Map<string, Waiter[]>();
  /** Keys with waiters, in the order of their turns. */
  #turns: string[] = [];

  constructor(readonly limit: number, options: SemaphoreOptions = {}) {
    checkPositiveInteger('concurrency limit', limit);
    this.perKeyLimit = options.perKeyLimit ?? limit;
    checkPositiveInteger('perKeyLimit', this.perKeyLimit);
    this.#available = limit;
  }

  /** Slots not taken right now. */
  get available(): number {
    return this.#available;
  }

  /** Requests waiting for a slot right now. */
  get waiting(): number {
    let count = 0;
    this.#queues.forEach(queue => (count += queue.length));
    return count;
  }

  /**
   * Takes a slot for `key`, waiting for one if none is free or the key holds its share.
   * Rejects with `signal.reason` when the signal aborts before a slot is granted.
   */
  acquire(signal?: AbortSignal, key: string = NO_KEY): Promise<Release> {
    if (signal?.aborted) {
      return Promise.reject(signal.reason);
    }
    if (this.#available > 0 && this.#heldBy(key) < this.perKeyLimit) {
      return Promise.resolve(this.#grant(key));
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { key, resolve, signal };
      if (signal) {
        waiter.onAbort = () => {
          this.#removeWaiter(waiter);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      const queue = this.#queues.get(key);
      if (queue) {
        queue.push(waiter);
      } else {
        this.#queues.set(key, [waiter]);
        this.#turns.push(key);
      }
    });
  }

  #heldBy(key: string): number {
    return this.#held.get(key) ?? 0;
  }

  #grant(key: string): Release {
    this.#available -= 1;
    this.#held.set(key, this.#heldBy(key) + 1);
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      this.#available += 1;
      const held = this.#heldBy(key) - 1;
      if (held > 0) {
        this.#held.set(key, held);
      } else {
        this.#held.delete(key);
      }
      this.#dispatch();
    };
  }

  /** Hands free slots to the waiters whose turn it is. */
  #dispatch() {
    while (this.#available > 0) {
      const key = this.#turns.find(k => this.#heldBy(k) < this.perKeyLimit);
      if (key === undefined) {
        return;
      }
      const queue = this.#queues.get(key)!;
      const next = queue.shift()!;
      this.#turns = this.#turns.filter(k => k !== key);
      if (queue.length > 0) {
        this.#turns.push(key);
      } else {
        this.#queues.delete(key);
      }
      if (next.onAbort) {
        next.signal?.removeEventListener('abort', next.onAbort);
      }
      next.resolve(this.#grant(key));
    }
  }

  #removeWaiter(waiter: Waiter) {
    const queue = this.#queues.get(waiter.key);
    const index = queue?.indexOf(waiter) ?? -1;
    if (!queue || index < 0) {
      return;
    }
    queue.splice(index, 1);
    if (queue.length === 0) {
      this.#queues.delete(waiter.key);
      this.#turns = this.#turns.filter(k => k !== waiter.key);
    }
  }
}
