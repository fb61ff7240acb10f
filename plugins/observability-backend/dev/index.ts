/*
 * Standalone development backend of the plugin: the real catalog reading the demo catalog,
 * guest auth and the allow-all permission policy. `yarn start` in this package.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleObservability } from '../src';

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);
backend.add(import('../src'));
backend.add(catalogModuleObservability);
backend.start();
