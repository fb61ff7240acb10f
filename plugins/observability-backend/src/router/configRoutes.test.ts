import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { observabilityPlugin } from '../plugin';

const checkout = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'lookout.dev/metrics-port': 'http-metrics',
      'lookout.dev/slo-availability': '99.9',
      'lookout.dev/slo-window': '1d',
    },
  },
  spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
};

describe('GET /entities/by-name/:kind/:namespace/:name/config', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        observabilityPlugin,
        catalogServiceMock.factory({ entities: [checkout] }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            observability: {
              provisioning: { enabled: false },
              loki: {
                url: 'http://loki',
                selectorTemplate: '{app="{{name}}"}',
              },
            },
          },
        }),
      ],
    });
    return server;
  }

  it('answers the parsed annotations and every problem', async () => {
    const server = await start();
    const res = await request(server)
      .get(
        '/api/observability/entities/by-name/component/default/checkout/config',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/checkout');
    expect(res.body.spec.metrics).toMatchObject({ port: 'http-metrics' });
    expect(res.body.spec.logs.selector).toBe('{app="checkout"}');
    expect(res.body.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        annotation: 'lookout.dev/slo-window',
      }),
    ]);
  });

  it('answers 404 for an entity the catalog does not return', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/observability/entities/by-name/component/default/nope/config')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it('rejects unauthenticated requests', async () => {
    const server = await start();
    const res = await request(server).get(
      '/api/observability/entities/by-name/component/default/checkout/config',
    );
    expect(res.status).toBe(401);
  });
});
