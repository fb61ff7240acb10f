/*
 * `GET .../metrics` against Prometheus answers recorded as msw handlers: the step bound, the
 * series cap, which golden-signal source is used, per-panel failures. The scope of the panel
 * queries is proven against a real Prometheus in metricsScope.integration.test.ts.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { startMockedBackend, UPSTREAMS } from '../__testUtils__/mockedBackend';
import { entityWithSlos } from '../__testUtils__/specs';

const upstream = setupServer();
const rangeQueries: URLSearchParams[] = [];
const instantQueries: URLSearchParams[] = [];
/** Metric names the discovery query reports. */
let discovered: string[] = [];
/** Series per range query, by a substring of the query. */
let seriesFor: (query: string) => number = () => 1;

beforeAll(() => upstream.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => upstream.close());
beforeEach(() => {
  rangeQueries.length = 0;
  instantQueries.length = 0;
  discovered = [];
  seriesFor = () => 1;
  upstream.use(
    http.post('http://prometheus.test/api/v1/query', async ({ request }) => {
      instantQueries.push(new URLSearchParams(await request.text()));
      return HttpResponse.json({
        status: 'success',
        data: {
          resultType: 'vector',
          result: discovered.map(name => ({
            metric: { __name__: name },
            value: [1, '1'],
          })),
        },
      });
    }),
    http.post(
      'http://prometheus.test/api/v1/query_range',
      async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        rangeQueries.push(form);
        const query = form.get('query')!;
        if (query.includes('broken')) {
          return HttpResponse.json(
            { status: 'error', errorType: 'execution', error: 'boom' },
            { status: 422 },
          );
        }
        const start = Number(form.get('start'));
        return HttpResponse.json({
          status: 'success',
          data: {
            resultType: 'matrix',
            result: Array.from({ length: seriesFor(query) }, (_, i) => ({
              metric: { route: `/r${i}` },
              values: [[start, String(i)]],
            })),
          },
        });
      },
    ),
  );
});

const path = '/entities/by-name/component/default/checkout/metrics';
const REF = 'component:default/checkout';

function checkout(annotations: Record<string, string>) {
  return entityWithSlos('checkout', 0, {
    'lookout.dev/metrics-port': 'http',
    ...annotations,
  });
}

