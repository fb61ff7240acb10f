/*
 * The release routes through a whole test backend: authentication, the
 * `observability.release.create` permission on the entity, body validation, idempotence, listing
 * and the deploy gate without Prometheus. (Impact and the gate against a real Prometheus:
 * releases.integration.test.ts.)
 */
import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { entityWithSlos } from '../__testUtils__/specs';
import { observabilityPlugin } from '../plugin';

const VIEWER = 'user:default/viewer';
const base = '/api/observability/entities/by-name/component/default';

/** Who asked what: `<principal> <permission> <resourceRef>`. */
const asked: string[] = [];

/** Allows everything except release.create to VIEWER. */
const permissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => ({
    async authorize(requests, { credentials }) {
      const principal = credentials.principal as {
        userEntityRef?: string;
        subject?: string;
      };
      return requests.map(item => {
        const who = principal.userEntityRef ?? principal.subject;
        asked.push(
          `${who} ${item.permission.name} ${
            'resourceRef' in item ? item.resourceRef : ''
          }`,
        );
        return {
          result:
            who === VIEWER &&
            item.permission.name === 'observability.release.create'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        };
      });
    },
    async authorizeConditional(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
  }),
});

let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

beforeAll(async () => {
  const backend = await startTestBackend({
    features: [
      observabilityPlugin,
      permissions,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      catalogServiceMock.factory({
        entities: [entityWithSlos('checkout', 1), entityWithSlos('cart', 0)],
      }),
      mockServices.rootConfig.factory({
        data: { observability: { provisioning: { enabled: false } } },
      }),
    ],
  });
  server = backend.server;
});

const asUser = (user = 'user:default/dev') => mockCredentials.user.header(user);

function post(path: string, body: unknown, auth = asUser()) {
  return request(server)
    .post(`${base}/${path}`)
    .set('Authorization', auth)
    .send(body as object);
}

function get(path: string, auth = asUser()) {
  return request(server).get(`${base}/${path}`).set('Authorization', auth);
}

describe('POST .../releases', () => {
  it('answers 401 without credentials, and stores nothing', async () => {
    const res = await request(server)
      .post(`${base}/checkout/releases`)
      .send({ version: 'v0.0.1' });
    expect(res.status).toBe(401);
    for (const path of ['checkout/releases', 'checkout/deploy-gate']) {
      expect((await request(server).get(`${base}/${path}`)).status).toBe(401);
    }
  });

  it('answers 403 to a caller without observability.release.create on the entity', async () => {
    asked.length = 0;
    const res = await post(
      'checkout/releases',
      { version: 'v0.0.2' },
      asUser(VIEWER),
    );
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(asked).toEqual([
      `${VIEWER} observability.release.create component:default/checkout`,
    ]);
    const list = await get('checkout/releases', asUser(VIEWER));
    expect(
      list.body.items.map((r: { version: string }) => r.version),
    ).not.toContain('v0.0.2');
  });

  it('answers 404 for an unknown entity', async () => {
    const res = await post('nowhere/releases', { version: 'v1' });
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it.each([
    [{}, /^version: is required/],
    [{ version: '' }, /^version: is empty/],
    [{ version: 'v'.repeat(129) }, /^version: is longer than 128 characters/],
    [{ version: 'v1 beta' }, /^version: may not contain spaces/],
    [{ version: 'v1', at: 'yesterday' }, /^at: expected an RFC 3339 time/],
    [{ version: 'v1', at: '2026-13-40T00:00:00Z' }, /^at: /],
    [{ version: 'v1', url: 'ci.example.com/1' }, /^url: /],
    [{ version: 'v1', kind: 'Hot Fix' }, /^kind: found "Hot Fix"/],
    [{ version: 'v1', versoin: 'v2' }, /versoin/],
  ])('answers 400 for %j, naming the field', async (body, message) => {
    const res = await post('checkout/releases', body);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
  });

  it('answers 201 with the stored release, and the same version again is the same release', async () => {
    const body = {
      version: 'v1.4.2',
      at: '2026-11-25T17:00:00Z',
      url: 'https://ci.example.com/runs/42',
      description: 'checkout: new payment flow',
    };
    const first = await post('checkout/releases', body);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      entityRef: 'component:default/checkout',
      version: 'v1.4.2',
      at: 1_795_626_000_000, // 2026-11-25T17:00:00Z
      url: 'https://ci.example.com/runs/42',
      description: 'checkout: new payment flow',
      createdBy: 'user:default/dev',
    });
    const again = await post('checkout/releases', {
      ...body,
      at: '2026-11-25T18:00:00Z',
    });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const list = await get(
      'checkout/releases?from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z',
    );
    expect(list.body.items).toEqual([{ ...first.body, impact: [] }]);
  });

  it('accepts a service token (pipelines), defaults the time to now, lists newest first', async () => {
    const before = Date.now();
    const res = await post(
      'cart/releases',
      { version: 'v2.0.0', kind: 'fix' },
      mockCredentials.service.header(),
    );
    expect(res.status).toBe(201);
    expect(res.body.createdBy).toBe('external:test-service');
    expect(res.body.kind).toBe('fix');
    expect(res.body.at).toBeGreaterThanOrEqual(before);
    expect(res.body.at).toBeLessThanOrEqual(Date.now());
    await post('cart/releases', { version: 'v1.9.0', at: before - 60_000 });
    const list = await get('cart/releases');
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { version: string }) => r.version)).toEqual([
      'v2.0.0',
      'v1.9.0',
    ]);
  });

  it('refuses a bad time range of the list', async () => {
    const res = await get('cart/releases?from=tomorrow');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^from: /);
  });
});

describe('GET .../deploy-gate without Prometheus', () => {
  it('is open for an entity without SLOs', async () => {
    const res = await get('cart/deploy-gate');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'component:default/cart',
      allowed: true,
      reasons: ['no SLOs: nothing to freeze deploys on'],
    });
  });

  it('cannot decide for an entity with SLOs: 501 naming the key to set', async () => {
    const res = await get('checkout/deploy-gate');
    expect(res.status).toBe(501);
    expect(res.body.error.message).toMatch(/observability\.prometheus\.url/);
  });

  it('refuses a bad release kind', async () => {
    const res = await get('cart/deploy-gate?kind=NOT%20A%20KIND');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^kind: /);
  });
});

describe('GET /releases/metrics', () => {
  it('serves the release-info series to services, not to users', async () => {
    const user = await request(server)
      .get('/api/observability/releases/metrics')
      .set('Authorization', asUser());
    expect(user.status).toBe(403);
    const service = await request(server)
      .get('/api/observability/releases/metrics')
      .set('Authorization', mockCredentials.service.header());
    expect(service.status).toBe(200);
    expect(service.text).toContain(
      'lookout_release_info{backstage_entity="component:default/checkout",version="v1.4.2",url="https://ci.example.com/runs/42"} 1795626000000',
    );
  });
});
