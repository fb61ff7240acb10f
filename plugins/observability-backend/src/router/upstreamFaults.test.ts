/*
 * Every signal route answers an upstream's failure with its typed error, within the configured
 * timeout: 504 when the upstream is too slow, 502 when it is down, answers 5xx, malformed JSON
 * or a body over the size limit. Never a 500, and the upstream is named in the body.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  Fault,
  FaultServer,
  startFaultServer,
} from '../__testUtils__/faultServer';
import { observabilityPlugin } from '../plugin';
import { componentEntity } from '@lookout/plugin-observability-common/testUtils';

const TIMEOUT_MS = 400;

const checkout = componentEntity({
  'lookout.dev/slo-availability': '99.9',
  'lookout.dev/logs-selector': '{app="checkout"}',
});

async function startBackend(url: string) {
  const upstream = {
    url,
    timeout: { milliseconds: TIMEOUT_MS },
    maxResponseBytes: 100_000,
    cacheTtl: { milliseconds: 0 },
  };
  const { server } = await startTestBackend({
    features: [
      observabilityPlugin,
      catalogServiceMock.factory({ entities: [checkout] }),
      mockServices.rootConfig.factory({
        data: {
          observability: {
            provisioning: { enabled: false },
            prometheus: upstream,
            alertmanager: upstream,
            loki: upstream,
            tempo: upstream,
          },
        },
      }),
    ],
  });
  return server;
}

const ROUTES: Array<[string, string]> = [
  ['slos', 'prometheus'],
  ['alerts', 'alertmanager'],
  ['logs', 'loki'],
  ['traces', 'tempo'],
  ['traces/5b8efff798038103d269b633813fc700', 'tempo'],
];

let faults: FaultServer;
let backend: Awaited<ReturnType<typeof startBackend>>;
let downBackend: Awaited<ReturnType<typeof startBackend>>;

beforeAll(async () => {
  faults = await startFaultServer();
  backend = await startBackend(faults.url);
  downBackend = await startBackend(faults.downUrl);
});
afterAll(() => faults.close());

function get(server: typeof backend, route: string) {
  return request(server)
    .get(
      `/api/observability/entities/by-name/component/default/checkout/${route}`,
    )
    .set('Authorization', mockCredentials.user.header());
}

const CASES: Array<[string, Fault | 'down', number, RegExp]> = [
  [
    'is slower than the timeout',
    { kind: 'slow', ms: 10_000 },
    504,
    /no answer from .* within 400 ms/,
  ],
  ['is down', 'down', 502, /ECONNREFUSED/],
  [
    'answers 503',
    { kind: 'status', status: 503, body: 'overloaded' },
    502,
    /HTTP 503/,
  ],
  [
    'answers malformed JSON',
    { kind: 'malformed' },
    502,
    /not JSON|unexpected shape/,
  ],
  [
    'answers JSON nested too deeply (a span attribute 1,500 maps deep)',
    { kind: 'deep', depth: 1_500 },
    502,
    /nested deeper than/,
  ],
  [
    'answers a body over maxResponseBytes',
    { kind: 'huge', bytes: 3_000_000, declareLength: false },
    502,
    /larger than 100000 bytes/,
  ],
];

describe.each(CASES)(
  'when the upstream %s',
  (_what, fault, status, message) => {
    it.each(ROUTES)(
      'answers %s with the typed error naming %s',
      async (route, upstream) => {
        const server = fault === 'down' ? downBackend : backend;
        if (fault !== 'down') {
          faults.fault = fault;
        }
        const started = Date.now();
        const res = await get(server, route);
        expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
        expect(res.status).toBe(status);
        expect(res.body.error).toMatchObject({
          name: status === 504 ? 'UpstreamTimeoutError' : 'UpstreamError',
          upstream,
          message: expect.stringMatching(message),
        });
        // Backstage's error handler shows stacks only with NODE_ENV=development.
        expect(res.body.error.stack).toBeUndefined();
      },
    );
  },
);
