/**
 * Node library of the Lookout observability plugins: the render engine (spec to scrape configs,
 * SLO rules, dashboards and manifests), the provisioning sink extension point and the `lookout`
 * CLI.
 *
 * @packageDocumentation
 */

export * from './render/types';
export * from './render';
export * from './config/readObservabilityConfig';
export * from './sinks';
export { runCli } from './cli/main';
export type { CliIo } from './cli/main';

export { formatProblem, problemLocation } from './cli/formatProblem';