describe('GET .../metrics', () => {
  it('asks Prometheus for at most 1,000 points per series over 7 days', async () => {
    discovered = ['http_server_request_duration_seconds_count'];
    const { get } = await startMockedBackend([checkout({})], {
      prometheus: UPSTREAMS.prometheus,
    });
    const res = await get(path).query({
      from: '2026-11-18T00:00:00Z',
      to: '2026-11-25T00:00:00Z',
    });
    expect(res.status).toBe(200);
    for (const form of rangeQueries) {
      const points =
        (Number(form.get('end')) - Number(form.get('start'))) /
          Number(form.get('step')) +
        1;
      expect(points).toBeLessThanOrEqual(1000);
    }
    // 7 days / 999 intervals = 605 s: the next round step is 15 minutes.
    expect(rangeQueries[0].get('step')).toBe('900');
    expect(res.body.range.step).toBe(900_000);
  });

  it('uses the OpenTelemetry HTTP metrics it finds for the entity and says so', async () => {
    discovered = [
      'http_server_request_duration_seconds_count',
      'http_server_request_duration_seconds_bucket',
    ];
    const { get } = await startMockedBackend([checkout({})], {
      prometheus: UPSTREAMS.prometheus,
    });
    const res = await get(path);
    expect(instantQueries[0].get('query')).toBe(
      `group by (__name__) (last_over_time({backstage_entity="${REF}", __name__=~"http_server_request_duration_seconds_count|http_server_request_duration_seconds_bucket|http_requests_total|http_request_duration_seconds_bucket"}[86400s]))`,
    );
    expect(res.body.goldenSignals.sources).toEqual(['opentelemetry']);
    expect(
      res.body.goldenSignals.panels.map((p: { title: string }) => p.title),
    ).toEqual(['Request rate', 'Error ratio', 'Latency']);
    expect(res.body.goldenSignals.panels[0].description).toBe(
      'Requests per second, from the OpenTelemetry HTTP server metrics (http_server_request_duration_seconds_count).',
    );
    expect(res.body.goldenSignals.panels[2].query).toContain(
      `label_replace(histogram_quantile(0.95, sum by (le) (rate(http_server_request_duration_seconds_bucket{backstage_entity="${REF}"}[`,
    );
    expect(res.body.goldenSignalsNote).toBeUndefined();
  });

  it('falls back to the conventional Prometheus names, and says what it could not find', async () => {
    discovered = ['http_requests_total'];
    const { get } = await startMockedBackend([checkout({})], {
      prometheus: UPSTREAMS.prometheus,
    });
    const res = await get(path);
    expect(res.body.goldenSignals.sources).toEqual(['prometheus']);
    expect(res.body.goldenSignals.panels[1].query).toMatch(
      /^\(sum\(rate\(http_requests_total\{backstage_entity="component:default\/checkout", code=~"5\.\."\}\[\d+s\]\)\) or vector\(0\)\) \/ sum\(rate\(http_requests_total\{backstage_entity="component:default\/checkout"\}\[\d+s\]\)\)$/,
    );
    expect(res.body.goldenSignalsNote).toMatch(
      /^Latency: no SLO of the entity/,
    );
  });

  it("takes the golden signals from the entity's SLO indicators without a discovery query", async () => {
    const { get } = await startMockedBackend(
      [
        checkout({
          'lookout.dev/slo-availability': '99.9',
          'lookout.dev/slo-latency': '99% < 300ms',
        }),
      ],
      { prometheus: UPSTREAMS.prometheus },
    );
    const res = await get(path);
    expect(instantQueries).toEqual([]);
    expect(res.body.goldenSignals.sources).toEqual(['slo']);
    expect(res.body.goldenSignals.panels[0].description).toBe(
      "Events per second, from SLO availability's counters (http_server_request_duration_seconds_count).",
    );
  });

  it('caps the series of a panel and counts the ones not shown', async () => {
    seriesFor = query => (query.includes('shop_orders_total') ? 45 : 1);
    const { get } = await startMockedBackend(
      [
        checkout({
          'lookout.dev/panels': `- title: Orders\n  query: sum by (route) (rate(shop_orders_total{backstage_entity="${REF}"}[5m]))\n  legend: "{{route}}"`,
        }),
      ],
      { prometheus: UPSTREAMS.prometheus },
    );
    const res = await get(path);
    const [orders] = res.body.panels;
    expect(orders.series).toHaveLength(20);
    expect(orders.omittedSeries).toBe(25);
    expect(orders.series[0].name).toBe('/r44');
  });

  it('answers the other panels when one query fails', async () => {
    const { get } = await startMockedBackend(
      [
        checkout({
          'lookout.dev/panels': `- title: Broken\n  query: broken{backstage_entity="${REF}"}\n- title: Fine\n  query: fine{backstage_entity="${REF}"}`,
        }),
      ],
      { prometheus: UPSTREAMS.prometheus },
    );
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.body.panels[0].error).toMatch(/422 execution: boom/);
    expect(res.body.panels[1].series).toHaveLength(1);
  });

  it('never runs a panel that was refused at parsing', async () => {
    const { get } = await startMockedBackend(
      [
        checkout({
          'lookout.dev/panels':
            '- title: Everyone\n  query: sum(rate(shop_orders_total[5m]))',
        }),
      ],
      { prometheus: UPSTREAMS.prometheus },
    );
    const res = await get(path);
    expect(res.body.panels).toEqual([]);
    expect(
      rangeQueries.map(f => f.get('query')).filter(q => q!.includes('shop_')),
    ).toEqual([]);
  });

  it('answers 400 naming the parameter', async () => {
    const { get } = await startMockedBackend([checkout({})], {
      prometheus: UPSTREAMS.prometheus,
    });
    const res = await get(path).query({ from: 'yesterday' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^from: /);
  });
});
