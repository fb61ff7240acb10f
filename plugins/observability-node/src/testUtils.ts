/**
 * Internals of the node library that the benchmarks in `packages/bench` measure or drive: the
 * CLI's steps (read the catalog and settings, render, write the output folder) and the file system
 * that counts writes. Test and benchmark support only, not a stable API.
 *
 * @packageDocumentation
 */

/* eslint-disable no-restricted-imports -- this entry point exists to share test support
   (the write-counting file system) with the benchmarks. */

export { readCatalog } from './cli/readCatalog';
export { readSettings } from './cli/readSettings';
export { renderCatalog } from './cli/renderCatalog';
export { renderToFolder } from './cli/renderToFolder';
export { SinkOutput } from './cli/sinkOutput';
export { CrashingFileSystem } from './sinks/__testUtils__/crashingFileSystem';
