/*
 * Small factories over the Grafana Foundation SDK builders, so that every panel of a generated
 * dashboard queries the `datasource` template variable and numbers its panels deterministically.
 */
import * as cog from '@grafana/grafana-foundation-sdk/cog';
import * as common from '@grafana/grafana-foundation-sdk/common';
import {
  DashboardLinkBuilder,
  DashboardLinkType,
  Panel,
  RowBuilder,
  Threshold,
  ThresholdsConfigBuilder,
  ThresholdsMode,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { DataqueryBuilder } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { PanelQuery } from './panelQueries';

/** Name of the dashboard's data source template variable. */
export const DATASOURCE_VARIABLE = 'datasource';

/** The data source of every panel and query: the template variable. */
export const DATASOURCE: common.DataSourceRef = {
  type: 'prometheus',
  uid: `\${${DATASOURCE_VARIABLE}}`,
};

/** A row header and the panels under it, in layout order. */
export interface DashboardSection {
  row: RowBuilder;
  panels: Array<cog.Builder<Panel>>;
}

/** Hands out panel ids in creation order, so the same dashboard always numbers alike. */
export class PanelIds {
  private last = 0;

  next(): number {
    this.last += 1;
    return this.last;
  }
}

function query(panelQuery: PanelQuery, index: number, instant: boolean) {
  const builder = new DataqueryBuilder()
    .datasource(DATASOURCE)
    .expr(panelQuery.expr)
    .legendFormat(panelQuery.legend)
    .refId(refId(index));
  return instant ? builder.instant() : builder.range();
}

function refId(index: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + index);
}

/** Threshold steps from a base colour and `[value, colour]` pairs, ascending. */
export function thresholds(
  base: string,
  steps: Array<[number, string]>,
): ThresholdsConfigBuilder {
  const all: Threshold[] = [
    { value: null, color: base },
    ...steps.map(([value, color]) => ({ value, color })),
  ];
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(all);
}

/** Settings of a stat panel. */
export interface StatPanelSpec {
  title: string;
  description: string;
  queries: PanelQuery[];
  unit: string;
  decimals?: number;
  thresholds: ThresholdsConfigBuilder;
  width: number;
  height: number;
  links?: DashboardLinkBuilder[];
}

/** A stat panel showing the last value of instant queries. */
export function statPanel(
  ids: PanelIds,
  spec: StatPanelSpec,
): StatPanelBuilder {
  const panel = new StatPanelBuilder()
    .id(ids.next())
    .title(spec.title)
    .description(spec.description)
    .datasource(DATASOURCE)
    .targets(spec.queries.map((q, i) => query(q, i, true)))
    .unit(spec.unit)
    .thresholds(spec.thresholds)
    .colorMode(common.BigValueColorMode.Value)
    .graphMode(common.BigValueGraphMode.None)
    .textMode(
      spec.queries.length > 1
        ? common.BigValueTextMode.ValueAndName
        : common.BigValueTextMode.Value,
    )
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']))
    .span(spec.width)
    .height(spec.height);
  if (spec.decimals !== undefined) {
    panel.decimals(spec.decimals);
  }
  if (spec.links && spec.links.length > 0) {
    panel.links(spec.links);
  }
  return panel;
}

/** Settings of a time series panel. */
export interface TimeseriesPanelSpec {
  title: string;
  description: string;
  queries: PanelQuery[];
  unit: string;
  width: number;
  height: number;
  min?: number;
}

/** A time series panel over range queries, legend as a list below. */
export function timeseriesPanel(
  ids: PanelIds,
  spec: TimeseriesPanelSpec,
): TimeseriesPanelBuilder {
  const panel = new TimeseriesPanelBuilder()
    .id(ids.next())
    .title(spec.title)
    .description(spec.description)
    .datasource(DATASOURCE)
    .targets(spec.queries.map((q, i) => query(q, i, false)))
    .unit(spec.unit)
    .lineWidth(1)
    .fillOpacity(10)
    .legend(
      new common.VizLegendOptionsBuilder()
        .showLegend(true)
        .displayMode(common.LegendDisplayMode.List)
        .placement(common.LegendPlacement.Bottom),
    )
    .tooltip(
      new common.VizTooltipOptionsBuilder()
        .mode(common.TooltipDisplayMode.Multi)
        .sort(common.SortOrder.None),
    )
    .span(spec.width)
    .height(spec.height);
  if (spec.min !== undefined) {
    panel.min(spec.min);
  }
  return panel;
}

/** A link opening in a new tab. */
export function externalLink(title: string, url: string): DashboardLinkBuilder {
  return new DashboardLinkBuilder(title)
    .type(DashboardLinkType.Link)
    .url(url)
    .targetBlank(true);
}
