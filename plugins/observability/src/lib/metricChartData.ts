/*
 * The data of a Metrics tab chart: the panel's series as recharts rows, and the sentence that
 * describes the chart to screen readers (series shown, series left out, why there is no data).
 */
import { MetricPanel } from '@lookout/plugin-observability-common';

/** Rows of `{ t, s0, s1, … }`, one per grid point, for recharts. */
export function chartRows(
  panel: MetricPanel,
): Array<Record<string, number | null>> {
  const rows = new Map<number, Record<string, number | null>>();
  panel.series.forEach((series, index) => {
    for (const [t, v] of series.points) {
      const row = rows.get(t) ?? { t };
      row[`s${index}`] = v;
      rows.set(t, row);
    }
  });
  return [...rows.values()].sort((a, b) => a.t! - b.t!);
}

/** What a panel shows, in one sentence, for screen readers. */
export function describePanel(panel: MetricPanel): string {
  if (panel.error) {
    return `No data: ${panel.error}`;
  }
  if (panel.series.length === 0) {
    return 'No data in this time range.';
  }
  const names = panel.series.map(s => s.name).join(', ');
  const more =
    panel.omittedSeries > 0
      ? ` ${panel.omittedSeries} more series not shown.`
      : '';
  return `${panel.series.length} series: ${names}.${more}`;
}
