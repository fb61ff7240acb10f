/*
 * Giving a rule set the history its long windows need, and reading the period error ratio it
 * reports. A helper Prometheus serves the rule set's data directory (hard links to the shared
 * raw blocks) while promtool backfills, first the recording rules other rules read over ranges,
 * over the whole window, then the rules producing the period figures, at the end of the history;
 * the figures are then read back. promtool writes a block per rule and per block range, so the
 * helper is kept running until Prometheus has compacted them: a Prometheus reading thousands of
 * overlapping blocks is many times slower, and compacting them later would disturb the
 * measurement that follows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { PrometheusRule } from '@lookout/plugin-observability-node';
import { Reported } from './accuracy';
import { parseExposition } from './exposition';
import { importRules } from './promtool';
import { PrometheusServer } from './prometheus';
import { sleep } from './processes';
import { RuleSet } from './ruleSets';
import {
  backfillLevels,
  recordingRules,
  rulesReadOverRanges,
} from './ruleGraph';

/** Hard-links every file under `from` into `to` (TSDB blocks are never modified in place). */
export function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
    } else {
      fs.linkSync(source, target);
    }
  }
}

interface BlockRange {
  minTime: number;
  maxTime: number;
}

/** Time ranges of the complete blocks in a TSDB directory. */
export function blockRanges(dataDir: string): BlockRange[] {
  const ranges: BlockRange[] = [];
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    const meta = path.join(dataDir, entry.name, 'meta.json');
    if (
      entry.isDirectory() &&
      !entry.name.includes('.tmp') &&
      fs.existsSync(meta)
    ) {
      try {
        const { minTime, maxTime } = JSON.parse(
          fs.readFileSync(meta, 'utf8'),
        ) as BlockRange;
        ranges.push({ minTime, maxTime });
      } catch {
        // a block being deleted by a compaction
      }
    }
  }
  return ranges;
}

/** Whether any two of `ranges` overlap in time (what Prometheus compacts vertically). */
export function overlapping(ranges: BlockRange[]): boolean {
  const sorted = [...ranges].sort((a, b) => a.minTime - b.minTime);
  return sorted.some(
    (range, i) => i > 0 && range.minTime < sorted[i - 1].maxTime,
  );
}

function moveBlocks(staging: string, dataDir: string): string[] {
  const moved: string[] = [];
  for (const entry of fs.readdirSync(staging, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      fs.renameSync(
        path.join(staging, entry.name),
        path.join(dataDir, entry.name),
      );
      moved.push(entry.name);
    }
  }
  return moved;
}

/** Counts and timings of a backfill, for the report. */
export interface BackfillStats {
  historyRules: number;
  historyLevels: number;
  periodRules: number;
  blocks: number;
  /** promtool time. */
  importSeconds: number;
  /** Waiting for Prometheus to compact the backfilled blocks. */
  compactionSeconds: number;
}

/** The helper Prometheus of one rule set and the backfill it drives. */
export class Backfill {
  /** The interval of each rule's group, when the group sets one. */
  private readonly intervals = new Map<PrometheusRule, string | undefined>();

  private constructor(
    private readonly server: PrometheusServer,
    private readonly options: {
      ruleSet: RuleSet;
      dataDir: string;
      workDir: string;
      evalInterval: string;
      parallel: number;
      log: (line: string) => void;
    },
    readonly stats: BackfillStats,
  ) {
    for (const group of options.ruleSet.groups) {
      for (const rule of group.rules) {
        this.intervals.set(rule, group.interval);
      }
    }
  }

  /** Starts the helper Prometheus (no rules, no scraping) on `dataDir`. */
  static async start(options: Backfill['options']): Promise<Backfill> {
    const { ruleSet, workDir } = options;
    const configFile = path.join(workDir, `${ruleSet.id}-backfill.yml`);
    fs.writeFileSync(
      configFile,
      stringify({ global: { evaluation_interval: options.evalInterval } }),
    );
    const server = await PrometheusServer.start({
      dataDir: options.dataDir,
      configFile,
      logFile: path.join(workDir, `${ruleSet.id}-backfill.log`),
    });
    return new Backfill(server, options, {
      historyRules: 0,
      historyLevels: 0,
      periodRules: 0,
      blocks: 0,
      importSeconds: 0,
      compactionSeconds: 0,
    });
  }

