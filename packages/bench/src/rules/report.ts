/*
 * The benchmark's results: per rule set, what evaluating it cost and how accurate its period
 * error ratio is; Lookout's figures relative to the others; the targets. Printed as a table and
 * written as JSON (`packages/bench/results/latest.json`).
 */
import { createHash } from 'node:crypto';
import { PrometheusRuleGroup } from '@lookout/plugin-observability-node';
import { durationMs } from '../emulators/goFormat';
import { Comparison, ShapeAccuracy, TOLERANCE, byShape } from './accuracy';
import { BackfillStats } from './backfill';
import { Measurement } from './measure';
import { RuleSetId } from './ruleSets';
import { TRAFFIC_SHAPES, TrafficShape } from './traffic';

/** Everything measured for one rule set. */
export interface RuleSetResult {
  id: RuleSetId;
  title: string;
  /**
   * Counts, and the SHA-256 of the rule groups as JSON: which version of the rules (Lookout's
   * renderer changes) the figures belong to.
   */
  rules: {
    recording: number;
    alerting: number;
    groups: number;
    sha256: string;
  };
  backfill: BackfillStats;
  evaluation: {
    /**
     * Median over the evaluations of `prometheus_rule_group_last_duration_seconds` of the
     * rule set run as one group: the sum of every rule's evaluation time.
     */
    medianRoundSeconds: number;
    p90RoundSeconds: number;
    cpuSecondsPerRound: number;
    /**
     * Σ over the rule set's own groups of (median time of its rules × evaluations per minute at
     * the group's own interval): seconds of rule evaluation per minute, as deployed.
     */
    nativeSecondsPerMinute: number;
    medianSamplesPerRound: number;
    /**
     * Median evaluation time per round of each kind of group (the group name with the service
     * replaced by `<svc>`), summed over the services: where the time goes.
     */
    byGroupKind: Record<string, number>;
    /**
     * The same by kind of rule (record or alert name, with its `window` or `severity`),
     * most expensive first.
     */
    byRuleKind: Array<[string, number]>;
    rounds: number[];
  };
  series: { head: number; fromRules: number };
  memory: { maxRssBytes: number; heapInuseBytes: number };
  health: {
    evaluationFailures: number;
    warmupSeconds: number;
    compactions: number;
    blocksLoaded: number;
  };
  accuracy: Record<TrafficShape, ShapeAccuracy>;
  /** Per SLO: service, shape, reported ratio, exact ratio (null when absent). */
  readings: Array<[string, TrafficShape, number | null, number | null]>;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil(q * sorted.length) - 1),
  );
  return sorted[index];
}

/** The result of one rule set from its groups, backfill, measurement and comparisons. */
export function ruleSetResult(options: {
  id: RuleSetId;
  title: string;
  groups: PrometheusRuleGroup[];
  globalInterval: string;
  backfill: BackfillStats;
  measurement: Measurement;
  rawSeries: number;
  comparisons: Comparison[];
}): RuleSetResult {
  const { groups, measurement } = options;
  const rules = groups.flatMap(g => g.rules);
  const perRound = measurement.rounds.map(r => r.durationSeconds);
  let nativeSecondsPerMinute = 0;
  const byGroupKind: Record<string, number> = {};
  const byRuleKind = new Map<string, number>();
  let index = 0;
  for (const rule of rules) {
    const qualifier =
      rule.labels?.window ?? (rule.alert ? rule.labels?.severity : undefined);
    const kind = `${rule.record ?? rule.alert}${
      qualifier ? `{${qualifier}}` : ''
    }`;
    const i = index;
    const seconds = quantile(
      measurement.rounds.map(r => r.ruleSeconds[i] ?? 0),
      0.5,
    );
    byRuleKind.set(kind, (byRuleKind.get(kind) ?? 0) + seconds);
    index += 1;
  }
  let first = 0;
  for (const group of groups) {
    const start = first;
    const end = start + group.rules.length;
    const seconds = quantile(
      measurement.rounds.map(r =>
        r.ruleSeconds.slice(start, end).reduce((a, b) => a + b, 0),
      ),
      0.5,
    );
    first = end;
    const perMinute =
      60_000 / durationMs(group.interval ?? options.globalInterval);
    nativeSecondsPerMinute += seconds * perMinute;
    const kind = group.name.replace(/svc-\d+/g, '<svc>');
    byGroupKind[kind] = (byGroupKind[kind] ?? 0) + seconds;
  }
  return {
    id: options.id,
    title: options.title,
    rules: {
      recording: rules.filter(r => r.record).length,
      alerting: rules.filter(r => r.alert).length,
      groups: groups.length,
      sha256: createHash('sha256').update(JSON.stringify(groups)).digest('hex'),
    },
    backfill: options.backfill,
    evaluation: {
      medianRoundSeconds: quantile(perRound, 0.5),
      p90RoundSeconds: quantile(perRound, 0.9),
      cpuSecondsPerRound: measurement.cpuSecondsPerRound,
      nativeSecondsPerMinute,
      medianSamplesPerRound: quantile(
        measurement.rounds.map(r => r.samples),
        0.5,
      ),
      byGroupKind,
      byRuleKind: [...byRuleKind].sort((a, b) => b[1] - a[1]),
      rounds: perRound,
    },
    series: {
      head: measurement.headSeries,
      fromRules: measurement.headSeries - options.rawSeries,
    },
    memory: {
      maxRssBytes: measurement.maxRssBytes,
      heapInuseBytes: measurement.heapInuseBytes,
    },
    health: {
      evaluationFailures: measurement.evaluationFailures,
      warmupSeconds: measurement.warmupSeconds,
      compactions: measurement.compactions,
      blocksLoaded: measurement.blocksLoaded,
    },
    accuracy: byShape(options.comparisons),
    readings: options.comparisons.map(c => [
      c.service,
      c.shape,
      c.reported === undefined || Number.isNaN(c.reported) ? null : c.reported,
      c.exact ?? null,
    ]),
  };
}

