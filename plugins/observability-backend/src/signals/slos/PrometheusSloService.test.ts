import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { entityWithSlos, specOf } from '../../__testUtils__/specs';
import { testHttp } from '../../__testUtils__/upstreamOptions';
import { AlertmanagerClient } from '../alertmanager/AlertmanagerClient';
import { AlertmanagerAlertSource } from '../alerts/AlertmanagerAlertSource';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import { PrometheusSloService } from './PrometheusSloService';
import { vectorAnswer } from '../../__testUtils__/prometheusAnswers';

const PROM = 'http://prometheus.test';
const AM = 'http://alertmanager.test';
const server = setupServer();
const queries: string[] = [];
let alertmanagerRequests = 0;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  queries.length = 0;
  alertmanagerRequests = 0;
  server.use(
    http.post(`${PROM}/api/v1/query`, async ({ request }) => {
      queries.push(new URLSearchParams(await request.text()).get('query')!);
      return HttpResponse.json(
        vectorAnswer([
          {
            metric: {
              __name__: 'slo:sli_error:ratio',
              slo: 'slo-1',
              window: '7d',
              backstage_entity: 'component:default/checkout',
            },
            value: '0.0005',
          },
          {
            metric: {
              __name__: 'slo:sli_error:ratio',
              slo: 'slo-1',
              window: '1h',
              backstage_entity: 'component:default/checkout',
            },
            value: '0.0144',
          },
          {
            metric: {
              __name__: 'ALERTS',
              alertname: 'ErrorBudgetBurn',
              alertstate: 'firing',
              severity: 'page',
              slo: 'slo-1',
              backstage_entity: 'component:default/checkout',
            },
            value: '1',
          },
          {
            metric: {
              __name__: 'ALERTS_FOR_STATE',
              alertname: 'ErrorBudgetBurn',
              severity: 'page',
              slo: 'slo-1',
              backstage_entity: 'component:default/checkout',
            },
            value: '1795625000',
          },
        ]),
      );
    }),
    http.post(`${PROM}/api/v1/query_range`, async ({ request }) => {
      queries.push(new URLSearchParams(await request.text()).get('query')!);
      return HttpResponse.json({
        status: 'success',
        data: { resultType: 'matrix', result: [] },
        warnings: ['partial response: store gateway unreachable'],
      });
    }),
    http.get(`${AM}/api/v2/alerts`, () => {
      alertmanagerRequests += 1;
      return HttpResponse.json([]);
    }),
  );
});

function service() {
  return new PrometheusSloService(
    new PrometheusClient(testHttp('prometheus', PROM)),
    new AlertmanagerAlertSource(
      new AlertmanagerClient(testHttp('alertmanager', AM)),
    ),
  );
}

describe('PrometheusSloService', () => {
  it.each([1, 3, 12])(
    'asks Prometheus two queries and Alertmanager once for %i SLOs',
    async count => {
      const spec = specOf(entityWithSlos('checkout', count));
      const result = await service().getEntitySlos(spec, {});
      expect(result.items).toHaveLength(count);
      expect(queries).toHaveLength(2);
      expect(alertmanagerRequests).toBe(1);
      expect(
        queries.every(q =>
          q.includes('backstage_entity="component:default/checkout"'),
        ),
      ).toBe(true);
    },
  );

  it('derives burn rates from the error ratios and the objective', async () => {
    const result = await service().getEntitySlos(
      specOf(entityWithSlos('checkout', 1)),
      {},
    );
    const [slo] = result.items;
    expect(slo.objective).toBe(0.999);
    expect(slo.errorRatio).toBe(0.0005);
    expect(slo.errorBudgetRemaining).toBeCloseTo(0.5, 12);
    expect(slo.burnRates['1h']).toBeCloseTo(14.4, 12);
    expect(slo.burnRates['5m']).toBeNull();
  });

  it('passes Prometheus warnings on once', async () => {
    const result = await service().getEntitySlos(
      specOf(entityWithSlos('checkout', 1)),
      {},
    );
    expect(result.warnings).toEqual([
      {
        upstream: 'prometheus',
        message: 'partial response: store gateway unreachable',
      },
    ]);
  });

  it('still answers the SLOs, with a warning, when Alertmanager fails', async () => {
    server.use(
      http.get(
        `${AM}/api/v2/alerts`,
        () => new HttpResponse('down', { status: 503 }),
      ),
    );
    const result = await service().getEntitySlos(
      specOf(entityWithSlos('checkout', 2)),
      {},
    );
    expect(result.items).toHaveLength(2);
    expect(result.warnings).toContainEqual({
      upstream: 'alertmanager',
      message: expect.stringContaining('HTTP 503'),
    });
  });

  it('reads the alerts from the ALERTS series in the same query without Alertmanager', async () => {
    const withoutAlertmanager = new PrometheusSloService(
      new PrometheusClient(testHttp('prometheus', PROM)),
      undefined,
    );
    const result = await withoutAlertmanager.getEntitySlos(
      specOf(entityWithSlos('checkout', 12)),
      {},
    );
    expect(queries).toHaveLength(2);
    expect(queries[0]).toContain('ALERTS|ALERTS_FOR_STATE');
    expect(alertmanagerRequests).toBe(0);
    expect(result.items[0].alerts).toEqual([
      expect.objectContaining({
        name: 'ErrorBudgetBurn',
        state: 'firing',
        activeAt: 1795625000000,
      }),
    ]);
  });

  it('asks nothing for an entity without SLOs', async () => {
    const result = await service().getEntitySlos(
      specOf(entityWithSlos('checkout', 0)),
      {},
    );
    expect(result.items).toEqual([]);
    expect(queries).toEqual([]);
    expect(alertmanagerRequests).toBe(0);
  });

  it('defaults the range to the longest SLO window and keeps it within 250 points', async () => {
    const result = await service().getEntitySlos(
      specOf(entityWithSlos('checkout', 1)),
      {
        to: 1795626000000,
      },
    );
    expect(result.range!.end - result.range!.start).toBeLessThanOrEqual(
      7 * 86_400_000,
    );
    expect(
      result.items[0].series.errorBudgetRemaining.length,
    ).toBeLessThanOrEqual(250);
    // Round steps at most double the minimum: never fewer than half the points.
    expect(result.items[0].series.errorBudgetRemaining.length).toBeGreaterThan(
      125,
    );
  });

  it('refuses a range that ends before it starts', async () => {
    await expect(
      service().getEntitySlos(specOf(entityWithSlos('checkout', 1)), {
        from: 2000,
        to: 1000,
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: 'from must be earlier than to',
    });
  });
});
