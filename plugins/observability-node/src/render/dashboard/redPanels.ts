/*
 * The dashboard row of an entity's request metrics (rate, errors, duration) over the preset
 * metric names, scoped to the entity by its `backstage_entity` target label.
 */
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import * as units from '@grafana/grafana-foundation-sdk/units';
import { SloPresetConfig } from '@lookout/plugin-observability-common';
import { redQueries } from './panelQueries';
import { DashboardSection, PanelIds, timeseriesPanel } from './panels';

/** The RED section of an entity. */
export function redSection(
  ids: PanelIds,
  entityRef: string,
  presets: SloPresetConfig,
): DashboardSection {
  const q = redQueries(entityRef, presets);
  return {
    row: new RowBuilder('Requests').id(ids.next()),
    panels: [
      timeseriesPanel(ids, {
        title: 'Request rate',
        description: `Requests per second (${presets.requestsMetric}).`,
        queries: [q.requestRate],
        unit: units.RequestsPerSecond,
        width: 8,
        height: 8,
        min: 0,
      }),
      timeseriesPanel(ids, {
        title: 'Error ratio',
        description: `Share of requests whose ${presets.statusCodeLabel} matches ${presets.errorStatusRegex}.`,
        queries: [q.errorRatio],
        unit: units.PercentUnit,
        width: 8,
        height: 8,
        min: 0,
      }),
      timeseriesPanel(ids, {
        title: 'Duration',
        description: `Request duration quantiles (${presets.durationHistogram}).`,
        queries: q.durationQuantiles,
        unit: units.Seconds,
        width: 8,
        height: 8,
        min: 0,
      }),
    ],
  };
}
