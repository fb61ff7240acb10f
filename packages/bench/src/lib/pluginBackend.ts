/*
 * The real observability plugin in a real Backstage backend (startTestBackend: its router,
 * services and upstream HTTP layer), over a mock catalog and a given Prometheus.
 */
import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import observabilityPlugin from '@lookout/plugin-observability-backend';

/** Options of {@link startPluginBackend}. */
export interface PluginBackendOptions {
  entities: Entity[];
  prometheusUrl: string;
  /** `observability.prometheus.cacheTtl`; the plugin's default when absent. */
  cacheTtlMs?: number;
  /** `observability.prometheus.timeout`; the plugin's default when absent. */
  timeoutMs?: number;
}

/** Starts the backend; `entityUrl(name, path)` is a route of a default-namespace Component. */
export async function startPluginBackend(options: PluginBackendOptions) {
  const backend = await startTestBackend({
    features: [
      observabilityPlugin,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:7007', listen: { port: 0 } },
          observability: {
            provisioning: { enabled: false },
            prometheus: {
              url: options.prometheusUrl,
              ...(options.cacheTtlMs !== undefined && {
                cacheTtl: { milliseconds: options.cacheTtlMs },
              }),
              ...(options.timeoutMs !== undefined && {
                timeout: { milliseconds: options.timeoutMs },
              }),
            },
          },
        },
      }),
    ],
  });
  const address = backend.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    entityUrl: (name: string, path: string) =>
      `http://127.0.0.1:${port}/api/observability/entities/by-name/component/default/${name}/${path}`,
    headers: { Authorization: mockCredentials.user.header() },
    stop: () => backend.stop(),
  };
}