/** Lookout's figure divided by the other's, for each cost measured. */
export interface Ratios {
  evaluationTime: number;
  cpuPerRound: number;
  nativeLoad: number;
  samplesPerRound: number;
  seriesFromRules: number;
  maxRss: number;
}

/** `a` relative to `b`. */
export function ratios(a: RuleSetResult, b: RuleSetResult): Ratios {
  return {
    evaluationTime:
      a.evaluation.medianRoundSeconds / b.evaluation.medianRoundSeconds,
    cpuPerRound:
      a.evaluation.cpuSecondsPerRound / b.evaluation.cpuSecondsPerRound,
    nativeLoad:
      a.evaluation.nativeSecondsPerMinute / b.evaluation.nativeSecondsPerMinute,
    samplesPerRound:
      a.evaluation.medianSamplesPerRound / b.evaluation.medianSamplesPerRound,
    seriesFromRules: a.series.fromRules / b.series.fromRules,
    maxRss: a.memory.maxRssBytes / b.memory.maxRssBytes,
  };
}

/** One target of the issue and whether it is met. */
export interface Target {
  target: string;
  actual: string;
  met: boolean;
}

function percent(value: number | undefined): string {
  return value === undefined
    ? '–'
    : `${(value * 100).toFixed(value < 0.001 ? 4 : 2)} %`;
}

