import {
  dashboardSelectorTags,
  parseImportedAnnotations,
  parsePrometheusRule,
} from './importedAnnotations';

const ME = 'component:default/checkout';

describe('parsePrometheusRule', () => {
  it("turns Roadie's metric|grouping pairs into panels confined to the entity", () => {
    const { panels, problems } = parsePrometheusRule(
      'memUsage|component,node_memory_active_bytes|instance,sum by (instance, mode) (node_cpu_seconds_total)',
      { entityRef: ME },
    );
    expect(problems).toEqual([]);
    expect(panels).toEqual([
      {
        title: 'memUsage',
        query: `memUsage{backstage_entity="${ME}"}`,
        unit: 'short',
        kind: 'line',
        legend: '{{component}}',
        source: 'prometheus.io/rule',
      },
      {
        title: 'node_memory_active_bytes',
        query: `node_memory_active_bytes{backstage_entity="${ME}"}`,
        unit: 'short',
        kind: 'line',
        legend: '{{instance}}',
        source: 'prometheus.io/rule',
      },
      {
        title: 'sum by (instance, mode) (node_cpu_seconds_total)',
        query: `sum by (instance, mode) (node_cpu_seconds_total{backstage_entity="${ME}"})`,
        unit: 'short',
        kind: 'line',
        source: 'prometheus.io/rule',
      },
    ]);
  });

  it('refuses an item that names another entity', () => {
    const { panels, problems } = parsePrometheusRule(
      'up{backstage_entity="component:default/other"}|instance',
      { entityRef: ME },
    );
    expect(panels).toEqual([]);
    expect(problems).toEqual([
      {
        severity: 'error',
        annotation: 'prometheus.io/rule',
        path: '[0]',
        message: expect.stringContaining(
          'item 0 could read another entity\'s series: selector up{backstage_entity="component:default/other"} (column 1) names another entity',
        ),
      },
    ]);
  });
});

describe('parseImportedAnnotations', () => {
  const read = (annotations: Record<string, string>) =>
    parseImportedAnnotations(key => annotations[key]);

  it('reads the alert names, the Grafana selector and the overview dashboard', () => {
    expect(
      read({
        'prometheus.io/alert': 'HighErrorRate, HighLatency',
        'grafana/dashboard-selector': "tags @> 'checkout'",
        'grafana/overview-dashboard':
          'https://grafana.example.com/d/abc/overview',
        'grafana/alert-label-selector': 'service=checkout',
      }),
    ).toEqual({
      imported: {
        alerts: { all: false, names: ['HighErrorRate', 'HighLatency'] },
        grafanaDashboardSelector: "tags @> 'checkout'",
        grafanaOverviewDashboard: 'https://grafana.example.com/d/abc/overview',
        grafanaAlertLabelSelector: 'service=checkout',
      },
      problems: [],
    });
    expect(read({ 'prometheus.io/alert': 'all' }).imported.alerts).toEqual({
      all: true,
    });
  });

  it('names the annotation of a bad value', () => {
    expect(
      read({ 'grafana/overview-dashboard': 'not a url' }).problems,
    ).toEqual([
      expect.objectContaining({
        severity: 'error',
        annotation: 'grafana/overview-dashboard',
      }),
    ]);
  });
});

describe('dashboardSelectorTags', () => {
  it("lists the tags of the Grafana plugin's selector", () => {
    expect(
      dashboardSelectorTags(
        "(tags @> 'my-service' || tags @> 'my-service-slo') && tags @> 'generated'",
      ),
    ).toEqual(['my-service', 'my-service-slo', 'generated']);
  });
});
