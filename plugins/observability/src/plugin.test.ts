import {
  EntityLogsContent,
  EntityMetricsContent,
  EntityObservabilityCard,
  EntitySlosContent,
  EntityTracesContent,
  observabilityPlugin,
  SloOverviewPage,
} from './plugin';
import { observabilityApiRef } from './api/ObservabilityApi';

describe('observability plugin for the legacy frontend system', () => {
  it('provides the observability API under plugin.observability.client', () => {
    const factories = [...observabilityPlugin.getApis()];

    expect(observabilityApiRef.id).toBe('plugin.observability.client');
    expect(factories.map(factory => factory.api.id)).toEqual([
      'plugin.observability.client',
    ]);
  });

  it('exports the card, the four tabs and the overview page as extensions', () => {
    for (const extension of [
      EntityObservabilityCard,
      EntitySlosContent,
      EntityLogsContent,
      EntityTracesContent,
      EntityMetricsContent,
      SloOverviewPage,
    ]) {
      expect(typeof extension).toBe('function');
    }
    expect(observabilityPlugin.getId()).toBe('observability');
  });
});
