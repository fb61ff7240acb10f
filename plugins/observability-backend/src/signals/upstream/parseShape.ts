/*
 * Checks an upstream's JSON against the shape its API documents (zod), so a malformed answer is
 * an UpstreamError naming the first offending field instead of a TypeError deep in a service.
 */
import { z } from 'zod';
import { UpstreamError, UpstreamName } from './UpstreamError';

/** The value as `schema` types it, or an UpstreamError naming the field that does not fit. */
export function parseShape<S extends z.ZodType>(
  upstream: UpstreamName,
  what: string,
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  throw new UpstreamError(
    upstream,
    `${what} answered an unexpected shape at ${path}: ${issue.message}`,
  );
}
