import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readObservabilityConfig } from '@lookout/plugin-observability-node';
import { EntityLookup } from './entities/EntityLookup';
import { createRouter } from './router/createRouter';
import { createSignalServices } from './signals/createSignalServices';

/**
 * The Lookout observability backend plugin: serves `/api/observability`.
 *
 * @public
 */
export const observabilityPlugin = createBackendPlugin({
  pluginId: 'observability',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
      },
      async init({ config, httpAuth, httpRouter, catalog }) {
        const settings = readObservabilityConfig(config);
        httpRouter.use(
          await createRouter({
            httpAuth,
            entities: new EntityLookup(catalog),
            parseOptions: settings.parseOptions,
            signals: createSignalServices({
              config,
              catalog,
              parseOptions: settings.parseOptions,
            }),
          }),
        );
      },
    });
  },
});
