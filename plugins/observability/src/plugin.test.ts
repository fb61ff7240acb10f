import { ComponentType, createElement } from 'react';
import { getComponentData } from '@backstage/core-plugin-api';
import * as legacyExports from './plugin';
import { observabilityApiRef } from './api/ObservabilityApi';

const { observabilityPlugin } = legacyExports;

describe('observability plugin for the legacy frontend system', () => {
  it('provides the observability API under plugin.observability.client', () => {
    const factories = [...observabilityPlugin.getApis()];

    expect(observabilityApiRef.id).toBe('plugin.observability.client');
    expect(factories.map(factory => factory.api.id)).toEqual([
      'plugin.observability.client',
    ]);
  });

  it('exports the card, the four tabs and the overview page as extensions named after their export', () => {
    const extensionNames = Object.entries(legacyExports).flatMap(
      ([exportName, value]) => {
        const name =
          typeof value === 'function'
            ? getComponentData<string>(
                createElement(value as ComponentType),
                'core.extensionName',
              )
            : undefined;
        return name ? [[exportName, name]] : [];
      },
    );

    expect(Object.fromEntries(extensionNames)).toEqual({
      EntityObservabilityCard: 'EntityObservabilityCard',
      EntitySlosContent: 'EntitySlosContent',
      EntityLogsContent: 'EntityLogsContent',
      EntityTracesContent: 'EntityTracesContent',
      EntityMetricsContent: 'EntityMetricsContent',
      SloOverviewPage: 'SloOverviewPage',
    });
    expect(observabilityPlugin.getId()).toBe('observability');
  });
});
