import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';

import { rootRouteRef } from './routes';

export const page = PageBlueprint.make({
  params: {
    path: '/observability',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/TodoPage').then(m => (
        <m.TodoPage />
      )),
  },
});

export const observabilityPlugin = createFrontendPlugin({
  pluginId: 'observability',
  extensions: [page],
  routes: {
    root: rootRouteRef,
  }
});
