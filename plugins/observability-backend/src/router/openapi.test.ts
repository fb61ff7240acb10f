/*
 * The OpenAPI document (src/openapi.yaml) and the router agree: every route the router serves is
 * documented, every documented operation is served, and every $ref in the document resolves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import express from 'express';
import { parse } from 'yaml';
import { EntityLookup } from '../entities/EntityLookup';
import { createSignalServices } from '../signals/createSignalServices';
import knexFactory from 'knex';
import { DatabaseReleaseStore } from '../database/DatabaseReleaseStore';
import { ReleaseService } from '../releases/ReleaseService';
import { createRouter } from './createRouter';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** `GET /entities/by-name/{kind}/...` for every route in the router, nested routers included. */
function servedOperations(stack: Layer[]): string[] {
  return stack.flatMap(layer => {
    if (layer.route) {
      const path = layer.route.path.replace(/:(\w+)/g, '{$1}');
      return Object.keys(layer.route.methods).map(
        method => `${method.toUpperCase()} ${path}`,
      );
    }
    return layer.handle?.stack ? servedOperations(layer.handle.stack) : [];
  });
}

const document = parse(
  readFileSync(join(__dirname, '..', 'openapi.yaml'), 'utf8'),
) as {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
};

function documentedOperations(): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter(key => ['get', 'post', 'put', 'patch', 'delete'].includes(key))
      .map(method => `${method.toUpperCase()} ${path}`),
  );
}

function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) =>
      key === '$ref' && typeof v === 'string' ? [v] : refsOf(v),
    );
  }
  return [];
}

describe('openapi.yaml', () => {
  it('documents exactly the routes the router serves', async () => {
    const catalog = catalogServiceMock();
    const router = (await createRouter({
      httpAuth: mockServices.httpAuth(),
      entities: new EntityLookup(catalog),
      parseOptions: {},
      signals: createSignalServices({
        config: new ConfigReader({}),
        catalog,
        parseOptions: {},
      }),
      permissions: mockServices.permissions(),
      releases: new ReleaseService({
        store: new DatabaseReleaseStore(
          knexFactory({ client: 'better-sqlite3', useNullAsDefault: true }),
        ),
        impactSpanMs: 86_400_000,
      }),
      exportPerEntity: 10,
    })) as express.Router & { stack: Layer[] };
    const served = servedOperations(router.stack).sort();
    // The walk reaches nested routers (a sanity check of the walk itself).
    expect(served).toContain(
      'GET /entities/by-name/{kind}/{namespace}/{name}/traces/{traceId}',
    );
    expect(documentedOperations().sort()).toEqual(served);
  });

  it('is OpenAPI 3 and every $ref resolves', () => {
    expect(document.openapi).toMatch(/^3\./);
    for (const ref of refsOf(document)) {
      const target = ref
        .replace(/^#\//, '')
        .split('/')
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          document,
        );
      expect({ ref, resolved: target !== undefined }).toEqual({
        ref,
        resolved: true,
      });
    }
  });
});
