/*
 * The measured run of one rule set: a Prometheus on the rule set's backfilled data directory,
 * scraping the live exporter and evaluating the whole rule set as one group, back to back,
 * measured by `measure`.
 *
 * Why one group: Prometheus evaluates groups concurrently, so with hundreds of groups on two
 * cores a group's wall-clock duration mostly measures its wait for a CPU, not its work. One
 * group holding every rule, in the rule set's order, is evaluated rule after rule; its duration
 * is the sum of what each rule costs, which is what `prometheus_rule_group_last_duration_seconds`
 * summed over the original groups would show on an idle server. Rules read the same series
 * and append the same samples as in their own groups; only the order in which groups see each
 * other's latest samples differs, which changes no cost.
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
  // A short interval: each evaluation starts as soon as the previous one ends.
  const group = {
    name: `bench/${ruleSet.id}`,
    interval: options.evalInterval,
    rules: ruleSet.groups.flatMap(g => g.rules),
  };
  fs.writeFileSync(ruleFile, stringify({ groups: [group] }, { lineWidth: 0 }));
  await checkRules(ruleFile, path.join(workDir, `${ruleSet.id}-check.log`));

  const configFile = path.join(workDir, `${ruleSet.id}-prometheus.yml`);
  fs.writeFileSync(
    configFile,
    stringify({
      global: {
        scrape_interval: options.scrapeInterval,
        evaluation_interval: options.evalInterval,
      },
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
  for (let attempt = 1; ; attempt++) {
    const server = await PrometheusServer.start({
      dataDir: options.dataDir,
      configFile,
      logFile: path.join(workDir, `${ruleSet.id}-prometheus.log`),
    });
    try {
      return await measure(server, {
        rounds: options.rounds,
        minWarmupMs: options.minWarmupMs,
        maxWarmupMs: options.minWarmupMs + 180_000,
        log: options.log,
      });
    } catch (error) {
      // On a shared machine something may stop our Prometheus: measure again, once.
      if (attempt >= 2 || server.running) {
        throw error;
      }
      options.log(
        `  ${ruleSet.id}: Prometheus stopped during the measurement; measuring again`,
      );
    } finally {
      await server.stop();
    }
  }
}