/** The targets of the benchmark, checked against the results. */
export function targets(
  results: Partial<Record<RuleSetId, RuleSetResult>>,
): Target[] {
  const out: Target[] = [];
  const { lookout, sloth, pyrra } = results;
  if (lookout && sloth) {
    const r = ratios(lookout, sloth).evaluationTime;
    out.push({
      target: 'evaluation time ≤ 0.5 × Sloth form',
      actual: `${r.toFixed(2)} ×`,
      met: r <= 0.5,
    });
  }
  if (lookout && pyrra) {
    const r = ratios(lookout, pyrra).evaluationTime;
    out.push({
      target: 'evaluation time ≤ 0.2 × Pyrra form',
      actual: `${r.toFixed(2)} ×`,
      met: r <= 0.2,
    });
  }
  if (lookout) {
    for (const shape of TRAFFIC_SHAPES) {
      const a = lookout.accuracy[shape];
      out.push({
        target: `Lookout period error ratio within ${
          TOLERANCE * 100
        } % of exact, ${shape}`,
        actual: `${a.within}/${a.slos} within, max ${percent(
          a.maxRelativeError,
        )}`,
        met: a.within === a.slos,
      });
    }
    const gaps = lookout.accuracy.gaps;
    out.push({
      target: 'Lookout: no NaN or missing period ratio on zero-traffic gaps',
      actual: `${gaps.nan} NaN, ${gaps.missing} missing`,
      met: gaps.nan === 0 && gaps.missing === 0,
    });
  }
  if (sloth) {
    const d = sloth.accuracy.diurnal;
    out.push({
      target:
        'Sloth form off on diurnal traffic (shown, not required of Lookout)',
      actual: `${d.slos - d.within}/${d.slos} off, median ${percent(
        d.medianRelativeError,
      )}`,
      met: d.within < d.slos,
    });
  }
  return out;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map(r => r[i].length)));
  return rows
    .map(r =>
      r
        .map((cell, i) =>
          i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
        )
        .join('  '),
    )
    .join('\n');
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The results as text: costs, accuracy per shape, ratios and targets. */
export function formatReport(
  results: Partial<Record<RuleSetId, RuleSetResult>>,
  headline: string,
): string {
  const sets = Object.values(results) as RuleSetResult[];
  const lines = [headline, ''];
  lines.push(
    table([
      ['', ...sets.map(s => s.title)],
      [
        'recording / alerting rules',
        ...sets.map(s => `${s.rules.recording} / ${s.rules.alerting}`),
      ],
      ['rule groups', ...sets.map(s => String(s.rules.groups))],
      [
        'evaluation time, median (s)',
        ...sets.map(s => s.evaluation.medianRoundSeconds.toFixed(3)),
      ],
      [
        'evaluation time, p90 (s)',
        ...sets.map(s => s.evaluation.p90RoundSeconds.toFixed(3)),
      ],
      [
        'CPU per evaluation (s)',
        ...sets.map(s => s.evaluation.cpuSecondsPerRound.toFixed(3)),
      ],
      [
        'eval s per minute, own intervals',
        ...sets.map(s => s.evaluation.nativeSecondsPerMinute.toFixed(3)),
      ],
      [
        'samples appended per evaluation',
        ...sets.map(s => String(s.evaluation.medianSamplesPerRound)),
      ],
      [
        'head series (rules + raw)',
        ...sets.map(s => `${s.series.head} (${s.series.fromRules} + raw)`),
      ],
      [
        'max RSS / Go heap in use',
        ...sets.map(
          s => `${mib(s.memory.maxRssBytes)} / ${mib(s.memory.heapInuseBytes)}`,
        ),
      ],
      [
        'rule evaluation failures',
        ...sets.map(s => String(s.health.evaluationFailures)),
      ],
      [
        'backfilled rules (history / period)',
        ...sets.map(
          s => `${s.backfill.historyRules} / ${s.backfill.periodRules}`,
        ),
      ],
    ]),
  );
  lines.push(
    '',
    'Where the evaluation time goes (median seconds per evaluation, by kind of group):',
  );
  for (const set of sets) {
    const kinds = Object.entries(set.evaluation.byGroupKind)
      .map(([kind, seconds]) => `${kind}: ${seconds.toFixed(3)}`)
      .join(', ');
    lines.push(`  ${set.title}: ${kinds}`);
    const top = set.evaluation.byRuleKind
      .slice(0, 5)
      .map(([kind, seconds]) => `${kind}: ${seconds.toFixed(3)}`)
      .join(', ');
    lines.push(`    costliest rules: ${top}`);
  }
  lines.push(
    '',
    `Period error ratio vs exact (within ${
      TOLERANCE * 100
    } % / NaN / missing; median and max relative error):`,
  );
  lines.push(
    table([
      ['', ...sets.map(s => s.title)],
      ...TRAFFIC_SHAPES.map(shape => [
        shape,
        ...sets.map(s => {
          const a = s.accuracy[shape];
          return `${a.within}/${a.slos} / ${a.nan} / ${a.missing}; ${percent(
            a.medianRelativeError,
          )}, ${percent(a.maxRelativeError)}`;
        }),
      ]),
    ]),
  );
  for (const mine of [results.lookout]) {
    for (const other of [results.sloth, results.pyrra]) {
      if (mine && other) {
        const r = ratios(mine, other);
        lines.push(
          '',
          `${mine.title} / ${other.title}: eval time ${r.evaluationTime.toFixed(
            2,
          )}, CPU ${r.cpuPerRound.toFixed(2)}, ` +
            `own-interval load ${r.nativeLoad.toFixed(
              2,
            )}, samples ${r.samplesPerRound.toFixed(2)}, ` +
            `rule series ${r.seriesFromRules.toFixed(
              2,
            )}, RSS ${r.maxRss.toFixed(2)}`,
        );
      }
    }
  }
  lines.push('', 'Targets:');
  for (const t of targets(results)) {
    lines.push(`  [${t.met ? 'met' : 'MISSED'}] ${t.target}: ${t.actual}`);
  }
  return lines.join('\n');
}
