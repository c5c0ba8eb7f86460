import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { type DatabaseHandle, openDatabase, openPglite } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

export type TestDatabase = DatabaseHandle & { schema: string };

const globalCache = globalThis as typeof globalThis & { __sozwatchTestPglite?: Promise<PGlite> };

/**
 * A fresh, migrated database for one test file: its own schema on PostgreSQL when DATABASE_URL is
 * set, else its own schema on one in-memory PGlite that every file of this worker shares (opening
 * PGlite costs seconds; a schema costs milliseconds). No mocks: the real engine runs every query.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  if (url) {
    handle = await openDatabase({ kind: 'postgres', url }, { schema });
  } else {
    globalCache.__sozwatchTestPglite ??= openPglite('memory://');
    const pglite = await globalCache.__sozwatchTestPglite;
    handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' }, { schema, pglite });
  }
  await withSchemaChangeLock(url, async () => {
    await sql`create schema ${sql.id(schema)}`.execute(handle.db);
    await migrateToLatest(handle.db, schema);
  });
  return {
    ...handle,
    schema,
    close: async () => {
      await withSchemaChangeLock(url, async () => {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.db);
      });
      await handle.close();
    },
  };
}

/**
 * On one PostgreSQL server, test files in parallel workers create and drop schemas. Kysely's
 * migrator introspects every table of the database, and a schema dropped in the middle of that
 * makes it fail with "schema … does not exist". A session-level advisory lock lets one file at a
 * time migrate or drop. PGlite needs none: each worker has its own.
 */
export async function withSchemaChangeLock(url: string | undefined, work: () => Promise<void>) {
  if (!url) return work();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(745001)');
    await work();
  } finally {
    await client.query('select pg_advisory_unlock(745001)').catch(() => undefined);
    await client.end();
  }
}
