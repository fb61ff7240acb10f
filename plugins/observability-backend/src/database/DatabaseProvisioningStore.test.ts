import { Knex } from 'knex';
import { describeOnEachDatabase } from './__testUtils__/eachDatabase';
import {
  DatabaseProvisioningStore,
  migrateProvisioningDatabase,
} from './DatabaseProvisioningStore';
import { EntityState, SinkState } from './types';

const entity: EntityState = {
  entityRef: 'component:default/checkout',
  slug: 'component-default-checkout',
  inputHash: 'i'.repeat(64),
  renderHash: 'r'.repeat(64),
  attempts: 0,
  updatedAt: 1_764_000_000_000,
};
const sink: SinkState & { entityRef: string } = {
  entityRef: entity.entityRef,
  sink: 'kustomize',
  state: 'error',
  hash: 'h'.repeat(64),
  targetHash: 'r'.repeat(64),
  objects: ['component-default-checkout/kustomization.yaml'],
  error: 'disk full',
  attempts: 3,
  lastAttemptAt: 1_764_000_000_001,
  lastSuccessAt: 1_764_000_000_002,
  nextAttemptAt: 1_764_000_240_001,
};

function storeTests(connect: () => Promise<Knex>) {
  let db: Knex;
  let store: DatabaseProvisioningStore;
  beforeAll(async () => {
    db = await connect();
    await migrateProvisioningDatabase({ getClient: async () => db });
    store = new DatabaseProvisioningStore(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('reads back what it saved, epoch milliseconds as numbers', async () => {
    await store.save({ entities: [entity], sinks: [sink] });

    const { entityRef, ...sinkState } = sink;
    const expected = { ...entity, sinks: new Map([['kustomize', sinkState]]) };
    expect(await store.getState(entity.entityRef)).toEqual(expected);
    expect((await store.listStates()).get(entity.entityRef)).toEqual(expected);
  });

  it('updates rows in place and deletes sink rows and entities', async () => {
    await store.save({
      entities: [
        { ...entity, renderError: 'annotation errors: x', attempts: 1 },
      ],
      sinks: [{ ...sink, sink: 'grafana', state: 'ok', error: undefined }],
    });
    await store.save({
      deletedSinks: [{ entityRef: entity.entityRef, sink: 'kustomize' }],
    });

    const state = await store.getState(entity.entityRef);
    expect(state?.renderError).toBe('annotation errors: x');
    expect([...state!.sinks.keys()]).toEqual(['grafana']);

    await store.save({ deletedEntities: [entity.entityRef] });
    expect(await store.getState(entity.entityRef)).toBeUndefined();
    expect((await store.listStates()).size).toBe(0);
  });
}

describeOnEachDatabase('DatabaseProvisioningStore', 'store', storeTests);
