import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { AppError } from '../lib/errors.ts';
import { packagePath } from '../lib/package-root.ts';
import type { Db } from './client.ts';

const migrationsFolder = packagePath('src', 'db', 'migrations');
const functionsFolder = packagePath('src', 'db', 'functions');

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
  const applied = (await isUpToDate(db, schema)) ? [] : await runMigrations(db, schema);
  await applyFunctions(db);
  return applied;
}

async function runMigrations(db: Db, schema: string | undefined): Promise<string[]> {
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

/**
 * The functions and triggers of src/db/functions, one definition each, applied after the
 * migrations with CREATE OR REPLACE. A file runs when its text differs from the one the database
 * recorded (`db_functions`), so an unchanged start costs one read. Unlike a migration, a functions
 * file is edited in place: its current text is the definition the database runs.
 */
export async function applyFunctions(db: Db): Promise<string[]> {
  const files = (await fs.readdir(functionsFolder)).filter((file) => file.endsWith('.sql')).sort();
  const texts = await Promise.all(
    files.map(async (file) => {
      const text = await fs.readFile(path.join(functionsFolder, file), 'utf8');
      return { file, text, sha256: createHash('sha256').update(text).digest('hex') };
    }),
  );
  const recorded = new Map(
    (await db.selectFrom('db_functions').select(['file', 'sha256']).execute()).map((row) => [
      row.file,
      row.sha256,
    ]),
  );
  const changed = texts.filter((entry) => recorded.get(entry.file) !== entry.sha256);
  if (changed.length === 0) return [];
  await db.transaction().execute(async (trx) => {
    // Two instances starting together on one server apply the files one after the other.
    await sql`select pg_advisory_xact_lock(745002)`.execute(trx);
    for (const entry of changed) {
      try {
        await sql.raw(entry.text).execute(trx);
      } catch (error) {
        throw new AppError(
          'internal',
          `functions file ${entry.file} failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      await trx
        .insertInto('db_functions')
        .values({ file: entry.file, sha256: entry.sha256 })
        .onConflict((oc) => oc.column('file').doUpdateSet({ sha256: entry.sha256, applied_at: new Date() }))
        .execute();
    }
  });
  return changed.map((entry) => entry.file);
}
