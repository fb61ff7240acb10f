/*
 * SLO recording and alerting rules of one entity (DESIGN §4 "Series and alerts").
 *
 * Group layout, chosen for evaluation cost:
 * - `lookout/<entity ref>/<slo>` (the global evaluation interval): the two 5m rates, the
 *   objective, the error ratios of the alert windows (5m … 3d) and the alerts, in dependency
 *   order. Rules of one group run one after the other and each sees the samples the earlier ones
 *   wrote at the same timestamp, so an alert never compares a fresh 5m ratio with a stale 1h one.
 *   Three rules read raw series: the two 5m rates, and the 1h error ratio over the hour (a ratio
 *   of recorded 5m rates would page ~2 minutes later on a full outage, see `readsRaw`); Sloth
 *   re-reads the raw counters for every window up to 3d and Pyrra runs `increase(…[4w])` on them.
 * - `lookout/<entity ref>/<slo>/sums` (every 5m): the sums of the last 5 minutes of the two
 *   rates. The 1d, 3d and SLO-window ratios add these up: a 30d ratio reads 8,640 sums instead
 *   of 43,200 rate samples at a 1m interval (the 30d ratio was more than half of the whole rule
 *   set's evaluation time; `yarn bench:rules`).
 * - `lookout/<entity ref>/<slo>/budget` (every 2m): the error ratio over the SLO window and the
 *   budget left. Their range covers weeks while their value moves slowly, so evaluating them
 *   less often saves query cost; 2m stays well inside the 5m lookback, so the series never
 *   looks stale. Nothing alerts on them.
 */
import { ObservabilityProblem } from '@lookout/plugin-observability-common';
import {
  PrometheusRule,
  PrometheusRuleGroup,
  RenderInput,
  RenderOptions,
} from '../types';
import { burnAlertRule, metricsMissingRule } from './alertRules';
import { checkPromql } from './checkPromql';
import {
  alertWindowRatioRules,
  budgetRules,
  infoRule,
  objectiveRule,
  rateRules,
  SUM_SPAN,
  sumRules,
} from './recordingRules';
import { SloContext, sloContext } from './sloContext';

/** Evaluation interval of the budget group. @public */
export const BUDGET_GROUP_INTERVAL = '2m';

/** Name of the main rule group of an SLO. @public */
export function sloRuleGroupName(entityRef: string, sloName: string): string {
  return `lookout/${entityRef}/${sloName}`;
}

/** Evaluation interval of the sums group: the span of the sums, so that they tile. @public */
export const SUMS_GROUP_INTERVAL = SUM_SPAN;

/** Name of the sums rule group of an SLO. @public */
export function sloSumsRuleGroupName(
  entityRef: string,
  sloName: string,
): string {
  return `${sloRuleGroupName(entityRef, sloName)}/sums`;
}

/** Name of the budget rule group of an SLO. @public */
export function sloBudgetRuleGroupName(
  entityRef: string,
  sloName: string,
): string {
  return `${sloRuleGroupName(entityRef, sloName)}/budget`;
}

/** Rule groups and problems of an entity's SLOs. @public */
export interface SloRuleGroups {
  groups: PrometheusRuleGroup[];
  problems: ObservabilityProblem[];
}

function checked(
  rules: PrometheusRule[],
  context: SloContext,
): PrometheusRule[] {
  for (const rule of rules) {
    const what = rule.record ?? rule.alert ?? '?';
    const window = rule.labels?.window
      ? `{window="${rule.labels.window}"}`
      : '';
    const severity =
      rule.labels?.severity && rule.alert
        ? `{severity="${rule.labels.severity}"}`
        : '';
    checkPromql(
      rule.expr,
      `${what}${window}${severity} of SLO ${context.slo.name} of ${context.entityRef}`,
    );
  }
  return rules;
}

/** `SLOMetricsMissing` by its own switch; unset, it follows page and ticket. @internal */
export function metricsMissingOn(
  slo: RenderInput['spec']['slos'][number],
): boolean {
  const { alerting } = slo;
  return alerting.metricsMissing ?? (alerting.page || alerting.ticket);
}

function present<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/**
 * The rule groups of every SLO of `input` (three per SLO, see the file header), and a warning for
 * every alert tier left out because it can never fire. Pure and deterministic.
 * @public
 */
export function renderSloRuleGroups(
  input: RenderInput,
  options: RenderOptions,
): SloRuleGroups {
  const groups: PrometheusRuleGroup[] = [];
  const problems: ObservabilityProblem[] = [];
  for (const slo of input.spec.slos) {
    const context = sloContext(slo, input, options);
    const main = [
      ...rateRules(context),
      objectiveRule(context),
      infoRule(context),
      ...alertWindowRatioRules(context),
      ...[
        burnAlertRule(context, 'page'),
        burnAlertRule(context, 'ticket'),
      ].filter(present),
      ...(metricsMissingOn(slo) ? [metricsMissingRule(context)] : []),
    ];
    groups.push({
      name: sloRuleGroupName(input.spec.entityRef, slo.name),
      rules: checked(main, context),
    });
    groups.push({
      name: sloSumsRuleGroupName(input.spec.entityRef, slo.name),
      interval: SUMS_GROUP_INTERVAL,
      rules: checked(sumRules(context), context),
    });
    groups.push({
      name: sloBudgetRuleGroupName(input.spec.entityRef, slo.name),
      interval: BUDGET_GROUP_INTERVAL,
      rules: checked(budgetRules(context), context),
    });
  }
  return { groups, problems };
}
