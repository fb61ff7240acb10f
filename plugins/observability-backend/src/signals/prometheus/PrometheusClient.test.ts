import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fixtureJson } from '../../__testUtils__/fixtures';
import { testHttp } from '../../__testUtils__/upstreamOptions';
import { parseSampleValue, PrometheusClient } from './PrometheusClient';

const PROM = 'http://prometheus.test';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function answer(
  path: string,
  body: unknown,
  status = 200,
  seen?: URLSearchParams[],
) {
  server.use(
    http.post(`${PROM}${path}`, async ({ request }) => {
      seen?.push(new URLSearchParams(await request.text()));
      return HttpResponse.json(body as object, { status });
    }),
  );
}

describe('PrometheusClient (contract tests against captured Prometheus 2.42 responses)', () => {
  it('reads string sample values and float-second timestamps of a vector', async () => {
    const seen: URLSearchParams[] = [];
    answer(
      '/api/v1/query',
      fixtureJson('prometheus/query-instant-vector.json'),
      200,
      seen,
    );
    const result = await new PrometheusClient(
      testHttp('prometheus', PROM),
    ).instantQuery('up', 1795626012267);
    expect(Object.fromEntries(seen[0])).toEqual({
      query: 'up',
      time: '1795626012.267',
    });
    expect(result).toEqual({
      data: [
        {
          labels: { code: '200', service: 'checkout' },
          time: 1795626012267,
          value: 49.91,
        },
        {
          labels: { code: '500', service: 'checkout' },
          time: 1795626012267,
          value: 0.9982,
        },
      ],
      warnings: [],
    });
  });

  it('reads a matrix and sends start, end and step in seconds', async () => {
    const seen: URLSearchParams[] = [];
    answer(
      '/api/v1/query_range',
      fixtureJson('prometheus/query-range-matrix.json'),
      200,
      seen,
    );
    const result = await new PrometheusClient(
      testHttp('prometheus', PROM),
    ).rangeQuery('rate(x[1m])', {
      start: 1795625992000,
      end: 1795626012000,
      stepMs: 10000,
    });
    expect(Object.fromEntries(seen[0])).toEqual({
      query: 'rate(x[1m])',
      start: '1795625992',
      end: '1795626012',
      step: '10',
    });
    expect(result.data[1]).toEqual({
      labels: { code: '500' },
      points: [
        [1795625992000, 0.3226333333333333],
        [1795626002000, 0.6559666666666666],
        [1795626012000, 0.9892999999999998],
      ],
    });
  });

  it('passes Thanos partial_response and dedup when configured', async () => {
    const seen: URLSearchParams[] = [];
    answer(
      '/api/v1/query',
      fixtureJson('prometheus/query-instant-empty.json'),
      200,
      seen,
    );
    await new PrometheusClient(testHttp('prometheus', PROM), {
      partialResponse: true,
      dedup: false,
    }).instantQuery('up');
    expect(seen[0].get('partial_response')).toBe('true');
    expect(seen[0].get('dedup')).toBe('false');
  });

  it('surfaces warnings and infos instead of dropping them', async () => {
    answer(
      '/api/v1/query',
      fixtureJson('prometheus/query-with-warnings-and-infos.json'),
    );
    const result = await new PrometheusClient(
      testHttp('prometheus', PROM),
    ).instantQuery('x');
    expect(result.warnings).toEqual([
      'example warning: partial response from store gateway',
      expect.stringContaining('PromQL info'),
    ]);
  });

  it.each([
    [
      'prometheus/error-400-bad-data.json',
      400,
      'HTTP 400 bad_data: invalid parameter',
    ],
    [
      'prometheus/error-422-execution.json',
      422,
      'HTTP 422 execution: vector cannot contain',
    ],
  ])(
    'answers the error envelope %s as an UpstreamError',
    async (file, status, message) => {
      answer('/api/v1/query', fixtureJson(file), status);
      await expect(
        new PrometheusClient(testHttp('prometheus', PROM)).instantQuery('x'),
      ).rejects.toMatchObject({
        name: 'UpstreamError',
        statusCode: 502,
        upstream: 'prometheus',
        message: expect.stringContaining(message),
      });
    },
  );

  it("answers Prometheus' own query timeout as an UpstreamTimeoutError", async () => {
    answer(
      '/api/v1/query',
      {
        status: 'error',
        errorType: 'timeout',
        error: 'query timed out in expression evaluation',
      },
      503,
    );
    await expect(
      new PrometheusClient(testHttp('prometheus', PROM)).instantQuery('x'),
    ).rejects.toMatchObject({ name: 'UpstreamTimeoutError', statusCode: 504 });
  });

  it('refuses a matrix where a vector was expected', async () => {
    answer('/api/v1/query', fixtureJson('prometheus/query-range-matrix.json'));
    await expect(
      new PrometheusClient(testHttp('prometheus', PROM)).instantQuery('x'),
    ).rejects.toMatchObject({
      name: 'UpstreamError',
      message: expect.stringContaining(
        'answered a matrix where a vector was expected',
      ),
    });
  });

  it('reads NaN and infinities as Prometheus writes them', () => {
    expect(parseSampleValue('NaN')).toBeNaN();
    expect(parseSampleValue('+Inf')).toBe(Infinity);
    expect(parseSampleValue('-Inf')).toBe(-Infinity);
    expect(parseSampleValue('1.96078431372549e-02')).toBeCloseTo(
      0.0196078431372549,
      15,
    );
  });
});
