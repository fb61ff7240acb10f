/*
 * `GET .../slos` parameters and configuration; the figures themselves are proven against a real
 * Prometheus in slosRoute.integration.test.ts.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { startMockedBackend, UPSTREAMS } from '../__testUtils__/mockedBackend';
import { entityWithSlos } from '../__testUtils__/specs';

const upstream = setupServer();
const ranges: URLSearchParams[] = [];

beforeAll(() => upstream.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => upstream.close());
beforeEach(() => {
  ranges.length = 0;
  upstream.use(
    http.post('http://prometheus.test/api/v1/query', () =>
      HttpResponse.json({
        status: 'success',
        data: { resultType: 'vector', result: [] },
      }),
    ),
    http.post(
      'http://prometheus.test/api/v1/query_range',
      async ({ request }) => {
        ranges.push(new URLSearchParams(await request.text()));
        return HttpResponse.json({
          status: 'success',
          data: { resultType: 'matrix', result: [] },
        });
      },
    ),
  );
});

const path = '/entities/by-name/component/default/checkout/slos';

describe('GET .../slos', () => {
  it('charts the requested range on a grid of at most 250 points', async () => {
    const { get } = await startMockedBackend([entityWithSlos('checkout', 2)], {
      prometheus: UPSTREAMS.prometheus,
    });
    const res = await get(path).query({
      from: '2026-11-24T17:00:00Z',
      to: '2026-11-25T17:00:00Z',
    });
    expect(res.status).toBe(200);
    expect(Object.fromEntries(ranges[0])).toMatchObject({
      start: String(Date.parse('2026-11-24T17:00:00Z') / 1000),
      end: String(Date.parse('2026-11-25T17:00:00Z') / 1000),
      step: '600',
    });
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0].series.errorBudgetRemaining).toHaveLength(145);
    expect(res.body.items[0].series.errorRatioWindow).toBe('30m');
    expect(res.body.items[0].errorRatio).toBeNull();
  });

  it('answers 400 naming the parameter', async () => {
    const { get } = await startMockedBackend([entityWithSlos('checkout', 1)], {
      prometheus: UPSTREAMS.prometheus,
    });
    const res = await get(path).query({ to: 'soon' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^to: expected an RFC 3339 time/);
  });

  it('answers 501 naming the key to set when Prometheus is not configured', async () => {
    const { get } = await startMockedBackend(
      [entityWithSlos('checkout', 1)],
      {},
    );
    const res = await get(path);
    expect(res.status).toBe(501);
    expect(res.body.error.message).toContain('observability.prometheus.url');
  });

  it('answers an entity without SLOs without asking Prometheus', async () => {
    const { get } = await startMockedBackend(
      [entityWithSlos('checkout', 0)],
      {},
    );
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'component:default/checkout',
      items: [],
    });
  });
});
