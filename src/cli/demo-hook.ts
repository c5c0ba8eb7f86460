import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';

/**
 * The first `npm start` on an empty embedded database loads the demo data set. The data set itself
 * belongs to the registry module; until it exists this says so once and the app starts empty.
 */
export async function loadDemoIfEmpty(
  runtime: { config: Config; db: Db },
  log: (line: string) => void,
): Promise<void> {
  if (runtime.config.database.kind !== 'pglite') return;
  const existing = await runtime.db.selectFrom('incidents').select('id').limit(1).execute();
  if (existing.length > 0) return;
  log('the database is empty; the demo data set is not available yet');
}
