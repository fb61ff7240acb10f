/*
 * `GET .../provisioning` with provisioning on, through the real catalog backend and its
 * permission policy: the status of an entity only for a caller who may read the entity.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  CatalogTestBackend,
  NOBODY,
  RESTRICTED_LABEL,
  startCatalogBackend,
} from '../__testUtils__/catalogBackend';
import { scrapedService } from '../provisioning/__testUtils__/entities';

const base = '/api/observability/entities/by-name/component/default';
let backend: CatalogTestBackend;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lookout-status-route-'));
  const hidden = scrapedService('payments-api');
  hidden.metadata.labels = { [RESTRICTED_LABEL]: 'true' };
  backend = await startCatalogBackend({
    entities: [scrapedService('checkout'), hidden],
    observability: {
      provisioning: {
        // No run during the test: every status is pending.
        schedule: {
          frequency: { hours: 1 },
          timeout: { minutes: 1 },
          initialDelay: { hours: 1 },
        },
        sinks: [{ type: 'kustomize', directory: dir }],
      },
    },
  });
}, 90_000);

afterAll(async () => {
  await backend?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('GET .../provisioning', () => {
  it('answers the status per configured sink to a caller who may read the entity', async () => {
    const res = await backend.get(`${base}/checkout/provisioning`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'component:default/checkout',
      sinks: [{ sink: 'kustomize', state: 'pending' }],
    });
  });

  it('answers 401 without credentials', async () => {
    const res = await request(backend.server).get(
      `${base}/checkout/provisioning`,
    );
    expect(res.status).toBe(401);
    expect(res.body.sinks).toBeUndefined();
  });

  it('answers 404 for an entity the policy hides, and to a caller who may read nothing', async () => {
    const hidden = await backend.get(`${base}/payments-api/provisioning`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.name).toBe('NotFoundError');
    const denied = await backend.get(`${base}/checkout/provisioning`, NOBODY);
    expect(denied.status).toBe(404);
    expect(denied.body.error.name).toBe('NotFoundError');
    expect(denied.body.sinks).toBeUndefined();
  });
});
