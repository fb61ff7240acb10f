/*
 * Route references of the plugin's pages and entity tabs (legacy refs; the new frontend system
 * converts them in alpha.tsx).
 */
import { createRouteRef } from '@backstage/core-plugin-api';

/** The SLO overview page. */
export const sloOverviewRouteRef = createRouteRef({
  id: 'observability:slo-overview',
});

/** The SLOs tab of an entity. */
export const entitySlosRouteRef = createRouteRef({
  id: 'observability:entity-slos',
});

/** The Logs tab of an entity. */
export const entityLogsRouteRef = createRouteRef({
  id: 'observability:entity-logs',
});

/** The Traces tab of an entity. */
export const entityTracesRouteRef = createRouteRef({
  id: 'observability:entity-traces',
});

/** The Metrics tab of an entity. */
export const entityMetricsRouteRef = createRouteRef({
  id: 'observability:entity-metrics',
});
