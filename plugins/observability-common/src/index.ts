/**
 * Annotation contract, parser/validator and API types shared by the Lookout observability
 * plugins. Isomorphic: no backend or frontend APIs.
 *
 * @packageDocumentation
 */

export * from './annotations/annotations';
export * from './spec/types';
export * from './slo/burnRateTiers';
export * from './api/types';
export * from './api/metrics';

export * from './api/validation';

export * from './spec/parseObservabilitySpec';
export { entityIdentity } from './spec/entityIdentity';
export type { EntityIdentity } from './spec/entityIdentity';
export * from './annotations/predicates';
export * from './annotations/annotationsFromInput';
export * from './openslo/parseOpenSloDocuments';
export { mergeOpenSloSlos } from './openslo/mergeOpenSloSlos';
export { parseCounterQuery } from './openslo/counterQuery';
export type { Parsed } from './validation/result';
export { parseHttpUrl } from './validation/httpUrl';
export { formatProblemPath } from './validation/zodFields';
export { parseVectorSelector } from './promql/vectorSelector';
export {
  formatVectorSelector,
  formatLabelMatcher,
  isBareMetricName,
} from './promql/formatVectorSelector';
export { quotePromqlString, unquotePromqlString } from './promql/stringLiteral';
export * from './promql/names';
export {
  checkPanelQueryScope,
  entityScopeMatchers,
  scopeQueryToEntity,
} from './panels/panelQueryScope';
export * from './panels/panelDefinitions';
export * from './panels/metricsSelector';
export * from './panels/importedAnnotations';
export { parseLogStreamSelector } from './logql/streamSelector';
export { parseLokiTenant } from './logql/lokiTenant';
export * from './duration/duration';
export * from './metrics/scrapeSettings';
export * from './slo/window';
export { parseObjective } from './slo/objective';
export * from './slo/threshold';
export * from './slo/sloName';
export * from './slo/sloLabels';
export * from './slo/presets';
export * from './slo/sloDefinitions';
export { findUnreachableTiers } from './slo/unreachableTiers';
export { measuresNothing } from './slo/measuresNothing';
export { requirePrometheus2Selector } from './promql/prometheus2Selector';
export type { UnreachableTier } from './slo/unreachableTiers';
export * from './alerting';

export * from './permissions/permissions';
export * from './releases/types';
export * from './releases/deployPolicy';
export type { QueryValidation, ComposedQuery } from './queries/queryValidation';
export {
  composeLogQuery,
  validateLogqlPipeline,
  MAX_LOG_FILTER_LENGTH,
} from './queries/logqlPipeline';
export {
  composeTraceQuery,
  validateTraceqlCondition,
  quoteTraceqlString,
  MAX_TRACE_CONDITION_LENGTH,
} from './queries/traceqlCondition';
export {
  sloState,
  errorBudgetRemainingOf,
  WARNING_BUDGET_REMAINING,
} from './slo/sloState';
export type { SloState, SloStateFigures } from './slo/sloState';
export { DEFAULT_SIGNAL_KINDS } from './spec/signalScope';
