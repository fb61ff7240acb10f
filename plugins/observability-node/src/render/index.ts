/*
 * The render engine's public surface: entity in, objects and files out.
 */
export * from './types';
export { renderEntity } from './renderEntity';
export type { RenderParts } from './renderEntity';
export {
  openSloLocation,
  renderAnnotatedEntity,
} from './renderAnnotatedEntity';
export type {
  AnnotatedEntityRender,
  AnnotatedEntityStage,
  OpenSloText,
} from './renderAnnotatedEntity';
export {
  toOperatorFiles,
  operatorEntityFiles,
  operatorRootKustomization,
  hasOutput,
  sortFiles,
  GRAFANA_DASHBOARD_LABEL,
  GRAFANA_FOLDER_ANNOTATION,
} from './output/operatorFiles';
export type { OperatorLayoutOptions } from './output/operatorFiles';
export {
  toPrometheusFiles,
  prometheusEntityFiles,
  alertmanagerConfigFile,
  ruleFilePath,
  ruleTestFilePath,
  ruleFileFromTests,
  ALERTMANAGER_FILE,
} from './output/prometheusFiles';
export {
  generatedNotice,
  noticeInstance,
  DEFAULT_INSTANCE_ID,
  hasYamlHeader,
  yamlHeader,
  GENERATED_NOTICE_PREFIX,
  YAML_HEADER_ALL,
} from './output/generatedNotice';
export { toYaml, toStableJson } from './output/serialize';
export {
  decodeEntitySlug,
  entityNameProblem,
  entitySlug,
} from './scrape/entitySlug';
export type { EntityNameProblem } from './scrape/entitySlug';
export {
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  INSTANCE_LABEL,
  ENTITY_REF_ANNOTATION,
} from './scrape/kubernetesObject';
export type {
  GeneratedObject,
  GeneratedObjectMeta,
} from './scrape/kubernetesObject';
export { parseLabelSelector } from './scrape/labelSelector';
export type {
  LabelSelector,
  LabelSelectorRequirement,
} from './scrape/labelSelector';
export { renderDashboard, DASHBOARD_TAG } from './dashboard/renderDashboard';
export { redQueries } from './dashboard/panelQueries';
export type {
  PanelQuery,
  RedQueries,
  RedQueryOptions,
} from './dashboard/panelQueries';

export { RELEASE_INFO_METRIC } from './dashboard/releaseAnnotations';
export type { GrafanaOperatorOptions } from './dashboard/grafanaDashboardObject';
export * from './rules';
export * from './alertmanager';
export type { ScrapeRender } from './scrape/renderScrape';
export type { TargetGroup } from './scrape/staticTargets';
export { renderScrape } from './scrape/renderScrape';
