/*
 * Upstream settings for client tests: short timeout, no cache (each test sees its own answers).
 */
import { UpstreamName } from '../signals/upstream/UpstreamError';
import { UpstreamHttp } from '../signals/upstream/UpstreamHttp';

export function testHttp(name: UpstreamName, baseUrl: string): UpstreamHttp {
  return new UpstreamHttp({
    name,
    baseUrl,
    headers: {},
    timeoutMs: 2000,
    maxResponseBytes: 1_000_000,
    concurrency: 4,
    cacheTtlMs: 0,
  });
}
