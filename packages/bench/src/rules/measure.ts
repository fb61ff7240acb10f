/*
 * Measuring what one evaluation of a rule set costs its Prometheus. The rule set runs as a
 * single group evaluated back to back (see `liveRun`), so each evaluation has the process to
 * itself; after a warm-up, each of a number of evaluations is read from Prometheus: the group's
 * evaluation time, every rule's, the samples appended, CPU, memory and series.
 */
import { ExposedSample, parseExposition } from './exposition';
import { PrometheusServer } from './prometheus';
import { sleep } from './processes';

const MEASURED = new Set([
  'prometheus_rule_group_last_duration_seconds',
  'prometheus_rule_group_last_evaluation_timestamp_seconds',
  'prometheus_rule_group_last_evaluation_samples',
  'prometheus_rule_evaluation_failures_total',
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'go_memstats_heap_inuse_bytes',
  'prometheus_tsdb_head_series',
  'prometheus_tsdb_compactions_total',
  'prometheus_tsdb_blocks_loaded',
]);

/** One evaluation of the whole rule set. */
export interface Round {
  /** `prometheus_rule_group_last_duration_seconds` of the group: every rule, one after another. */
  durationSeconds: number;
  /** `prometheus_rule_group_last_evaluation_samples`. */
  samples: number;
  /** Each rule's evaluation time (`/api/v1/rules`), in rule-file order. */
  ruleSeconds: number[];
}

/** What one rule set cost its Prometheus. */
export interface Measurement {
  warmupSeconds: number;
  measuredSeconds: number;
  rounds: Round[];
  /** `process_cpu_seconds_total` over the measured evaluations, divided by their number. */
  cpuSecondsPerRound: number;
  /** Largest `process_resident_memory_bytes` seen during the measured evaluations. */
  maxRssBytes: number;
  heapInuseBytes: number;
  headSeries: number;
  evaluationFailures: number;
  compactions: number;
  blocksLoaded: number;
}

interface Snapshot {
  at: number;
  lastEvaluation: number;
  scalars: Map<string, number>;
}

async function snapshot(server: PrometheusServer): Promise<Snapshot> {
  const samples: ExposedSample[] = parseExposition(
    await server.metricsText(),
    MEASURED,
  );
  const scalars = new Map<string, number>();
  for (const sample of samples) {
    scalars.set(sample.name, (scalars.get(sample.name) ?? 0) + sample.value);
  }
  return {
    at: Date.now(),
    lastEvaluation:
      scalars.get('prometheus_rule_group_last_evaluation_timestamp_seconds') ??
      0,
    scalars,
  };
}

interface RulesResponse {
  data: {
    groups: Array<{
      lastEvaluation: string;
      evaluationTime: number;
      rules: Array<{ evaluationTime: number }>;
    }>;
  };
}

async function ruleTimes(
  server: PrometheusServer,
): Promise<{ at: string; group: number; rules: number[] }> {
  const response = await fetch(`${server.url}/api/v1/rules`);
  const body = (await response.json()) as RulesResponse;
  const [group] = body.data.groups;
  return {
    at: group.lastEvaluation,
    group: group.evaluationTime,
    rules: group.rules.map(rule => rule.evaluationTime),
  };
}

/**
 * Waits for the warm-up, then measures `rounds` evaluations of the rule set's single group.
 * Warm-up ends when at least `minWarmupMs` have passed (the live scrapes have filled the 5m
 * windows) and the group has completed two evaluations.
 */
export async function measure(
  server: PrometheusServer,
  options: {
    rounds: number;
    minWarmupMs: number;
    maxWarmupMs: number;
    log: (line: string) => void;
  },
): Promise<Measurement> {
  const started = Date.now();
  const seen = new Set<number>();
  for (;;) {
    await sleep(500);
    const s = await snapshot(server);
    if (s.lastEvaluation > 0) {
      seen.add(s.lastEvaluation);
    }
    const elapsed = s.at - started;
    if (seen.size >= 3 && elapsed >= options.minWarmupMs) {
      break;
    }
    if (elapsed > options.maxWarmupMs) {
      options.log(
        `warm-up: ${seen.size - 1} evaluations in ${Math.round(
          elapsed / 1000,
        )} s; measuring anyway`,
      );
      break;
    }
  }
  const warmupSeconds = (Date.now() - started) / 1000;

  const begin = await snapshot(server);
  let previous = begin.lastEvaluation;
  let maxRss = begin.scalars.get('process_resident_memory_bytes') ?? 0;
  const rounds: Round[] = [];
  const counted = new Set<string>();
  let last = begin;
  while (rounds.length < options.rounds) {
    await sleep(250);
    last = await snapshot(server);
    maxRss = Math.max(
      maxRss,
      last.scalars.get('process_resident_memory_bytes') ?? 0,
    );
    if (last.lastEvaluation === previous) {
      continue;
    }
    previous = last.lastEvaluation;
    const times = await ruleTimes(server);
    if (counted.has(times.at)) {
      continue;
    }
    counted.add(times.at);
    rounds.push({
      durationSeconds:
        last.scalars.get('prometheus_rule_group_last_duration_seconds') ??
        times.group,
      samples:
        last.scalars.get('prometheus_rule_group_last_evaluation_samples') ?? 0,
      ruleSeconds: times.rules,
    });
  }
  const scalar = (s: Snapshot, name: string) => s.scalars.get(name) ?? 0;
  return {
    warmupSeconds,
    measuredSeconds: (last.at - begin.at) / 1000,
    rounds,
    cpuSecondsPerRound:
      (scalar(last, 'process_cpu_seconds_total') -
        scalar(begin, 'process_cpu_seconds_total')) /
      rounds.length,
    maxRssBytes: maxRss,
    heapInuseBytes: scalar(last, 'go_memstats_heap_inuse_bytes'),
    headSeries: scalar(last, 'prometheus_tsdb_head_series'),
    evaluationFailures: scalar(
      last,
      'prometheus_rule_evaluation_failures_total',
    ),
    compactions: scalar(last, 'prometheus_tsdb_compactions_total'),
    blocksLoaded: scalar(last, 'prometheus_tsdb_blocks_loaded'),
  };
}
