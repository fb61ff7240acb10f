/*
 * `yarn lookout release` and `yarn lookout gate` as a pipeline runs them: the real bin in a
 * child process against a running backend (startTestBackend listening on a 127.0.0.1 port), with
 * a service token in LOOKOUT_TOKEN. The backend's Prometheus is a local server answering the
 * gate's one query with a Prometheus API envelope (the budget left of slo-1: −0.2).
 */
import { execFile } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FaultServer, startFaultServer } from '../__testUtils__/faultServer';
import { entityWithSlos } from '../__testUtils__/specs';
import { observabilityPlugin } from '../plugin';
import { vectorAnswer } from '../__testUtils__/prometheusAnswers';

const BIN = resolvePackagePath(
  '@lookout/plugin-observability-node',
  'bin/lookout',
);

function lookout(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

jest.setTimeout(60_000); // each case starts the bin, which compiles TypeScript on the fly

let prometheus: FaultServer;
let backendUrl: string;
let stop: () => Promise<void>;
const token = { LOOKOUT_TOKEN: mockCredentials.service.token() };

beforeAll(async () => {
  prometheus = await startFaultServer();
  prometheus.fault = {
    kind: 'status',
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(
      vectorAnswer(
        [
          {
            metric: {
              __name__: 'slo:error_budget_remaining:ratio',
              backstage_entity: 'component:default/checkout',
              slo: 'slo-1',
            },
            value: '-0.2',
          },
        ],
        1_764_000_000,
      ),
    ),
  };
  const backend = await startTestBackend({
    features: [
      observabilityPlugin,
      // Requests without a token are anonymous (the default mock treats them as a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      catalogServiceMock.factory({
        entities: [entityWithSlos('checkout', 1), entityWithSlos('cart', 0)],
      }),
      mockServices.rootConfig.factory({
        data: {
          observability: {
            provisioning: { enabled: false },
            prometheus: { url: prometheus.url },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  backendUrl = `http://127.0.0.1:${port}`;
  stop = () => backend.stop();
}, 60_000);

afterAll(async () => {
  await stop?.();
  await prometheus?.close();
});

describe('lookout release and gate against a running backend', () => {
  it('records a release, once per version, and prints it', async () => {
    const args = [
      'release',
      '--entity',
      'component:default/checkout',
      '--version',
      'v1.4.2',
      '--at',
      '2026-11-25T17:00:00Z',
      '--backend',
      backendUrl,
    ];
    const first = await lookout(args, token);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Recorded release v1\.4\.2 of component:default\/checkout at 2026-11-25T17:00:00\.000Z \(id [0-9a-f-]{36}, by external:test-service\)\n$/,
    );
    const again = await lookout(args, token);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout); // the same id: one release
  });

  it('exits 1 with the backend’s reason when the release is refused', async () => {
    const res = await lookout(
      [
        'release',
        '--entity',
        'component:default/nowhere',
        '--version',
        'v1',
        '--backend',
        backendUrl,
      ],
      token,
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/refused the release: 404: .*nowhere/);
  });

  it('gate: exits 1 and prints the reasons while the budget is exhausted', async () => {
    const res = await lookout(
      [
        'gate',
        '--entity',
        'component:default/checkout',
        '--backend',
        backendUrl,
      ],
      token,
    );
    expect(res.code).toBe(1);
    expect(res.stdout).toBe(
      'Deploys of component:default/checkout are FROZEN:\n' +
        '  - SLO slo-1: -20% of the error budget left, exhausted\n',
    );
  });

  it('gate: exits 0 when the policy allows the deploy', async () => {
    const res = await lookout(
      ['gate', '--entity', 'component:default/cart', '--backend', backendUrl],
      token,
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(
      /^Deploys of component:default\/cart are allowed:/,
    );
  });

  it('gate: exits 2 without a token (401), saying to set LOOKOUT_TOKEN', async () => {
    const res = await lookout([
      'gate',
      '--entity',
      'component:default/cart',
      '--backend',
      backendUrl,
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/set LOOKOUT_TOKEN/);
  });
});
