import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { setupServer } from 'msw/node';
import { BACKEND, configResponse } from '../__testUtils__/fixtures';
import { defaultHandlers } from '../__testUtils__/handlers';
import { observabilityApiFactory } from './observabilityApiFactory';

describe('observabilityApiFactory', () => {
  const server = setupServer(...defaultHandlers);
  registerMswTestHooks(server);

  it('provides plugin.observability.client from the discovery and fetch APIs', () => {
    expect(observabilityApiFactory.api.id).toBe('plugin.observability.client');
    expect(
      Object.values(observabilityApiFactory.deps).map(ref => ref.id),
    ).toEqual(['core.discovery', 'core.fetch']);
  });

  it('builds a client that asks the backend found by discovery', async () => {
    const client = observabilityApiFactory.factory({
      discoveryApi: mockApis.discovery({ baseUrl: BACKEND }),
      fetchApi: new MockFetchApi(),
    });

    await expect(
      client.getConfig('component:default/checkout'),
    ).resolves.toEqual(configResponse);
  });
});
