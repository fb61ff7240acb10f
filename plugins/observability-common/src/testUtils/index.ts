/**
 * Test fixtures shared by the Lookout observability plugins' tests: the SLOs, OpenSLO documents
 * and annotation specs every package's tests start from.
 *
 * @packageDocumentation
 */
export * from './sloFixtures';
export * from './openSloFixtures';
export * from './entityFixtures';
