/*
 * The provisioning state in the plugin's database (SQLite by default, PostgreSQL in production),
 * through Knex. Migrations live in the package's `migrations` folder.
 */
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  EntityState,
  EntityStateWithSinks,
  ProvisioningStore,
  SinkState,
  StateChanges,
} from './types';

const ENTITIES = 'observability_provisioning_entities';
const SINKS = 'observability_provisioning_sinks';
/** Rows per statement: well below SQLite's limit on bound variables. */
const CHUNK = 200;

interface EntityRow {
  entity_ref: string;
  slug: string;
  input_hash: string | null;
  render_hash: string | null;
  render_error: string | null;
  attempts: number;
  next_attempt_at: string | number | null;
  updated_at: string | number;
}

interface SinkRow {
  entity_ref: string;
  sink: string;
  state: string;
  hash: string | null;
  target_hash: string | null;
  objects: string;
  error: string | null;
  attempts: number;
  last_attempt_at: string | number | null;
  last_success_at: string | number | null;
  next_attempt_at: string | number | null;
}

/** PostgreSQL returns bigint columns as strings. */
function toNumber(value: string | number | null): number | undefined {
  return value === null ? undefined : Number(value);
}

function fromEntityRow(row: EntityRow): EntityState {
  return {
    entityRef: row.entity_ref,
    slug: row.slug,
    inputHash: row.input_hash ?? undefined,
    renderHash: row.render_hash ?? undefined,
    renderError: row.render_error ?? undefined,
    attempts: row.attempts,
    nextAttemptAt: toNumber(row.next_attempt_at),
    updatedAt: Number(row.updated_at),
  };
}

function toEntityRow(state: EntityState): EntityRow {
  return {
    entity_ref: state.entityRef,
    slug: state.slug,
    input_hash: state.inputHash ?? null,
    render_hash: state.renderHash ?? null,
    render_error: state.renderError ?? null,
    attempts: state.attempts,
    next_attempt_at: state.nextAttemptAt ?? null,
    updated_at: state.updatedAt,
  };
}

function fromSinkRow(row: SinkRow): SinkState {
  return {
    sink: row.sink,
    state: row.state as SinkState['state'],
    hash: row.hash ?? undefined,
    targetHash: row.target_hash ?? undefined,
    objects: JSON.parse(row.objects) as string[],
    error: row.error ?? undefined,
    attempts: row.attempts,
    lastAttemptAt: toNumber(row.last_attempt_at),
    lastSuccessAt: toNumber(row.last_success_at),
    nextAttemptAt: toNumber(row.next_attempt_at),
  };
}

function toSinkRow(state: SinkState & { entityRef: string }): SinkRow {
  return {
    entity_ref: state.entityRef,
    sink: state.sink,
    state: state.state,
    hash: state.hash ?? null,
    target_hash: state.targetHash ?? null,
    objects: JSON.stringify(state.objects),
    error: state.error ?? null,
    attempts: state.attempts,
    last_attempt_at: state.lastAttemptAt ?? null,
    last_success_at: state.lastSuccessAt ?? null,
    next_attempt_at: state.nextAttemptAt ?? null,
  };
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    result.push(items.slice(i, i + CHUNK));
  }
  return result;
}

/** Runs the plugin's migrations, unless `backend.database` says to skip them. */
export async function migrateProvisioningDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({
      directory: resolvePackagePath(
        '@lookout/plugin-observability-backend',
        'migrations',
      ),
    });
  }
  return client;
}

/** {@link ProvisioningStore} over Knex. */
export class DatabaseProvisioningStore implements ProvisioningStore {
  constructor(private readonly db: Knex) {}

  /** Migrates the plugin database and returns a store over it. */
  static async create(
    database: DatabaseService,
  ): Promise<DatabaseProvisioningStore> {
    return new DatabaseProvisioningStore(
      await migrateProvisioningDatabase(database),
    );
  }

  async listStates(): Promise<Map<string, EntityStateWithSinks>> {
    const entities = await this.db<EntityRow>(ENTITIES).select();
    const sinks = await this.db<SinkRow>(SINKS).select();
    const result = new Map<string, EntityStateWithSinks>();
    for (const row of entities) {
      result.set(row.entity_ref, { ...fromEntityRow(row), sinks: new Map() });
    }
    for (const row of sinks) {
      result.get(row.entity_ref)?.sinks.set(row.sink, fromSinkRow(row));
    }
    return result;
  }

  async getState(entityRef: string): Promise<EntityStateWithSinks | undefined> {
    const row = await this.db<EntityRow>(ENTITIES)
      .where({ entity_ref: entityRef })
      .first();
    if (!row) {
      return undefined;
    }
    const sinks = await this.db<SinkRow>(SINKS).where({
      entity_ref: entityRef,
    });
    return {
      ...fromEntityRow(row),
      sinks: new Map(sinks.map(s => [s.sink, fromSinkRow(s)])),
    };
  }

  async save(changes: StateChanges): Promise<void> {
    const {
      entities = [],
      sinks = [],
      deletedSinks = [],
      deletedEntities = [],
    } = changes;
    if (
      entities.length +
        sinks.length +
        deletedSinks.length +
        deletedEntities.length ===
      0
    ) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const chunk of chunks(entities)) {
        await tx<EntityRow>(ENTITIES)
          .insert(chunk.map(toEntityRow))
          .onConflict('entity_ref')
          .merge();
      }
      for (const chunk of chunks(sinks)) {
        await tx<SinkRow>(SINKS)
          .insert(chunk.map(toSinkRow))
          .onConflict(['entity_ref', 'sink'])
          .merge();
      }
      const refsBySink = new Map<string, string[]>();
      for (const { entityRef, sink } of deletedSinks) {
        refsBySink.set(sink, [...(refsBySink.get(sink) ?? []), entityRef]);
      }
      for (const [sink, refs] of refsBySink) {
        for (const chunk of chunks(refs)) {
          await tx(SINKS).where({ sink }).whereIn('entity_ref', chunk).delete();
        }
      }
      for (const chunk of chunks(deletedEntities)) {
        await tx(SINKS).whereIn('entity_ref', chunk).delete();
        await tx(ENTITIES).whereIn('entity_ref', chunk).delete();
      }
    });
  }
}
