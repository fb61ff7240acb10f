/*
 * The promtool commands of the benchmark: checking rule files and backfilling TSDB blocks from
 * OpenMetrics text and from recording rules.
 */
import { durationMs } from '../emulators/goFormat';
import { run } from './processes';

/** Block ranges promtool can produce: 2h × 3ⁿ (tsdb.ExponentialBlockRanges). */
const BLOCK_RANGES_HOURS = [2, 6, 18, 54, 162, 486, 1458, 4374];

/** Prometheus refuses range queries of more than 11,000 points per series. */
const MAX_POINTS = 11000;

/** `promtool check rules <file>`: fails on any rule Prometheus would not load. */
export async function checkRules(file: string, log: string): Promise<void> {
  await run('promtool', ['check', 'rules', file], log);
}

/**
 * Imports an OpenMetrics file into blocks in `outDir`, with blocks as long as promtool allows:
 * promtool re-reads the whole input once per block, so long blocks save most of the time.
 */
export async function importOpenMetrics(
  file: string,
  outDir: string,
  log: string,
): Promise<void> {
  await run(
    'promtool',
    [
      'tsdb',
      'create-blocks-from',
      'openmetrics',
      '--max-block-duration=4374h',
      '-q',
      file,
      outDir,
    ],
    log,
  );
}

/**
 * Backfills the recording rules of `ruleFile` from the Prometheus at `url`, evaluated every
 * `evalInterval` over [start, end] (Unix seconds), into blocks in `outDir`. Blocks are as long
 * as a range query of one block stays under Prometheus' 11,000 points.
 */
export async function importRules(options: {
  ruleFile: string;
  url: string;
  start: number;
  end: number;
  evalInterval: string;
  outDir: string;
  log: string;
}): Promise<void> {
  const stepHours = durationMs(options.evalInterval) / 3_600_000;
  const blockHours =
    BLOCK_RANGES_HOURS.filter(h => h / stepHours <= MAX_POINTS).pop() ?? 2;
  await run(
    'promtool',
    [
      'tsdb',
      'create-blocks-from',
      'rules',
      `--url=${options.url}`,
      `--start=${options.start}`,
      `--end=${options.end}`,
      `--eval-interval=${options.evalInterval}`,
      `--max-block-duration=${blockHours}h`,
      `--output-dir=${options.outDir}`,
      options.ruleFile,
    ],
    options.log,
  );
}
