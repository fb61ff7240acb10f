/*
 * `GET .../slos`: every SLO of an entity with a fixed number of upstream requests, whatever the
 * number of SLOs: one instant query (error ratios of every window, budget left and, without an
 * Alertmanager, the ALERTS series) and one range query (the budget and error-ratio charts), plus
 * one Alertmanager request when Alertmanager is configured. Alerts are secondary: when
 * Alertmanager fails the SLOs are still answered, with a warning.
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
import { alertsFromSamples } from '../alerts/PrometheusAlertSource';
import { entityFiguresQuery, entitySeriesQuery } from './sloQueries';
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
    /** Where alerts come from; undefined: Prometheus' ALERTS series, in the figures query. */
    private readonly alertmanager: AlertSource | undefined,
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
    const warnings: UpstreamWarning[] = [];
    const [current, series, alertmanagerAlerts] = await Promise.all([
      prometheus.instantQuery(
        entityFiguresQuery(spec.entityRef, { withAlerts: !this.alertmanager }),
      ),
      prometheus.rangeQuery(
        entitySeriesQuery(spec.entityRef, errorRatioWindow),
        {
          start: grid.start,
          end: grid.end,
          stepMs: grid.step,
        },
      ),
      this.alertmanager
        ? orWarning(
            this.alertmanager.alertsOf(spec.entityRef),
            [] as SloAlert[],
            warnings,
          )
        : undefined,
    ]);
    for (const message of new Set([...current.warnings, ...series.warnings])) {
      warnings.push({ upstream: 'prometheus', message });
    }
    return {
      entityRef: spec.entityRef,
      items: assembleSloStatuses(spec, {
        current: current.data,
        series: series.data,
        errorRatioWindow,
        grid,
        alerts: alertmanagerAlerts ?? alertsFromSamples(current.data),
        grafanaBaseUrl: this.grafanaBaseUrl,
      }),
      range: grid,
      ...(warnings.length > 0 && { warnings }),
    };
  }
}
