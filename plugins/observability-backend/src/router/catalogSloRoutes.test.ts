import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { startMockedBackend } from '../__testUtils__/mockedBackend';
import { entityWithSlos } from '../__testUtils__/specs';
import { vectorAnswer } from '../__testUtils__/prometheusAnswers';

const upstream = setupServer();
const queries: string[] = [];

beforeAll(() => upstream.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => upstream.close());
beforeEach(() => {
  queries.length = 0;
  upstream.use(
    http.post('http://prometheus.test/api/v1/query', async ({ request }) => {
      queries.push(new URLSearchParams(await request.text()).get('query')!);
      return HttpResponse.json(
        vectorAnswer([
          {
            metric: {
              __name__: 'slo:error_budget_remaining:ratio',
              backstage_entity: 'component:default/cart',
              slo: 'slo-1',
            },
            value: '0.1',
          },
          {
            metric: {
              __name__: 'ALERTS',
              alertname: 'ErrorBudgetBurn',
              alertstate: 'firing',
              backstage_entity: 'component:default/cart',
              slo: 'slo-2',
            },
            value: '1',
          },
        ]),
      );
    }),
  );
});

/** An entity as the catalog serves it after processing: owner in spec and in relations. */
function owned(name: string, slos: number, owner: string) {
  const entity = entityWithSlos(name, slos);
  return {
    ...entity,
    spec: { ...entity.spec, owner },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

const entities = [
  owned('cart', 2, 'team-a'),
  owned('checkout', 3, 'team-b'),
  owned('search', 1, 'team-a'),
  owned('no-slos', 0, 'team-a'),
];

describe('GET /slos', () => {
  it('pages through one row per SLO, sorted, with one batched query per page', async () => {
    const { get } = await startMockedBackend(entities);
    const res = await get('/slos').query({ offset: '1', limit: '2' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalItems: 6, offset: 1, limit: 2 });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/cart',
        name: 'slo-2',
        state: 'firing',
      }),
      expect.objectContaining({
        entityRef: 'component:default/checkout',
        name: 'slo-1',
        state: 'no-data',
      }),
    ]);
    expect(queries).toHaveLength(1);
    expect(queries[0]).toContain(
      'backstage_entity=~"component:default/cart|component:default/checkout"',
    );
  });

  it('filters by owner', async () => {
    const { get } = await startMockedBackend(entities);
    const res = await get('/slos').query({ owner: 'team-a' });
    expect(res.status).toBe(200);
    expect(
      res.body.items.map(
        (i: { entityRef: string; name: string }) => `${i.entityRef} ${i.name}`,
      ),
    ).toEqual([
      'component:default/cart slo-1',
      'component:default/cart slo-2',
      'component:default/search slo-1',
    ]);
    expect(res.body.items[0]).toMatchObject({
      state: 'warning',
      errorBudgetRemaining: 0.1,
    });
  });

  it('answers an empty page without asking Prometheus', async () => {
    const { get } = await startMockedBackend(entities);
    const res = await get('/slos').query({ offset: '100' });
    expect(res.body).toEqual({
      items: [],
      totalItems: 6,
      offset: 100,
      limit: 50,
    });
    expect(queries).toEqual([]);
  });

  it('answers 400 for a negative offset', async () => {
    const { get } = await startMockedBackend(entities);
    const res = await get('/slos').query({ offset: '-1' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('offset');
  });
});
