/*
 * The rules Sloth (slok/sloth, snapshot 0e395d81, the one in the golden files) generates for an
 * SLO, reproduced from the same SLO model Lookout renders from (`SloSpec`), so the rules
 * benchmark can run both side by side. Test-support code: not part of the package API, and
 * checked against Sloth's own outputs in `slothForm.test.ts`.
 *
 * What Sloth generates for one SLO (`sloth generate`, Google 30d/28d alert windows):
 * - `sloth-slo-sli-recordings-<id>`: `slo:sli_error:ratio_rate<w>` for 5m, 30m, 1h, 2h, 6h, 1d
 *   and 3d, each recomputed from the raw counters, and for the SLO period the *unweighted*
 *   average of the 5m ratio (`sum_over_time / count_over_time`);
 * - `sloth-slo-meta-recordings-<id>`: objective, error budget, period, burn rates, `sloth_slo_info`;
 * - `sloth-slo-alerts-<id>`: one page and one ticket alert, two window pairs each.
 */
import { SloSpec } from '@lookout/plugin-observability-common';
import {
  PrometheusRule,
  PrometheusRuleGroup,
} from '@lookout/plugin-observability-node';
import {
  durationMs,
  formatGoFloat,
  formatGoFloatF,
  formatModelDuration,
} from './goFormat';
import { slothLabelFilter, userSelector } from './peerSelectors';

/** Sloth's settings of an SLO that Lookout's model does not have. */
export interface SlothFormOptions {
  /** `service` of the Sloth spec; with the SLO name it makes `sloth_id`. */
  service: string;
  /**
   * Labels Sloth puts on every recorded series: the spec's service labels and `--extra-labels`
   * (the SLO's own `labels` are added from the `SloSpec`).
   */
  labels?: Record<string, string>;
  /** `alerting.name`; required when the SLO has a page or ticket alert. */
  alertName?: string;
  alertLabels?: Record<string, string>;
  alertAnnotations?: Record<string, string>;
  pageLabels?: Record<string, string>;
  pageAnnotations?: Record<string, string>;
  ticketLabels?: Record<string, string>;
  ticketAnnotations?: Record<string, string>;
  /** Spec the SLO came from: sets `sloth_spec` and `sloth_mode`. Default `prometheus/v1`. */
  spec?: 'prometheus/v1' | 'openslo/v1alpha';
  /** `sloth_version`. Default `dev`. */
  version?: string;
}

interface AlertWindow {
  errorBudgetPercent: number;
  shortWindow: string;
  longWindow: string;
}

/** Sloth's default catalog (`internal/alert/windows/google-*.yaml`); 28d and 30d only. */
const GOOGLE_WINDOWS: Record<
  'pageQuick' | 'pageSlow' | 'ticketQuick' | 'ticketSlow',
  AlertWindow
> = {
  pageQuick: { errorBudgetPercent: 2, shortWindow: '5m', longWindow: '1h' },
  pageSlow: { errorBudgetPercent: 5, shortWindow: '30m', longWindow: '6h' },
  ticketQuick: { errorBudgetPercent: 10, shortWindow: '2h', longWindow: '1d' },
  ticketSlow: { errorBudgetPercent: 10, shortWindow: '6h', longWindow: '3d' },
};

const SLI_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];
const WINDOW_LABEL = 'sloth_window';
const MS_PER_HOUR = 3600 * 1000;

/** Record name of the error ratio over `window`, e.g. `slo:sli_error:ratio_rate30d`. */
export function slothErrorRatioRecord(window: string): string {
  return `slo:sli_error:ratio_rate${formatModelDuration(durationMs(window))}`;
}

/** `sloth_id` of an SLO. */
export function slothId(service: string, slo: SloSpec): string {
  return `${service}-${slo.name}`;
}

/**
 * The SLI of `slo` as a Sloth user writes it, with `{{.window}}` where the window goes:
 * `events` (`error_query` / `total_query`) or `raw` (`error_ratio_query`).
 */
