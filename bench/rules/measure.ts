/*
 * Measuring a Prometheus evaluating a rule set: after a warm-up (every group evaluated, the
 * backfilled blocks compacted), a number of complete evaluation rounds, each read from
 * Prometheus' own metrics: evaluation time and samples per group, CPU, memory, series.
 */
import { ExposedSample, parseExposition } from './exposition';
import { PrometheusServer } from './prometheus';
import { sleep } from './processes';

const MEASURED = new Set([
  'prometheus_rule_group_last_duration_seconds',
  'prometheus_rule_group_last_evaluation_timestamp_seconds',
  'prometheus_rule_group_last_evaluation_samples',
  'prometheus_rule_group_iterations_missed_total',
  'prometheus_rule_evaluation_failures_total',
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'go_memstats_heap_inuse_bytes',
  'prometheus_tsdb_head_series',
  'prometheus_tsdb_compactions_total',
  'prometheus_tsdb_blocks_loaded',
]);

/** One complete evaluation round: every group evaluated once since the previous round. */
export interface Round {
  /** Σ `prometheus_rule_group_last_duration_seconds` over the groups. */
  durationSeconds: number;
  /** Σ `prometheus_rule_group_last_evaluation_samples` over the groups. */
  samples: number;
  /** Each group's last duration, by group name. */
  groupSeconds: Record<string, number>;
}

/** What one rule set cost its Prometheus. */
export interface Measurement {
  warmupSeconds: number;
  measuredSeconds: number;
  rounds: Round[];
  /** `process_cpu_seconds_total` over the measured rounds, divided by their number. */
  cpuSecondsPerRound: number;
  /** Largest `process_resident_memory_bytes` seen during the measured rounds. */
  maxRssBytes: number;
  heapInuseBytes: number;
  headSeries: number;
  evaluationFailures: number;
  iterationsMissed: number;
  compactions: number;
  blocksLoaded: number;
}

interface Snapshot {
  at: number;
  lastEvaluation: Map<string, number>;
  lastDuration: Map<string, number>;
  lastSamples: Map<string, number>;
  scalars: Map<string, number>;
}

function groupName(sample: ExposedSample): string {
  const group = sample.labels.rule_group ?? '';
  return group.slice(group.indexOf(';') + 1);
}

async function snapshot(server: PrometheusServer): Promise<Snapshot> {
  const samples = parseExposition(await server.metricsText(), MEASURED);
  const result: Snapshot = {
    at: Date.now(),
    lastEvaluation: new Map(),
    lastDuration: new Map(),
    lastSamples: new Map(),
    scalars: new Map(),
  };
  for (const sample of samples) {
    switch (sample.name) {
      case 'prometheus_rule_group_last_evaluation_timestamp_seconds':
        result.lastEvaluation.set(groupName(sample), sample.value);
        break;
      case 'prometheus_rule_group_last_duration_seconds':
        result.lastDuration.set(groupName(sample), sample.value);
        break;
      case 'prometheus_rule_group_last_evaluation_samples':
        result.lastSamples.set(groupName(sample), sample.value);
        break;
      default:
        result.scalars.set(sample.name, (result.scalars.get(sample.name) ?? 0) + sample.value);
    }
  }
  return result;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) {
    total += value;
  }
  return total;
}

/**
 * Waits for the warm-up, then measures `rounds` evaluation rounds of the `groupCount` groups.
 * Warm-up ends when every group has been evaluated twice, at least `minWarmupMs` have passed
 * (Prometheus compacts the backfilled blocks about a minute after start) and the number of
 * loaded blocks has not changed for 10 s.
 */
export async function measure(
  server: PrometheusServer,
  options: { groupCount: number; rounds: number; minWarmupMs: number; maxWarmupMs: number; log: (line: string) => void },
): Promise<Measurement> {
  const started = Date.now();
  let first: Snapshot | undefined;
  let stableSince = Date.now();
  let blocks = -1;
  for (;;) {
    await sleep(1000);
    const s = await snapshot(server);
    first ??= s;
    const loaded = s.scalars.get('prometheus_tsdb_blocks_loaded') ?? 0;
    if (loaded !== blocks) {
      blocks = loaded;
      stableSince = s.at;
    }
    const evaluatedTwice =
      s.lastEvaluation.size === options.groupCount &&
      [...s.lastEvaluation].every(([group, at]) => at > (first!.lastEvaluation.get(group) ?? 0) && at > 0);
    const elapsed = s.at - started;
    if (evaluatedTwice && elapsed >= options.minWarmupMs && s.at - stableSince >= 10_000) {
      break;
    }
    if (elapsed > options.maxWarmupMs) {
      options.log(`warm-up not settled after ${Math.round(elapsed / 1000)} s; measuring anyway`);
      break;
    }
  }
  const warmupSeconds = (Date.now() - started) / 1000;

  const begin = await snapshot(server);
  let boundary = begin;
  let maxRss = begin.scalars.get('process_resident_memory_bytes') ?? 0;
  const rounds: Round[] = [];
  let last = begin;
  while (rounds.length < options.rounds) {
    await sleep(500);
    last = await snapshot(server);
    maxRss = Math.max(maxRss, last.scalars.get('process_resident_memory_bytes') ?? 0);
    const complete = [...boundary.lastEvaluation].every(
      ([group, at]) => (last.lastEvaluation.get(group) ?? 0) > at,
    );
    if (complete) {
      const groupSeconds = Object.fromEntries(last.lastDuration);
      rounds.push({
        durationSeconds: sum(last.lastDuration.values()),
        samples: sum(last.lastSamples.values()),
        groupSeconds,
      });
      boundary = last;
    }
  }
  const scalar = (s: Snapshot, name: string) => s.scalars.get(name) ?? 0;
  return {
    warmupSeconds,
    measuredSeconds: (last.at - begin.at) / 1000,
    rounds,
    cpuSecondsPerRound:
      (scalar(last, 'process_cpu_seconds_total') - scalar(begin, 'process_cpu_seconds_total')) /
      rounds.length,
    maxRssBytes: maxRss,
    heapInuseBytes: scalar(last, 'go_memstats_heap_inuse_bytes'),
    headSeries: scalar(last, 'prometheus_tsdb_head_series'),
    evaluationFailures: scalar(last, 'prometheus_rule_evaluation_failures_total'),
    iterationsMissed:
      scalar(last, 'prometheus_rule_group_iterations_missed_total') -
      scalar(begin, 'prometheus_rule_group_iterations_missed_total'),
    compactions: scalar(last, 'prometheus_tsdb_compactions_total'),
    blocksLoaded: scalar(last, 'prometheus_tsdb_blocks_loaded'),
  };
}
