/*
 * The plugin for apps on the legacy frontend system (core-plugin-api): the API factory and the
 * card, tab and page extensions. Apps on the new frontend system use `./alpha`.
 */
import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { observabilityApiFactory } from './api/observabilityApiFactory';
import { LookoutSloField } from './components/onboarding/LookoutSloField';
import { lookoutSloFieldValidation } from './components/onboarding/lookoutSloFieldValidation';
import { observabilityExternalRoutes, observabilityRoutes } from './routes';
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
  apis: [observabilityApiFactory],
  routes: observabilityRoutes,
  externalRoutes: observabilityExternalRoutes,
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
      mountPoint: observabilityRoutes.entitySlos,
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
      mountPoint: observabilityRoutes.entityLogs,
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
    mountPoint: observabilityRoutes.entityTraces,
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
    mountPoint: observabilityRoutes.entityMetrics,
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
      mountPoint: observabilityRoutes.sloOverview,
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
