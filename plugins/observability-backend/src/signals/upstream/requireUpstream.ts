/*
 * A signal whose upstream is not configured answers 501 with the configuration key to set.
 */
import { NotImplementedError } from '@backstage/errors';
import { UpstreamName } from './UpstreamError';

/** `client`, or a NotImplementedError naming `observability.<upstream>.url`. */
export function requireUpstream<T>(
  client: T | undefined,
  upstream: UpstreamName,
): T {
  if (client === undefined) {
    throw new NotImplementedError(
      `${upstream} is not configured: set observability.${upstream}.url`,
    );
  }
  return client;
}
