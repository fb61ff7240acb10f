/*
 * Bounded concurrency towards one upstream: at most `limit` requests in flight, the others wait
 * in arrival order. A waiter whose signal aborts leaves the queue, so a request that times out
 * while queued never takes a slot afterwards.
 */

/** Releases a slot taken with {@link Semaphore.acquire}; calling it twice is harmless. @public */
export type Release = () => void;

interface Waiter {
  resolve: (release: Release) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** A counting semaphore with FIFO waiters. @public */
export class Semaphore {
  #available: number;
  readonly #waiters: Waiter[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(
        `concurrency limit must be a positive integer, got ${limit}`,
      );
    }
    this.#available = limit;
  }

  /** Slots not taken right now. */
  get available(): number {
    return this.#available;
  }

  /** Requests waiting for a slot right now. */
  get waiting(): number {
    return this.#waiters.length;
  }

  /**
   * Takes a slot, waiting for one if none is free. Rejects with `signal.reason` when the signal
   * aborts before a slot is granted.
   */
  acquire(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) {
      return Promise.reject(signal.reason);
    }
    if (this.#available > 0) {
      this.#available -= 1;
      return Promise.resolve(this.#releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { resolve, signal };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.#waiters.indexOf(waiter);
          if (index >= 0) {
            this.#waiters.splice(index, 1);
          }
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#waiters.push(waiter);
    });
  }

  #releaser(): Release {
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      const next = this.#waiters.shift();
      if (next) {
        // The slot passes straight to the next waiter.
        if (next.onAbort) {
          next.signal?.removeEventListener('abort', next.onAbort);
        }
        next.resolve(this.#releaser());
      } else {
        this.#available += 1;
      }
    };
  }
}
