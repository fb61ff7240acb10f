/**
 * Lookout's observability frontend for the new frontend system: the API, the overview card, the
 * SLOs, Logs, Traces and Metrics entity tabs (in the entity page's "Observability" group) and the SLO
 * overview page at `/observability/slos`, with its navigation item.
 *
 * Gating (predicates of the common package): the card (`hasMetricsTab`: any Lookout annotation or
 * one of Roadie's Prometheus or the Grafana plugin's, so that it can say what it made of them) and the Logs
 * and Traces tabs (`hasLogs`, `hasTraces`) appear on entities with any `lookout.dev/` annotation,
 * since logs and traces have defaults (the configured stream selector, the entity name as
 * service); the SLOs tab (`hasSlos`) only where an SLO annotation is set (`slo-availability`,
 * `slo-latency`, `slos`, `openslo`); the Metrics tab (`hasMetricsTab`) on entities with any
 * Lookout annotation or one of Roadie's Prometheus or the Grafana plugin's annotations. Each
 * filter can be overridden in app-config.
 *
 * @packageDocumentation
 */
import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  hasLogs,
  hasMetricsTab,
  hasSlos,
  hasTraces,
} from '@lookout/plugin-observability-common';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';
import TrackChangesIcon from '@material-ui/icons/TrackChanges';
import { observabilityApiFactory } from './api/observabilityApiFactory';
import { observabilityExternalRoutes, observabilityRoutes } from './routes';

const routes = convertLegacyRouteRefs(observabilityRoutes);

/** The `ObservabilityClient` as `observabilityApiRef`. @alpha */
export const observabilityApi = ApiBlueprint.make({
  params: defineParams => defineParams(observabilityApiFactory),
});

/** Overview card, on entities with Lookout annotations or Roadie's/Grafana's. @alpha */
export const entityObservabilityCard = EntityCardBlueprint.make({
  name: 'overview',
  params: {
    filter: hasMetricsTab,
    loader: () =>
      import('./components/card/EntityObservabilityCard').then(m => (
        <m.EntityObservabilityCard />
      )),
  },
});

/**
 * Onboarding card, on components the overview card skips (no Lookout, Roadie or Grafana
 * annotations): the overview card's empty state,
 * with "Add observability" opening the onboarding template for the entity. Disable it with
 * `entity-card:observability/onboarding: false` in `app.extensions`.
 * @alpha
 */
export const entityObservabilityOnboardingCard = EntityCardBlueprint.make({
  name: 'onboarding',
  params: {
    filter: entity =>
      entity.kind.toLocaleLowerCase('en-US') === 'component' &&
      !hasMetricsTab(entity),
    loader: () =>
      import('./components/card/EntityObservabilityCard').then(m => (
        <m.EntityObservabilityCard />
      )),
  },
});

/**
 * The onboarding template's SLO field (`ui:field: LookoutSloField`), validated by the backend's
 * parser as the user types.
 * @alpha
 */
export const lookoutSloFormField = FormFieldBlueprint.make({
  name: 'slo',
  params: {
    field: () =>
      Promise.all([
        import('./components/onboarding/LookoutSloField'),
        import('./components/onboarding/lookoutSloFieldValidation'),
      ]).then(([{ LookoutSloField }, { lookoutSloFieldValidation }]) =>
        createFormField({
          name: 'LookoutSloField',
          component: LookoutSloField,
          validation: lookoutSloFieldValidation,
        }),
      ),
  },
});

/** SLOs tab, on entities that declare an SLO. @alpha */
export const entitySlosContent = EntityContentBlueprint.make({
  name: 'slos',
  params: {
    path: 'slos',
    title: 'SLOs',
    group: 'observability',
    routeRef: routes.entitySlos,
    filter: hasSlos,
    loader: () =>
      import('./components/slos/EntitySlosContent').then(m => (
        <m.EntitySlosContent />
      )),
  },
});

/** Logs tab, on entities with Lookout annotations. @alpha */
export const entityLogsContent = EntityContentBlueprint.make({
  name: 'logs',
  params: {
    path: 'logs',
    title: 'Logs',
    group: 'observability',
    routeRef: routes.entityLogs,
    filter: hasLogs,
    loader: () =>
      import('./components/logs/EntityLogsContent').then(m => (
        <m.EntityLogsContent />
      )),
  },
});

/** Traces tab, on entities with Lookout annotations. @alpha */
export const entityTracesContent = EntityContentBlueprint.make({
  name: 'traces',
  params: {
    path: 'traces',
    title: 'Traces',
    group: 'observability',
    routeRef: routes.entityTraces,
    filter: hasTraces,
    loader: () =>
      import('./components/traces/EntityTracesContent').then(m => (
        <m.EntityTracesContent />
      )),
  },
});

/** Metrics tab, on entities with Lookout annotations or Roadie's/Grafana's. @alpha */
export const entityMetricsContent = EntityContentBlueprint.make({
  name: 'metrics',
  params: {
    path: 'metrics',
    title: 'Metrics',
    group: 'observability',
    routeRef: routes.entityMetrics,
    filter: hasMetricsTab,
    loader: () =>
      import('./components/metrics/EntityMetricsContent').then(m => (
        <m.EntityMetricsContent />
      )),
  },
});

/**
 * SLO overview page; its title and icon make the app's navigation item (frontend-plugin-api
 * 0.18 has no separate nav item blueprint).
 * @alpha
 */
export const sloOverviewPage = PageBlueprint.make({
  name: 'slo-overview',
  params: {
    path: '/observability/slos',
    title: 'SLOs',
    icon: <TrackChangesIcon />,
    routeRef: routes.sloOverview,
    loader: () =>
      import('./components/overview/SloOverviewContent').then(m => (
        <m.SloOverviewContent />
      )),
  },
});

/**
 * The observability plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'observability',
  title: 'Observability',
  icon: <TrackChangesIcon />,
  info: { packageJson: () => import('../package.json') },
  routes,
  externalRoutes: convertLegacyRouteRefs(observabilityExternalRoutes),
  extensions: [
    observabilityApi,
    entityObservabilityCard,
    entityObservabilityOnboardingCard,
    lookoutSloFormField,
    entitySlosContent,
    entityLogsContent,
    entityTracesContent,
    entityMetricsContent,
    sloOverviewPage,
  ],
});
