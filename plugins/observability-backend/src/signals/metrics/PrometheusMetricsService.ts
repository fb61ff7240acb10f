/*
 * `GET .../metrics`: the Metrics tab from one browser request. The backend runs every query
 * (golden signals, custom panels) on a grid whose step keeps each series within
 * {@link MAX_METRIC_POINTS} points, caps the series per panel, and answers the panels that worked
 * when one query fails. Panel queries were confined to the entity when the annotation was parsed.
 * Upstream cost per view: one discovery query (only when an SLO does not supply the signals),
 * three golden-signal queries, one per panel, and one Alertmanager request with
 * `prometheus.io/alert`.
 */
import {
  dashboardSelectorTags,
  durationSeconds,
  EntityMetricsResponse,
  MetricPanel,
  MetricsLink,
  ObservabilitySpec,
  SloAlert,
  SloPresetConfig,
  UpstreamWarning,
} from '@lookout/plugin-observability-common';
import { dashboardUid } from '@lookout/plugin-observability-node';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import { seriesGrid, SeriesGrid } from '../slos/seriesGrid';
import { resolveRange } from '../timeRange';
import { AlertSource, MetricsService } from '../types';
import { UpstreamError, UpstreamTimeoutError } from '../upstream/UpstreamError';
import { requireUpstream } from '../upstream/requireUpstream';
import { orWarning } from '../upstream/warningOf';
import {
  conventions,
  discoveryQuery,
  entityScope,
  goldenSignalQueries,
} from './goldenSignalQueries';
import { toMetricSeries } from './metricSeries';

/** Most points of one series. */
export const MAX_METRIC_POINTS = 1000;
/** Default range of the tab: one day. */
export const DEFAULT_METRICS_RANGE_MS = 86_400_000;
/** Longest range of the tab. */
export const MAX_METRICS_RANGE_MS = 366 * 86_400_000;
/** Rates span at least this many scrape intervals, so that each window holds several samples. */
const SCRAPES_PER_RATE = 4;
/** Metrics of the discovery must have been seen within this long before the range's end. */
const MAX_DISCOVERY_LOOKBACK_S = 86_400;

/** What the service links to. */
export interface MetricsLinkOptions {
  /** Grafana's URL for browsers. */
  grafanaBaseUrl?: string;
  /** Pyroscope's (or Grafana's profiles app) URL for browsers. */
  pyroscopeBaseUrl?: string;
}

interface PanelRequest {
  panel: Omit<MetricPanel, 'series' | 'omittedSeries'>;
  legend?: string;
}

function isUpstreamFailure(
  error: unknown,
): error is UpstreamError | UpstreamTimeoutError {
  return (
    error instanceof UpstreamError || error instanceof UpstreamTimeoutError
  );
}

/** @public */
export class PrometheusMetricsService implements MetricsService {
  constructor(
    private readonly options: {
      prometheus?: PrometheusClient;
      /** Where the alerts of `prometheus.io/alert` come from. */
      alerts?: AlertSource;
      /** `observability.presets`: looked for first among the HTTP metric conventions. */
      presets?: SloPresetConfig;
      links?: MetricsLinkOptions;
    },
  ) {}

