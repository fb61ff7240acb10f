/**
 * Internals of the backend plugin that the benchmarks in `packages/bench` measure or drive: a
 * real Prometheus for the API benchmarks, the queries they compare the routes against, and the
 * provisioning loop's parts for the reconcile benchmark. Test and benchmark support only, not a
 * stable API.
 *
 * @packageDocumentation
 */

/* eslint-disable no-restricted-imports -- this entry point exists to share test support
   (the Prometheus stack and the mutable catalog) with the benchmarks. */

export {
  backfillOpenMetrics,
  findBinary,
  startPrometheus,
} from './__testUtils__/prometheusStack';
export type { StackProcess } from './__testUtils__/prometheusStack';
export { entityFiguresQuery } from './signals/slos/sloQueries';
export { seriesGrid } from './signals/slos/seriesGrid';
export {
  conventions,
  discoveryQuery,
} from './signals/metrics/goldenSignalQueries';
export { MAX_METRIC_POINTS } from './signals/metrics/PrometheusMetricsService';
export {
  DatabaseProvisioningStore,
  migrateProvisioningDatabase,
} from './database/DatabaseProvisioningStore';
export { EntityPipeline } from './provisioning/EntityPipeline';
export { Reconciler } from './provisioning/Reconciler';
export { MutableCatalog } from './provisioning/__testUtils__/mutableCatalog';
