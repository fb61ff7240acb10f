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
