/*
 * Provisioning sinks: the contract, the `observability.sinks` extension point and the built-in
 * file sinks (`kustomize`, `prometheus-files`).
 */
export * from './types';
export * from './sinksExtensionPoint';
export { removalOf, upsertOf } from './sinkChanges';
export { applyPerEntity, pruneUnowned, runEntityChanges } from './entityRunner';
export type {
  EntityHandlers,
  EntityWritten,
  PruneTarget,
} from './entityRunner';
export type { SinkFileSystem, SinkDirEntry } from './fs/SinkFileSystem';
export { nodeSinkFileSystem } from './fs/SinkFileSystem';
export {
  isOwnTempFile,
  tempPathFor,
  writeFileAtomic,
  TEMP_FILE_PATTERN,
} from './fs/writeFileAtomic';
export { generatedFileInstance, isGeneratedFile } from './ownership';
export type { GeneratedFileKind } from './ownership';
export { KustomizeSink } from './kustomize/KustomizeSink';
export type { KustomizeSinkOptions } from './kustomize/KustomizeSink';
export { entityFolderFiles } from './kustomize/entityFolderFiles';
export {
  parentKustomization,
  readParentKustomization,
  KUSTOMIZATION_FILE,
} from './kustomize/parentKustomization';
export { PrometheusFilesSink } from './prometheusFiles/PrometheusFilesSink';
export type { PrometheusFilesSinkOptions } from './prometheusFiles/PrometheusFilesSink';
export {
  reloadPrometheus,
  PrometheusReloadRejectedError,
} from './prometheusFiles/reloadPrometheus';
export type { ReloadOptions } from './prometheusFiles/reloadPrometheus';
export {
  operatorObjects,
  manifestId,
  parseManifestId,
} from './operatorObjects';
export type { KubernetesManifest } from './operatorObjects';
export {
  kustomizeSinkFactory,
  prometheusFilesSinkFactory,
  alertmanagerFilesSinkFactory,
  DEFAULT_KUSTOMIZE_DIRECTORY,
} from './fileSinkFactories';
export { AlertmanagerFilesSink } from './alertmanagerFiles/AlertmanagerFilesSink';
export type { AlertmanagerFilesSinkOptions } from './alertmanagerFiles/AlertmanagerFilesSink';
