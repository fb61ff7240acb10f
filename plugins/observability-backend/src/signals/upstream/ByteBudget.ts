/*
 * A process-wide budget of bytes: the upstream layer reserves the size of every answer body as
 * it streams in and gives it back once the answer is interpreted, so the bodies held at once by
 * all upstream clients together never exceed `limit`.
 */

/** @public */
export class ByteBudget {
  #used = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(
        `byte budget must be a positive integer, got ${limit}`,
      );
    }
  }

  /** Bytes reserved right now. */
  get used(): number {
    return this.#used;
  }

  /** Reserves `bytes` if they fit; false (and nothing reserved) if not. */
  tryReserve(bytes: number): boolean {
    if (this.#used + bytes > this.limit) {
      return false;
    }
    this.#used += bytes;
    return true;
  }

  /** Gives back bytes reserved earlier. */
  release(bytes: number): void {
    this.#used = Math.max(0, this.#used - bytes);
  }
}
