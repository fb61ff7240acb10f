import { ObservabilitySpec } from '@lookout/plugin-observability-common';
import { importedSummary } from './importedSummary';

const base: ObservabilitySpec = {
  entityRef: 'component:default/recommendations',
  slos: [],
  logs: { selector: '{}' },
  traces: { serviceName: 'recommendations' },
  dashboard: false,
  kubernetes: {},
};

describe('importedSummary', () => {
  it('says what Lookout made of each annotation it found', () => {
    const panel = { query: 'x', unit: 'short', kind: 'line' } as const;
    expect(
      importedSummary({
        ...base,
        panels: [
          { ...panel, title: 'a', source: 'prometheus.io/rule' },
          { ...panel, title: 'b', source: 'prometheus.io/rule' },
          { ...panel, title: 'c', source: 'lookout.dev/panels' },
        ],
        imported: {
          alerts: { all: false, names: ['HighErrorRate', 'HighLatency'] },
          grafanaOverviewDashboard: 'https://grafana.example.com/d/x',
        },
      }),
    ).toEqual([
      ['lookout.dev/panels', '1 panel on the Metrics tab and the dashboard'],
      ['prometheus.io/rule', "2 panels, confined to this entity's series"],
      [
        'prometheus.io/alert',
        'alerts HighErrorRate, HighLatency, on the Metrics tab',
      ],
      ['grafana/overview-dashboard', 'a link on the Metrics tab'],
    ]);
  });

  it('says nothing when none was found', () => {
    expect(importedSummary(base)).toEqual([]);
  });
});
