/*
 * The reconciler's loop against in-memory sinks, the real render pipeline and a real (SQLite)
 * database, with an injected clock: aborts, back-offs, full syncs, drift, batching and sinks
 * leaving the config. (Through a whole backend with the scheduler: provisioning.test.ts.)
 */
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  ProvisioningSink,
  readObservabilityConfig,
} from '@lookout/plugin-observability-node';
import {
  DatabaseProvisioningStore,
  migrateProvisioningDatabase,
} from '../database/DatabaseProvisioningStore';
import { EntityPipeline } from './EntityPipeline';
import { Reconciler } from './Reconciler';
import { component, scrapedService } from './__testUtils__/entities';
import { MemorySink } from './__testUtils__/memorySink';
import { MutableCatalog } from './__testUtils__/mutableCatalog';

const T0 = Date.UTC(2026, 0, 1);
const SECOND = 1_000;
const HOUR = 3_600_000;
const RETRY = { initialDelayMs: SECOND, maxDelayMs: 60 * SECOND };
const settings = readObservabilityConfig(new ConfigReader({}));

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function setup(entities: Entity[], options: { batchSize?: number } = {}) {
  const knex = await databases.init('SQLITE_3');
  await migrateProvisioningDatabase({
    getClient: async () => knex,
  });
  const store = new DatabaseProvisioningStore(knex);
  const catalog = new MutableCatalog(entities);
  const clock = { now: T0 };
  const logger = mockServices.logger.mock();
  const reconcilerOf = (sinks: ProvisioningSink[]) =>
    new Reconciler({
      catalog: catalog.service,
      auth: mockServices.auth(),
      store,
      sinks,
      pipeline: new EntityPipeline(settings),
      logger,
      retry: RETRY,
      fullSyncIntervalMs: HOUR,
      clock: () => clock.now,
      batchSize: options.batchSize,
    });
  return { store, catalog, clock, logger, reconcilerOf };
}

const names = (count: number) =>
  Array.from({ length: count }, (_, i) => `service-${i}`);
const CHECKOUT = 'component:default/checkout';
const CART = 'component:default/cart';

