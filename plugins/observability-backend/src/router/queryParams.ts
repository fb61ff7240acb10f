/*
 * Query-string parameters shared by the routes, as zod schemas. Times are RFC 3339 or epoch
 * milliseconds; limits have a default and are capped rather than refused when too large.
 */
import { z } from 'zod';

const TIME_MESSAGE =
  'expected an RFC 3339 time (2026-11-25T17:00:00Z) or epoch milliseconds';

/** A time as epoch ms. */
export const timeParam = z
  .union([z.string().regex(/^\d{1,15}$/), z.iso.datetime({ offset: true })], {
    error: TIME_MESSAGE,
  })
  .transform(text => (/^\d+$/.test(text) ? Number(text) : Date.parse(text)));

/** `from` and `to`, both optional. */
export const timeRangeParams = z.object({
  from: timeParam.optional(),
  to: timeParam.optional(),
});

/** A positive count with a default, capped at `max`. */
export function limitParam(defaultValue: number, max: number) {
  return z
    .string()
    .regex(/^\d+$/, 'expected a positive whole number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'expected a positive whole number'))
    .optional()
    .transform(value => Math.min(value ?? defaultValue, max));
}

/** A count from 0, default 0. */
export const offsetParam = z
  .string()
  .regex(/^\d+$/, 'expected a whole number from 0')
  .transform(Number)
  .optional()
  .transform(value => value ?? 0);
