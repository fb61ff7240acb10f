/*
 * Contract test: release annotations against Grafana's documented `POST /api/annotations`
 * (msw; no Grafana binary here). Answer shape from the Grafana HTTP API docs:
 * `{"message":"Annotation added","id":1}`.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { dashboardUid } from '@lookout/plugin-observability-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GrafanaReleaseAnnotator } from './GrafanaReleaseAnnotator';

const received: Array<{ auth: string | null; body: unknown }> = [];
const server = setupServer(
  http.post('http://grafana.test/api/annotations', async ({ request }) => {
    received.push({
      auth: request.headers.get('authorization'),
      body: await request.json(),
    });
    return HttpResponse.json({ message: 'Annotation added', id: 7 });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const release = {
  id: 'r1',
  entityRef: 'component:default/checkout',
  version: 'v1.4.2',
  at: 1_795_626_000_000,
  url: 'https://ci.example.com/42',
  description: 'new payment flow',
  createdBy: 'external:ci',
};

function config(sinks: object[]) {
  return new ConfigReader({
    observability: {
      grafana: { url: 'http://grafana.test', token: 'sa-token' },
      provisioning: { sinks },
    },
  });
}

describe('GrafanaReleaseAnnotator (contract: Grafana HTTP API)', () => {
  it('is off unless the grafana sink is configured', () => {
    const logger = mockServices.logger.mock();
    expect(
      GrafanaReleaseAnnotator.fromConfig(
        config([{ type: 'kustomize' }]),
        logger,
      ),
    ).toBeUndefined();
  });

  it('annotates the entity’s dashboard at the release time', async () => {
    const annotator = GrafanaReleaseAnnotator.fromConfig(
      config([{ type: 'grafana' }]),
      mockServices.logger.mock(),
    );
    await annotator!.annotate(release);
    expect(received).toEqual([
      {
        auth: 'Bearer sa-token',
        body: {
          dashboardUID: dashboardUid('component:default/checkout'),
          time: 1_795_626_000_000,
          tags: ['lookout', 'release', 'v1.4.2'],
          text: 'component:default/checkout v1.4.2\nnew payment flow\nhttps://ci.example.com/42',
        },
      },
    ]);
  });

  it('logs a failure instead of failing the release', async () => {
    server.use(
      http.post('http://grafana.test/api/annotations', () =>
        HttpResponse.json({ message: 'Dashboard not found' }, { status: 404 }),
      ),
    );
    const logger = mockServices.logger.mock();
    const annotator = GrafanaReleaseAnnotator.fromConfig(
      config([{ type: 'grafana' }]),
      logger,
    );
    await expect(annotator!.annotate(release)).resolves.toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not write the release annotation to Grafana',
      expect.objectContaining({
        error: expect.stringMatching(/404: Dashboard not found/),
      }),
    );
  });
});
