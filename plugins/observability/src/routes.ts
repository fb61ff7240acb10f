/*
 * Route references of the plugin's pages and entity tabs (legacy refs; the new frontend system
 * converts them in alpha.tsx).
 */
import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

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

/**
 * A scaffolder template's page (`/create/templates/:namespace/:templateName`), bound by default
 * to the scaffolder's `selectedTemplate` route; the card's onboarding buttons hide when the app
 * has no scaffolder.
 */
export const scaffolderTemplateRouteRef = createExternalRouteRef({
  id: 'observability:scaffolder-template',
  params: ['namespace', 'templateName'],
  optional: true,
  defaultTarget: 'scaffolder.selectedTemplate',
});

/** The plugin's routes, by the names apps bind them with. */
export const observabilityRoutes = {
  sloOverview: sloOverviewRouteRef,
  entitySlos: entitySlosRouteRef,
  entityLogs: entityLogsRouteRef,
  entityTraces: entityTracesRouteRef,
  entityMetrics: entityMetricsRouteRef,
};

/** The plugin's external routes, by the names apps bind them with. */
export const observabilityExternalRoutes = {
  scaffolderTemplate: scaffolderTemplateRouteRef,
};
