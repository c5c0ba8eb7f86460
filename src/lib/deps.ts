import type { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';

/** What the server hands every module's routes. No globals: tests build as many apps as they like. */
export type AppDeps = {
  config: Config;
  db: Db;
  engine: 'pglite' | 'postgres';
  now: () => Date;
  /** The embedded engine itself, for the online backup; absent on PostgreSQL and in most tests. */
  pglite?: PGlite;
};

export type ModuleOptions = { deps: AppDeps };
