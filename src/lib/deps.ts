import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';

/** What the server hands every module's routes. No globals: tests build as many apps as they like. */
export type AppDeps = {
  config: Config;
  db: Db;
  engine: 'pglite' | 'postgres';
  now: () => Date;
};

export type ModuleOptions = { deps: AppDeps };
