/**
 * Backend of the Lookout observability plugins: validation of the annotations at catalog
 * ingestion, provisioning of the rendered objects, and the signals API.
 *
 * @packageDocumentation
 */

export { observabilityPlugin as default } from './plugin';
export { catalogModuleObservability } from './catalogModule';
export { ObservabilityAnnotationProcessor } from './processor/ObservabilityAnnotationProcessor';
