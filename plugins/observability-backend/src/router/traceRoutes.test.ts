import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fixtureJson } from '../__testUtils__/fixtures';
import { startMockedBackend } from '../__testUtils__/mockedBackend';
import { entityWithSlos } from '../__testUtils__/specs';

const TRACE_ID = '5b8efff798038103d269b633813fc700';
const upstream = setupServer();
const searches: URLSearchParams[] = [];

beforeAll(() => upstream.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => upstream.close());
beforeEach(() => {
  searches.length = 0;
  upstream.use(
    http.get('http://tempo.test/api/search', ({ request }) => {
      searches.push(new URL(request.url).searchParams);
      return HttpResponse.json(
        fixtureJson('tempo/search-traceql.json') as object,
      );
    }),
    http.get(`http://tempo.test/api/v2/traces/${TRACE_ID}`, () =>
      HttpResponse.json(
        fixtureJson('tempo/trace-by-id-v2-partial.json') as object,
      ),
    ),
    http.get(
      'http://tempo.test/api/v2/traces/:id',
      () => new HttpResponse(null, { status: 404 }),
    ),
    http.get(
      'http://tempo.test/api/traces/:id',
      () => new HttpResponse(null, { status: 404 }),
    ),
  );
});

const checkout = entityWithSlos('checkout', 0);
const base = '/entities/by-name/component/default/checkout';

describe('GET .../traces', () => {
  it('and-s the condition with the service and answers padded hex ids', async () => {
    const { get } = await startMockedBackend([checkout]);
    const res = await get(`${base}/traces`).query({
      q: 'status = error',
      from: '1795626000000',
      to: '1795629600000',
    });
    expect(res.status).toBe(200);
    expect(Object.fromEntries(searches[0])).toEqual({
      q: '{ resource.service.name = "checkout" && (status = error) }',
      start: '1795626000',
      end: '1795629600',
      limit: '20',
    });
    expect(res.body.items).toEqual([
      {
        traceId: TRACE_ID,
        rootService: 'checkout',
        rootName: 'POST /api/checkout',
        start: 1795626012540,
        durationMs: 30012,
        spanCount: 6,
        errorCount: 2,
      },
    ]);
  });

  it('caps the limit at 500 and refuses a range over 7 days', async () => {
    const { get } = await startMockedBackend([checkout]);
    expect((await get(`${base}/traces`).query({ limit: '9999' })).status).toBe(
      200,
    );
    expect(searches[0].get('limit')).toBe('500');
    const res = await get(`${base}/traces`).query({
      from: '0',
      to: String(8 * 86_400_000),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('at most 7 days apart');
  });
});

describe('GET .../traces/:traceId', () => {
  it('answers the spans and says when Tempo truncated the trace', async () => {
    const { get } = await startMockedBackend([checkout]);
    const res = await get(`${base}/traces/${TRACE_ID.toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      traceId: TRACE_ID,
      partial: true,
      message: expect.stringContaining('partial trace'),
      spans: [
        { spanId: 'eee19b7ec3c1b100', service: 'checkout', kind: 'server' },
      ],
    });
  });

  it('answers 404 for a trace Tempo does not know', async () => {
    const { get } = await startMockedBackend([checkout]);
    const res = await get(`${base}/traces/abc`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(
      '00000000000000000000000000000abc',
    );
  });

  it.each(['xyz', '5b8efff798038103d269b633813fc7000'])(
    'answers 400 for the malformed id %s',
    async id => {
      const { get } = await startMockedBackend([checkout]);
      const res = await get(`${base}/traces/${id}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'traceId must be 1 to 32 hexadecimal characters',
      );
    },
  );
});

describe('scope of entities without traces annotations (finding 5)', () => {
  // `component:team-a/checkout` and `component:default/checkout` share a name; the trace in
  // Tempo is default/checkout's (service.name "checkout", no service.namespace).
  const teamCheckout = {
    ...checkout,
    metadata: { ...checkout.metadata, namespace: 'team-a' },
  };
  const teamBase = '/entities/by-name/component/team-a/checkout';

  it("searches only the services of the entity's namespace", async () => {
    const { get } = await startMockedBackend([checkout, teamCheckout]);
    expect((await get(`${teamBase}/traces`)).status).toBe(200);
    expect(searches[0].get('q')).toBe(
      '{ resource.service.name = "checkout" && resource.service.namespace = "team-a" }',
    );
  });

  it("does not open default/checkout's trace by id for team-a/checkout", async () => {
    const { get } = await startMockedBackend([checkout, teamCheckout]);
    expect((await get(`${base}/traces/${TRACE_ID}`)).status).toBe(200);
    const res = await get(`${teamBase}/traces/${TRACE_ID}`);
    expect(res.status).toBe(404);
  });

  it('gives a Group or a System no traces by name', async () => {
    const group = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'checkout',
        namespace: 'default',
        annotations: { 'lookout.dev/slo-window': '30d' },
      },
      spec: { type: 'team', children: [] },
    };
    const { get } = await startMockedBackend([group]);
    const res = await get('/entities/by-name/group/default/checkout/traces');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('observability.scope.kinds');
    expect(searches).toHaveLength(0);
  });
});
