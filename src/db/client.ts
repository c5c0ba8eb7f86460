import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { AppError } from '../lib/errors.ts';
import { packagePath } from '../lib/package-root.ts';
import { acquireFolderLock, type FolderLock } from './folder-lock.ts';
import type { Database } from './types.ts';

export type Db = Kysely<Database>;

export type DatabaseHandle = {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Milliseconds spent opening the engine (PGlite's WASM start and initdb, or the first connection). */
  openMs: number;
  /** The embedded engine itself, for backups; absent on PostgreSQL. */
  pglite?: PGlite;
  close: () => Promise<void>;
};

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * One type parser for both engines: dates stay 'YYYY-MM-DD' strings (no time-zone shifts), and
 * bigint money values become numbers (tenge amounts are far below 2^53).
 */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number.parseInt(value, 10);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export type OpenOptions = {
  /** Run every connection with this search_path (tests give each file its own schema). */
  schema?: string;
  /** Reuse an already open PGlite instance instead of opening the data folder. */
  pglite?: PGlite;
};

export async function openDatabase(
  database: Config['database'],
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  const started = performance.now();
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new AppError('bad_request', `schema: not a plain identifier: ${options.schema}`);
  }
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: 10,
      // pg closes a connection idle for 10 s by default; a new server process then pays for its
      // catalog and the search statistics again (50 ms on the first search at 1M). Kept 5 minutes.
      idleTimeoutMillis: 300_000,
      // Still let the process exit when nothing else keeps it alive (commands, tests).
      allowExitOnIdle: true,
      types: typeParsers,
    });
    const db = makeKysely(pool, options.schema);
    try {
      await sql`select 1`.execute(db);
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new AppError('database_unavailable', `DATABASE_URL: cannot connect (${describe(error)})`, {
        field: 'DATABASE_URL',
        cause: error,
      });
    }
    return { db, engine: 'postgres', openMs: performance.now() - started, close: () => db.destroy() };
  }

  let lock: FolderLock | undefined;
  let pglite = options.pglite;
  const ownsPglite = pglite === undefined;
  if (!pglite) {
    fs.mkdirSync(database.dataDir, { recursive: true });
    lock = lockDataFolder(database.dataDir);
    try {
      copyTemplateIfNew(embeddedDatabaseFolder(database.dataDir));
      pglite = await openPglite(embeddedDatabaseFolder(database.dataDir));
    } catch (error) {
      lock.release();
      throw new AppError(
        'database_unavailable',
        `SOZWATCH_DATA_DIR: cannot open the embedded database (${describe(error)})`,
        {
          field: 'SOZWATCH_DATA_DIR',
          cause: error,
        },
      );
    }
  }
  const pool = new pg.Pool({ ...createPgConfig(pglite), types: typeParsers });
  const db = makeKysely(pool, options.schema);
  const openMs = performance.now() - started;
  const ownedPglite = pglite;
  return {
    db,
    engine: 'pglite',
    openMs,
    pglite: ownedPglite,
    close: async () => {
      await db.destroy();
      if (ownsPglite) await ownedPglite.close();
      lock?.release();
    },
  };
}

/**
 * A new embedded database starts as a copy of the template that `npm run build` made (initdb and the
 * migrations of that build, in dist/template-pg): PGlite's initdb alone takes 3 to 6 s of a first
 * start. Migrations added since the build are applied on top, as on any older folder. Without a
 * template (sources run through tsx, or `npm run build` not run), PGlite creates the folder itself.
 */
function copyTemplateIfNew(pgFolder: string): void {
  if (fs.existsSync(pgFolder)) return;
  const template = packagePath('dist', 'template-pg');
  if (!fs.existsSync(path.join(template, 'PG_VERSION'))) return;
  const partial = `${pgFolder}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.cpSync(template, partial, { recursive: true });
  // Renamed into place whole: a copy cut short leaves no half database behind.
  fs.renameSync(partial, pgFolder);
}

/** The PostgreSQL files inside a data folder (the folder also holds the lock). */
export function embeddedDatabaseFolder(dataDir: string): string {
  return path.join(dataDir, 'pg');
}

export function lockDataFolder(dataDir: string): FolderLock {
  return acquireFolderLock(path.join(dataDir, 'sozwatch.lock'));
}

/**
 * PGlite runs PostgreSQL as a single backend with no checkpointer, so a checkpoint happens only at
 * close or when the WAL outgrows max_wal_size, and the WAL then keeps up to that much (721 MB of a
 * 1.1 GB folder at 100k incidents with the default 1 GB). A small max_wal_size makes the backend
 * checkpoint itself every few dozen MB of changes and recycle the rest.
 */
const embeddedStartParams = [
  ...PGlite.defaultStartParams,
  '-c',
  'max_wal_size=64MB',
  '-c',
  'min_wal_size=32MB',
];

export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  return PGlite.create(dataDir, {
    extensions: { pg_trgm, unaccent },
    startParams: embeddedStartParams,
    ...options,
  });
}

function makeKysely(pool: pg.Pool, schema: string | undefined): Db {
  return new Kysely<Database>({
    dialect: new PostgresDialect({
      pool,
      // PGlite is one session shared by every pool on it, so the search_path is set each time a
      // connection is taken, not once per connection.
      onReserveConnection: schema
        ? async (connection) => {
            await connection.executeQuery(CompiledQuery.raw(`set search_path to "${schema}", public`));
          }
        : undefined,
    }),
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
