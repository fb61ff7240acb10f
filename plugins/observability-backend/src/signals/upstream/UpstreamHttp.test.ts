import { FaultServer, startFaultServer } from '../../__testUtils__/faultServer';
import { parseJsonBody, UpstreamHttp } from './UpstreamHttp';

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
});
