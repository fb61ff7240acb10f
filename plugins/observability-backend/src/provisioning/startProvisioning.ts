/*
 * Wires provisioning into the plugin: the database state, the configured sinks, the reconciler
 * as a global scheduled task, and the status the HTTP route serves.
 */
import {
  AuthService,
  DatabaseService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ForwardedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ObservabilitySettings,
  SinkFactory,
} from '@lookout/plugin-observability-node';
import { DatabaseProvisioningStore } from '../database/DatabaseProvisioningStore';
import { createSinks, sinkFactoriesByType } from './createSinks';
import { EntityPipeline } from './EntityPipeline';
import { OpenSloReader } from './OpenSloReader';
import { ProvisioningStatus } from './ProvisioningStatus';
import { readProvisioningConfig } from './readProvisioningConfig';
import { ReconcileSummary, Reconciler } from './Reconciler';
import { ProvisioningStatusService } from './types';

/** Id of the reconciler's scheduled task (`scheduler.triggerTask` runs it at once). */
export const PROVISIONING_TASK_ID = 'observability-provisioning';

/** What provisioning needs from the plugin's environment. */
export interface ProvisioningDependencies {
  config: Config;
  logger: LoggerService;
  database: DatabaseService;
  scheduler: SchedulerService;
  auth: AuthService;
  catalog: CatalogService;
  urlReader: UrlReaderService;
  settings: ObservabilitySettings;
  /** Sink types added through the `observability.sinks` extension point. */
  sinkFactories: SinkFactory[];
}

function changedAnything(summary: ReconcileSummary): boolean {
  return (
    summary.upserts +
      summary.removals +
      summary.pruned +
      summary.renderFailures >
    0
  );
}

/**
 * Starts the reconciler (unless `observability.provisioning.enabled` is false) and returns the
 * status service of the `.../provisioning` route.
 */
export async function startProvisioning(
  deps: ProvisioningDependencies,
): Promise<ProvisioningStatusService | undefined> {
  const provisioning = readProvisioningConfig(deps.config);
  if (!provisioning.enabled) {
    deps.logger.info(
      'Provisioning is turned off (observability.provisioning.enabled: false)',
    );
    return undefined;
  }
  const store = await DatabaseProvisioningStore.create(deps.database);
  const sinks = await createSinks({
    entries: provisioning.sinks,
    factories: sinkFactoriesByType(deps.sinkFactories),
    rootConfig: deps.config,
    logger: deps.logger,
    renderOptions: deps.settings.renderOptions,
  });
  const reconciler = new Reconciler({
    catalog: deps.catalog,
    auth: deps.auth,
    store,
    sinks,
    pipeline: new EntityPipeline(
      deps.settings,
      new OpenSloReader(deps.urlReader),
    ),
    logger: deps.logger,
    retry: provisioning.retry,
    fullSyncIntervalMs: provisioning.fullSyncIntervalMs,
  });

  await deps.scheduler.scheduleTask({
    id: PROVISIONING_TASK_ID,
    scope: 'global',
    ...provisioning.schedule,
    fn: async signal => {
      let summary: ReconcileSummary;
      try {
        summary = await reconciler.reconcile(signal);
      } catch (error) {
        throw new ForwardedError('Provisioning run failed', error);
      }
      if (changedAnything(summary)) {
        deps.logger.info('Provisioning run finished', { ...summary });
      } else {
        deps.logger.debug('Provisioning run finished', { ...summary });
      }
    },
  });
  return new ProvisioningStatus(
    store,
    sinks.map(sink => sink.name),
  );
}
