/**
 * Lookout's observability frontend: the SLOs, Logs, Traces and Metrics entity tabs, the overview card and
 * the SLO overview page, on the legacy frontend system. The new frontend system's plugin is the
 * default export of `@lookout/plugin-observability/alpha`.
 *
 * @packageDocumentation
 */

export {
  observabilityPlugin,
  EntityObservabilityCard,
  EntitySlosContent,
  EntityLogsContent,
  EntityTracesContent,
  EntityMetricsContent,
  SloOverviewPage,
} from './plugin';
export { observabilityApiRef } from './api/ObservabilityApi';
export type {
  ObservabilityApi,
  EntityRefLike,
  GetLogsOptions,
  GetTracesOptions,
  ListSlosOptions,
  ObservabilityResponse,
  TimeInput,
  TimeWindow,
} from './api/ObservabilityApi';
export { ObservabilityClient } from './api/ObservabilityClient';
export type { ObservabilityClientOptions } from './api/ObservabilityClient';
export { SloOverviewContent } from './components/overview/SloOverviewContent';
export type { EntityObservabilityCardProps } from './components/card/EntityObservabilityCard';
export type { EntitySlosContentProps } from './components/slos/EntitySlosContent';
export type { EntityLogsContentProps } from './components/logs/EntityLogsContent';
export type { EntityTracesContentProps } from './components/traces/EntityTracesContent';
export type { EntityMetricsContentProps } from './components/metrics/EntityMetricsContent';
export type { SloOverviewContentProps } from './components/overview/SloOverviewContent';
export type { SloOverviewPageProps } from './components/overview/SloOverviewPage';
export type { TimeRange, TimeRangePreset } from './lib/timeRange';
