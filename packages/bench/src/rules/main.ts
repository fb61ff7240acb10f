/*
 * `yarn bench:rules`: Lookout's SLO rules against the Sloth and Pyrra forms of the same SLOs, on
 * real Prometheus servers over 30 days of synthetic history. See docs/benchmarks.md.
 *
 *   yarn bench:rules [options]   (packages/bench/src/rules/main.ts)
 *
 * Options: --slos N (200), --instances N (2), --seed N (1), --rounds N (10),
 * --eval-interval D (1s), --global-interval D (1m), --scrape-interval D (15s),
 * --sets lookout,sloth,pyrra, --parallel N (CPU count), --work-dir DIR, --keep,
 * --out FILE (packages/bench/results/latest.json).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { format } from 'prettier';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { durationMs } from '../emulators/goFormat';
import { compare } from './accuracy';
import { Backfill, linkTree } from './backfill';
import { Reported } from './accuracy';
import { startExporter } from './exporter';
import { liveRun } from './liveRun';
import { hasCommand } from './processes';
import { importOpenMetrics } from './promtool';
import { writeRawHistory } from './rawHistory';
import {
  RuleSetResult,
  formatReport,
  ratios,
  ruleSetResult,
  targets,
} from './report';
import {
  RuleSet,
  RuleSetId,
  lookoutRuleSet,
  pyrraRuleSet,
  slothRuleSet,
} from './ruleSets';
import { syntheticServices } from './services';

const WINDOW_SECONDS = 30 * 86_400;
/** History beyond the 30 days: room for the 5m rates at the window's start and for backfill. */
const HISTORY_MARGIN_MINUTES = 3 * 60;

function options() {
  const { values } = parseArgs({
    options: {
      slos: { type: 'string', default: '200' },
      instances: { type: 'string', default: '2' },
      seed: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '10' },
      'eval-interval': { type: 'string', default: '1s' },
      'global-interval': { type: 'string', default: '1m' },
      'scrape-interval': { type: 'string', default: '15s' },
      'min-warmup': { type: 'string', default: '20s' },
      sets: { type: 'string', default: 'lookout,sloth,pyrra' },
      parallel: { type: 'string', default: String(os.cpus().length) },
      'work-dir': { type: 'string' },
      keep: { type: 'boolean', default: false },
      out: {
        type: 'string',
        default: resolvePackagePath('bench', 'results/latest.json'),
      },
    },
  });
  const integer = (name: keyof typeof values) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(
        `--${name} must be a positive integer, got ${values[name]}`,
      );
    }
    return n;
  };
  const sets = String(values.sets).split(',') as RuleSetId[];
  for (const set of sets) {
    if (!['lookout', 'sloth', 'pyrra'].includes(set)) {
      throw new Error(
        `--sets: unknown rule set ${set}; expected lookout, sloth, pyrra`,
      );
    }
  }
  for (const name of [
    'eval-interval',
    'global-interval',
    'scrape-interval',
    'min-warmup',
  ] as const) {
    durationMs(String(values[name]));
  }
  return {
    slos: integer('slos'),
    instances: integer('instances'),
    seed: integer('seed'),
    rounds: integer('rounds'),
    parallel: integer('parallel'),
    evalInterval: String(values['eval-interval']),
    globalInterval: String(values['global-interval']),
    scrapeInterval: String(values['scrape-interval']),
    minWarmup: String(values['min-warmup']),
    sets,
    workDir: values['work-dir'],
    keep: Boolean(values.keep),
    out: String(values.out),
  };
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function timed<T>(
  label: string,
  timings: Record<string, number>,
  work: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  const result = await work();
  timings[label] = (Date.now() - started) / 1000;
  log(`${label}: ${timings[label].toFixed(1)} s`);
  return result;
}

function prometheusVersion(): string {
  return execFileSync('prometheus', ['--version'], { encoding: 'utf8' }).split(
    '\n',
  )[0];
}

