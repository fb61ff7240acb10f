/*
 * Two backend instances on one PostgreSQL database, each with the real scheduler, reconciling
 * the same catalog into the same sinks: the global task serialises them, so every change is
 * written exactly once and nothing is lost or duplicated.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { toOperatorFiles } from '@lookout/plugin-observability-node';
import { observabilityPlugin } from '../plugin';
import { scrapedService } from './__testUtils__/entities';
import { MutableCatalog } from './__testUtils__/mutableCatalog';
import { snapshot } from './__testUtils__/snapshot';
import {
  dropDatabases,
  requirePostgres,
  POSTGRES,
  uniquePrefix,
} from './__testUtils__/postgres';
import { renderOf } from './__testUtils__/renders';
import { SinkRecorder, testHooks } from './__testUtils__/testHooks';

async function waitFor(
  what: string,
  predicate: () => boolean,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

const names = (from: number, to: number) =>
  Array.from(
    { length: to - from },
    (_, i) => `service-${String(from + i).padStart(2, '0')}`,
  );

const postgres = requirePostgres();

(postgres ? describe : describe.skip)('two backends on one PostgreSQL', () => {
  const prefix = uniquePrefix();
  const backends: Array<{ stop(): Promise<void> }> = [];
  let dir: string | undefined;

  afterAll(async () => {
    for (const backend of backends) {
      await backend.stop().catch(() => undefined); // stopping twice is fine
    }
    if (dir) {
      await fs.rm(dir, { recursive: true, force: true });
    }
    await dropDatabases(prefix);
  });

  it('write every entity once per change, with no lost or duplicated objects', async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lookout-two-backends-'));
    const catalog = new MutableCatalog(
      names(0, 12).map(n => scrapedService(n)),
    );
    const recorder = new SinkRecorder();
    const config = {
      backend: { database: { client: 'pg', connection: POSTGRES, prefix } },
      observability: {
        provisioning: {
          schedule: {
            frequency: { seconds: 1 },
            timeout: { seconds: 10 },
            initialDelay: { seconds: 0 },
          },
          sinks: [
            { type: 'kustomize', directory: dir },
            { type: 'recorder', name: 'recorder' },
          ],
        },
      },
    };
    // Both instances start at once and reconcile together.
    for (const instance of ['a', 'b']) {
      const { module } = testHooks(recorder, instance);
      backends.push(
        await startTestBackend({
          features: [
            observabilityPlugin,
            module,
            catalog.factory(),
            schedulerServiceFactory,
            mockServices.rootConfig.factory({ data: config }),
          ],
        }),
      );
    }

    await waitFor(
      'the first provisioning',
      () => recorder.upserts.length >= 12,
    );

    // While both run: change four entities.
    const changed = [
      ...names(0, 4).map(n => scrapedService(n, '99.5')),
      ...names(4, 12).map(n => scrapedService(n)),
    ];
    catalog.set(changed);
    await waitFor('the change', () => recorder.upserts.length >= 12 + 4);

    // Instance a goes away; b carries on alone (its first run is a full sync, which must
    // write nothing): remove two entities, add three.
    await backends[0].stop();
    const final = [
      ...changed.slice(0, 10),
      ...names(12, 15).map(n => scrapedService(n)),
    ];
    catalog.set(final);
    await waitFor(
      'the second change',
      () => recorder.upserts.length >= 16 + 3 && recorder.removals.length >= 2,
    );
    // Several more runs: nothing may be written again.
    await new Promise(resolve => setTimeout(resolve, 3_000));

    expect(recorder.upserts).toHaveLength(19);
    expect(new Set(recorder.upserts).size).toBe(19);
    expect([...recorder.removals].sort()).toEqual([
      'recorder component:default/service-10',
      'recorder component:default/service-11',
    ]);
    // b did the second change alone.
    expect(recorder.callsBy.get('b')).toBeGreaterThan(0);

    const expected = Object.fromEntries(
      toOperatorFiles(final.map(entity => renderOf(entity))).map(f => [
        f.path,
        f.content,
      ]),
    );
    expect(await snapshot(dir)).toEqual(expected);
  }, 90_000);
});
