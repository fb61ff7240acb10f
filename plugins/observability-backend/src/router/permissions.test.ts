/*
 * The signal routes answer only what the catalog lets the caller see: the real catalog backend
 * with a real permission policy decides, and upstreams are never asked about hidden entities.
 * Filters that try to leave the entity's scope are refused before any upstream is asked.
 */
import { http, HttpResponse } from 'msw';
import request from 'supertest';
import { setupServer } from 'msw/node';
import { componentEntity } from '@lookout/plugin-observability-common/testUtils';
import { fixtureJson } from '../__testUtils__/fixtures';
import {
  CatalogTestBackend,
  NOBODY,
  RESTRICTED_LABEL,
  startCatalogBackend,
} from '../__testUtils__/catalogBackend';

const TRACE_ID = '5b8efff798038103d269b633813fc700';

function component(
  name: string,
  extra: { labels?: Record<string, string> } = {},
) {
  const entity = componentEntity(
    {
      'lookout.dev/slo-availability': '99.9',
      'lookout.dev/logs-selector': `{namespace="shop", app="${name}"}`,
      'lookout.dev/traces-service': name,
    },
    { name },
  );
  return { ...entity, metadata: { ...entity.metadata, ...extra } };
}

const upstream = setupServer();
const hits: string[] = [];
const lokiQueries: string[] = [];
let backend: CatalogTestBackend;

beforeAll(async () => {
  upstream.listen({ onUnhandledRequest: 'bypass' });
  upstream.events.on('request:start', ({ request: sent }) => {
    const url = new URL(sent.url);
    if (url.hostname.endsWith('.test')) {
      hits.push(`${url.hostname}${url.pathname}`);
    }
  });
  upstream.use(
    http.post('http://prometheus.test/api/v1/query_range', () =>
      HttpResponse.json({
        status: 'success',
        data: { resultType: 'matrix', result: [] },
      }),
    ),
    http.post('http://prometheus.test/api/v1/query', () =>
      HttpResponse.json({
        status: 'success',
        data: { resultType: 'vector', result: [] },
      }),
    ),
    http.get('http://alertmanager.test/api/v2/alerts', () =>
      HttpResponse.json(
        fixtureJson('alertmanager/alerts-filtered.json') as object,
      ),
    ),
    http.get(
      'http://loki.test/loki/api/v1/query_range',
      ({ request: sent }) => {
        lokiQueries.push(new URL(sent.url).searchParams.get('query') ?? '');
        return HttpResponse.json(
          fixtureJson('loki/query_range-streams.json') as object,
        );
      },
    ),
    http.get('http://tempo.test/api/search', () =>
      HttpResponse.json(fixtureJson('tempo/search-traceql.json') as object),
    ),
    http.get(`http://tempo.test/api/v2/traces/${TRACE_ID}`, () =>
      HttpResponse.json({
        trace: {
          resourceSpans: fixtureJson<{ batches: object[] }>(
            'tempo/trace-by-id-v1.json',
          ).batches,
        },
      }),
    ),
  );
  backend = await startCatalogBackend({
    entities: [
      component('checkout'),
      component('cart'),
      component('payments-api', { labels: { [RESTRICTED_LABEL]: 'true' } }),
    ],
    observability: {
      prometheus: { url: 'http://prometheus.test' },
      alertmanager: { url: 'http://alertmanager.test' },
      loki: { url: 'http://loki.test', tenant: 'shop' },
      tempo: { url: 'http://tempo.test' },
    },
  });
}, 90_000);

afterAll(async () => {
  await backend?.stop();
  upstream.close();
});

beforeEach(() => {
  hits.length = 0;
});

const base = '/api/observability/entities/by-name/component/default';
const SIGNAL_ROUTES = [
  'slos',
  'alerts',
  'logs',
  'traces',
  `traces/${TRACE_ID}`,
  'config',
  'provisioning',
  'metrics',
];

describe('signal routes and catalog permissions', () => {
  it.each(SIGNAL_ROUTES)('answers %s of a visible entity', async route => {
    const res = await backend.get(`${base}/checkout/${route}`);
    expect(res.status).toBe(200);
    expect(res.body.entityRef ?? res.body.traceId).toBeDefined();
  });

  it.each(SIGNAL_ROUTES)(
    'answers 404 for %s of an entity the policy hides, without asking any upstream',
    async route => {
      const res = await backend.get(`${base}/payments-api/${route}`);
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
      expect(hits).toEqual([]);
    },
  );

  it.each(SIGNAL_ROUTES)(
    'answers 404 for %s to a user who may read nothing',
    async route => {
      const res = await backend.get(`${base}/checkout/${route}`, NOBODY);
      expect(res.status).toBe(404);
      expect(hits).toEqual([]);
    },
  );

  it.each(SIGNAL_ROUTES)(
    'answers 401 for %s without credentials',
    async route => {
      const res = await request(backend.server).get(
        `${base}/checkout/${route}`,
      );
      expect(res.status).toBe(401);
      expect(hits).toEqual([]);
    },
  );

  it('lists only visible entities in the catalog-wide SLO summary', async () => {
    const res = await backend.get('/api/observability/slos');
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((i: { entityRef: string }) => i.entityRef),
    ).toEqual(['component:default/cart', 'component:default/checkout']);
    const owned = await backend
      .get('/api/observability/slos')
      .query({ owner: 'group:default/team-shop' });
    expect(owned.body.totalItems).toBe(2);
    const otherOwner = await backend
      .get('/api/observability/slos')
      .query({ owner: 'team-elsewhere' });
    expect(otherOwner.body.totalItems).toBe(0);
    const none = await backend.get('/api/observability/slos', NOBODY);
    expect(none.body).toMatchObject({ items: [], totalItems: 0 });
  });
});

describe('filters cannot leave the entity scope', () => {
  it.each([
    ['logs', { filter: '"} or vector(1)' }],
    ['logs', { filter: '} or {app="payments-api"}' }],
    ['logs', { filter: '| label_format app="payments-api"' }],
    ['logs', { filter: 'sum(rate({app="payments-api"}[5m]))' }],
    ['traces', { q: '} || { .service.name = "payments-api" }' }],
    ['traces', { q: 'true) || (true' }],
    ['traces', { q: '.a = 1 } | count() > 1' }],
  ])(
    'refuses %s with %j as 400 without asking the upstream',
    async (route, query) => {
      const res = await backend.get(`${base}/checkout/${route}`).query(query);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(hits).toEqual([]);
    },
  );

  it("reads only the entity's own streams", async () => {
    lokiQueries.length = 0;
    const res = await backend
      .get(`${base}/checkout/logs`)
      .query({ filter: '|= "timeout"' });
    expect(res.status).toBe(200);
    expect(lokiQueries).toEqual([
      '{namespace="shop", app="checkout"} |= "timeout"',
    ]);
  });

  it("does not open another service's trace through a visible entity", async () => {
    // The recorded trace holds checkout's spans only; cart is visible but not in it.
    const own = await backend.get(`${base}/checkout/traces/${TRACE_ID}`);
    expect(own.status).toBe(200);
    expect(own.body.spans).toHaveLength(2);
    const other = await backend.get(`${base}/cart/traces/${TRACE_ID}`);
    expect(other.status).toBe(404);
    expect(other.body.error.name).toBe('NotFoundError');
  });
});
