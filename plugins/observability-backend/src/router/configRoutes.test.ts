import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { observabilityPlugin } from '../plugin';
import {
  componentEntity,
  groupEntity,
} from '@lookout/plugin-observability-common/testUtils';

const checkout = componentEntity({
  'lookout.dev/metrics-port': 'http-metrics',
  'lookout.dev/slo-availability': '99.9',
  'lookout.dev/slo-window': '1d',
});

/** checkout's owner: paged through the PagerDuty plugin's key, tickets in Slack. */
const teamShop = groupEntity({
  'pagerduty.com/integration-key': '0123456789abcdef0123456789abcdef',
  'lookout.dev/tickets-slack-secret': 'alertmanager-receivers/shop-slack',
  'lookout.dev/tickets-slack-channel': '#shop-alerts',
});

/** Owned by a team whose Group names no receiver. */
const cart = {
  ...checkout,
  metadata: {
    name: 'cart',
    namespace: 'default',
    annotations: { 'lookout.dev/slo-availability': '99.9' },
  },
  spec: { type: 'service', owner: 'team-cart', lifecycle: 'production' },
};

describe('GET /entities/by-name/:kind/:namespace/:name/config', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        observabilityPlugin,
        catalogServiceMock.factory({ entities: [checkout, teamShop, cart] }),
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

  it("says who gets paged, through the owner Group's receivers", async () => {
    const server = await start();
    const res = await request(server)
      .get(
        '/api/observability/entities/by-name/component/default/checkout/config',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(res.body.paging).toEqual([
      {
        severity: 'page',
        receiver: 'team-shop-pager',
        description: 'PagerDuty (team-shop)',
        pages: true,
        isDefault: false,
      },
      {
        severity: 'ticket',
        receiver: 'team-shop-tickets',
        description: '#shop-alerts',
        pages: false,
        isDefault: false,
      },
    ]);
  });

  it('warns when the pages of an entity reach the default receiver, naming what to add', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/observability/entities/by-name/component/default/cart/config')
      .set('Authorization', mockCredentials.user.header());
    expect(
      res.body.paging.map((r: { receiver: string }) => r.receiver),
    ).toEqual(['unrouted', 'unrouted']);
    expect(res.body.problems).toEqual([
      {
        severity: 'warning',
        annotation: 'pagerduty.com/integration-key',
        path: '',
        message:
          'pages of this entity reach the default receiver (unrouted), not a pager: add pagerduty.com/integration-key (or lookout.dev/pager-secret) to its owner group:default/team-cart (or this entity)',
      },
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
