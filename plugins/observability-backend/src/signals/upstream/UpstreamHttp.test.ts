import { FaultServer, startFaultServer } from '../../__testUtils__/faultServer';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ByteBudget } from './ByteBudget';
import { runAsCaller } from './callerContext';
import { parseJsonBody, UpstreamHttp, UpstreamOptions } from './UpstreamHttp';

describe('UpstreamHttp against a misbehaving server', () => {
  let server: FaultServer;

  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server.close());

  function client(baseUrl = server.url) {
    return new UpstreamHttp({
      name: 'loki',
      baseUrl,
      headers: { Authorization: 'Bearer secret' },
      timeoutMs: 300,
      maxResponseBytes: 100_000,
      concurrency: 2,
      cacheTtlMs: 0,
    });
  }
  const asJson = (r: Parameters<typeof parseJsonBody>[2]) =>
    parseJsonBody('loki', '/x', r);

  it('answers an UpstreamTimeoutError within the timeout when the server is slow', async () => {
    server.fault = { kind: 'slow', ms: 5000 };
    const started = Date.now();
    await expect(
      client().request({ path: '/x' }, asJson),
    ).rejects.toMatchObject({
      name: 'UpstreamTimeoutError',
      statusCode: 504,
      upstream: 'loki',
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('counts the wait for a concurrency slot against the timeout', async () => {
    server.fault = { kind: 'slow', ms: 5000 };
    const http = client();
    const started = Date.now();
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(i => http.request({ path: `/x${i}` }, asJson)),
    );
    expect(results.map(r => r.status)).toEqual(Array(4).fill('rejected'));
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers an UpstreamError naming the cause when nothing listens', async () => {
    await expect(
      client(server.downUrl).request({ path: '/x' }, asJson),
    ).rejects.toMatchObject({
      name: 'UpstreamError',
      statusCode: 502,
      upstream: 'loki',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('refuses a body larger than maxResponseBytes, declared or streamed', async () => {
    server.fault = { kind: 'huge', bytes: 5_000_000, declareLength: true };
    await expect(
      client().request({ path: '/x' }, asJson),
    ).rejects.toMatchObject({
      name: 'UpstreamError',
      message: expect.stringContaining('larger than 100000 bytes'),
    });
    server.fault = { kind: 'huge', bytes: 5_000_000, declareLength: false };
    await expect(
      client().request({ path: '/x' }, asJson),
    ).rejects.toMatchObject({
      name: 'UpstreamError',
      message: expect.stringContaining('larger than 100000 bytes'),
    });
  });

  it('answers an UpstreamError for a body that is not JSON', async () => {
    server.fault = { kind: 'malformed' };
    await expect(
      client().request({ path: '/x' }, asJson),
    ).rejects.toMatchObject({
      name: 'UpstreamError',
      message: expect.stringContaining('not JSON'),
    });
  });

  it('sends the configured headers and repeats array parameters', async () => {
    server.fault = { kind: 'status', status: 200, body: '{}' };
    server.requests.length = 0;
    await client().request(
      { path: '/api', query: { filter: ['a="1"', 'b="2"'], skip: undefined } },
      asJson,
    );
    expect(server.requests).toEqual([
      {
        url: '/api?filter=a%3D%221%22&filter=b%3D%222%22',
        headers: expect.objectContaining({ authorization: 'Bearer secret' }),
      },
    ]);
  });

  describe('redirects', () => {
    let other: FaultServer;
    beforeAll(async () => {
      other = await startFaultServer();
      other.fault = { kind: 'status', status: 200, body: '{}' };
    });
    afterAll(() => other.close());

    const withHeaders = (baseUrl: string) =>
      new UpstreamHttp({
        name: 'loki',
        baseUrl,
        headers: {
          Authorization: 'Bearer secret',
          'X-Api-Key': 'key',
          'X-Custom-Token': 'custom',
        },
        timeoutMs: 1000,
        maxResponseBytes: 100_000,
        concurrency: 2,
        cacheTtlMs: 0,
      });
    const request = (http: UpstreamHttp) =>
      http.request(
        { path: '/x', headers: { 'X-Scope-OrgID': 'tenant-a' } },
        asJson,
      );

    it('forwards no credential or configured header to another origin', async () => {
      // Same host, another port: another origin.
      server.fault = { kind: 'redirect', location: `${other.url}/landing` };
      other.requests.length = 0;
      await expect(request(withHeaders(server.url))).resolves.toEqual({});
      expect(other.requests).toHaveLength(1);
      const headers = other.requests[0].headers;
      expect(headers.authorization).toBeUndefined();
      expect(headers['x-api-key']).toBeUndefined();
      expect(headers['x-custom-token']).toBeUndefined();
      expect(headers['x-scope-orgid']).toBeUndefined();
    });

    it('keeps the headers on a redirect within the same origin', async () => {
      other.fault = { kind: 'redirect', location: '/landing' };
      other.requests.length = 0;
      await expect(request(withHeaders(other.url))).resolves.toEqual({});
      other.fault = { kind: 'status', status: 200, body: '{}' };
      const landing = other.requests.find(r => r.url === '/landing');
      expect(landing?.headers).toMatchObject({
        authorization: 'Bearer secret',
        'x-api-key': 'key',
        'x-custom-token': 'custom',
        'x-scope-orgid': 'tenant-a',
      });
    });
  });

  describe('memory and fairness', () => {
    const options = (overrides: Partial<UpstreamOptions>): UpstreamOptions => ({
      name: 'loki',
      baseUrl: server.url,
      headers: {},
      timeoutMs: 1000,
      maxResponseBytes: 200_000,
      concurrency: 2,
      concurrencyPerCaller: 2,
      cacheTtlMs: 0,
      cacheMaxBytes: 1_000_000,
      ...overrides,
    });

    it("lets one user's slow queries take only their share, so another user's query is answered", async () => {
      // Alice's query takes 300 ms; she may not wait for mallory's to time out (800 ms).
      server.fault = {
        kind: 'slow',
        ms: 5000,
        pathPrefix: '/slow',
        otherMs: 300,
      };
      const http = new UpstreamHttp(
        options({ concurrency: 2, concurrencyPerCaller: 1, timeoutMs: 800 }),
      );
      const mallory = mockCredentials.user('user:default/mallory');
      const alice = mockCredentials.user('user:default/alice');
      const hostile = runAsCaller(mallory, () =>
        Promise.allSettled(
          [1, 2, 3, 4].map(i => http.request({ path: `/slow${i}` }, asJson)),
        ),
      );
      await new Promise(resolve => setTimeout(resolve, 50));
      await expect(
        runAsCaller(alice, () => http.request({ path: '/fast' }, asJson)),
      ).resolves.toEqual({});
      await hostile;
    });

    it('refuses (503) a body that would take the process over its in-flight byte budget, and gives the bytes back', async () => {
      server.fault = { kind: 'huge', bytes: 150_000, declareLength: false };
      const budget = new ByteBudget(200_000);
      const http = new UpstreamHttp(options({}), { inFlightBytes: budget });
      const read = () => http.request({ path: '/big' }, r => r.body.length);
      // Another answer of 100 kB is being read: 150 kB more do not fit in 200 kB.
      expect(budget.tryReserve(100_000)).toBe(true);
      await expect(read()).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
      });
      expect(budget.used).toBe(100_000);
      budget.release(100_000);
      await expect(read()).resolves.toBe(150_000);
      expect(budget.used).toBe(0);
    });

    it('does not keep an answer larger than a quarter of the cache budget', async () => {
      server.fault = { kind: 'huge', bytes: 100_000, declareLength: true };
      server.requests.length = 0;
      const http = new UpstreamHttp(
        options({ cacheTtlMs: 60_000, cacheMaxBytes: 300_000 }),
      );
      await http.request({ path: '/big' }, r => r.body.length);
      await http.request({ path: '/big' }, r => r.body.length);
      expect(server.requests).toHaveLength(2);
      expect(http.cachedBytes).toBe(0);
    });
  });
});
