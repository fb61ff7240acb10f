/*
 * The annotations of the plugins users come from, read so that their catalog works unchanged:
 * Roadie's Prometheus plugin (`prometheus.io/rule` → panels confined to the entity,
 * `prometheus.io/alert` → the entity's alerts) and the Grafana plugin (`grafana/*` → links and
 * an alert label selector). Roadie's queries were written for an open proxy, so each is confined
 * with `scopeQueryToEntity` before the scope check.
 */
import {
  ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR,
  ANNOTATION_GRAFANA_DASHBOARD_SELECTOR,
  ANNOTATION_GRAFANA_OVERVIEW_DASHBOARD,
  ANNOTATION_PROMETHEUS_ALERT,
  ANNOTATION_PROMETHEUS_RULE,
} from '../annotations/annotations';
import { parsePromqlExpression } from '../promql/promqlTree';
import {
  ImportedAnnotations,
  ObservabilityProblem,
  PanelSpec,
} from '../spec/types';
import { describeValue } from '../validation/describeValue';
import { parseHttpUrl } from '../validation/httpUrl';
import { checkPanelQueryScope, scopeQueryToEntity } from './panelQueryScope';
import type { PanelDefinitionsContext } from './panelDefinitions';
import { MAX_PANELS } from './panelDefinitions';

/** Splits on commas outside parentheses, braces and brackets (Roadie splits on every comma). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') {
        i++;
      } else if (char === quote) {
        quote = undefined;
      }
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else if ('({['.includes(char)) {
      depth++;
    } else if (')}]'.includes(char)) {
      depth--;
    } else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map(part => part.trim()).filter(part => part !== '');
}

/**
 * Panels of Roadie's `prometheus.io/rule`: comma-separated `query|grouping label` items (the
 * label is optional and becomes the legend). Each query gets the entity's matcher on every
 * selector without one; a query that still reads further (it names another entity) is an error.
 * @public
 */
export function parsePrometheusRule(
  text: string,
  context: PanelDefinitionsContext,
): { panels: PanelSpec[]; problems: ObservabilityProblem[] } {
  const problems: ObservabilityProblem[] = [];
  const panels: PanelSpec[] = [];
  const items = splitTopLevel(text);
  if (items.length === 0) {
    problems.push({
      severity: 'error',
      annotation: ANNOTATION_PROMETHEUS_RULE,
      path: '',
      message:
        'is empty; expected comma-separated metric|grouping pairs, e.g. memUsage|component,node_memory_active_bytes|instance',
    });
  }
  items.slice(0, MAX_PANELS).forEach((item, index) => {
    const bar = item.lastIndexOf('|');
    const candidate = bar >= 0 ? item.slice(0, bar).trim() : item;
    const grouping = bar >= 0 ? item.slice(bar + 1).trim() : '';
    const error = (message: string) =>
      problems.push({
        severity: 'error',
        annotation: ANNOTATION_PROMETHEUS_RULE,
        path: `[${index}]`,
        message,
      });
    // A `|` inside PromQL is not a grouping separator: keep the whole item when the split fails.
    const [query, label] =
      bar >= 0 && /^[a-zA-Z_][a-zA-Z0-9_]*$|^$/.test(grouping)
        ? [candidate, grouping]
        : [item, ''];
    const parsed = parsePromqlExpression(query);
    if (!parsed.ok) {
      error(`${describeValue(query)} ${parsed.message}`);
      return;
    }
    const scoped = context.allowUnscoped
      ? query
      : scopeQueryToEntity(query, context.entityRef, context.selector);
    const scope = context.allowUnscoped
      ? undefined
      : checkPanelQueryScope(scoped, context.entityRef, context.selector);
    if (scope && !scope.ok) {
      error(
        `item ${index} could read another entity's series: ${scope.message}`,
      );
      return;
    }
    panels.push({
      title: query,
      query: scoped,
      unit: 'short',
      kind: 'line',
      ...(label && { legend: `{{${label}}}` }),
      source: ANNOTATION_PROMETHEUS_RULE,
    });
  });
  return { panels, problems };
}

/**
 * `prometheus.io/alert` and the `grafana/*` annotations. Values are kept as written, URLs
 * checked; the problems name the annotation.
 * @public
 */
export function parseImportedAnnotations(
  get: (annotation: string) => string | undefined,
): { imported: ImportedAnnotations; problems: ObservabilityProblem[] } {
  const problems: ObservabilityProblem[] = [];
  const imported: ImportedAnnotations = {};
  const alert = get(ANNOTATION_PROMETHEUS_ALERT);
  if (alert !== undefined) {
    const names = alert
      .split(',')
      .map(name => name.trim())
      .filter(Boolean);
    if (names.length === 0) {
      problems.push({
        severity: 'error',
        annotation: ANNOTATION_PROMETHEUS_ALERT,
        path: '',
        message:
          'is empty; expected alert names, comma-separated, or "all", e.g. HighErrorRate,HighLatency',
      });
    } else {
      imported.alerts =
        names.length === 1 && names[0] === 'all'
          ? { all: true }
          : { all: false, names };
    }
  }
  const selector = get(ANNOTATION_GRAFANA_DASHBOARD_SELECTOR);
  if (selector) {
    imported.grafanaDashboardSelector = selector;
  }
  const overview = get(ANNOTATION_GRAFANA_OVERVIEW_DASHBOARD);
  if (overview !== undefined) {
    const url = parseHttpUrl(overview);
    if (url.ok) {
      imported.grafanaOverviewDashboard = url.value;
    } else {
      problems.push({
        severity: 'error',
        annotation: ANNOTATION_GRAFANA_OVERVIEW_DASHBOARD,
        path: '',
        message: url.message,
      });
    }
  }
  const alertLabels = get(ANNOTATION_GRAFANA_ALERT_LABEL_SELECTOR);
  if (alertLabels) {
    imported.grafanaAlertLabelSelector = alertLabels;
  }
  return { imported, problems };
}

/**
 * The Grafana dashboard tags a `grafana/dashboard-selector` names (`tags @> 'x'`), for a link
 * to Grafana's dashboard search.
 * @public
 */
export function dashboardSelectorTags(selector: string): string[] {
  return [...selector.matchAll(/tags\s*@>\s*'([^']*)'/g)].map(m => m[1]);
}