  private async importLevel(
    label: string,
    rules: PrometheusRule[],
    start: number,
    end: number,
  ): Promise<string[]> {
    const { ruleSet, workDir, parallel } = this.options;
    const started = Date.now();
    const staging = path.join(
      workDir,
      `${ruleSet.id}-staging-${label.replace(/\W+/g, '-')}`,
    );
    fs.mkdirSync(staging, { recursive: true });
    const parts = Math.min(parallel, rules.length);
    const run = () =>
      Promise.all(
        Array.from({ length: parts }, (_, part) => {
          const ruleFile = path.join(staging, `rules-${part}.yml`);
          // One group per evaluation interval: promtool evaluates each rule at its group's
          // interval, the global one (`--eval-interval`) when the group sets none.
          const byInterval = new Map<string | undefined, PrometheusRule[]>();
          rules
            .filter((_rule, i) => i % parts === part)
            .forEach(rule => {
              const interval = this.intervals.get(rule);
              byInterval.set(interval, [
                ...(byInterval.get(interval) ?? []),
                rule,
              ]);
            });
          const groups = [...byInterval].map(([interval, groupRules], i) => ({
            name: `backfill-${part}-${i}`,
            ...(interval ? { interval } : {}),
            rules: groupRules,
          }));
          fs.writeFileSync(ruleFile, stringify({ groups }, { lineWidth: 0 }));
          return importRules({
            ruleFile,
            url: this.server.url,
            start,
            end,
            evalInterval: this.options.evalInterval,
            outDir: staging,
            log: path.join(workDir, `${ruleSet.id}-promtool-rules.log`),
          });
        }),
      );
    for (let attempt = 1; ; attempt++) {
      try {
        await run();
        break;
      } catch (error) {
        // On a shared machine something may stop our Prometheus; start it again and redo the
        // level from scratch.
        if (attempt >= 3 || !(await this.server.revive())) {
          throw error;
        }
        this.options.log(
          `  ${ruleSet.id}: the helper Prometheus had stopped; restarted, backfilling ${label} again`,
        );
        fs.rmSync(staging, { recursive: true, force: true });
        fs.mkdirSync(staging, { recursive: true });
      }
    }
    const blocks = moveBlocks(staging, this.options.dataDir);
    this.stats.blocks += blocks.length;
    const seconds = (Date.now() - started) / 1000;
    this.stats.importSeconds += seconds;
    this.options.log(
      `  ${ruleSet.id}: ${label}: ${
        rules.length
      } rules backfilled in ${Math.round(seconds)} s`,
    );
    return blocks;
  }

  private plan(): { history: PrometheusRule[][]; period: PrometheusRule[][] } {
    const { ruleSet } = this.options;
    const all = recordingRules(ruleSet.groups);
    const history = backfillLevels(all, rulesReadOverRanges(ruleSet.groups));
    const imported = new Set(history.flat());
    const period = backfillLevels(all, all.filter(ruleSet.isPeriodRule))
      .map(level => level.filter(rule => !imported.has(rule)))
      .filter(level => level.length > 0);
    this.stats.historyRules = imported.size;
    this.stats.historyLevels = history.length;
    this.stats.periodRules = period.flat().length;
    return { history, period };
  }

  /**
   * Backfills, over the whole window ending at `readAt` (Unix seconds), the recording rules the
   * rule set reads over ranges, level by level (Prometheus restarted after each to load them).
   */
  async backfillHistory(readAt: number, windowSeconds: number): Promise<void> {
    for (const [level, rules] of this.plan().history.entries()) {
      // Two hours more than the window: the 5m rates at its start, and room for the alignment
      // of promtool's evaluations.
      await this.importLevel(
        `history level ${level}`,
        rules,
        readAt - windowSeconds - 7200,
        readAt,
      );
      await this.server.restart();
    }
  }

  /**
   * Backfills the rules producing the period figures at `readAt`, reads the figures, and stops
   * the helper once its data directory holds no overlapping blocks: with history, after
   * Prometheus has compacted them (a minute after start, then every minute); without, by
   * removing the few blocks of the period figures, which the measurement does not need.
   */
  async readPeriodAndStop(readAt: number): Promise<Reported[]> {
    const { ruleSet, dataDir } = this.options;
    const { history, period } = this.plan();
    try {
      const periodBlocks: string[] = [];
      for (const [level, rules] of period.entries()) {
        if (level > 0) {
          await this.server.restart();
        }
        periodBlocks.push(
          ...(await this.importLevel(
            `period level ${level}`,
            rules,
            readAt - 180,
            readAt,
          )),
        );
      }
      const waitStarted = Date.now();
      if (history.length === 0) {
        await this.server.restart();
      } else {
        await this.untilCompacted();
      }
      this.stats.compactionSeconds = (Date.now() - waitStarted) / 1000;
      const reported: Reported[] = [];
      for (const reading of ruleSet.readings) {
        const [value] = await this.server.query(reading.valueQuery, readAt);
        const [timestamp] = await this.server.query(
          reading.timestampQuery,
          readAt,
        );
        reported.push({
          service: reading.service,
          value: value?.value,
          timestamp: timestamp?.value,
        });
      }
      await this.server.stop();
      if (history.length === 0) {
        for (const block of periodBlocks) {
          fs.rmSync(path.join(dataDir, block), {
            recursive: true,
            force: true,
          });
        }
      }
      return reported;
    } finally {
      await this.server.stop();
    }
  }

  private async untilCompacted(timeoutMs = 600_000): Promise<void> {
    const started = Date.now();
    for (;;) {
      if (await this.server.revive()) {
        this.options.log(
          `  ${this.options.ruleSet.id}: the helper Prometheus had stopped; restarted`,
        );
      }
      const ranges = blockRanges(this.options.dataDir);
      if (!overlapping(ranges)) {
        const [loaded] = parseExposition(
          await this.server.metricsText(),
          new Set(['prometheus_tsdb_blocks_loaded']),
        );
        if (loaded?.value === ranges.length) {
          this.options.log(
            `  ${
              this.options.ruleSet.id
            }: backfilled blocks compacted (waited ${Math.round(
              (Date.now() - started) / 1000,
            )} s)`,
          );
          return;
        }
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(
          `${this.options.ruleSet.id}: blocks still overlap ${
            timeoutMs / 1000
          } s after the backfill`,
        );
      }
      await sleep(2000);
    }
  }

  /** Stops the helper. */
  async stop(): Promise<void> {
    await this.server.stop();
  }
}
