/*
 * The harness of the integration tests against a real Prometheus holding backfilled series:
 * `describeWithStack` runs a suite only where the stack's binaries are installed (under CI a
 * missing one fails), and `withBackfilledPrometheus` starts, for the suite, a Prometheus whose
 * TSDB holds the OpenMetrics text it is given (`promtool tsdb create-blocks-from openmetrics`),
 * and stops it and removes its files afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  backfillOpenMetrics,
  requireStackBinaries,
  StackProcess,
  startPrometheus,
} from './prometheusStack';

/** The stack's binaries, or undefined where they are not installed. */
export const stackBinaries = requireStackBinaries();

/** `describe` where the stack's binaries are installed, `describe.skip` elsewhere. */
export const describeWithStack = stackBinaries ? describe : describe.skip;

/** The running Prometheus of a suite (set once its `beforeAll` has run). */
export interface BackfilledPrometheus {
  url: string;
}

/**
 * Registers the suite's `beforeAll` and `afterAll`: a Prometheus (no scrape config) holding the
 * series of `openMetrics()`, called once in `beforeAll`.
 */
export function withBackfilledPrometheus(
  openMetrics: () => string,
): BackfilledPrometheus {
  const handle: BackfilledPrometheus = { url: '' };
  const dir = mkdtempSync(join(tmpdir(), 'lookout-backfilled-'));
  let prometheus: StackProcess | undefined;
  beforeAll(async () => {
    const file = join(dir, 'series.om');
    writeFileSync(file, openMetrics());
    const dataDir = join(dir, 'data');
    await backfillOpenMetrics(stackBinaries!.promtool, file, dataDir);
    const configFile = join(dir, 'prometheus.yml');
    writeFileSync(configFile, 'global: {}\n');
    prometheus = await startPrometheus({
      binary: stackBinaries!.prometheus,
      configFile,
      dataDir,
    });
    handle.url = prometheus.url;
  });
  afterAll(async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return handle;
}
