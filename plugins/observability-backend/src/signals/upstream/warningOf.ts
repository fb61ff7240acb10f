/*
 * Secondary upstreams degrade instead of failing a request: their typed failure becomes a warning.
 */
import { UpstreamWarning } from '@lookout/plugin-observability-common';
import { UpstreamError, UpstreamTimeoutError } from './UpstreamError';

/** The result of `work`, or `fallback` and a warning when it failed with a typed upstream error. */
export async function orWarning<T>(
  work: Promise<T>,
  fallback: T,
  warnings: UpstreamWarning[],
): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (
      error instanceof UpstreamError ||
      error instanceof UpstreamTimeoutError
    ) {
      warnings.push({ upstream: error.upstream, message: error.message });
      return fallback;
    }
    throw error;
  }
}
