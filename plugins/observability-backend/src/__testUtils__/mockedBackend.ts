/*
 * The observability plugin in a test backend with the catalog test double, its upstreams
 * configured at `http://<upstream>.test` (answered by msw handlers in the test), provisioning off.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { observabilityPlugin } from '../plugin';

export const UPSTREAMS = {
  prometheus: { url: 'http://prometheus.test', cacheTtl: { milliseconds: 0 } },
  alertmanager: {
    url: 'http://alertmanager.test',
    cacheTtl: { milliseconds: 0 },
  },
  loki: {
    url: 'http://loki.test',
    tenant: 'default',
    cacheTtl: { milliseconds: 0 },
  },
  tempo: { url: 'http://tempo.test', cacheTtl: { milliseconds: 0 } },
};

/** `get(path)` sends `GET /api/observability<path>` as a user. */
export async function startMockedBackend(
  entities: Entity[],
  observability: JsonObject = UPSTREAMS,
) {
  const { server } = await startTestBackend({
    features: [
      observabilityPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          observability: { provisioning: { enabled: false }, ...observability },
        },
      }),
    ],
  });
  return {
    get: (path: string) =>
      request(server)
        .get(`/api/observability${path}`)
        .set('Authorization', mockCredentials.user.header()),
  };
}
