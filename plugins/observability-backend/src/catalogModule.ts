import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readObservabilityConfig } from '@lookout/plugin-observability-node';
import { ObservabilityAnnotationProcessor } from './processor/ObservabilityAnnotationProcessor';

/**
 * Catalog module validating Lookout annotations at ingestion
 * (`observability.validation.mode`: `lenient` logs, `strict` also fails processing).
 *
 * @public
 */
export const catalogModuleObservability = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'observability-annotations',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, catalog }) {
        const settings = readObservabilityConfig(config);
        catalog.addProcessor(
          new ObservabilityAnnotationProcessor({
            logger,
            mode: settings.validationMode,
            parseOptions: settings.parseOptions,
          }),
        );
      },
    });
  },
});
