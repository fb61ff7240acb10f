import { Knex } from 'knex';
import { describeOnEachDatabase } from './__testUtils__/eachDatabase';
import { migrateProvisioningDatabase } from './DatabaseProvisioningStore';
import { DatabaseReleaseStore } from './DatabaseReleaseStore';

const CHECKOUT = 'component:default/checkout';
const CART = 'component:default/cart';
const T0 = 1_764_000_000_000;
const HOUR = 3_600_000;

function release(entityRef: string, version: string, at: number) {
  return { entityRef, version, at, createdBy: 'user:default/ci' };
}

function storeTests(connect: () => Promise<Knex>) {
  let db: Knex;
  let store: DatabaseReleaseStore;
  beforeAll(async () => {
    db = await connect();
    await migrateProvisioningDatabase({ getClient: async () => db });
    store = new DatabaseReleaseStore(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('records a release once per entity and version, keeping the first', async () => {
    const first = await store.record({
      ...release(CHECKOUT, 'v1.0.0', T0),
      url: 'https://ci.example.com/1',
      description: 'first',
      kind: 'feature',
    });
    expect(first.created).toBe(true);
    expect(first.release).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      entityRef: CHECKOUT,
      version: 'v1.0.0',
      at: T0,
      url: 'https://ci.example.com/1',
      description: 'first',
      kind: 'feature',
      createdBy: 'user:default/ci',
    });
    const again = await store.record(release(CHECKOUT, 'v1.0.0', T0 + HOUR));
    expect(again).toEqual({ release: first.release, created: false });
    // The same version of another entity is another release.
    expect((await store.record(release(CART, 'v1.0.0', T0))).created).toBe(
      true,
    );
  });

  it('lists an entity’s releases in a time range, newest first, up to a limit', async () => {
    await store.record(release(CHECKOUT, 'v1.1.0', T0 + 2 * HOUR));
    await store.record(release(CHECKOUT, 'v1.2.0', T0 + 4 * HOUR));
    const all = await store.list(CHECKOUT, {
      from: T0,
      to: T0 + 4 * HOUR,
      limit: 10,
    });
    expect(all.map(r => r.version)).toEqual(['v1.2.0', 'v1.1.0', 'v1.0.0']);
    const middle = await store.list(CHECKOUT, {
      from: T0 + HOUR,
      to: T0 + 3 * HOUR,
      limit: 10,
    });
    expect(middle.map(r => r.version)).toEqual(['v1.1.0']);
    const newest = await store.list(CHECKOUT, {
      from: 0,
      to: T0 + 10 * HOUR,
      limit: 1,
    });
    expect(newest.map(r => r.version)).toEqual(['v1.2.0']);
  });

  it('gives the newest releases of every entity, bounded per entity', async () => {
    const latest = await store.latestPerEntity(2);
    expect(latest.map(r => `${r.entityRef} ${r.version}`)).toEqual([
      `${CART} v1.0.0`,
      `${CHECKOUT} v1.2.0`,
      `${CHECKOUT} v1.1.0`,
    ]);
  });

  it('prunes releases older than the retention', async () => {
    expect(await store.prune(T0 + HOUR)).toBe(2); // v1.0.0 of checkout and cart
    const left = await store.list(CHECKOUT, { from: 0, to: T0 * 2, limit: 10 });
    expect(left.map(r => r.version)).toEqual(['v1.2.0', 'v1.1.0']);
  });
}

describeOnEachDatabase('DatabaseReleaseStore', 'releases', storeTests);
