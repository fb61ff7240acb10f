/*
 * A test backend with the REAL catalog backend (entities read from a catalog file in a temp dir),
 * the real permission backend with a small policy, and the observability plugin, so that the
 * signal routes are checked against the catalog's own permission decisions.
 *
 * The policy: `user:default/admin` reads everything; every other user reads every entity except
 * those labelled `lookout.test/restricted: "true"`; `user:default/nobody` reads nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { JsonObject } from '@backstage/types';
import request from 'supertest';
import { stringify } from 'yaml';
import { observabilityPlugin } from '../plugin';

export const RESTRICTED_LABEL = 'lookout.test/restricted';
export const ADMIN = 'user:default/admin';
export const NOBODY = 'user:default/nobody';

class TestPolicy implements PermissionPolicy {
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const who = user?.info.userEntityRef;
    if (who === ADMIN) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (who === NOBODY) {
      return { result: AuthorizeResult.DENY };
    }
    if (isPermission(query.permission, catalogEntityReadPermission)) {
      return createCatalogConditionalDecision(query.permission, {
        not: catalogConditions.hasLabel({ label: RESTRICTED_LABEL }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

const policyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'lookout-test-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new TestPolicy());
      },
    });
  },
});

export interface CatalogTestBackend {
  server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  /** Supertest agent of `GET path` as `user`. */
  get(path: string, user?: string): request.Test;
  stop(): Promise<void>;
}

/**
 * Starts the backend and waits until the catalog has processed every entity.
 * `observability` is the plugin's configuration.
 */
export async function startCatalogBackend(options: {
  entities: Entity[];
  observability: JsonObject;
}): Promise<CatalogTestBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-catalog-'));
  const file = join(dir, 'catalog-info.yaml');
  writeFileSync(file, options.entities.map(e => stringify(e)).join('---\n'));
  const backend = await startTestBackend({
    features: [
      import('@backstage/plugin-catalog-backend'),
      import('@backstage/plugin-permission-backend'),
      policyModule,
      observabilityPlugin,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'API',
                  'Group',
                  'User',
                  'Resource',
                  'Location',
                ],
              },
            ],
            locations: [{ type: 'file', target: file }],
            processingInterval: { seconds: 1 },
          },
          observability: options.observability,
        },
      }),
    ],
  });
  const server = backend.server;
  const get = (path: string, user = 'user:default/guest') =>
    request(server)
      .get(path)
      .set('Authorization', mockCredentials.user.header(user));

  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await get('/api/catalog/entities?fields=metadata.name', ADMIN);
    const names = new Set(
      (res.body as Entity[] | undefined)?.map?.(e => e.metadata.name) ?? [],
    );
    if (options.entities.every(e => names.has(e.metadata.name))) {
      break;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `catalog did not process the test entities: ${
          res.status
        } ${JSON.stringify(res.body)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  return {
    server,
    get,
    stop: async () => {
      await backend.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
