/**
 * The demo service of the Lookout examples.
 *
 * @packageDocumentation
 */
export { createDemoServer } from './server';
export type { Behaviour, LogSink } from './server';
export { startTelemetry } from './telemetry';
