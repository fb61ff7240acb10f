/*
 * The measured run of one rule set: a Prometheus on the rule set's backfilled data directory,
 * scraping the live exporter and evaluating every group of the rule set at the measurement
 * interval, measured by `measure`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { checkRules } from './promtool';
import { Measurement, measure } from './measure';
import { PrometheusServer } from './prometheus';
import { RuleSet } from './ruleSets';

/** Runs `ruleSet` on `dataDir` and measures `rounds` evaluation rounds. */
export async function liveRun(options: {
  ruleSet: RuleSet;
  dataDir: string;
  workDir: string;
  exporterTarget: string;
  evalInterval: string;
  scrapeInterval: string;
  rounds: number;
  minWarmupMs: number;
  log: (line: string) => void;
}): Promise<Measurement> {
  const { ruleSet, workDir } = options;
  const ruleFile = path.join(workDir, `${ruleSet.id}-rules.yml`);
  // Every group at the same interval, so that each is evaluated `rounds` times in about
  // `rounds` intervals; what one evaluation costs does not depend on how often it runs.
  const groups = ruleSet.groups.map(group => ({ ...group, interval: options.evalInterval }));
  fs.writeFileSync(ruleFile, stringify({ groups }, { lineWidth: 0 }));
  await checkRules(ruleFile, path.join(workDir, `${ruleSet.id}-check.log`));

  const configFile = path.join(workDir, `${ruleSet.id}-prometheus.yml`);
  fs.writeFileSync(
    configFile,
    stringify({
      global: { scrape_interval: options.scrapeInterval, evaluation_interval: options.evalInterval },
      rule_files: [ruleFile],
      scrape_configs: [
        {
          job_name: 'synthetic-services',
          honor_labels: true,
          static_configs: [{ targets: [options.exporterTarget] }],
        },
      ],
    }),
  );
  const server = await PrometheusServer.start({
    dataDir: options.dataDir,
    configFile,
    logFile: path.join(workDir, `${ruleSet.id}-prometheus.log`),
  });
  try {
    return await measure(server, {
      groupCount: groups.length,
      rounds: options.rounds,
      minWarmupMs: options.minWarmupMs,
      maxWarmupMs: options.minWarmupMs + 180_000,
      log: options.log,
    });
  } finally {
    await server.stop();
  }
}
