/*
 * The outcome of validating one value: the parsed value, or a message for the service owner.
 */

/**
 * Either the parsed value or a message saying what was found, what is expected and an example.
 * @public
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** @internal */
export function valid<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** @internal */
export function invalid<T = never>(message: string): Parsed<T> {
  return { ok: false, message };
}
