/*
 * What the overview card says about the panels and the other plugins' annotations Lookout found:
 * one line per source, saying what it made of each (panels confined to the entity, alerts
 * listed, dashboards linked).
 */
import {
  ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR,
  ANNOTATION_GRAFANA_DASHBOARD_SELECTOR,
  ANNOTATION_GRAFANA_OVERVIEW_DASHBOARD,
  ANNOTATION_PANELS,
  ANNOTATION_PROMETHEUS_ALERT,
  ANNOTATION_PROMETHEUS_RULE,
  ObservabilitySpec,
} from '@lookout/plugin-observability-common';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** `[annotation, what Lookout made of it]` for every panel source and imported annotation found. */
export function importedSummary(
  spec: ObservabilitySpec,
): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  const panels = spec.panels ?? [];
  const own = panels.filter(p => p.source === ANNOTATION_PANELS).length;
  const rule = panels.filter(p => p.source === ANNOTATION_PROMETHEUS_RULE);
  if (own > 0) {
    lines.push([
      ANNOTATION_PANELS,
      `${plural(own, 'panel')} on the Metrics tab and the dashboard`,
    ]);
  }
  if (rule.length > 0) {
    lines.push([
      ANNOTATION_PROMETHEUS_RULE,
      `${plural(rule.length, 'panel')}, confined to this entity's series`,
    ]);
  }
  const imported = spec.imported ?? {};
  if (imported.alerts) {
    lines.push([
      ANNOTATION_PROMETHEUS_ALERT,
      imported.alerts.all
        ? 'every active alert of the entity, on the Metrics tab'
        : `alerts ${imported.alerts.names.join(', ')}, on the Metrics tab`,
    ]);
  }
  if (imported.grafanaDashboardSelector) {
    lines.push([
      ANNOTATION_GRAFANA_DASHBOARD_SELECTOR,
      'a link to the matching Grafana dashboards',
    ]);
  }
  if (imported.grafanaOverviewDashboard) {
    lines.push([
      ANNOTATION_GRAFANA_OVERVIEW_DASHBOARD,
      'a link on the Metrics tab',
    ]);
  }
  if (imported.grafanaAlertLabelSelector) {
    lines.push([ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR, 'read, not used yet']);
  }
  return lines;
}
