import { Entity } from '@backstage/catalog-model';
import { parseObservabilitySpec } from './parseObservabilitySpec';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default', annotations },
  };
}

describe('parseObservabilitySpec: panels and imported annotations', () => {
  it('keeps the scoped panels of lookout.dev/panels and of prometheus.io/rule', () => {
    const { spec, problems } = parseObservabilitySpec(
      entity({
        'lookout.dev/panels':
          '- title: Orders\n  query: sum(rate(shop_orders_total{backstage_entity="component:default/checkout"}[5m]))',
        'prometheus.io/rule': 'process_resident_memory_bytes|instance',
      }),
    );
    expect(problems).toEqual([]);
    expect(spec.panels?.map(p => [p.source, p.query])).toEqual([
      [
        'lookout.dev/panels',
        'sum(rate(shop_orders_total{backstage_entity="component:default/checkout"}[5m]))',
      ],
      [
        'prometheus.io/rule',
        'process_resident_memory_bytes{backstage_entity="component:default/checkout"}',
      ],
    ]);
  });

  it('turns the generated dashboard on for an entity with only panels', () => {
    const { spec } = parseObservabilitySpec(
      entity({
        'lookout.dev/panels':
          '- title: Rows\n  query: batch_records_exported{backstage_entity="component:default/checkout"}',
      }),
    );
    expect(spec.dashboard).toBe(true);
  });

  it('reports a panel that names another entity as a problem on lookout.dev/panels', () => {
    const { spec, problems } = parseObservabilitySpec(
      entity({
        'lookout.dev/panels':
          '- title: Theirs\n  query: up{backstage_entity="component:default/payments"}',
      }),
    );
    expect(spec.panels).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        annotation: 'lookout.dev/panels',
        path: '[0].query',
        message: expect.stringContaining(
          'panel 0 ("Theirs") could read another entity\'s series',
        ),
      }),
    ]);
  });

  it('takes unscoped panels when the platform allows them', () => {
    const { spec, problems } = parseObservabilitySpec(
      entity({ 'lookout.dev/panels': '- title: All\n  query: sum(up)' }),
      { allowUnscopedPanels: true },
    );
    expect(problems).toEqual([]);
    expect(spec.panels?.[0].query).toBe('sum(up)');
  });

  it('records what it read from the Grafana plugin and prometheus.io/alert', () => {
    const { spec } = parseObservabilitySpec(
      entity({
        'prometheus.io/alert': 'all',
        'grafana/overview-dashboard': 'https://grafana.example.com/d/x',
      }),
    );
    expect(spec.imported).toEqual({
      alerts: { all: true },
      grafanaOverviewDashboard: 'https://grafana.example.com/d/x',
    });
  });
});
