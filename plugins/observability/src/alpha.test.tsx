import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import plugin, {
  entityLogsContent,
  entityMetricsContent,
  entityObservabilityCard,
  entityObservabilityOnboardingCard,
  entitySlosContent,
  lookoutSloFormField,
  entityTracesContent,
  sloOverviewPage,
} from './alpha';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', annotations },
  };
}

const withoutLookout = entity({ 'backstage.io/kubernetes-id': 'checkout' });
const metricsOnly = entity({ 'lookout.dev/metrics-port': 'http-metrics' });
const withSlo = entity({ 'lookout.dev/slo-availability': '99.9' });

describe('observability plugin for the new frontend system', () => {
  it('has the plugin id observability', () => {
    expect(plugin.id).toBe('observability');
  });

  it('shows the card only on entities with Lookout annotations', () => {
    const filter = createExtensionTester(entityObservabilityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );

    expect(filter?.(withoutLookout)).toBe(false);
    expect(filter?.(metricsOnly)).toBe(true);
  });

  it('mounts the SLOs tab at slos, only where an SLO is declared', () => {
    const tester = createExtensionTester(entitySlosContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);

    expect(tester.get(coreExtensionData.routePath)).toBe('slos');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('SLOs');
    expect(filter?.(metricsOnly)).toBe(false);
    expect(filter?.(withSlo)).toBe(true);
  });

  it('mounts the logs tab on any entity with Lookout annotations', () => {
    const tester = createExtensionTester(entityLogsContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);

    expect(tester.get(coreExtensionData.routePath)).toBe('logs');
    expect(filter?.(withoutLookout)).toBe(false);
    expect(filter?.(metricsOnly)).toBe(true);
  });

  it('mounts the traces tab on any entity with Lookout annotations', () => {
    const tester = createExtensionTester(entityTracesContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);

    expect(tester.get(coreExtensionData.routePath)).toBe('traces');
    expect(filter?.(withoutLookout)).toBe(false);
    expect(filter?.(metricsOnly)).toBe(true);
  });

  it("mounts the metrics tab at metrics, on entities with Lookout's, Roadie's or Grafana's annotations", () => {
    const tester = createExtensionTester(entityMetricsContent);
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);

    expect(tester.get(coreExtensionData.routePath)).toBe('metrics');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Metrics');
    expect(filter?.(withoutLookout)).toBe(false);
    expect(filter?.(metricsOnly)).toBe(true);
    expect(filter?.(entity({ 'prometheus.io/rule': 'up|instance' }))).toBe(
      true,
    );
  });

  it('serves the SLO overview page at /observability/slos with a navigation title', () => {
    const tester = createExtensionTester(sloOverviewPage);

    expect(tester.get(coreExtensionData.routePath)).toBe('/observability/slos');
    expect(tester.get(coreExtensionData.title)).toBe('SLOs');
  });

  it('offers the onboarding card on components without Lookout annotations only', () => {
    const filter = createExtensionTester(entityObservabilityOnboardingCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );

    expect(filter?.(withoutLookout)).toBe(true);
    expect(filter?.(metricsOnly)).toBe(false);
    expect(filter?.({ ...withoutLookout, kind: 'API' })).toBe(false);
  });

  it('provides the LookoutSloField form field to the scaffolder', async () => {
    const loader = createExtensionTester(lookoutSloFormField).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    const field = (await loader()) as unknown as { name: string };
    expect(field.name).toBe('LookoutSloField');
  });
});
