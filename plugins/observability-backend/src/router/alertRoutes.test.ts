import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fixtureJson } from '../__testUtils__/fixtures';
import { startMockedBackend, UPSTREAMS } from '../__testUtils__/mockedBackend';
import { entityWithSlos } from '../__testUtils__/specs';

const upstream = setupServer();
const filters: string[][] = [];

beforeAll(() => upstream.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => upstream.close());
beforeEach(() => {
  filters.length = 0;
  upstream.use(
    http.get('http://alertmanager.test/api/v2/alerts', ({ request }) => {
      filters.push(new URL(request.url).searchParams.getAll('filter'));
      return HttpResponse.json(
        fixtureJson('alertmanager/alerts-filtered.json') as object,
      );
    }),
    http.post('http://prometheus.test/api/v1/query', () =>
      HttpResponse.json({
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            {
              metric: {
                __name__: 'ALERTS',
                alertname: 'SLOMetricsMissing',
                alertstate: 'pending',
                backstage_entity: 'component:default/checkout',
                severity: 'ticket',
              },
              value: [1795626000, '1'],
            },
          ],
        },
      }),
    ),
  );
});

const path = '/entities/by-name/component/default/checkout/alerts';

describe('GET .../alerts', () => {
  it('asks Alertmanager for the alerts carrying the entity label', async () => {
    const { get } = await startMockedBackend([entityWithSlos('checkout', 1)]);
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(filters).toEqual([
      ['backstage_entity="component:default/checkout"'],
    ]);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/checkout',
      items: [
        { name: 'CheckoutErrorBudgetBurn', state: 'firing', severity: 'page' },
      ],
    });
  });

  it("reads Prometheus' ALERTS series when no Alertmanager is configured", async () => {
    const { get } = await startMockedBackend([entityWithSlos('checkout', 1)], {
      prometheus: UPSTREAMS.prometheus,
    });
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(filters).toEqual([]);
    expect(res.body.items).toEqual([
      expect.objectContaining({ name: 'SLOMetricsMissing', state: 'pending' }),
    ]);
  });
});
