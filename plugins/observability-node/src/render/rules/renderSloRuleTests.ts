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
 *
 * Linear in the SLOs of an entity: each file loads only its own SLO's groups (a copy of them,
 * written beside it), so promtool and the model evaluate one SLO per file, not the whole entity.
 * A scenario that applies to the SLO but whose assertion cannot be placed is an internal error
 * that fails the entity's render; scenarios that do not apply are listed, with why, in
 * `omitted`, which the file's header prints.
 */
import {
  ANNOTATION_OPENSLO,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_SLO_LATENCY,
  ANNOTATION_SLOS,
  ObservabilityProblem,
  SloSpec,
} from '@lookout/plugin-observability-common';
import { PrometheusRuleGroup, RenderInput, RenderOptions } from '../types';
import { burnAlertRule, metricsMissingRule } from './alertRules';
import { infoRule } from './recordingRules';
import { sloContext } from './sloContext';
import {
  metricsMissingOn,
  renderSloRuleGroups,
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
  /** The SLO's own rule groups, which `content.rule_files` names. */
  ruleGroups: PrometheusRuleGroup[];
  /** Scenarios left out because they do not apply to this SLO, each with why. */
  omitted: string[];
}

/** The test documents of an entity's SLOs, and the internal errors that stopped any. @public */
export interface SloRuleTests {
  tests: SloRuleTest[];
  problems: ObservabilityProblem[];
}

const SCENARIOS: Array<{
  letter: string;
  what: string;
  make: (
    setup: ScenarioSetup,
    info: Record<string, string>,
  ) => ScenarioTest | undefined;
}> = [
  { letter: 'a', what: 'full outage pages', make: s => fullOutageScenario(s) },
  { letter: 'b', what: 'fast burn pages', make: s => fastBurnScenario(s) },
  {
    letter: 'c',
    what: 'slow burn raises a ticket',
    make: s => slowBurnScenario(s),
  },
  {
    letter: 'd',
    what: 'gentle burn is silent',
    make: s => gentleBurnScenario(s),
  },
  {
    letter: 'e',
    what: 'no data raises SLOMetricsMissing',
    make: (s, info) => noDataScenario(s, info),
  },
  {
    letter: 'f',
    what: 'exact recorded values',
    make: s => recordedValuesScenario(s),
  },
  {
    letter: 'g',
    what: 'too little traffic is silent',
    make: s => lowTrafficScenario(s),
  },
];

/** Why a scenario does not apply, when it returned nothing. */
function omissionReason(letter: string, setup: ScenarioSetup): string {
  if (!setup.series && letter !== 'e') {
    return setup.noSeriesReason ?? 'no synthetic series';
  }
  const { numbers, slo } = setup.target.context;
  const has = (window: string) =>
    numbers.tiers.some(t => t.tier.longWindow === window);
  switch (letter) {
    case 'a':
      return 'no page tier in force';
    case 'b':
      return has('1h')
        ? 'its burn would need an error ratio of 100 % or more'
        : 'no 1h page tier in force';
    case 'c':
      return has('3d')
        ? 'its burn would need an error ratio of 100 % or more'
        : 'no 3d ticket tier in force';
    case 'g':
      return slo.alerting.minEvents > 0
        ? 'no page tier in force'
        : 'minEvents is 0';
    default:
      return 'does not apply';
  }
}

function problemLocation(
  slo: SloSpec,
): Pick<ObservabilityProblem, 'annotation' | 'path'> {
  if (slo.source === 'preset') {
    return {
      annotation:
        slo.indicator.type === 'ratio'
          ? ANNOTATION_SLO_AVAILABILITY
          : ANNOTATION_SLO_LATENCY,
      path: '',
    };
  }
  return {
    annotation: slo.source === 'openslo' ? ANNOTATION_OPENSLO : ANNOTATION_SLOS,
    path: '',
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
 * The `promtool test rules` documents of every SLO of `input`. `ruleFileOf(slo)` is where a test
 * file refers to the copy of that SLO's groups (e.g. `component-default-checkout.latency.rules.yaml`);
 * `groups` are the entity's rendered groups (rendered here when not given).
 * @public
 */
export function renderSloRuleTests(
  input: RenderInput,
  options: RenderOptions,
  ruleFileOf: (sloName: string) => string,
  groups: PrometheusRuleGroup[] = renderSloRuleGroups(input, options).groups,
): SloRuleTests {
  const result: SloRuleTests = { tests: [], problems: [] };
  for (const slo of input.spec.slos) {
    const context = sloContext(slo, input, options);
    const target: SloAlertModel = {
      context,
      page: burnAlertRule(context, 'page'),
      ticket: burnAlertRule(context, 'ticket'),
      missing: metricsMissingOn(slo) ? metricsMissingRule(context) : undefined,
    };
    const groupOrder = [
      sloRuleGroupName,
      sloSumsRuleGroupName,
      sloBudgetRuleGroupName,
    ].map(name => name(input.spec.entityRef, slo.name));
    const setup: ScenarioSetup = {
      models: [target],
      target,
      series: syntheticSeries(slo),
    };
    const indicator = slo.indicator;
    if (indicator.type === 'latency' && indicator.histogramType === 'native') {
      setup.noSeriesReason =
        'Native histogram: promtool 2 cannot feed native histogram samples';
    } else if (!setup.series || !decidable([target], setup)) {
      setup.series = undefined;
      setup.noSeriesReason =
        'The selectors use regular expressions beyond the synthetic series generator';
    }
    const info = infoRule(context).labels ?? {};
    const tests: ScenarioTest[] = [];
    const omitted: string[] = [];
    try {
      for (const scenario of SCENARIOS) {
        const test = scenario.make(setup, info);
        if (test) {
          tests.push(test);
        } else {
          omitted.push(
            `(${scenario.letter}) ${scenario.what}: ${omissionReason(
              scenario.letter,
              setup,
            )}`,
          );
        }
      }
    } catch (error) {
      result.problems.push({
        severity: 'error',
        ...problemLocation(slo),
        message: `SLO ${slo.name}: ${
          (error as Error).message
        }; this is a bug in Lookout, please report it with the SLO's definition`,
      });
      continue;
    }
    result.tests.push({
      sloName: slo.name,
      content: {
        rule_files: [ruleFileOf(slo.name)],
        evaluation_interval: `${EVAL_STEP_MINUTES}m`,
        group_eval_order: groupOrder,
        tests,
      },
      ruleGroups: groups.filter(g => groupOrder.includes(g.name)),
      omitted,
    });
  }
  return result;
}
