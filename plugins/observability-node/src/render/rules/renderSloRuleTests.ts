/*
 * One `promtool test rules` document per SLO, proving on synthetic counters that its alerts fire
 * on an outage and on fast and slow burns, stay quiet on a gentle one, report missing data, and
 * that the recorded series hold the exact values (scenarios in `ruleTests/scenarios.ts`).
 *
 * The files evaluate every 5 minutes, on input series sampled every minute. The rules do not
 * depend on the evaluation interval (windows are ratios of sums, events are mean rate × window),
 * while promtool's cost grows with the number of evaluations: the slow-burn scenario spans three
 * days, about 15 s at a 1m interval and 2 to 3 s at 5m. They fix the order in which the groups
 * are evaluated at each step (`group_eval_order`: per SLO main, sums, budget), which promtool
 * otherwise leaves to chance, so the model of `ruleTests/simulate.ts` knows which sums a ratio
 * sees.
 */
import { RenderInput, RenderOptions } from '../types';
import { burnAlertRule, metricsMissingRule } from './alertRules';
import { infoRule } from './recordingRules';
import { sloContext } from './sloContext';
import {
  sloBudgetRuleGroupName,
  sloRuleGroupName,
  sloSumsRuleGroupName,
} from './renderSloRuleGroups';
import { SloAlertModel } from './ruleTests/expectedAlerts';
import {
  ScenarioSetup,
  ScenarioTest,
  fastBurnScenario,
  fullOutageScenario,
  gentleBurnScenario,
  lowTrafficScenario,
  noDataScenario,
  recordedValuesScenario,
  slowBurnScenario,
} from './ruleTests/scenarios';
import { EVAL_STEP_MINUTES } from './ruleTests/simulate';
import { selects } from './ruleTests/syntheticLabels';
import { syntheticSeries } from './ruleTests/syntheticTraffic';

/** A `promtool test rules` document of one SLO. @public */
export interface SloRuleTest {
  sloName: string;
  content: {
    rule_files: string[];
    evaluation_interval: string;
    group_eval_order: string[];
    tests: ScenarioTest[];
  };
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** Whether the model can tell, for every SLO of the entity, which synthetic series it selects. */
function decidable(models: SloAlertModel[], setup: ScenarioSetup): boolean {
  const labels = (setup.series ?? []).map(s => s.labels);
  return models.every(({ context: { slo } }) => {
    const indicator = slo.indicator;
    const selectors =
      indicator.type === 'ratio'
        ? [indicator.errors, indicator.good, indicator.total].filter(present)
        : [
            {
              metric: `${indicator.histogram}_count`,
              matchers: indicator.matchers,
            },
            {
              metric: `${indicator.histogram}_bucket`,
              matchers: indicator.matchers,
            },
          ];
    return selectors.every(selector =>
      labels.every(l => selects(selector, l) !== undefined),
    );
  });
}

/**
 * The `promtool test rules` documents of every SLO of `input`; `ruleFile` is the entity's rule
 * file as the test file refers to it (e.g. `../rules/component-default-checkout.yaml`).
 * @public
 */
export function renderSloRuleTests(
  input: RenderInput,
  options: RenderOptions,
  ruleFile: string,
): SloRuleTest[] {
  const models: SloAlertModel[] = input.spec.slos.map(slo => {
    const context = sloContext(slo, input, options);
    return {
      context,
      page: burnAlertRule(context, 'page'),
      ticket: burnAlertRule(context, 'ticket'),
      missing: metricsMissingRule(context),
    };
  });
  const groupOrder = input.spec.slos.flatMap(slo =>
    [sloRuleGroupName, sloSumsRuleGroupName, sloBudgetRuleGroupName].map(name =>
      name(input.spec.entityRef, slo.name),
    ),
  );
  return models.map(target => {
    const setup: ScenarioSetup = {
      models,
      target,
      series: syntheticSeries(target.context.slo),
    };
    const indicator = target.context.slo.indicator;
    if (indicator.type === 'latency' && indicator.histogramType === 'native') {
      setup.noSeriesReason =
        'Native histogram: promtool 2 cannot feed native histogram samples';
    } else if (!setup.series || !decidable(models, setup)) {
      setup.series = undefined;
      setup.noSeriesReason =
        'The selectors use regular expressions beyond the synthetic series generator';
    }
    const tests = [
      fullOutageScenario(setup),
      fastBurnScenario(setup),
      slowBurnScenario(setup),
      gentleBurnScenario(setup),
      noDataScenario(setup, infoRule(target.context).labels ?? {}),
      recordedValuesScenario(setup),
      lowTrafficScenario(setup),
    ].filter(present);
    return {
      sloName: target.context.slo.name,
      content: {
        rule_files: [ruleFile],
        evaluation_interval: `${EVAL_STEP_MINUTES}m`,
        group_eval_order: groupOrder,
        tests,
      },
    };
  });
}
