/*
 * The store tests run on every database the plugin supports: SQLite in memory always, and a
 * fresh PostgreSQL database when a server is available (see provisioning/__testUtils__/postgres).
 */
import knexFactory, { Knex } from 'knex';
import {
  dropDatabases,
  POSTGRES,
  requirePostgres,
  uniquePrefix,
} from '../../provisioning/__testUtils__/postgres';

/**
 * Declares `tests` for `subject` once per database; `database` names the PostgreSQL database the
 * run creates (after a prefix unique to the run, dropped afterwards).
 */
export function describeOnEachDatabase(
  subject: string,
  database: string,
  tests: (connect: () => Promise<Knex>) => void,
): void {
  describe(`${subject} on SQLite`, () => {
    tests(async () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      }),
    );
  });

  const postgres = requirePostgres();
  (postgres ? describe : describe.skip)(`${subject} on PostgreSQL`, () => {
    const prefix = uniquePrefix();
    afterAll(async () => {
      await dropDatabases(prefix);
    });
    tests(async () => {
      const admin = knexFactory({
        client: 'pg',
        connection: { ...POSTGRES, database: 'postgres' },
      });
      await admin.raw('CREATE DATABASE ??', [`${prefix}${database}`]);
      await admin.destroy();
      return knexFactory({
        client: 'pg',
        connection: { ...POSTGRES, database: `${prefix}${database}` },
      });
    });
  });
}
