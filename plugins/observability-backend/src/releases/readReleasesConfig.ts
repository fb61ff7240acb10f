/*
 * `observability.releases`: how long releases are kept, the longer span of their impact, and how
 * many per entity the release-info series exports.
 */
import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';

/** The releases settings, in milliseconds and counts. */
export interface ReleasesConfig {
  retentionMs: number;
  impactSpanMs: number;
  exportPerEntity: number;
}

const HOUR_MS = 3_600_000;
const FIVE_MINUTES_MS = 300_000;

function durationMs(config: Config | undefined, key: string, fallback: number) {
  return config?.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : fallback;
}

/** Reads and checks `observability.releases`; throws an InputError naming a bad key. */
export function readReleasesConfig(root: Config): ReleasesConfig {
  const config = root.getOptionalConfig('observability.releases');
  const retentionMs = durationMs(config, 'retention', 365 * 24 * HOUR_MS);
  const impactSpanMs = durationMs(config, 'impactSpan', 24 * HOUR_MS);
  const exportPerEntity = config?.getOptionalNumber('exportPerEntity') ?? 10;
  if (retentionMs < 24 * HOUR_MS) {
    throw new InputError(
      'observability.releases.retention must be at least 1 day',
    );
  }
  if (
    impactSpanMs < HOUR_MS ||
    impactSpanMs > 7 * 24 * HOUR_MS ||
    impactSpanMs % FIVE_MINUTES_MS !== 0
  ) {
    throw new InputError(
      'observability.releases.impactSpan must be a whole number of 5 minutes from 1 hour to 7 days (the SLO sums are 5-minute ones)',
    );
  }
  if (
    !Number.isInteger(exportPerEntity) ||
    exportPerEntity < 0 ||
    exportPerEntity > 100
  ) {
    throw new InputError(
      'observability.releases.exportPerEntity must be a whole number from 0 to 100',
    );
  }
  return { retentionMs, impactSpanMs, exportPerEntity };
}