async function main(): Promise<void> {
  const config = options();
  for (const command of ['prometheus', 'promtool']) {
    if (!hasCommand(command)) {
      throw new Error(
        `${command} is not on the PATH: install the Debian packages prometheus (2.42) first (see docs/benchmarks.md)`,
      );
    }
  }
  const started = Date.now();
  const workDir =
    config.workDir ??
    fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-bench-rules-'));
  fs.mkdirSync(workDir, { recursive: true });
  const timings: Record<string, number> = {};
  log(
    `lookout rules benchmark: ${config.slos} SLOs, work directory ${workDir}`,
  );

  const services = syntheticServices(
    config.slos,
    config.instances,
    config.seed,
  );
  const lastMinute = Math.floor(Date.now() / 60_000) - 1;
  const firstMinute =
    lastMinute - WINDOW_SECONDS / 60 - HISTORY_MARGIN_MINUTES + 1;
  const readAt = lastMinute * 60;
  const rawSeries = services.reduce((n, s) => n + s.series.length, 0);

  const builders: Record<RuleSetId, () => RuleSet> = {
    lookout: () => {
      const set = lookoutRuleSet(services);
      if (set.problems.length > 0) {
        log(
          `Lookout's renderer reported ${set.problems.length} problems, e.g. ${set.problems[0]}`,
        );
      }
      return set;
    },
    sloth: () => slothRuleSet(services),
    pyrra: () => pyrraRuleSet(services),
  };
  const ruleSets = config.sets.map(id => builders[id]());

  const raw = await timed('raw history written', timings, () =>
    writeRawHistory({
      dir: workDir,
      count: config.slos,
      instances: config.instances,
      seed: config.seed,
      fromMinute: firstMinute,
      toMinute: lastMinute,
      parts: config.parallel,
    }),
  );
  const rawDir = path.join(workDir, 'raw-blocks');
  await timed(
    'raw history imported (promtool create-blocks-from openmetrics)',
    timings,
    () =>
      Promise.all(
        raw.files.map(file =>
          importOpenMetrics(
            file,
            rawDir,
            path.join(workDir, 'promtool-openmetrics.log'),
          ),
        ),
      ),
  );
  raw.files.forEach(file => fs.rmSync(file));

  // Backfill every rule set, each with its own helper Prometheus. The history imports run one
  // after the other; the period figures, and the wait for Prometheus to compact the backfilled
  // blocks (a minute after its last restart), overlap with the next rule set's import.
  const backfills = new Map<RuleSetId, Backfill>();
  const pending = new Map<RuleSetId, Promise<Reported[]>>();
  const reported = new Map<RuleSetId, Reported[]>();
  try {
    for (const ruleSet of ruleSets) {
      const dataDir = path.join(workDir, `data-${ruleSet.id}`);
      linkTree(rawDir, dataDir);
      const backfill = await Backfill.start({
        ruleSet,
        dataDir,
        workDir,
        evalInterval: config.globalInterval,
        parallel: config.parallel,
        log,
      });
      backfills.set(ruleSet.id, backfill);
      await timed(`${ruleSet.id}: history backfilled`, timings, () =>
        backfill.backfillHistory(readAt, WINDOW_SECONDS),
      );
      const reading = backfill.readPeriodAndStop(readAt);
      reading.catch(() => undefined); // awaited below; keeps an early failure from going unhandled
      pending.set(ruleSet.id, reading);
    }
    await timed(
      'period error ratios read, backfilled blocks compacted',
      timings,
      async () => {
        for (const [id, reading] of pending) {
          reported.set(id, await reading);
        }
      },
    );
  } catch (error) {
    await Promise.allSettled(
      [...backfills.values()].map(backfill => backfill.stop()),
    );
    throw error;
  }

  // Measure the rule sets one after the other, alone on the machine.
  const exporter = await startExporter(
    services,
    config.instances,
    raw.counters,
    lastMinute,
  );
  const results: Partial<Record<RuleSetId, RuleSetResult>> = {};
  try {
    for (const ruleSet of ruleSets) {
      const dataDir = path.join(workDir, `data-${ruleSet.id}`);
      const measurement = await timed(`${ruleSet.id}: measured`, timings, () =>
        liveRun({
          ruleSet,
          dataDir,
          workDir,
          exporterTarget: exporter.target,
          evalInterval: config.evalInterval,
          scrapeInterval: config.scrapeInterval,
          rounds: config.rounds,
          minWarmupMs: durationMs(config.minWarmup),
          log,
        }),
      );
      results[ruleSet.id] = ruleSetResult({
        id: ruleSet.id,
        title: ruleSet.title,
        groups: ruleSet.groups,
        globalInterval: config.globalInterval,
        backfill: backfills.get(ruleSet.id)!.stats,
        measurement,
        rawSeries,
        comparisons: compare(
          services,
          reported.get(ruleSet.id) ?? [],
          WINDOW_SECONDS,
        ),
      });
      if (!config.keep) {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await exporter.close();
  }

  const durationSeconds = (Date.now() - started) / 1000;
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    prometheus: prometheusVersion(),
  };
  const headline =
    `${config.slos} SLOs (${rawSeries} raw series, 30 days at 1m), ${machine.cpus} CPUs, ` +
    `${machine.prometheus}; ${config.rounds} evaluations measured; ` +
    `total ${Math.round(durationSeconds)} s`;
  log('');
  log(formatReport(results, headline));
  const lookout = results.lookout;
  fs.mkdirSync(path.dirname(config.out), { recursive: true });
  // Formatted as the repository's Prettier would, so the file passes `yarn prettier:check`.
  fs.writeFileSync(
    config.out,
    format(
      JSON.stringify({
        generatedAt: new Date().toISOString(),
        durationSeconds,
        machine,
        config: {
          ...config,
          workDir: undefined,
          out: undefined,
          readAt,
          historyMinutes: lastMinute - firstMinute + 1,
        },
        timings,
        results,
        ratios: {
          lookoutVsSloth:
            lookout && results.sloth
              ? ratios(lookout, results.sloth)
              : undefined,
          lookoutVsPyrra:
            lookout && results.pyrra
              ? ratios(lookout, results.pyrra)
              : undefined,
        },
        targets: targets(results),
      }),
      { parser: 'json' },
    ),
  );
  log(`\nresults written to ${config.out}`);
  if (!config.keep) {
    fs.rmSync(workDir, { recursive: true, force: true });
  } else {
    log(`work directory kept: ${workDir}`);
  }
}

main().catch(error => {
  process.stderr.write(
    `${
      error instanceof Error ? error.stack ?? error.message : String(error)
    }\n`,
  );
  process.exit(1);
});