function slothSli(slo: SloSpec): {
  events?: { error: string; total: string };
  raw?: string;
} {
  const rate = (selector: string) => `sum(rate(${selector}[{{.window}}]))`;
  const indicator = slo.indicator;
  if (indicator.type === 'ratio') {
    const total = rate(userSelector(indicator.total));
    if (indicator.errors) {
      return { events: { error: rate(userSelector(indicator.errors)), total } };
    }
    if (!indicator.good) {
      throw new TypeError(
        `SLO ${slo.name}: indicator: a ratio needs errors or good`,
      );
    }
    // Sloth's OpenSLO `ratioMetrics` conversion: error ratio = 1 - good / total.
    const good = rate(userSelector(indicator.good));
    return {
      raw: `\n  1 - (\n    (\n      ${good}\n    )\n    /\n    (\n      ${total}\n    )\n  )\n`,
    };
  }
  if (indicator.histogramType !== 'classic') {
    throw new TypeError(
      `SLO ${slo.name}: indicator.histogramType: the Sloth form only covers classic histograms`,
    );
  }
  const count = {
    metric: `${indicator.histogram}_count`,
    matchers: indicator.matchers,
  };
  const bucket = {
    metric: `${indicator.histogram}_bucket`,
    matchers: [
      {
        name: 'le',
        op: '=' as const,
        value: formatGoFloat(indicator.thresholdSeconds),
      },
      ...indicator.matchers,
    ],
  };
  return {
    events: {
      error: `(\n  ${rate(userSelector(count))}\n  -\n  ${rate(
        userSelector(bucket),
      )}\n)\n`,
      total: rate(userSelector(count)),
    },
  };
}

function sliExpression(slo: SloSpec, window: string): string {
  const sli = slothSli(slo);
  const text = sli.events
    ? `(${sli.events.error})\n/\n(${sli.events.total})\n`
    : `(${sli.raw})`;
  return text
    .split('{{.window}}')
    .join(formatModelDuration(durationMs(window)));
}

/** Burn-rate factor of a window, computed as Sloth does (float64, same order of operations). */
function burnRateFactor(window: AlertWindow, periodMs: number): number {
  const periodHours = periodMs / MS_PER_HOUR;
  const hoursRequired = (window.errorBudgetPercent * periodHours) / 100;
  return hoursRequired / (durationMs(window.longWindow) / MS_PER_HOUR);
}

function alertExpression(
  filter: string,
  budgetRatio: number,
  periodMs: number,
  quick: AlertWindow,
  slow: AlertWindow,
): string {
  const condition = (window: string, factor: number) =>
    `max(${slothErrorRatioRecord(window)}${filter} > (${formatGoFloat(
      factor,
    )} * ${formatGoFloat(budgetRatio)})) without (${WINDOW_LABEL})`;
  const quickFactor = burnRateFactor(quick, periodMs);
  const slowFactor = burnRateFactor(slow, periodMs);
  return [
    '(',
    `    ${condition(quick.shortWindow, quickFactor)}`,
    '    and',
    `    ${condition(quick.longWindow, quickFactor)}`,
    ')',
    'or',
    '(',
    `    ${condition(slow.shortWindow, slowFactor)}`,
    '    and',
    `    ${condition(slow.longWindow, slowFactor)}`,
    ')',
    '',
  ].join('\n');
}

/**
 * The rule groups Sloth generates for `slo`, in Sloth's order. Throws on what Sloth cannot
 * express (native histograms) or needs and the options lack (an alert name).
 */
