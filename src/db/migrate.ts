import fs from 'node:fs/promises';
import path from 'node:path';
import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { AppError } from '../lib/errors.ts';
import { packagePath } from '../lib/package-root.ts';
import type { Db } from './client.ts';

const migrationsFolder = packagePath('src', 'db', 'migrations');

/** Migrations are plain SQL files, numbered, never edited after they land. One set runs on both engines. */
async function migrationFiles(): Promise<string[]> {
  return (await fs.readdir(migrationsFolder)).filter((file) => file.endsWith('.sql')).sort();
}

class SqlFileMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = await migrationFiles();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await fs.readFile(path.join(migrationsFolder, file), 'utf8');
      migrations[file.replace(/\.sql$/, '')] = { up: async (db) => void (await sql.raw(text).execute(db)) };
    }
    return migrations;
  }
}

/**
 * True when every migration file is recorded as applied. Kysely's migrator takes a lock and checks
 * its tables in several statements (a few hundred ms on PGlite); a start on an up-to-date database
 * needs only this one read.
 */
async function isUpToDate(db: Db, schema: string | undefined): Promise<boolean> {
  const table = schema ? sql.id(schema, 'kysely_migration') : sql.id('kysely_migration');
  const exists = await sql<{ found: string | null }>`select to_regclass(${
    schema ? `"${schema}".kysely_migration` : 'kysely_migration'
  }) as found`.execute(db);
  if (!exists.rows[0]?.found) return false;
  const applied = await sql<{ name: string }>`select name from ${table}`.execute(db);
  const names = new Set(applied.rows.map((row) => row.name));
  return (await migrationFiles()).every((file) => names.has(file.replace(/\.sql$/, '')));
}

export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  if (await isUpToDate(db, schema)) return [];
  const migrator = new Migrator({
    db,
    provider: new SqlFileMigrationProvider(),
    // Branches land migrations in any order; a data folder may already hold a later number.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    throw new AppError(
      'internal',
      `migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return (results ?? [])
    .filter((result) => result.status === 'Success')
    .map((result) => result.migrationName);
}
