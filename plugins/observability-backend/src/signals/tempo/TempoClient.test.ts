import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { fixtureJson, fixtureText } from '../../__testUtils__/fixtures';
import { testHttp } from '../../__testUtils__/upstreamOptions';
import { TempoClient } from './TempoClient';
import { spansOfTrace } from './otlpTrace';

const TEMPO = 'http://tempo.test';
const TRACE_ID = '5b8efff798038103d269b633813fc700';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () => new TempoClient(testHttp('tempo', TEMPO));

describe('TempoClient (contract tests against recorded Tempo responses)', () => {
  it('searches with TraceQL and start/end in whole seconds', async () => {
    let params: Record<string, string> = {};
    server.use(
      http.get(`${TEMPO}/api/search`, ({ request }) => {
        params = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json(fixtureJson('tempo/search-traceql.json'));
      }),
    );
    const traces = await client().search({
      q: '{ resource.service.name = "checkout" }',
      start: 1795626000.5,
      end: 1795629600.2,
      limit: 20,
    });
    expect(params).toEqual({
      q: '{ resource.service.name = "checkout" }',
      start: '1795626000',
      end: '1795629601',
      limit: '20',
    });
    expect(traces).toEqual([
      expect.objectContaining({
        traceID: TRACE_ID,
        rootServiceName: 'checkout',
        startTimeUnixNano: '1795626012540000000',
        serviceStats: {
          checkout: { spanCount: 4, errorCount: 1 },
          'payments-api': { spanCount: 2, errorCount: 1 },
        },
      }),
    ]);
  });

  it('answers an empty search as no traces', async () => {
    server.use(
      http.get(`${TEMPO}/api/search`, () =>
        HttpResponse.json(fixtureJson('tempo/search-empty.json')),
      ),
    );
    await expect(
      client().search({ q: '{}', start: 0, end: 1, limit: 1 }),
    ).resolves.toEqual([]);
  });

  it("turns a TraceQL 400 into an InputError carrying Tempo's message", async () => {
    server.use(
      http.get(
        `${TEMPO}/api/search`,
        () =>
          new HttpResponse(fixtureText('tempo/error-400-traceql.txt'), {
            status: 400,
          }),
      ),
    );
    await expect(
      client().search({ q: '{', start: 0, end: 1, limit: 1 }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('invalid TraceQL query'),
    });
  });

  it('reads a v2 trace with base64 ids', async () => {
    server.use(
      http.get(`${TEMPO}/api/v2/traces/${TRACE_ID}`, () =>
        HttpResponse.json(fixtureJson('tempo/trace-by-id-v2.json')),
      ),
    );
    const trace = await client().traceById(TRACE_ID);
    expect(trace?.partial).toBe(false);
    expect(spansOfTrace(trace!.batches)).toEqual([
      {
        spanId: 'eee19b7ec3c1b100',
        service: 'my.service',
        name: 'I am a span!',
        kind: 'server',
        start: 1689969302000,
        durationNs: 698000000000,
        status: 'unset',
        attributes: { 'my.span.attr': 'some value' },
      },
    ]);
  });

  it("marks a PARTIAL trace and keeps Tempo's reason", async () => {
    server.use(
      http.get(`${TEMPO}/api/v2/traces/${TRACE_ID}`, () =>
        HttpResponse.json(fixtureJson('tempo/trace-by-id-v2-partial.json')),
      ),
    );
    const trace = await client().traceById(TRACE_ID);
    expect(trace).toMatchObject({
      partial: true,
      message: expect.stringContaining('partial trace is returned'),
    });
  });

  it('falls back to v1 when Tempo does not serve v2, and remembers it', async () => {
    const hits: string[] = [];
    server.use(
      http.get(`${TEMPO}/api/v2/traces/:id`, ({ request }) => {
        hits.push(new URL(request.url).pathname);
        return new HttpResponse('404 page not found', { status: 404 });
      }),
      http.get(`${TEMPO}/api/traces/:id`, ({ request }) => {
        hits.push(new URL(request.url).pathname);
        return HttpResponse.json(fixtureJson('tempo/trace-by-id-v1.json'));
      }),
    );
    const tempo = client();
    const trace = await tempo.traceById(TRACE_ID);
    const spans = spansOfTrace(trace!.batches);
    expect(
      spans.map(s => [s.spanId, s.parentSpanId, s.kind, s.status]),
    ).toEqual([
      ['eee19b7ec3c1b100', undefined, 'server', 'error'],
      ['23483ddcaf958888', 'eee19b7ec3c1b100', 'client', 'error'],
    ]);
    expect(spans[0].attributes).toEqual({
      'http.request.method': 'POST',
      'http.response.status_code': 502,
    });
    expect(spans[0].statusMessage).toBe('upstream timeout');
    expect(spans[1].events).toEqual([
      {
        time: 1795626042558,
        name: 'exception',
        attributes: { 'exception.message': 'context deadline exceeded' },
      },
    ]);
    await tempo.traceById(TRACE_ID);
    expect(hits).toEqual([
      `/api/v2/traces/${TRACE_ID}`,
      `/api/traces/${TRACE_ID}`,
      `/api/traces/${TRACE_ID}`,
    ]);
  });

  it('answers undefined when neither v2 nor v1 knows the trace', async () => {
    server.use(
      http.get(
        `${TEMPO}/api/v2/traces/:id`,
        () => new HttpResponse(null, { status: 404 }),
      ),
      http.get(
        `${TEMPO}/api/traces/:id`,
        () => new HttpResponse(null, { status: 404 }),
      ),
    );
    await expect(client().traceById(TRACE_ID)).resolves.toBeUndefined();
  });

  it('answers an UpstreamError for a 5xx', async () => {
    server.use(
      http.get(
        `${TEMPO}/api/v2/traces/:id`,
        () => new HttpResponse('querier unavailable', { status: 503 }),
      ),
    );
    await expect(client().traceById(TRACE_ID)).rejects.toMatchObject({
      name: 'UpstreamError',
      statusCode: 502,
      upstream: 'tempo',
      message: expect.stringContaining('HTTP 503: querier unavailable'),
    });
  });
});
