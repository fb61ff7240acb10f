/*
 * The alerts of one SLO: `ErrorBudgetBurn` (multi-window, multi-burn-rate; one rule per
 * severity) and `SLOMetricsMissing`.
 *
 * No `for:` on burn alerts. A tier fires only while both its long and its short window burn
 * above the factor; the short window (1/12 of the long one) already ends the alert soon after
 * the burn stops and keeps one bad scrape from firing it, so a `for:` would only add detection
 * delay. Pyrra adds `for:` of 2m to 3h per tier on top of its windows: its 1h/5m tier cannot
 * page before 2 minutes after the condition holds, and its slowest before 3 hours.
 */
import {
  AlertSeverity,
  durationSeconds,
} from '@lookout/plugin-observability-common';
import { PrometheusRule } from '../types';
import { TierInForce, tiersOf } from './alertTiers';
import { decimal, formatDecimal } from './decimal';
import { formatVectorSelector } from '@lookout/plugin-observability-common';
import { SloContext, sloSelector, sortedLabels } from './sloContext';
import {
  ALERT_ERROR_BUDGET_BURN,
  ALERT_SLO_METRICS_MISSING,
  SLO_ERRORS_RATE,
  SLO_ERROR_RATIO,
  SLO_OBJECTIVE,
  SLO_TOTAL_RATE,
  WINDOW_LABEL,
} from './sloSeries';

const ON_SLO = 'on (slo, backstage_entity)';

/** Where the description of `ErrorBudgetBurn` prints the alert's value. @internal */
export const BURN_VALUE_TEMPLATE = '{{ printf "%.1f" $value }}';

/**
 * Alert annotations are Go templates: text that comes from users (descriptions, selectors) is
 * emitted so that a `{{` in it prints literally instead of being executed.
 * @internal
 */
export function templateLiteral(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}

function ratio(context: SloContext, window: string): string {
  return sloSelector(context, SLO_ERROR_RATIO, `${WINDOW_LABEL}="${window}"`);
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map(line => (line ? pad + line : line))
    .join('\n');
}

/**
 * One tier: the error ratio over both windows is above the tier's threshold (`factor × budget`,
 * written as an exact decimal), and the long window saw enough events.
 */
function tierCondition(context: SloContext, tier: TierInForce): string {
  const { longWindow, shortWindow } = tier.tier;
  const parts = [
    `${ratio(context, longWindow)} > ${tier.errorRatio}`,
    `${ratio(context, shortWindow)} > ${tier.errorRatio}`,
  ];
  const minEvents = context.slo.alerting.minEvents;
  if (minEvents > 0) {
    // Events in the long window, from the recorded rate: mean rate × window length.
    parts.push(
      `avg_over_time(${sloSelector(
        context,
        SLO_TOTAL_RATE,
      )}[${longWindow}]) * ${durationSeconds(longWindow)} >= ${formatDecimal(
        decimal(minEvents),
      )}`,
    );
  }
  return `(\n${indent(parts.join(`\nand ${ON_SLO}\n`), 2)}\n)`;
}

/**
 * The expression of one severity. Its value is the current burn rate (error ratio over the
 * last 5 minutes ÷ budget), 0 when nothing was served in the last 5 minutes, so the
 * description tells whether the burn is still going on. The tiers decide whether it fires.
 * @internal
 */
export function burnAlertExpression(
  context: SloContext,
  tiers: TierInForce[],
): string {
  const currentBurn =
    `max without (${WINDOW_LABEL}) (\n` +
    `  ${ratio(context, '5m')} / ${context.numbers.budget}\n` +
    `  or\n` +
    `  ${sloSelector(context, SLO_OBJECTIVE)} * 0\n` +
    `)`;
  const conditions = tiers.map(tier => tierCondition(context, tier));
  return (
    `${currentBurn}\nand ${ON_SLO}\n(\n` +
    `${indent(conditions.join('\nor\n'), 2)}\n)`
  );
}

