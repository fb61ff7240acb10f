import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { observabilityPlugin } from '../plugin';
import { componentEntity } from '@lookout/plugin-observability-common/testUtils';

const checkout = componentEntity(
  { 'lookout.dev/metrics-port': 'http-metrics' },
  { namespace: 'shop', owner: 'group:default/team-shop' },
);

describe('POST /validate', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        observabilityPlugin,
        catalogServiceMock.factory({ entities: [checkout] }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: { observability: { provisioning: { enabled: false } } },
        }),
      ],
    });
    return server;
  }

  it('answers 401 without credentials', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/observability/validate')
      .send({ annotations: { 'lookout.dev/slo-availability': '99.9' } });
    expect(res.status).toBe(401);
  });

  it('answers no problem for valid annotations', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/observability/validate')
      .set('Authorization', mockCredentials.user.header())
      .send({
        entityRef: 'component:shop/checkout',
        annotations: {
          'lookout.dev/metrics-port': 'http-metrics',
          'lookout.dev/slo-availability': '99.9',
          'lookout.dev/slo-latency': '99% < 300ms',
        },
      });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ problems: [] });
  });

  it('answers every problem in the config route’s shape, with the path inside lookout.dev/slos', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/observability/validate')
      .set('Authorization', mockCredentials.service.header())
      .send({
        entityRef: 'component:shop/checkout',
        annotations: {
          'lookout.dev/slo-availability': '100',
          'lookout.dev/slo-window': 99,
          'lookout.dev/slos':
            '- name: orders\n  objective: 99\n  ratio:\n    errors: rate(orders_total[5m])\n    total: orders_total\n',
        },
      });
    expect(res.status).toBe(200);
    const where = res.body.problems.map(
      (p: { severity: string; annotation: string; path: string }) =>
        `${p.severity} ${p.annotation} ${p.path}`,
    );
    expect(where).toEqual(
      expect.arrayContaining([
        'error lookout.dev/slo-availability ',
        'error lookout.dev/slo-window ',
        'error lookout.dev/slos [0].ratio.errors',
      ]),
    );
    for (const problem of res.body.problems) {
      expect(Object.keys(problem).sort()).toEqual([
        'annotation',
        'message',
        'path',
        'severity',
      ]);
      expect(problem.message).not.toBe('');
    }
  });

  it('refuses a body without annotations, naming the field', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/observability/validate')
      .set('Authorization', mockCredentials.user.header())
      .send({ annotation: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^annotations: /);
  });

  it('refuses an entity ref that is not one', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/observability/validate')
      .set('Authorization', mockCredentials.user.header())
      .send({ entityRef: 'component:', annotations: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^entityRef: /);
  });

  it('sets the annotations over the catalog entity named by entityRef, so its owner counts', async () => {
    const server = await start();
    const annotations = { 'lookout.dev/slo-availability': '99.9' };
    const withEntity = await request(server)
      .post('/api/observability/validate')
      .set('Authorization', mockCredentials.user.header())
      .send({ entityRef: 'component:shop/checkout', annotations });
    expect(withEntity.status).toBe(200);
    expect(withEntity.body).toEqual({ problems: [] });

    // Without an entity there is no owner, and the parser says where its alerts would go.
    const alone = await request(server)
      .post('/api/observability/validate')
      .set('Authorization', mockCredentials.user.header())
      .send({ annotations });
    expect(alone.body.problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        annotation: 'lookout.dev/slo-availability',
        message: expect.stringContaining('no owner'),
      }),
    ]);
  });

  it('answers 404 for an entity the caller cannot see', async () => {
    const server = await start();
    const res = await request(server)
      .post('/api/observability/validate')
      .set('Authorization', mockCredentials.user.header())
      .send({ entityRef: 'component:default/nowhere', annotations: {} });
    expect(res.status).toBe(404);
  });
});
