import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fixtureJson, fixtureText } from '../../__testUtils__/fixtures';
import { testHttp } from '../../__testUtils__/upstreamOptions';
import { LokiClient } from './LokiClient';

const LOKI = 'http://loki.test';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const request = {
  query: '{app="checkout"} |= "timeout"',
  start: 1795626000000000000n,
  end: 1795626060000000001n,
  limit: 100,
  direction: 'backward' as const,
  tenant: 'shop',
};

describe('LokiClient (contract tests against recorded Loki responses)', () => {
  it('sends the query with nanosecond bounds, the tenant and the categorize-labels flag', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(`${LOKI}/loki/api/v1/query_range`, ({ request: req }) => {
        seen = req;
        return HttpResponse.json(fixtureJson('loki/query_range-streams.json'));
      }),
    );
    const result = await new LokiClient(testHttp('loki', LOKI)).queryRange(
      request,
    );
    const url = new URL(seen!.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      query: '{app="checkout"} |= "timeout"',
      start: '1795626000000000000',
      end: '1795626060000000001',
      limit: '100',
      direction: 'backward',
    });
    expect(seen!.headers.get('x-scope-orgid')).toBe('shop');
    expect(seen!.headers.get('x-loki-response-encoding-flags')).toBe(
      'categorize-labels',
    );
    expect(result.streams).toHaveLength(2);
    expect(result.streams[0].entries[0]).toEqual({
      timestampNs: '1795626012548155000',
      line: 'level=error msg="payment provider timeout" trace_id=5b8efff798038103d269b633813fc700 duration=30.01s',
      structuredMetadata: {},
      parsed: {},
    });
    expect(result.summary).toMatchObject({ totalEntriesReturned: 3 });
  });

  it('reads structured metadata and parsed labels of categorized answers', async () => {
    server.use(
      http.get(`${LOKI}/loki/api/v1/query_range`, () =>
        HttpResponse.json(
          fixtureJson('loki/query_range-streams-categorize-labels.json'),
        ),
      ),
    );
    const result = await new LokiClient(testHttp('loki', LOKI)).queryRange(
      request,
    );
    expect(result.streams[0].entries).toEqual([
      expect.objectContaining({
        structuredMetadata: { trace_id: '5b8efff798038103d269b633813fc700' },
        parsed: { level: 'error', msg: 'payment provider timeout' },
      }),
      expect.objectContaining({ structuredMetadata: {}, parsed: {} }),
    ]);
  });

  it('sends no X-Scope-OrgID without a tenant and explains Loki\'s 401 "no org id"', async () => {
    let orgId: string | null = 'unset';
    server.use(
      http.get(`${LOKI}/loki/api/v1/query_range`, ({ request: req }) => {
        orgId = req.headers.get('x-scope-orgid');
        return new HttpResponse(fixtureText('loki/error-401-no-org-id.txt'), {
          status: 401,
          headers: { 'Content-Type': 'text/plain' },
        });
      }),
    );
    await expect(
      new LokiClient(testHttp('loki', LOKI)).queryRange({
        ...request,
        tenant: undefined,
      }),
    ).rejects.toMatchObject({
      name: 'UpstreamError',
      statusCode: 502,
      upstream: 'loki',
      message: expect.stringContaining('observability.loki.tenant'),
    });
    expect(orgId).toBeNull();
  });

  it("turns a text/plain 400 into an InputError carrying Loki's message", async () => {
    server.use(
      http.get(
        `${LOKI}/loki/api/v1/query_range`,
        () =>
          new HttpResponse(fixtureText('loki/error-400-parse.txt'), {
            status: 400,
            headers: { 'Content-Type': 'text/plain' },
          }),
      ),
    );
    await expect(
      new LokiClient(testHttp('loki', LOKI)).queryRange(request),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('parse error at line 1, col 16'),
    });
  });

  it('answers empty streams as no lines', async () => {
    server.use(
      http.get(`${LOKI}/loki/api/v1/query_range`, () =>
        HttpResponse.json({
          status: 'success',
          data: { resultType: 'streams', result: [], stats: {} },
        }),
      ),
    );
    await expect(
      new LokiClient(testHttp('loki', LOKI)).queryRange(request),
    ).resolves.toEqual({ streams: [], summary: {} });
  });

  it('refuses a metric answer where streams were expected', async () => {
    server.use(
      http.get(`${LOKI}/loki/api/v1/query_range`, () =>
        HttpResponse.json({
          status: 'success',
          data: { resultType: 'matrix', result: [] },
        }),
      ),
    );
    await expect(
      new LokiClient(testHttp('loki', LOKI)).queryRange(request),
    ).rejects.toMatchObject({
      name: 'UpstreamError',
      message: expect.stringContaining('data.resultType'),
    });
  });
});
