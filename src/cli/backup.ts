import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { openDatabase, openPglite } from '../db/client.ts';
import { acquireFolderLock } from '../db/folder-lock.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AppError, isAppError } from '../lib/errors.ts';

/**
 * Backups are whole-database copies: the embedded database's data folder as a gzipped tar (PGlite's
 * own dump), or pg_dump's custom format for a PostgreSQL server. The lossless JSONL export is the
 * portable alternative between the two engines.
 */
export async function backupDatabase(file: string | undefined): Promise<string> {
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
  if (config.database.kind === 'postgres') {
    const target = path.resolve(file ?? `sozwatch-backup-${stamp}.pgdump`);
    runTool('pg_dump', ['--format=custom', `--file=${target}`, `--dbname=${config.database.url}`]);
    return target;
  }
  const target = path.resolve(file ?? `sozwatch-backup-${stamp}.tar.gz`);
  const handle = await openDatabase(config.database).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'database_locked') {
      throw new AppError(
        'database_locked',
        `${error.message}; while it serves, an administrator downloads the same backup from /ru/editorial/backup`,
        { field: 'SOZWATCH_DATA_DIR', cause: error },
      );
    }
    throw error;
  });
  try {
    await migrateToLatest(handle.db);
    if (!handle.pglite) throw new AppError('internal', 'backup: the embedded database is not open');
    const dump = await handle.pglite.dumpDataDir('gzip');
    const partial = `${target}.partial`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, target);
  } finally {
    await handle.close();
  }
  return target;
}

export async function restoreDatabase(file: string): Promise<void> {
  const config = loadConfig();
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new AppError('not_found', `${file}: no such file`, { field: 'file' });
  if (config.database.kind === 'postgres') {
    runTool('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      `--dbname=${config.database.url}`,
      source,
    ]);
    return;
  }
  const dataDir = config.database.dataDir;
  const pgFolder = path.join(dataDir, 'pg');
  if (fs.existsSync(pgFolder) && fs.readdirSync(pgFolder).length > 0) {
    throw new AppError(
      'conflict',
      `SOZWATCH_DATA_DIR: ${dataDir} already holds a database; move it away before restoring into it`,
      { field: 'SOZWATCH_DATA_DIR' },
    );
  }
  const bytes = fs.readFileSync(source);
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    throw new AppError('bad_request', `${file}: not a backup of the embedded database (expected a .tar.gz)`, {
      field: 'file',
    });
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireFolderLock(path.join(dataDir, 'sozwatch.lock'));
  try {
    const pglite = await openPglite(pgFolder, { loadDataDir: new Blob([bytes]) });
    await pglite.close();
  } catch (error) {
    fs.rmSync(pgFolder, { recursive: true, force: true });
    throw new AppError(
      'bad_request',
      `${file}: cannot be restored (${error instanceof Error ? error.message : String(error)})`,
      {
        field: 'file',
        cause: error,
      },
    );
  } finally {
    lock.release();
  }
  const handle = await openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

function runTool(tool: string, args: string[]) {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error) {
    throw new AppError('not_implemented', `${tool}: not found; install the PostgreSQL client tools`, {
      cause: result.error,
    });
  }
  if (result.status !== 0) {
    throw new AppError('internal', `${tool} failed: ${result.stderr.trim().split('\n')[0] ?? ''}`);
  }
}
