/*
 * Wires releases into the plugin: the store in the plugin's database, the service over it and
 * Prometheus, the Grafana annotations of the `grafana` sink, and the retention task.
 */
import {
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ForwardedError } from '@backstage/errors';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';
import { PrometheusClient } from '../signals/prometheus/PrometheusClient';
import { GrafanaReleaseAnnotator } from './GrafanaReleaseAnnotator';
import { readReleasesConfig } from './readReleasesConfig';
import { ReleaseService } from './ReleaseService';

/** Id of the retention task. */
export const RELEASE_RETENTION_TASK_ID = 'observability-release-retention';

/** Starts the releases part of the plugin; resolves to the service and the export bound. */
export async function startReleases(deps: {
  config: Config;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  prometheus?: PrometheusClient;
}): Promise<{ service: ReleaseService; exportPerEntity: number }> {
  const settings = readReleasesConfig(deps.config);
  const store = await DatabaseReleaseStore.create(deps.database);
  await deps.scheduler.scheduleTask({
    id: RELEASE_RETENTION_TASK_ID,
    scope: 'global',
    frequency: { hours: 1 },
    timeout: { minutes: 5 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      try {
        const removed = await store.prune(Date.now() - settings.retentionMs);
        if (removed > 0) {
          deps.logger.info('Pruned releases past their retention', { removed });
        }
      } catch (error) {
        throw new ForwardedError('Release retention run failed', error);
      }
    },
  });
  const service = new ReleaseService({
    store,
    prometheus: deps.prometheus,
    impactSpanMs: settings.impactSpanMs,
    annotator: GrafanaReleaseAnnotator.fromConfig(deps.config, deps.logger),
  });
  return { service, exportPerEntity: settings.exportPerEntity };
}
