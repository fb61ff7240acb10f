import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  observabilitySinksExtensionPoint,
  readObservabilityConfig,
  SinkFactory,
} from '@lookout/plugin-observability-node';
import { EntityLookup } from './entities/EntityLookup';
import { createRouter } from './router/createRouter';
import { PagingService } from './paging/PagingService';
import { createSignalServices } from './signals/createSignalServices';
import { startProvisioning } from './provisioning/startProvisioning';
import { startReleases } from './releases/startReleases';
import { observabilityPermissions } from '@lookout/plugin-observability-common';

/**
 * The Lookout observability backend plugin: serves `/api/observability`.
 *
 * @public
 */
export const observabilityPlugin = createBackendPlugin({
  pluginId: 'observability',
  register(env) {
    const sinkFactories: SinkFactory[] = [];
    env.registerExtensionPoint(observabilitySinksExtensionPoint, {
      addSinkFactory(factory) {
        sinkFactories.push(factory);
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        urlReader: coreServices.urlReader,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        config,
        httpAuth,
        httpRouter,
        catalog,
        logger,
        database,
        scheduler,
        auth,
        urlReader,
        permissions,
        permissionsRegistry,
      }) {
        const settings = readObservabilityConfig(config);
        const provisioning = await startProvisioning({
          config,
          logger,
          database,
          scheduler,
          auth,
          catalog,
          urlReader,
          settings,
          sinkFactories,
        });
        const signals = createSignalServices({
          config,
          catalog,
          parseOptions: settings.parseOptions,
        });
        permissionsRegistry.addPermissions(observabilityPermissions);
        const releases = await startReleases({
          config,
          logger,
          database,
          scheduler,
          prometheus: signals.prometheus,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            entities: new EntityLookup(catalog),
            parseOptions: settings.parseOptions,
            signals,
            provisioning,
            paging: new PagingService(catalog, settings.alerting),

            permissions,
            releases: releases.service,
            exportPerEntity: releases.exportPerEntity,
          }),
        );
      },
    });
  },
});
