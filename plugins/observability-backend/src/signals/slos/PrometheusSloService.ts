/*
 * `GET .../slos`: every SLO of an entity with a fixed number of upstream requests, whatever the
 * number of SLOs: one instant query (error ratios of every window and budget left), two range
 * queries (budget and error-ratio charts) and one alert request (Alertmanager, or a second
 * instant query on Prometheus' ALERTS). Alerts are secondary: when their source fails the SLOs
 * are still answered, with a warning.
 */
import {
  EntitySlosResponse,
  ObservabilitySpec,
  SloAlert,
  UpstreamWarning,
  durationSeconds,
} from '@lookout/plugin-observability-common';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import { requireUpstream } from '../upstream/requireUpstream';
import { orWarning } from '../upstream/warningOf';
import { AlertSource, SloService } from '../types';
import { resolveRange } from '../timeRange';
import { errorRatioWindowFor, seriesGrid } from './seriesGrid';
import {
  entityBudgetSeriesQuery,
  entityErrorRatioSeriesQuery,
  entityFiguresQuery,
} from './sloQueries';
import { assembleSloStatuses } from './sloStatus';

/** Longest range of the charts. */
export const MAX_SLO_RANGE_MS = 366 * 86_400_000;

/** The longest SLO window of `spec` in ms: the default range of the charts. */
export function longestWindowMs(spec: ObservabilitySpec): number {
  return Math.max(...spec.slos.map(slo => durationSeconds(slo.window) * 1000));
}

/** @public */
export class PrometheusSloService implements SloService {
  constructor(
    private readonly prometheus: PrometheusClient | undefined,
    private readonly alerts: AlertSource | undefined,
    /** Grafana's URL for browsers, for the dashboard links. */
    private readonly grafanaBaseUrl?: string,
  ) {}

  async getEntitySlos(
    spec: ObservabilitySpec,
    ends: { from?: number; to?: number },
  ): Promise<EntitySlosResponse> {
    if (spec.slos.length === 0) {
      return { entityRef: spec.entityRef, items: [] };
    }
    const range = resolveRange(ends, {
      defaultSpanMs: longestWindowMs(spec),
      maxSpanMs: MAX_SLO_RANGE_MS,
    });
    const prometheus = requireUpstream(this.prometheus, 'prometheus');
    const grid = seriesGrid(range);
    const errorRatioWindow = errorRatioWindowFor(grid.step);
    const gridRange = { start: grid.start, end: grid.end, stepMs: grid.step };
    const warnings: UpstreamWarning[] = [];
    const [current, budgetSeries, errorRatioSeries, alerts] = await Promise.all(
      [
        prometheus.instantQuery(entityFiguresQuery(spec.entityRef)),
        prometheus.rangeQuery(
          entityBudgetSeriesQuery(spec.entityRef),
          gridRange,
        ),
        prometheus.rangeQuery(
          entityErrorRatioSeriesQuery(spec.entityRef, errorRatioWindow),
          gridRange,
        ),
        this.alerts
          ? orWarning(
              this.alerts.alertsOf(spec.entityRef),
              [] as SloAlert[],
              warnings,
            )
          : Promise.resolve([] as SloAlert[]),
      ],
    );
    const prometheusWarnings = new Set([
      ...current.warnings,
      ...budgetSeries.warnings,
      ...errorRatioSeries.warnings,
    ]);
    for (const message of prometheusWarnings) {
      warnings.push({ upstream: 'prometheus', message });
    }
    return {
      entityRef: spec.entityRef,
      items: assembleSloStatuses(spec, {
        current: current.data,
        budgetSeries: budgetSeries.data,
        errorRatioSeries: errorRatioSeries.data,
        errorRatioWindow,
        grid,
        alerts,
        grafanaBaseUrl: this.grafanaBaseUrl,
      }),
      range: grid,
      ...(warnings.length > 0 && { warnings }),
    };
  }
}