describe('Reconciler', () => {
  it('stops at an abort between batches without recording the interrupted entities as failed, and the next run finishes', async () => {
    const { store, reconcilerOf } = await setup(
      names(5).map(n => scrapedService(n)),
      { batchSize: 2 },
    );
    const sink = new MemorySink('memory');
    const reconciler = reconcilerOf([sink]);
    const controller = new AbortController();
    sink.onApply = () => controller.abort(new Error('shutting down'));

    await expect(reconciler.reconcile(controller.signal)).rejects.toThrow(
      'shutting down',
    );

    expect(sink.calls).toHaveLength(1);
    const states = await store.listStates();
    expect([...states.values()].flatMap(s => [...s.sinks.values()])).toEqual(
      [],
    );

    sink.onApply = undefined;
    const summary = await reconciler.reconcile();
    expect(summary.sinkFailures).toBe(0);
    expect([...sink.held.keys()].sort()).toEqual(
      names(5).map(n => `component-default-${n}`),
    );
  });

  it('retries a failing removal after its back-off, not before, then forgets the entity', async () => {
    const { store, catalog, clock, reconcilerOf } = await setup([
      scrapedService('checkout'),
      scrapedService('cart'),
    ]);
    const sink = new MemorySink('memory');
    const reconciler = reconcilerOf([sink]);
    await reconciler.reconcile();

    catalog.set([scrapedService('checkout')]);
    sink.failingRemovals.add(CART);
    const failed = await reconciler.reconcile();
    expect(failed).toMatchObject({ removals: 1, sinkFailures: 1 });
    expect((await store.getState(CART))?.sinks.get('memory')).toMatchObject({
      state: 'error',
      error: `memory cannot remove ${CART}`,
      attempts: 1,
      nextAttemptAt: T0 + SECOND,
    });

    sink.failingRemovals.clear();
    clock.now = T0 + SECOND - 1;
    expect(await reconciler.reconcile()).toMatchObject({ removals: 0 });
    expect(sink.held.has('component-default-cart')).toBe(true);

    clock.now = T0 + SECOND;
    expect(await reconciler.reconcile()).toMatchObject({
      removals: 1,
      sinkFailures: 0,
    });
    expect(sink.held.has('component-default-cart')).toBe(false);
    expect(await store.getState(CART)).toBeUndefined();
  });

  it('logs a failing full sync, keeps that sink’s records and still prunes through the other sinks', async () => {
    const { store, logger, reconcilerOf } = await setup([
      scrapedService('checkout'),
    ]);
    const broken = new MemorySink('broken');
    const healthy = new MemorySink('healthy');
    const reconciler = reconcilerOf([broken, healthy]);
    await reconciler.reconcile();
    healthy.held.set('component-default-orphan', 'h');
    broken.brokenFullSync = new Error('cannot list');

    const summary = await reconciler.reconcile();

    expect(summary).toMatchObject({ fullSync: true, pruned: 1 });
    expect(healthy.held.has('component-default-orphan')).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(
      'Full sync of sink broken failed',
      {
        sink: 'broken',
        error: 'cannot list',
      },
    );
    expect((await store.getState(CHECKOUT))?.sinks.get('broken')).toMatchObject(
      { state: 'ok', attempts: 0 },
    );
  });

  it('provisions a drifted entity again on the run after the full sync that found it', async () => {
    const { store, clock, reconcilerOf } = await setup([
      scrapedService('checkout'),
      scrapedService('cart'),
    ]);
    const sink = new MemorySink('memory');
    const reconciler = reconcilerOf([sink]);
    await reconciler.reconcile();
    await reconciler.reconcile(); // the first full sync: nothing drifted
    const hash = sink.held.get('component-default-checkout');
    sink.held.delete('component-default-checkout'); // someone deleted it

    clock.now = T0 + HOUR;
    const found = await reconciler.reconcile();
    expect(found).toMatchObject({ fullSync: true, upserts: 0 });
    expect((await store.getState(CHECKOUT))?.sinks.get('memory')).toMatchObject(
      { state: 'pending', hash: undefined },
    );

    const repaired = await reconciler.reconcile();
    expect(repaired).toMatchObject({ upserts: 1, fullSync: false });
    expect(sink.upsertBatches.at(-1)).toEqual([CHECKOUT]);
    expect(sink.held.get('component-default-checkout')).toBe(hash);
    expect((await store.getState(CHECKOUT))?.sinks.get('memory')).toMatchObject(
      { state: 'ok', hash },
    );
  });

  it('fully syncs once the catalog has settled, then again only once the interval has passed on the clock', async () => {
    const { clock, reconcilerOf } = await setup([scrapedService('checkout')]);
    const sink = new MemorySink('memory');
    const reconciler = reconcilerOf([sink]);
    const runAt = async (now: number) => {
      clock.now = now;
      return (await reconciler.reconcile()).fullSync;
    };

    expect(await runAt(T0)).toBe(false); // first run: the catalog may still load
    expect(await runAt(T0 + SECOND)).toBe(true);
    expect(await runAt(T0 + SECOND + HOUR - 1)).toBe(false);
    expect(await runAt(T0 + SECOND + HOUR)).toBe(true);
    expect(await runAt(T0 + SECOND + HOUR + 1)).toBe(false);
    expect(sink.calls.filter(c => c.fullSync)).toHaveLength(2);
  });

  it('retries a transient render failure (unreadable OpenSLO documents) only after its doubling back-off', async () => {
    const { store, clock, reconcilerOf } = await setup([
      component('checkout', {
        'lookout.dev/openslo': 'url:https://slo.example.test/checkout.yaml',
      }),
    ]);
    const reconciler = reconcilerOf([new MemorySink('memory')]);
    const renderFailuresAt = async (now: number) => {
      clock.now = now;
      return (await reconciler.reconcile()).renderFailures;
    };

    expect(await renderFailuresAt(T0)).toBe(1);
    expect(await store.getState(CHECKOUT)).toMatchObject({
      renderError: expect.stringContaining('OpenSLO documents cannot be read'),
      attempts: 1,
      nextAttemptAt: T0 + SECOND,
    });
    expect(await renderFailuresAt(T0 + SECOND - 1)).toBe(0);
    expect(await renderFailuresAt(T0 + SECOND)).toBe(1);
    expect(await store.getState(CHECKOUT)).toMatchObject({
      attempts: 2,
      nextAttemptAt: T0 + SECOND + 2 * SECOND,
    });
    expect(await renderFailuresAt(T0 + 3 * SECOND - 1)).toBe(0);
    expect(await renderFailuresAt(T0 + 3 * SECOND)).toBe(1);
  });

  it('hands the sinks batches of 200 entities at most', async () => {
    const { store, reconcilerOf } = await setup(
      names(450).map(n => scrapedService(n)),
    );
    const sink = new MemorySink('memory');

    const summary = await reconcilerOf([sink]).reconcile();

    const components = sink.upsertBatches
      .map(batch => batch.filter(ref => ref.startsWith('component:')))
      .filter(batch => batch.length > 0);
    expect(components.map(batch => batch.length)).toEqual([200, 200, 50]);
    expect(summary.entities).toBe(450);
    expect(
      [...(await store.listStates()).values()].filter(
        s => s.sinks.get('memory')?.state === 'ok',
      ).length,
    ).toBeGreaterThanOrEqual(450);
  }, 60_000);

  it('drops every record of a sink removed from the config, and still removes gone entities from the others', async () => {
    const { store, catalog, reconcilerOf } = await setup([
      scrapedService('checkout'),
      scrapedService('cart'),
    ]);
    const kept = new MemorySink('kept');
    const dropped = new MemorySink('dropped');
    await reconcilerOf([kept, dropped]).reconcile();

    // A restart with `dropped` gone from the config, and cart gone from the catalog.
    catalog.set([scrapedService('checkout')]);
    const summary = await reconcilerOf([kept]).reconcile();

    expect(summary).toMatchObject({ removals: 1, sinkFailures: 0 });
    const states = await store.listStates();
    expect([...states.keys()]).toEqual([CHECKOUT]);
    expect([...states.get(CHECKOUT)!.sinks.keys()]).toEqual(['kept']);
    expect([...kept.held.keys()]).toEqual(['component-default-checkout']);
    expect(dropped.calls).toHaveLength(1);
  });
});
