/*
 * Assembles the SLO tab's answer from the spec and the few upstream answers: figures per window,
 * burn rates (error ratio ÷ error budget), tiers, alerts and chart series. Pure.
 */
import {
  BurnRates,
  ObservabilitySpec,
  RECORDED_WINDOWS,
  SloAlert,
  SloSpec,
  SloStatus,
  sloAlertTiers,
  errorBudgetRemainingOf,
} from '@lookout/plugin-observability-common';
import { InstantSample, RangeSeries } from '../prometheus/PrometheusClient';
import { SeriesGrid, fillGrid, finiteOrNull } from './seriesGrid';
import {
  ALERT_ERROR_BUDGET_BURN,
  ALERT_SLO_METRICS_MISSING,
  SLO_ERROR_BUDGET_REMAINING,
  SLO_ERROR_RATIO,
  dashboardUid,
} from '@lookout/plugin-observability-node';

/** The alerts of an SLO, by name. */
const SLO_ALERT_NAMES: readonly string[] = [
  ALERT_ERROR_BUDGET_BURN,
  ALERT_SLO_METRICS_MISSING,
];

/** `99.9` → `0.999`, without binary noise (`0.9990000000000001`). */
export function objectiveFraction(percent: number): number {
  return Number((percent / 100).toFixed(12));
}

/** `99.9` → `0.001`, the error budget as a fraction. */
export function errorBudget(percent: number): number {
  return Number(((100 - percent) / 100).toFixed(12));
}

/** What Prometheus and the alert source answered for one entity. */
export interface SloFigures {
  /** Instant samples of `slo:sli_error:ratio` (every window) and the budget left. */
  current: InstantSample[];
  /** The budget left and the error ratio over `errorRatioWindow`, over the grid. */
  series: RangeSeries[];
  errorRatioWindow: string;
  grid: SeriesGrid;
  alerts: SloAlert[];
  /** Grafana's URL for browsers; no dashboard link without it. */
  grafanaBaseUrl?: string;
}

function tiersOf(slo: SloSpec): NonNullable<SloStatus['tiers']> {
  // The tiers the render engine writes: the same decision, from one place.
  return sloAlertTiers(slo.objective, slo.alerting).inForce.map(
    ({ tier, factor }) => ({
      severity: tier.severity,
      longWindow: tier.longWindow,
      shortWindow: tier.shortWindow,
      factor,
    }),
  );
}

function seriesOf(
  series: RangeSeries[],
  metric: string,
  slo: string,
): RangeSeries | undefined {
  return series.find(s => s.labels.__name__ === metric && s.labels.slo === slo);
}

/** The status of every SLO of `spec`, in the spec's order. */
export function assembleSloStatuses(
  spec: ObservabilitySpec,
  figures: SloFigures,
): SloStatus[] {
  return spec.slos.map(slo => {
    const budget = errorBudget(slo.objective);
    const ratios = new Map<string, number>();
    let recordedBudgetLeft: number | undefined;
    for (const sample of figures.current) {
      if (sample.labels.slo !== slo.name) {
        continue;
      }
      if (sample.labels.__name__ === SLO_ERROR_RATIO && sample.labels.window) {
        ratios.set(sample.labels.window, sample.value);
      } else if (sample.labels.__name__ === SLO_ERROR_BUDGET_REMAINING) {
        recordedBudgetLeft = sample.value;
      }
    }
    const errorRatio = finiteOrNull(ratios.get(slo.window));
    const burnRates: BurnRates = {};
    for (const window of RECORDED_WINDOWS) {
      const ratio = finiteOrNull(ratios.get(window));
      burnRates[window] = ratio === null ? null : ratio / budget;
    }
    const budgetLeft = errorBudgetRemainingOf(
      objectiveFraction(slo.objective),
      errorRatio,
      finiteOrNull(recordedBudgetLeft),
    );
    const budgetSeries = seriesOf(
      figures.series,
      SLO_ERROR_BUDGET_REMAINING,
      slo.name,
    );
    const ratioSeries = seriesOf(figures.series, SLO_ERROR_RATIO, slo.name);
    const runbook = slo.alerting.runbook ?? spec.runbookUrl;
    const dashboard =
      figures.grafanaBaseUrl && spec.dashboard
        ? `${figures.grafanaBaseUrl.replace(/\/+$/, '')}/d/${dashboardUid(
            spec.entityRef,
          )}`
        : undefined;
    return {
      name: slo.name,
      ...(slo.description && { description: slo.description }),
      objective: objectiveFraction(slo.objective),
      window: slo.window,
      errorRatio,
      errorBudgetRemaining: budgetLeft,
      burnRates,
      alerts: figures.alerts.filter(
        alert =>
          alert.labels?.slo === slo.name &&
          SLO_ALERT_NAMES.includes(alert.name ?? ''),
      ),
      series: {
        errorBudgetRemaining: fillGrid(
          figures.grid,
          budgetSeries?.points ?? [],
        ),
        errorRatio: fillGrid(figures.grid, ratioSeries?.points ?? []),
        errorRatioWindow: figures.errorRatioWindow,
      },
      tiers: tiersOf(slo),
      ...((runbook || dashboard) && {
        links: {
          ...(runbook && { runbook }),
          ...(dashboard && { dashboard }),
        },
      }),
    };
  });
}
