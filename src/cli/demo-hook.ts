import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';

/**
 * The first `npm start` on an empty embedded database loads the demo data set and prints the demo
 * accounts with their generated passwords, once: the passwords are stored only as argon2id hashes.
 */
export async function loadDemoIfEmpty(
  runtime: { config: Config; db: Db },
  log: (line: string) => void,
): Promise<void> {
  if (runtime.config.database.kind !== 'pglite') return;
  const existing = await runtime.db.selectFrom('incidents').select('id').limit(1).execute();
  if (existing.length > 0) return;
  // Loaded only when needed: the demo records are a large module that every other start can skip.
  const { describeDemo, loadDemo } = await import('../modules/demo/index.ts');
  const report = await loadDemo(runtime.db);
  const [summary, ...accounts] = describeDemo(report);
  if (summary) log(summary);
  // The accounts go to the terminal only, not into the structured log that may be shipped elsewhere.
  if (accounts.length > 0) process.stdout.write(`\n${accounts.join('\n')}\n\n`);
}
