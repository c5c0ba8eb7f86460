import { type Config, loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { AppError, isAppError } from '../lib/errors.ts';

export type CliRuntime = { config: Config; handle: DatabaseHandle };

/** Opens the configured database, migrates it, runs `work`, and always closes it (releasing the lock). */
export async function withDatabase<T>(work: (runtime: CliRuntime) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Loaded here, not at the top: every command imports this file, and `--help` needs no database.
  const [{ openDatabase }, { migrateToLatest }] = await Promise.all([
    import('../db/client.ts'),
    import('../db/migrate.ts'),
  ]);
  const handle = await openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    return await work({ config, handle });
  } finally {
    await handle.close();
  }
}

export function notImplemented(command: string, issue: string): never {
  throw new AppError('not_implemented', `${command}: not implemented yet (${issue})`);
}

/** Every failing command ends here: one line on stderr, a non-zero exit, never a stack trace. */
export function exitWithError(error: unknown): never {
  if (isAppError(error)) {
    process.stderr.write(`sozwatch: ${error.message}\n`);
    process.exit(error.code === 'not_implemented' ? 3 : 1);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sozwatch: unexpected error: ${message.split('\n')[0]}\n`);
  if (process.env.SOZWATCH_DEBUG) console.error(error);
  process.exit(1);
}
