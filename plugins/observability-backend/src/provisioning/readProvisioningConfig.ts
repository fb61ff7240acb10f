/*
 * Reads `observability.provisioning.*`: whether the reconciler runs, its schedule, full-sync
 * interval, retry back-off, and the sink entries (DESIGN §5).
 */
import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { DEFAULT_RETRY_POLICY, RetryPolicy } from './retryPolicy';

/** One entry of `observability.provisioning.sinks`. */
export interface SinkEntry {
  type: string;
  /** `name`, or the type. */
  name: string;
  config: Config;
}

/** The reconciler's settings. */
export interface ProvisioningConfig {
  enabled: boolean;
  schedule: {
    frequency: HumanDuration;
    timeout: HumanDuration;
    initialDelay: HumanDuration;
  };
  /** Interval of full syncs (orphans pruned, missing objects provisioned again), in ms. */
  fullSyncIntervalMs: number;
  retry: RetryPolicy;
  sinks: SinkEntry[];
}

const KEY = 'observability.provisioning';

function readDuration(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config?.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

function readSinks(config: Config | undefined): SinkEntry[] {
  const entries = config?.getOptionalConfigArray('sinks');
  if (!entries) {
    // The embedded default for local use: the operator format into the default folder.
    return [
      { type: 'kustomize', name: 'kustomize', config: new ConfigReader({}) },
    ];
  }
  const names = new Set<string>();
  return entries.map((entry, index) => {
    const type = entry.getString('type');
    const name = entry.getOptionalString('name') ?? type;
    if (names.has(name)) {
      throw new Error(
        `${KEY}.sinks[${index}]: a second sink named "${name}"; give each sink of the same type a distinct name`,
      );
    }
    names.add(name);
    return { type, name, config: entry };
  });
}

/** Reads the provisioning settings; throws naming the key when a value is invalid. */
export function readProvisioningConfig(root: Config): ProvisioningConfig {
  const config = root.getOptionalConfig(KEY);
  const schedule = config?.getOptionalConfig('schedule');
  const retry = config?.getOptionalConfig('retry');
  return {
    enabled: config?.getOptionalBoolean('enabled') ?? true,
    schedule: {
      frequency: readDuration(schedule, 'frequency', { seconds: 30 }),
      timeout: readDuration(schedule, 'timeout', { minutes: 5 }),
      initialDelay: readDuration(schedule, 'initialDelay', { seconds: 5 }),
    },
    fullSyncIntervalMs: durationToMilliseconds(
      readDuration(config, 'fullSync', { hours: 1 }),
    ),
    retry: {
      initialDelayMs: retry?.has('initialDelay')
        ? durationToMilliseconds(
            readDurationFromConfig(retry, { key: 'initialDelay' }),
          )
        : DEFAULT_RETRY_POLICY.initialDelayMs,
      maxDelayMs: retry?.has('maxDelay')
        ? durationToMilliseconds(
            readDurationFromConfig(retry, { key: 'maxDelay' }),
          )
        : DEFAULT_RETRY_POLICY.maxDelayMs,
    },
    sinks: readSinks(config),
  };
}
