/*
 * Reads the connection settings of one upstream (`observability.prometheus`, `.alertmanager`,
 * `.loki`, `.tempo`) from the app-config, with the defaults documented in config.d.ts.
 */
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { UpstreamOptions } from './UpstreamHttp';
import { UpstreamName } from './UpstreamError';

const MIB = 1024 * 1024;

/** Defaults per upstream: traces and logs are bigger than query results and alert lists. */
const DEFAULTS: Record<
  UpstreamName,
  Pick<
    UpstreamOptions,
    'timeoutMs' | 'maxResponseBytes' | 'concurrency' | 'cacheTtlMs'
  > & { cacheMaxBytes: number }
> = {
  prometheus: {
    timeoutMs: 10_000,
    maxResponseBytes: 16 * MIB,
    concurrency: 10,
    cacheTtlMs: 10_000,
    cacheMaxBytes: 16 * MIB,
  },
  alertmanager: {
    timeoutMs: 10_000,
    maxResponseBytes: 4 * MIB,
    concurrency: 5,
    cacheTtlMs: 5_000,
    cacheMaxBytes: 4 * MIB,
  },
  loki: {
    timeoutMs: 10_000,
    maxResponseBytes: 32 * MIB,
    concurrency: 5,
    cacheTtlMs: 5_000,
    cacheMaxBytes: 16 * MIB,
  },
  tempo: {
    timeoutMs: 10_000,
    maxResponseBytes: 64 * MIB,
    concurrency: 5,
    cacheTtlMs: 10_000,
    cacheMaxBytes: 16 * MIB,
  },
};

function readHeaders(config: Config): Record<string, string> {
  const headers: Record<string, string> = {};
  const section = config.getOptionalConfig('headers');
  for (const key of section?.keys() ?? []) {
    headers[key] = section!.getString(key);
  }
  return headers;
}

function readPositiveInteger(
  config: Config,
  key: string,
  fallback: number,
  prefix: string,
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `${prefix}.${key} must be a positive integer, got ${value}`,
    );
  }
  return value;
}

function readMilliseconds(
  config: Config,
  key: string,
  fallback: number,
): number {
  if (!config.has(key)) {
    return fallback;
  }
  return durationToMilliseconds(readDurationFromConfig(config, { key }));
}

/**
 * The settings of `observability.<name>`, or undefined when the upstream is not configured.
 * Throws an error naming the key when a value is invalid.
 */
export function readUpstreamOptions(
  root: Config,
  name: UpstreamName,
): UpstreamOptions | undefined {
  const prefix = `observability.${name}`;
  const config = root.getOptionalConfig(prefix);
  if (!config) {
    return undefined;
  }
  const url = config.getString('url');
  let protocol: string | undefined;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new Error(
      `${prefix}.url must be an absolute http(s) URL, got "${url}"`,
    );
  }
  const defaults = DEFAULTS[name];
  const timeoutMs = readMilliseconds(config, 'timeout', defaults.timeoutMs);
  if (timeoutMs <= 0) {
    throw new Error(`${prefix}.timeout must be longer than 0`);
  }
  const concurrency = readPositiveInteger(
    config,
    'concurrency',
    defaults.concurrency,
    prefix,
  );
  return {
    name,
    baseUrl: url.replace(/\/+$/, ''),
    headers: readHeaders(config),
    timeoutMs,
    maxResponseBytes: readPositiveInteger(
      config,
      'maxResponseBytes',
      defaults.maxResponseBytes,
      prefix,
    ),
    concurrency,
    // By default one caller gets half of the slots, so it can never take them all.
    concurrencyPerCaller: readPositiveInteger(
      config,
      'concurrencyPerCaller',
      Math.max(1, Math.floor(concurrency / 2)),
      prefix,
    ),
    cacheTtlMs: readMilliseconds(config, 'cacheTtl', defaults.cacheTtlMs),
    cacheMaxBytes: readPositiveInteger(
      config,
      'cacheMaxBytes',
      defaults.cacheMaxBytes,
      prefix,
    ),
  };
}
