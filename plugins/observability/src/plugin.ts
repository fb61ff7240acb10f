/*
 * The plugin for apps on the legacy frontend system (core-plugin-api): the API factory and the
 * card, tab and page extensions. Apps on the new frontend system use `./alpha`.
 */
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { observabilityApiRef } from './api/ObservabilityApi';
import { LookoutSloField } from './components/onboarding/LookoutSloField';
import { lookoutSloFieldValidation } from './components/onboarding/lookoutSloFieldValidation';
import { ObservabilityClient } from './api/ObservabilityClient';
import {
  entityLogsRouteRef,
  entityMetricsRouteRef,
  entitySlosRouteRef,
  entityTracesRouteRef,
  scaffolderTemplateRouteRef,
  sloOverviewRouteRef,
} from './routes';
import type { EntityLogsContentProps } from './components/logs/EntityLogsContent';
import type { EntityMetricsContentProps } from './components/metrics/EntityMetricsContent';
import type { EntityObservabilityCardProps } from './components/card/EntityObservabilityCard';
import type { EntitySlosContentProps } from './components/slos/EntitySlosContent';
import type { EntityTracesContentProps } from './components/traces/EntityTracesContent';
import type { SloOverviewPageProps } from './components/overview/SloOverviewPage';

/**
 * The Lookout observability plugin.
 * @public
 */
export const observabilityPlugin = createPlugin({
  id: 'observability',
  apis: [
    createApiFactory({
      api: observabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ObservabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    sloOverview: sloOverviewRouteRef,
    entitySlos: entitySlosRouteRef,
    entityLogs: entityLogsRouteRef,
    entityTraces: entityTracesRouteRef,
    entityMetrics: entityMetricsRouteRef,
  },
  externalRoutes: {
    scaffolderTemplate: scaffolderTemplateRouteRef,
  },
});

/**
 * Overview card of the entity's Lookout setup, problems, budgets, alerts and provisioning.
 * @public
 */
export const EntityObservabilityCard: (
  props: EntityObservabilityCardProps,
) => JSX.Element = observabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityObservabilityCard',
    component: {
      lazy: () =>
        import('./components/card/EntityObservabilityCard').then(
          m => m.EntityObservabilityCard,
        ),
    },
  }),
);

/**
 * SLOs tab of an entity page.
 * @public
 */
export const EntitySlosContent: (props: EntitySlosContentProps) => JSX.Element =
  observabilityPlugin.provide(
    createRoutableExtension({
      name: 'EntitySlosContent',
      component: () =>
        import('./components/slos/EntitySlosContent').then(
          m => m.EntitySlosContent,
        ),
      mountPoint: entitySlosRouteRef,
    }),
  );

/**
 * Logs tab of an entity page.
 * @public
 */
export const EntityLogsContent: (props: EntityLogsContentProps) => JSX.Element =
  observabilityPlugin.provide(
    createRoutableExtension({
      name: 'EntityLogsContent',
      component: () =>
        import('./components/logs/EntityLogsContent').then(
          m => m.EntityLogsContent,
        ),
      mountPoint: entityLogsRouteRef,
    }),
  );

/**
 * Traces tab of an entity page.
 * @public
 */
export const EntityTracesContent: (
  props: EntityTracesContentProps,
) => JSX.Element = observabilityPlugin.provide(
  createRoutableExtension({
    name: 'EntityTracesContent',
    component: () =>
      import('./components/traces/EntityTracesContent').then(
        m => m.EntityTracesContent,
      ),
    mountPoint: entityTracesRouteRef,
  }),
);

/**
 * Metrics tab of an entity: golden signals and custom PromQL panels.
 * @public
 */
export const EntityMetricsContent: (
  props: EntityMetricsContentProps,
) => JSX.Element = observabilityPlugin.provide(
  createRoutableExtension({
    name: 'EntityMetricsContent',
    component: () =>
      import('./components/metrics/EntityMetricsContent').then(
        m => m.EntityMetricsContent,
      ),
    mountPoint: entityMetricsRouteRef,
  }),
);

/**
 * Page listing every SLO in the catalog.
 * @public
 */
export const SloOverviewPage: (props: SloOverviewPageProps) => JSX.Element =
  observabilityPlugin.provide(
    createRoutableExtension({
      name: 'SloOverviewPage',
      component: () =>
        import('./components/overview/SloOverviewPage').then(
          m => m.SloOverviewPage,
        ),
      mountPoint: sloOverviewRouteRef,
    }),
  );

/**
 * The onboarding template's SLO field (`ui:field: LookoutSloField`), validated by the backend's
 * parser as the user types. Place it inside `<ScaffolderFieldExtensions>` of the scaffolder page.
 * @public
 */
export const LookoutSloFieldExtension = observabilityPlugin.provide(
  createScaffolderFieldExtension({
    name: 'LookoutSloField',
    component: LookoutSloField,
    validation: lookoutSloFieldValidation,
  }),
);
