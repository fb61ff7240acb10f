/*
 * The Lookout demo backend: catalog, guest auth, permissions, the Kubernetes plugin, the
 * scaffolder and Lookout's observability plugin, on the new backend system.
 */

import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleObservability } from '@lookout/plugin-observability-backend';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// The scaffolder (Create page) with Lookout's lookout:annotations:* actions and GitHub's
// publish actions (the onboarding template opens a pull request).
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@lookout/plugin-scaffolder-backend-module-observability'));

// The allow-all policy is a module: replace this line with your own policy module to swap it.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-kubernetes-backend'));

// Events: the catalog's event endpoints (errors and conflicts); Lookout's reconciler picks up
// entity changes on its schedule (catalog 4.0 publishes no entity-change events).
backend.add(import('@backstage/plugin-events-backend'));

// Lookout: the observability plugin and the catalog module validating its annotations.
backend.add(import('@lookout/plugin-observability-backend'));
backend.add(catalogModuleObservability);

backend.start();
