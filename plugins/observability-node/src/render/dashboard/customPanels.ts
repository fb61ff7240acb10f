/*
 * The dashboard row of an entity's custom panels (`lookout.dev/panels`, Roadie's
 * `prometheus.io/rule`): the same queries, units, chart kinds and legends as the Metrics tab, so
 * both places show the same charts. Queries were confined to the entity at parsing.
 */
import * as common from '@grafana/grafana-foundation-sdk/common';
import { RowBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelSpec } from '@lookout/plugin-observability-common';
import { DashboardSection, PanelIds, timeseriesPanel } from './panels';

/** Grafana's automatic legend, for panels without a legend template. */
const AUTO_LEGEND = '__auto';

/** The custom panels' section, two panels per row of the grid. */
export function customPanelsSection(
  ids: PanelIds,
  panels: readonly PanelSpec[],
): DashboardSection {
  return {
    row: new RowBuilder('Panels').id(ids.next()),
    panels: panels.map(spec => {
      const panel = timeseriesPanel(ids, {
        title: spec.title,
        description: `From ${spec.source}.`,
        queries: [{ expr: spec.query, legend: spec.legend ?? AUTO_LEGEND }],
        unit: spec.unit,
        width: 12,
        height: 8,
      });
      if (spec.kind === 'bar') {
        panel.drawStyle(common.GraphDrawStyle.Bars).fillOpacity(80);
      } else if (spec.kind === 'area') {
        panel.fillOpacity(40);
      }
      return panel;
    }),
  };
}
