import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse, JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import {
  API,
  configResponse,
  upstreamErrorBody,
} from '../__testUtils__/fixtures';
import { testClient } from '../__testUtils__/renderWithEntity';

describe('ObservabilityClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Records the raw URL of every request the server sees and answers `body`. */
  function recordRequests(body: JsonBodyType) {
    const urls: URL[] = [];
    server.use(
      http.all(`${API}/*`, ({ request }) => {
        urls.push(new URL(request.url));
        return HttpResponse.json(body);
      }),
    );
    return urls;
  }

  it('encodes every path segment of the entity reference', async () => {
    const urls = recordRequests(configResponse);
    const client = testClient();

    await client.getConfig({
      kind: 'Component',
      namespace: 'team a',
      name: 'my service/v2',
    });

    expect(urls[0].pathname).toBe(
      '/api/observability/entities/by-name/Component/team%20a/my%20service%2Fv2/config',
    );
  });

  it('encodes the trace id as a path segment', async () => {
    const urls = recordRequests({ traceId: 'x', spans: [] });

    await testClient().getTrace('component:default/checkout', '../../slos?x=1');

    expect(urls[0].pathname).toBe(
      '/api/observability/entities/by-name/component/default/checkout/traces/..%2F..%2Fslos%3Fx%3D1',
    );
  });

  it('sends a LogQL filter with quotes and ampersands as one query value', async () => {
    const urls = recordRequests({ entityRef: 'x', items: [], stats: {} });
    const filter = '|= "a&b=c" | json | msg=~"x?y#z"';

    await testClient().getLogs('component:default/checkout', {
      filter,
      from: 1000,
      to: '2025-01-15T12:00:00Z',
      limit: 500,
      direction: 'forward',
    });

    const params = urls[0].searchParams;
    expect(params.get('filter')).toBe(filter);
    expect(params.get('from')).toBe('1000');
    expect(params.get('to')).toBe('2025-01-15T12:00:00Z');
    expect(params.get('limit')).toBe('500');
    expect(params.get('direction')).toBe('forward');
    expect(urls[0].search).not.toContain('"');
    expect(urls[0].search).not.toContain('a&b');
  });

  it('sends the TraceQL condition as q and omits unset options', async () => {
    const urls = recordRequests({ entityRef: 'x', items: [] });

    await testClient().getTraces('component:default/checkout', {
      q: 'status = error && duration > 1s',
    });

    expect(urls[0].pathname).toBe(
      '/api/observability/entities/by-name/component/default/checkout/traces',
    );
    expect([...urls[0].searchParams.entries()]).toEqual([
      ['q', 'status = error && duration > 1s'],
    ]);
  });

  it('lists SLOs with owner and pagination parameters', async () => {
    const urls = recordRequests({
      items: [],
      totalItems: 0,
      offset: 50,
      limit: 25,
    });

    await testClient().listSlos({
      owner: 'group:default/team a',
      offset: 50,
      limit: 25,
    });

    expect(urls[0].pathname).toBe('/api/observability/slos');
    expect(urls[0].searchParams.get('owner')).toBe('group:default/team a');
    expect(urls[0].searchParams.get('offset')).toBe('50');
    expect(urls[0].searchParams.get('limit')).toBe('25');
  });

  it.each([
    ['getSlos', 'slos'],
    ['getAlerts', 'alerts'],
    ['getProvisioning', 'provisioning'],
  ] as const)('%s calls the %s route', async (method, route) => {
    const urls = recordRequests({
      entityRef: 'component:default/checkout',
      items: [],
      sinks: [],
    });

    await testClient()[method]('component:default/checkout');

    expect(urls[0].pathname).toBe(
      `/api/observability/entities/by-name/component/default/checkout/${route}`,
    );
  });

  it('returns the parsed body', async () => {
    recordRequests(configResponse);

    await expect(
      testClient().getConfig('component:default/checkout'),
    ).resolves.toEqual(configResponse);
  });

  it('rejects with a ResponseError that keeps the upstream of a 504 gateway timeout', async () => {
    server.use(
      http.get(`${API}/*`, () =>
        HttpResponse.json(
          upstreamErrorBody('loki', 'Loki did not answer within 10s', 504),
          {
            status: 504,
          },
        ),
      ),
    );

    const error = await testClient()
      .getLogs('component:default/checkout')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseError);
    const responseError = error as ResponseError;
    expect(responseError.statusCode).toBe(504);
    expect(responseError.body.error.upstream).toBe('loki');
    expect(responseError.body.error.message).toBe(
      'Loki did not answer within 10s',
    );
  });
});
