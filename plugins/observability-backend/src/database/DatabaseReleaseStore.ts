/*
 * Releases in the plugin's database (SQLite by default, PostgreSQL in production) through Knex;
 * the table comes from the migration `20261203000000_releases.js`.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { Release } from '@lookout/plugin-observability-common';
import { Knex } from 'knex';
import { migrateProvisioningDatabase } from './DatabaseProvisioningStore';
import { NewRelease, ReleaseStore } from './releaseTypes';

const RELEASES = 'observability_releases';

interface ReleaseRow {
  id: string;
  entity_ref: string;
  version: string;
  kind: string | null;
  at: string | number;
  url: string | null;
  description: string | null;
  created_by: string;
  created_at: string | number;
}

function fromRow(row: ReleaseRow): Release {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    version: row.version,
    at: Number(row.at), // PostgreSQL returns bigint as a string
    ...(row.url !== null && { url: row.url }),
    ...(row.description !== null && { description: row.description }),
    ...(row.kind !== null && { kind: row.kind }),
    createdBy: row.created_by,
  };
}

/** {@link ReleaseStore} over Knex. */
export class DatabaseReleaseStore implements ReleaseStore {
  constructor(
    private readonly db: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  /** Migrates the plugin database (unless told to skip) and returns a store over it. */
  static async create(
    database: DatabaseService,
  ): Promise<DatabaseReleaseStore> {
    return new DatabaseReleaseStore(
      await migrateProvisioningDatabase(database),
    );
  }

  async record(
    release: NewRelease,
  ): Promise<{ release: Release; created: boolean }> {
    const id = randomUUID();
    await this.db<ReleaseRow>(RELEASES)
      .insert({
        id,
        entity_ref: release.entityRef,
        version: release.version,
        kind: release.kind ?? null,
        at: release.at,
        url: release.url ?? null,
        description: release.description ?? null,
        created_by: release.createdBy,
        created_at: this.now(),
      })
      .onConflict(['entity_ref', 'version'])
      .ignore();
    const row = await this.db<ReleaseRow>(RELEASES)
      .where({ entity_ref: release.entityRef, version: release.version })
      .first();
    if (!row) {
      throw new Error(
        `release ${release.version} of ${release.entityRef} vanished after it was recorded`,
      );
    }
    return { release: fromRow(row), created: row.id === id };
  }

  async list(
    entityRef: string,
    query: { from: number; to: number; limit: number },
  ): Promise<Release[]> {
    const rows = await this.db<ReleaseRow>(RELEASES)
      .where({ entity_ref: entityRef })
      .andWhere('at', '>=', query.from)
      .andWhere('at', '<=', query.to)
      .orderBy([
        { column: 'at', order: 'desc' },
        { column: 'version', order: 'desc' },
      ])
      .limit(query.limit);
    return rows.map(fromRow);
  }

  async latestPerEntity(perEntity: number): Promise<Release[]> {
    const ranked = this.db<ReleaseRow>(RELEASES)
      .select(
        '*',
        this.db.raw(
          'row_number() over (partition by entity_ref order by "at" desc, version desc) as rank',
        ),
      )
      .as('ranked');
    const rows = await this.db
      .select<ReleaseRow[]>('*')
      .from(ranked)
      .where('rank', '<=', perEntity)
      .orderBy([
        { column: 'entity_ref', order: 'asc' },
        { column: 'at', order: 'desc' },
      ]);
    return rows.map(fromRow);
  }

  async prune(before: number): Promise<number> {
    return this.db(RELEASES).where('at', '<', before).delete();
  }
}
