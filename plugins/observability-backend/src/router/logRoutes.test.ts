import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fixtureJson } from '../__testUtils__/fixtures';
import { startMockedBackend } from '../__testUtils__/mockedBackend';
import { entityWithSlos } from '../__testUtils__/specs';

const upstream = setupServer();
const seen: URLSearchParams[] = [];

beforeAll(() => upstream.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => upstream.close());
beforeEach(() => {
  seen.length = 0;
  upstream.use(
    http.get('http://loki.test/loki/api/v1/query_range', ({ request }) => {
      seen.push(new URL(request.url).searchParams);
      return HttpResponse.json(
        fixtureJson(
          'loki/query_range-streams-categorize-labels.json',
        ) as object,
      );
    }),
  );
});

const checkout = entityWithSlos('checkout', 0, {
  'lookout.dev/logs-selector': '{namespace="shop", app="checkout"}',
});
const path = '/entities/by-name/component/default/checkout/logs';

describe('GET .../logs', () => {
  it('appends the filter to the selector and answers lines with their trace ids', async () => {
    const { get } = await startMockedBackend([checkout]);
    const res = await get(path).query({
      filter: '|= "timeout" | json',
      from: '2026-11-25T16:00:00Z',
      to: '2026-11-25T17:00:00.000Z',
    });
    expect(res.status).toBe(200);
    expect(Object.fromEntries(seen[0])).toEqual({
      query: '{namespace="shop", app="checkout"} |= "timeout" | json',
      start: String(Date.parse('2026-11-25T16:00:00Z') * 1e6),
      end: String((Date.parse('2026-11-25T17:00:00Z') + 1) * 1e6),
      limit: '100',
      direction: 'backward',
    });
    expect(res.body.items[0]).toMatchObject({
      timestamp: 1795626012548,
      traceId: '5b8efff798038103d269b633813fc700',
      level: 'error',
    });
  });

  it('caps the limit at 5000 and takes epoch milliseconds and forward order', async () => {
    const { get } = await startMockedBackend([checkout]);
    const res = await get(path).query({
      limit: '100000',
      from: '1795625000000',
      to: '1795626000000',
      direction: 'forward',
    });
    expect(res.status).toBe(200);
    expect(seen[0].get('limit')).toBe('5000');
    expect(seen[0].get('direction')).toBe('forward');
    expect(seen[0].get('start')).toBe('1795625000000000000');
  });

  it.each([
    [{ from: 'yesterday' }, 'from: expected an RFC 3339 time'],
    [{ limit: '-3' }, 'limit: expected a positive whole number'],
    [{ limit: '0' }, 'limit: expected a positive whole number'],
    [{ direction: 'sideways' }, 'direction:'],
    [{ from: '2000', to: '1000' }, 'from must be earlier than to'],
    [{ from: '0', to: String(40 * 86_400_000) }, 'at most 30 days apart'],
  ])('answers 400 naming the parameter for %j', async (query, message) => {
    const { get } = await startMockedBackend([checkout]);
    const res = await get(path).query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(seen).toEqual([]);
  });

  it('answers 501 naming the key to set when Loki is not configured', async () => {
    const { get } = await startMockedBackend([checkout], {});
    const res = await get(path);
    expect(res.status).toBe(501);
    expect(res.body.error.message).toContain('observability.loki.url');
  });
});
