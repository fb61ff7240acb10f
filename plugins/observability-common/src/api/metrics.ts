/*
 * Response type of `GET .../metrics` (the Metrics tab): golden signals, custom panels, links and
 * the alerts named by `prometheus.io/alert`, from one request.
 */
import { PanelKind, PanelSpec, PanelUnit } from '../spec/types';
import { SeriesPoint, SloAlert, UpstreamWarning } from './types';

/** One series of a panel. @public */
export interface MetricSeries {
  /** The legend: the panel's template filled in, or the series' labels. */
  name: string;
  labels: Record<string, string>;
  points: SeriesPoint[];
}

/** A chart of the Metrics tab with its data. @public */
export interface MetricPanel {
  title: string;
  /** Where the query comes from, in words (which SLO, which metric convention, which annotation). */
  description: string;
  unit: PanelUnit;
  kind: PanelKind;
  /** The PromQL the backend ran. */
  query: string;
  source: PanelSpec['source'] | 'golden-signals';
  series: MetricSeries[];
  /** Series Prometheus returned beyond the cap, not shown ("N more series not shown"). */
  omittedSeries: number;
  /** Why the panel has no data when its query failed (the other panels still answer). */
  error?: string;
}

/** Where the golden signals came from. @public */
export type GoldenSignalsSource = 'slo' | 'opentelemetry' | 'prometheus';

/** Request rate, error ratio and latency percentiles of the entity. @public */
export interface GoldenSignals {
  /** Which source each signal used; the panels' descriptions say which SLO or metric. */
  sources: GoldenSignalsSource[];
  panels: MetricPanel[];
}

/** A link from the Metrics tab to another tool. @public */
export interface MetricsLink {
  title: string;
  url: string;
  /** What made the link: the generated dashboard, a `grafana/*` annotation, profiles. */
  kind:
    | 'generated-dashboard'
    | 'grafana/overview-dashboard'
    | 'grafana/dashboard-selector'
    | 'profiles';
}

/** `GET .../metrics`. @public */
export interface EntityMetricsResponse {
  entityRef: string;
  /** The grid of every series: first and last point (epoch ms) and the step (ms). */
  range: { start: number; end: number; step: number };
  /** Absent when neither SLOs nor known HTTP metrics were found; `goldenSignalsNote` says why. */
  goldenSignals?: GoldenSignals;
  goldenSignalsNote?: string;
  /** Custom panels (`lookout.dev/panels`, then `prometheus.io/rule`). */
  panels: MetricPanel[];
  links: MetricsLink[];
  /** Alerts named by `prometheus.io/alert`; absent without the annotation. */
  alerts?: SloAlert[];
  warnings?: UpstreamWarning[];
}
