import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
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
  await sql`create schema ${sql.id(schema)}`.execute(handle.db);
  await migrateToLatest(handle.db, schema);
  return {
    ...handle,
    schema,
    close: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.db);
      await handle.close();
    },
  };
}