  async getEntityMetrics(
    spec: ObservabilitySpec,
    ends: { from?: number; to?: number },
  ): Promise<EntityMetricsResponse> {
    const range = resolveRange(ends, {
      defaultSpanMs: DEFAULT_METRICS_RANGE_MS,
      maxSpanMs: MAX_METRICS_RANGE_MS,
    });
    const prometheus = requireUpstream(this.options.prometheus, 'prometheus');
    const grid = seriesGrid(range, MAX_METRIC_POINTS);
    const scrapeSeconds = durationSeconds(spec.metrics?.interval ?? '30s');
    const rateInterval = `${Math.max(
      grid.step / 1000,
      SCRAPES_PER_RATE * scrapeSeconds,
    )}s`;
    const warnings: UpstreamWarning[] = [];

    const candidates = conventions(this.options.presets);
    const needsDiscovery = !(
      spec.slos.some(s => s.indicator.type === 'ratio') &&
      spec.slos.some(s => s.indicator.type === 'latency')
    );
    const lookback = Math.min(
      Math.ceil((range.to - range.from) / 1000),
      MAX_DISCOVERY_LOOKBACK_S,
    );
    const golden = (async () => {
      const found = needsDiscovery
        ? await prometheus
            .instantQuery(
              discoveryQuery(entityScope(spec), candidates, `${lookback}s`),
              grid.end,
            )
            .then(result => new Set(result.data.map(s => s.labels.__name__)))
        : undefined;
      const plan = goldenSignalQueries(spec, candidates, found, rateInterval);
      const panels = await this.#run(
        prometheus,
        grid,
        plan.queries.map(q => ({
          panel: {
            title: q.title,
            description: q.description,
            unit: q.unit,
            kind: 'line',
            query: q.query,
            source: 'golden-signals',
          },
          legend: q.legend,
        })),
        warnings,
      );
      return { plan, panels };
    })();
    const custom = this.#run(
      prometheus,
      grid,
      (spec.panels ?? []).map(p => ({
        panel: {
          title: p.title,
          description: `From ${p.source}.`,
          unit: p.unit,
          kind: p.kind,
          query: p.query,
          source: p.source,
        },
        legend: p.legend,
      })),
      warnings,
    );
    const alerts = this.#alerts(spec, warnings);
    const [goldenResult, panels, alertList] = await Promise.all([
      golden.catch(error => {
        if (isUpstreamFailure(error)) {
          warnings.push({ upstream: error.upstream, message: error.message });
          return undefined;
        }
        throw error;
      }),
      custom,
      alerts,
    ]);
    const allPanels = [...(goldenResult?.panels ?? []), ...panels];
    if (!goldenResult && panels.length === 0) {
      // Nothing answered: the tab shows the upstream's failure, as the other tabs do.
      await golden;
    }
    if (allPanels.length > 0 && allPanels.every(p => p.error)) {
      throw new UpstreamError(
        'prometheus',
        `every query of the Metrics tab failed; the first: ${allPanels[0].error}`,
      );
    }
    const goldenPanels = goldenResult?.panels ?? [];
    return {
      entityRef: spec.entityRef,
      range: grid,
      ...(goldenPanels.length > 0 && {
        goldenSignals: {
          sources: [...new Set(goldenResult!.plan.queries.map(q => q.source))],
          panels: goldenPanels,
        },
      }),
      ...(goldenResult?.plan.note && {
        goldenSignalsNote: goldenResult.plan.note,
      }),
      panels,
      links: this.#links(spec),
      ...(alertList && { alerts: alertList }),
      ...(warnings.length > 0 && { warnings }),
    };
  }

  async #run(
    prometheus: PrometheusClient,
    grid: SeriesGrid,
    requests: PanelRequest[],
    warnings: UpstreamWarning[],
  ): Promise<MetricPanel[]> {
    return Promise.all(
      requests.map(async ({ panel, legend }) => {
        try {
          const result = await prometheus.rangeQuery(panel.query, {
            start: grid.start,
            end: grid.end,
            stepMs: grid.step,
          });
          for (const message of result.warnings) {
            warnings.push({ upstream: 'prometheus', message });
          }
          const { series, omitted } = toMetricSeries(result.data, grid, {
            legend,
            fallbackName: panel.title,
          });
          return { ...panel, series, omittedSeries: omitted };
        } catch (error) {
          if (!isUpstreamFailure(error)) {
            throw error;
          }
          return {
            ...panel,
            series: [],
            omittedSeries: 0,
            error: error.message,
          };
        }
      }),
    );
  }

  async #alerts(
    spec: ObservabilitySpec,
    warnings: UpstreamWarning[],
  ): Promise<SloAlert[] | undefined> {
    const wanted = spec.imported?.alerts;
    if (!wanted || !this.options.alerts) {
      return undefined;
    }
    const alerts = await orWarning(
      this.options.alerts.alertsOf(spec.entityRef),
      [] as SloAlert[],
      warnings,
    );
    return wanted.all
      ? alerts
      : alerts.filter(alert => alert.name && wanted.names.includes(alert.name));
  }

  #links(spec: ObservabilitySpec): MetricsLink[] {
    const links: MetricsLink[] = [];
    const grafana = this.options.links?.grafanaBaseUrl?.replace(/\/+$/, '');
    if (grafana && spec.dashboard) {
      links.push({
        title: 'Generated Grafana dashboard',
        url: `${grafana}/d/${dashboardUid(spec.entityRef)}`,
        kind: 'generated-dashboard',
      });
    }
    const imported = spec.imported ?? {};
    if (imported.grafanaOverviewDashboard) {
      links.push({
        title: 'Overview dashboard',
        url: imported.grafanaOverviewDashboard,
        kind: 'grafana/overview-dashboard',
      });
    }
    const tags = imported.grafanaDashboardSelector
      ? dashboardSelectorTags(imported.grafanaDashboardSelector)
      : [];
    if (grafana && tags.length > 0) {
      const query = new URLSearchParams(tags.map(tag => ['tag', tag]));
      links.push({
        title: `Grafana dashboards tagged ${tags.join(', ')}`,
        url: `${grafana}/dashboards?${query}`,
        kind: 'grafana/dashboard-selector',
      });
    }
    const pyroscope = this.options.links?.pyroscopeBaseUrl?.replace(/\/+$/, '');
    // Profiles are found by the traces' service name; kinds without traces have none.
    const service = spec.traces?.serviceName;
    if (pyroscope && service) {
      const query = `process_cpu:cpu:nanoseconds:cpu:nanoseconds{service_name=${JSON.stringify(
        service,
      )}}`;
      links.push({
        title: `Profiles of ${service}`,
        url: `${pyroscope}/?${new URLSearchParams({ query })}`,
        kind: 'profiles',
      });
    }
    return links;
  }
}