export function slothRuleGroups(
  slo: SloSpec,
  options: SlothFormOptions,
): PrometheusRuleGroup[] {
  const periodMs = durationMs(slo.window);
  const period = formatModelDuration(periodMs);
  if (
    periodMs !== 28 * 24 * MS_PER_HOUR &&
    periodMs !== 30 * 24 * MS_PER_HOUR
  ) {
    throw new TypeError(
      `SLO ${slo.name}: window: Sloth's default alert windows cover 28d and 30d, not ${slo.window}`,
    );
  }
  const id = slothId(options.service, slo);
  const idLabels = {
    sloth_id: id,
    sloth_service: options.service,
    sloth_slo: slo.name,
  };
  const filter = slothLabelFilter(idLabels);
  const sloLabels = { ...options.labels, ...slo.labels };
  const objectiveRatio = slo.objective / 100;
  const budgetRatio = (100 - slo.objective) / 100;

  const sliRules: PrometheusRule[] = SLI_WINDOWS.map(window => ({
    record: slothErrorRatioRecord(window),
    expr: sliExpression(slo, window),
    labels: { ...idLabels, [WINDOW_LABEL]: window, ...sloLabels },
  }));
  const shortRecord = slothErrorRatioRecord(
    GOOGLE_WINDOWS.pageQuick.shortWindow,
  );
  sliRules.push({
    record: slothErrorRatioRecord(slo.window),
    expr:
      `sum_over_time(${shortRecord}${filter}[${period}])\n` +
      `/ ignoring (${WINDOW_LABEL})\n` +
      `count_over_time(${shortRecord}${filter}[${period}])\n`,
    labels: { ...idLabels, [WINDOW_LABEL]: period, ...sloLabels },
  });

  const metaLabels = { ...idLabels, ...sloLabels };
  const objective = formatGoFloat(objectiveRatio);
  const burnRate = (record: string) =>
    `${record}${filter}\n/ on(sloth_id, sloth_slo, sloth_service) group_left\n` +
    `slo:error_budget:ratio${filter}\n`;
  const spec = options.spec ?? 'prometheus/v1';
  const metaRules: PrometheusRule[] = [
    {
      record: 'slo:objective:ratio',
      expr: `vector(${objective})`,
      labels: metaLabels,
    },
    {
      record: 'slo:error_budget:ratio',
      expr: `vector(1-${objective})`,
      labels: metaLabels,
    },
    {
      record: 'slo:time_period:days',
      expr: `vector(${formatGoFloat(periodMs / (24 * MS_PER_HOUR))})`,
      labels: metaLabels,
    },
    {
      record: 'slo:current_burn_rate:ratio',
      expr: burnRate(shortRecord),
      labels: metaLabels,
    },
    {
      record: 'slo:period_burn_rate:ratio',
      expr: burnRate(slothErrorRatioRecord(slo.window)),
      labels: metaLabels,
    },
    {
      record: 'slo:period_error_budget_remaining:ratio',
      expr: `1 - slo:period_burn_rate:ratio${filter}`,
      labels: metaLabels,
    },
    {
      record: 'sloth_slo_info',
      expr: 'vector(1)',
      labels: {
        ...metaLabels,
        sloth_mode:
          spec === 'prometheus/v1' ? 'cli-gen-prom' : 'cli-gen-openslo',
        sloth_objective: formatGoFloatF(slo.objective),
        sloth_spec: spec,
        sloth_version: options.version ?? 'dev',
      },
    },
  ];

  const groups: PrometheusRuleGroup[] = [
    { name: `sloth-slo-sli-recordings-${id}`, rules: sliRules },
    { name: `sloth-slo-meta-recordings-${id}`, rules: metaRules },
  ];

  const alertRules: PrometheusRule[] = [];
  const severities = [
    {
      severity: 'page',
      enabled: slo.alerting.page,
      quick: GOOGLE_WINDOWS.pageQuick,
      slow: GOOGLE_WINDOWS.pageSlow,
      labels: options.pageLabels,
      annotations: options.pageAnnotations,
    },
    {
      severity: 'ticket',
      enabled: slo.alerting.ticket,
      quick: GOOGLE_WINDOWS.ticketQuick,
      slow: GOOGLE_WINDOWS.ticketSlow,
      labels: options.ticketLabels,
      annotations: options.ticketAnnotations,
    },
  ];
  for (const tier of severities.filter(s => s.enabled)) {
    if (!options.alertName) {
      throw new TypeError(
        `SLO ${slo.name}: alerting.name is required by Sloth for alerts`,
      );
    }
    alertRules.push({
      alert: options.alertName,
      expr: alertExpression(
        filter,
        budgetRatio,
        periodMs,
        tier.quick,
        tier.slow,
      ),
      labels: {
        sloth_severity: tier.severity,
        ...options.alertLabels,
        ...tier.labels,
      },
      annotations: {
        title: `(${tier.severity}) {{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is too fast.`,
        summary:
          '{{$labels.sloth_service}} {{$labels.sloth_slo}} SLO error budget burn rate is over expected.',
        ...options.alertAnnotations,
        ...tier.annotations,
      },
    });
  }
  if (alertRules.length > 0) {
    groups.push({ name: `sloth-slo-alerts-${id}`, rules: alertRules });
  }
  return groups;
}
