/*
 * A test backend with the REAL catalog backend (entities read from a catalog file in a temp dir),
 * a permissions service answering with a small policy, and the observability plugin, so that the
 * signal routes are checked against the catalog's own (conditional) permission decisions.
 *
 * The policy: `user:default/admin` reads everything; every other user reads every entity except
 * those labelled `lookout.test/restricted: "true"`; `user:default/nobody` reads nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  isPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { JsonObject } from '@backstage/types';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { stringify } from 'yaml';
import { observabilityPlugin } from '../plugin';

export const RESTRICTED_LABEL = 'lookout.test/restricted';
export const ADMIN = 'user:default/admin';
export const NOBODY = 'user:default/nobody';

/**
 * The decision of the test policy for one permission. Conditional decisions for catalog reads
 * are applied by the real catalog backend as database filters, exactly as with a policy behind
 * the permission backend.
 */
function decide(
  credentials: BackstageCredentials,
  permission: Permission,
): PolicyDecision {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
  };
  if (principal.type !== 'user') {
    return { result: AuthorizeResult.ALLOW }; // service-to-service calls
  }
  const who = principal.userEntityRef;
  if (who === ADMIN) {
    return { result: AuthorizeResult.ALLOW };
  }
  if (who === NOBODY) {
    return { result: AuthorizeResult.DENY };
  }
  if (isPermission(permission, catalogEntityReadPermission)) {
    return createCatalogConditionalDecision(permission, {
      not: catalogConditions.hasLabel({ label: RESTRICTED_LABEL }),
    });
  }
  return { result: AuthorizeResult.ALLOW };
}

/**
 * The permissions service of every plugin in the test backend, answering with {@link decide}
 * (the role the permission backend and its policy play in a deployment).
 */
const policyPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => ({
    async authorize(requests, { credentials }) {
      return requests.map(item => {
        const decision = decide(credentials, item.permission);
        // A conditional decision needs the resource; the catalog only asks conditionally.
        return {
          result:
            decision.result === AuthorizeResult.ALLOW
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        };
      });
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(item => decide(credentials, item.permission));
    },
  }),
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
      catalogPlugin,
      policyPermissions,
      // Requests without a token are anonymous (the default mock treats them as a user).
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      observabilityPlugin,
      mockServices.rootConfig.factory({
        data: {
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
          observability: {
            provisioning: { enabled: false },
            ...options.observability,
          },
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
        `catalog did not process the test entities: ${res.status} ${
          res.headers['content-type']
        } ${res.text.slice(0, 1500)}`,
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
