import { Entity } from '@backstage/catalog-model';
import {
  hasLogs,
  hasMetrics,
  hasMetricsTab,
  hasSlos,
  hasTraces,
  isObservabilityAvailable,
  isProvisioned,
  PROVISIONING_ANNOTATIONS,
} from './predicates';

function entity(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', ...(annotations && { annotations }) },
  };
}

describe('annotation predicates', () => {
  it('finds no observability on an entity without Lookout annotations', () => {
    for (const e of [
      entity(),
      entity({ 'backstage.io/kubernetes-id': 'checkout' }),
    ]) {
      expect(isObservabilityAvailable(e)).toBe(false);
      expect(hasSlos(e)).toBe(false);
      expect(hasMetrics(e)).toBe(false);
      expect(hasLogs(e)).toBe(false);
      expect(hasTraces(e)).toBe(false);
    }
  });

  it('finds observability with any lookout.dev annotation', () => {
    const e = entity({ 'lookout.dev/traces-service': 'checkout' });
    expect(isObservabilityAvailable(e)).toBe(true);
    expect(hasLogs(e)).toBe(true);
    expect(hasTraces(e)).toBe(true);
    expect(hasSlos(e)).toBe(false);
    expect(hasMetrics(e)).toBe(false);
  });

  it.each([
    'lookout.dev/slo-availability',
    'lookout.dev/slo-latency',
    'lookout.dev/slos',
    'lookout.dev/openslo',
  ])('finds SLOs with %s', key => {
    expect(hasSlos(entity({ [key]: 'x' }))).toBe(true);
  });

  it.each(['lookout.dev/metrics-port', 'lookout.dev/metrics-targets'])(
    'finds metrics with %s',
    key => {
      expect(hasMetrics(entity({ [key]: 'x' }))).toBe(true);
    },
  );

  it('does not throw on an entity without metadata', () => {
    expect(isObservabilityAvailable({} as Entity)).toBe(false);
  });

  it("shows the Metrics tab for Lookout's annotations and for Roadie's and the Grafana plugin's", () => {
    expect(hasMetricsTab(entity())).toBe(false);
    expect(hasMetricsTab(entity({ 'lookout.dev/metrics-port': 'http' }))).toBe(
      true,
    );
    expect(hasMetricsTab(entity({ 'prometheus.io/rule': 'up|instance' }))).toBe(
      true,
    );
    expect(
      hasMetricsTab(entity({ 'grafana/dashboard-selector': "tags @> 'x'" })),
    ).toBe(true);
  });
});

describe('hasLogs and hasTraces for kinds that do not run code (finding 5)', () => {
  const group: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'team-a',
      annotations: { 'lookout.dev/slo-window': '30d' },
    },
    spec: {},
  };

  it('shows no Logs or Traces tab on a Group by name', () => {
    expect(hasLogs(group)).toBe(false);
    expect(hasTraces(group)).toBe(false);
  });

  it('shows them when the Group names its logs or traces', () => {
    const named: Entity = {
      ...group,
      metadata: {
        name: 'team-a',
        annotations: {
          'lookout.dev/logs-selector': '{team="a"}',
          'lookout.dev/traces-service': 'team-a-gateway',
        },
      },
    };
    expect(hasLogs(named)).toBe(true);
    expect(hasTraces(named)).toBe(true);
  });
});

describe('isProvisioned', () => {
  it('is true for the annotations that generate scrape configs, SLO rules or dashboard panels, and only for those', () => {
    expect([...PROVISIONING_ANNOTATIONS].sort()).toEqual([
      'lookout.dev/metrics-port',
      'lookout.dev/metrics-targets',
      'lookout.dev/openslo',
      'lookout.dev/panels',
      'lookout.dev/slo-availability',
      'lookout.dev/slo-latency',
      'lookout.dev/slos',
    ]);
    expect(
      isProvisioned(entity({ 'lookout.dev/slo-latency': '99:300ms' })),
    ).toBe(true);
    expect(
      isProvisioned(entity({ 'lookout.dev/logs-selector': '{app="docs"}' })),
    ).toBe(false);
    expect(
      isProvisioned(
        entity({ 'lookout.dev/panels': '- title: Rows\n  query: rows\n' }),
      ),
    ).toBe(true);
    expect(isProvisioned(entity())).toBe(false);
  });
});
