import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { readObservabilityConfig } from '@lookout/plugin-observability-node';
import { createAddAnnotationsAction } from './actions/createAddAnnotationsAction';
import { createValidateAnnotationsAction } from './actions/createValidateAnnotationsAction';

/**
 * Registers `lookout:annotations:add` and `lookout:annotations:validate` with the scaffolder;
 * they parse with the same options (`observability.presets`, ...) as the catalog module.
 *
 * @public
 */
export const scaffolderModuleObservability = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'observability',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ config, scaffolderActions }) {
        const { parseOptions } = readObservabilityConfig(config);
        scaffolderActions.addActions(
          createAddAnnotationsAction({ parseOptions }),
          createValidateAnnotationsAction({ parseOptions }),
        );
      },
    });
  },
});
