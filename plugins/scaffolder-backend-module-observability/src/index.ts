/**
 * Scaffolder actions of Lookout: `lookout:annotations:add` adds or replaces an entity's
 * `lookout.dev/*` annotations in a catalog-info.yaml, `lookout:annotations:validate` checks them,
 * both with the parser the catalog uses.
 *
 * @packageDocumentation
 */

export { scaffolderModuleObservability as default } from './module';
export { createAddAnnotationsAction } from './actions/createAddAnnotationsAction';
export { createValidateAnnotationsAction } from './actions/createValidateAnnotationsAction';
export type { AnnotationsActionOptions } from './catalogFile/checkAnnotations';