function percentText(numbers: SloContext['numbers']): string {
  return `${numbers.objectivePercent}%`;
}

function linkAnnotations(context: SloContext): Record<string, string> {
  return {
    runbook_url: context.links.runbook,
    backstage_url: context.links.backstage,
    ...(context.links.dashboard
      ? { dashboard_url: context.links.dashboard }
      : {}),
  };
}

/** Labels of an alert. Alert labels are templates too, so user-given values are escaped. */
function alertLabels(
  context: SloContext,
  severity: AlertSeverity,
): Record<string, string> {
  const labels = sortedLabels({
    ...context.extraLabels,
    team: context.team,
    ...context.identity,
    severity,
  });
  for (const name of Object.keys(labels)) {
    labels[name] = templateLiteral(labels[name]);
  }
  return labels;
}

function tierText(tiers: TierInForce[]): string {
  return tiers
    .map(
      t =>
        `${t.factor}x (an error ratio of ${t.errorRatio}) over ${t.tier.longWindow} and ${t.tier.shortWindow}`,
    )
    .join(', or ');
}

/** `ErrorBudgetBurn` of one severity, or nothing when no tier of it is in force. @internal */
export function burnAlertRule(
  context: SloContext,
  severity: AlertSeverity,
): PrometheusRule | undefined {
  const tiers = tiersOf(context.numbers, severity);
  if (tiers.length === 0) {
    return undefined;
  }
  const { slo, entityRef, numbers } = context;
  return {
    alert: ALERT_ERROR_BUDGET_BURN,
    expr: burnAlertExpression(context, tiers),
    labels: alertLabels(context, severity),
    annotations: sortedLabels({
      summary: `${entityRef}: SLO ${slo.name} is burning its error budget too fast`,
      description:
        `The error budget of SLO ${slo.name} of ${entityRef} (${percentText(
          numbers,
        )} over ` +
        `${slo.window}) is burning ${BURN_VALUE_TEMPLATE}x as fast as the objective allows ` +
        `over the last 5 minutes. This ${severity} fires when the burn rate exceeds ` +
        `${tierText(tiers)}.`,
      ...linkAnnotations(context),
    }),
  };
}

function describeSources(context: SloContext): string {
  const indicator = context.slo.indicator;
  if (indicator.type === 'ratio') {
    const total = formatVectorSelector(indicator.total);
    return indicator.good
      ? `${formatVectorSelector(indicator.good)} or ${total} matches no series`
      : `${total} matches no series`;
  }
  const base = formatVectorSelector({
    metric: indicator.histogram,
    matchers: indicator.matchers,
  });
  return indicator.histogramType === 'classic'
    ? `the classic histogram ${base} has no _count series or no bucket with le=${formatDecimal(
        decimal(indicator.thresholdSeconds),
      )}`
    : `the native histogram ${base} matches no series`;
}

/**
 * `SLOMetricsMissing`: the recorded rates are absent (selectors match nothing, or a classic
 * histogram has no bucket at the threshold). `for: 10m` rides out restarts and scrape hiccups.
 * @internal
 */
export function metricsMissingRule(context: SloContext): PrometheusRule {
  const { slo, entityRef } = context;
  return {
    alert: ALERT_SLO_METRICS_MISSING,
    expr:
      `absent(${sloSelector(context, SLO_TOTAL_RATE)})` +
      ` or absent(${sloSelector(context, SLO_ERRORS_RATE)})`,
    for: '10m',
    labels: alertLabels(context, 'ticket'),
    annotations: sortedLabels({
      summary: `${entityRef}: SLO ${slo.name} has no data`,
      description: templateLiteral(
        `The SLI of SLO ${slo.name} of ${entityRef} has had no data for 10 minutes: ` +
          `${describeSources(
            context,
          )}. Its error budget is not tracked and its burn-rate ` +
          `alerts cannot fire.`,
      ),
      ...linkAnnotations(context),
    }),
  };
}
