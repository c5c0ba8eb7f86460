import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Config } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { packagePath } from '../../src/lib/package-root.ts';
import { openEngine } from './bench.ts';
import { loadDataset } from './dataset.ts';
import { measureStartTimes, printStartTimes, type StartTime } from './start-time.ts';
import { measureThroughput, printThroughput, type ThroughputRow } from './throughput.ts';

/*
 * The figures taken from outside the server, with the server in a process of its own: start time
 * (independent of the data set) and throughput against bare routes on each engine and size. A server
 * process cannot share the in-memory PGlite the in-process timings use, so PGlite data sets for these
 * live in folders under .bench/ and are reused by the next run, like the PostgreSQL databases.
 */

export type ServingFigures = { startTimes: StartTime[]; throughput: ThroughputRow[] };

async function pgliteDataset(size: number, log: (line: string) => void): Promise<Config['database']> {
  const database = { kind: 'pglite' as const, dataDir: packagePath('.bench', `pglite-${size}`) };
  const handle = await openDatabase(database);
  try {
    await migrateToLatest(handle.db);
    const loaded = await sql<{ n: number }>`select count(*)::int as n from incidents`.execute(handle.db);
    if (loaded.rows[0]?.n === size) return database;
  } finally {
    await handle.close();
  }
  fs.rmSync(database.dataDir, { recursive: true, force: true });
  const fresh = await openDatabase(database);
  try {
    await migrateToLatest(fresh.db);
    const started = performance.now();
    await loadDataset(fresh.db, size, (line) => log(`pglite ${size} (folder): ${line}`));
    log(`pglite ${size} (folder): loaded in ${Math.round((performance.now() - started) / 1000)} s`);
  } finally {
    await fresh.close();
  }
  return database;
}

async function postgresDataset(
  size: number,
  url: string,
  reload: boolean,
  log: (line: string) => void,
): Promise<Config['database']> {
  const opened = await openEngine('postgres', size, url, reload);
  try {
    if (opened.fresh) await loadDataset(opened.handle.db, size, (line) => log(`postgres ${size}: ${line}`));
  } finally {
    await opened.close();
  }
  return opened.database;
}

export async function runServingBench(
  options: {
    sizes: number[];
    engines: Array<'pglite' | 'postgres'>;
    postgresUrl: string | undefined;
    seconds: number;
    startRuns: number;
    reload: boolean;
  },
  log: (line: string) => void,
): Promise<ServingFigures> {
  const startTimes = await measureStartTimes(options.startRuns, log);
  const throughput: ThroughputRow[] = [];
  for (const engine of options.engines) {
    for (const size of options.sizes) {
      const database =
        engine === 'pglite'
          ? await pgliteDataset(size, log)
          : await postgresDataset(size, options.postgresUrl ?? '', options.reload, log);
      throughput.push(...(await measureThroughput({ engine, size, database }, options.seconds, log)));
    }
  }
  return { startTimes, throughput };
}

export function printServing(figures: ServingFigures): void {
  printStartTimes(figures.startTimes);
  printThroughput(figures.throughput);
}
