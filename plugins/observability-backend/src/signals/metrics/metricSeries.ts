/*
 * A panel's range-query answer as the tab's series: named by the panel's legend template (or by
 * their labels), on the request's grid, the largest first and capped so that a query returning
 * thousands of series cannot flood the browser ("N more series not shown").
 */
import { MetricSeries } from '@lookout/plugin-observability-common';
import { RangeSeries } from '../prometheus/PrometheusClient';
import { fillGrid, SeriesGrid } from '../slos/seriesGrid';

/** Most series of one panel sent to the browser. */
export const MAX_SERIES_PER_PANEL = 20;

/** `{{route}} on {{ instance }}` with the series' labels filled in (missing labels are empty). */
export function applyLegend(
  template: string,
  labels: Record<string, string>,
): string {
  return template.replace(
    /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g,
    (_, name: string) => labels[name] ?? '',
  );
}

function labelsName(labels: Record<string, string>, fallback: string): string {
  const { __name__: metric = '', ...rest } = labels;
  const pairs = Object.keys(rest)
    .sort()
    .map(key => `${key}=${JSON.stringify(rest[key])}`);
  if (pairs.length === 0) {
    return metric || fallback;
  }
  return `${metric}{${pairs.join(', ')}}`;
}

function mean(points: ReadonlyArray<[number, number]>): number {
  const finite = points.map(p => p[1]).filter(Number.isFinite);
  return finite.length === 0
    ? -Infinity
    : finite.reduce((a, b) => a + b, 0) / finite.length;
}

/**
 * The series of a panel: at most `max`, those with the largest mean first; `omitted` counts the
 * rest.
 */
export function toMetricSeries(
  data: RangeSeries[],
  grid: SeriesGrid,
  options: { legend?: string; fallbackName: string; max?: number },
): { series: MetricSeries[]; omitted: number } {
  const max = options.max ?? MAX_SERIES_PER_PANEL;
  const ranked = data
    .map(series => ({ series, mean: mean(series.points) }))
    .sort((a, b) => b.mean - a.mean)
    .slice(0, max);
  return {
    series: ranked.map(({ series }) => ({
      name: options.legend
        ? applyLegend(options.legend, series.labels) || options.fallbackName
        : labelsName(series.labels, options.fallbackName),
      labels: series.labels,
      points: fillGrid(grid, series.points),
    })),
    omitted: Math.max(0, data.length - max),
  };
}
