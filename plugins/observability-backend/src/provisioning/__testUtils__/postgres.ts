/*
 * Test support: a PostgreSQL server on 127.0.0.1:5432 (user postgres, trust auth; override with
 * LOOKOUT_TEST_PG_HOST/PORT/USER). Tests that need it skip loudly when it is not reachable, and
 * fail instead when `CI` is set. Each test run gets fresh databases under a unique prefix, dropped
 * afterwards.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import knexFactory, { Knex } from 'knex';

/** Where the test server is. */
export const POSTGRES = {
  host: process.env.LOOKOUT_TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.LOOKOUT_TEST_PG_PORT ?? 5432),
  user: process.env.LOOKOUT_TEST_PG_USER ?? 'postgres',
};

/** Whether the server accepts TCP connections (checked synchronously, at test definition). */
function reachable(): boolean {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `require('net').connect(${POSTGRES.port}, ${JSON.stringify(
        POSTGRES.host,
      )})` +
        `.on('connect', () => process.exit(0)).on('error', () => process.exit(1))`,
    ],
    { timeout: 5000 },
  );
  return probe.status === 0;
}

/**
 * Whether PostgreSQL is reachable. When it is not: false and a loud warning (the caller skips its
 * tests), or, under CI, an error that fails the suite.
 */
export function requirePostgres(): boolean {
  if (reachable()) {
    return true;
  }
  const where = `${POSTGRES.host}:${POSTGRES.port}`;
  if (process.env.CI) {
    throw new Error(
      `PostgreSQL is not reachable on ${where}; CI must provide it`,
    );
  }
  // eslint-disable-next-line no-console
  console.warn(
    `\n*** SKIPPED: PostgreSQL is not reachable on ${where}; the tests that need it do not run ***\n`,
  );
  return false;
}

/** A unique database name prefix for one test run. */
export function uniquePrefix(): string {
  return `lookout_test_${randomBytes(4).toString('hex')}_`;
}

function adminClient(): Knex {
  return knexFactory({
    client: 'pg',
    connection: { ...POSTGRES, database: 'postgres' },
    pool: { min: 0, max: 1 },
  });
}

/** Drops every database whose name starts with `prefix` (the test's own). */
export async function dropDatabases(prefix: string): Promise<string[]> {
  if (!/^lookout_test_[0-9a-f]{8}_$/.test(prefix)) {
    throw new Error(`refusing to drop databases with prefix ${prefix}`);
  }
  const admin = adminClient();
  try {
    const rows = await admin('pg_database')
      .select('datname')
      .where('datname', 'like', `${prefix}%`);
    const names = rows.map((row: { datname: string }) => row.datname);
    for (const name of names) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
    }
    return names;
  } finally {
    await admin.destroy();
  }
}
