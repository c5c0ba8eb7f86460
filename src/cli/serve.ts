import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** PostgreSQL's own checkpoint_timeout. */
const CHECKPOINT_INTERVAL_MS = 5 * 60_000;

export async function serve(options: { demoIfEmpty: boolean }) {
  const started = performance.now();
  const config = loadConfig();
  // The server's code loads while PGlite compiles its WebAssembly and opens the folder.
  const [handle, { buildServer }] = await Promise.all([
    openDatabase(config.database),
    import('../server.tsx'),
  ]);
  const applied = await migrateToLatest(handle.db);
  const app = await buildServer({
    config,
    db: handle.db,
    engine: handle.engine,
    now: () => new Date(),
    ...(handle.pglite ? { pglite: handle.pglite } : {}),
  });
  if (options.demoIfEmpty) {
    const { loadDemoIfEmpty } = await import('./demo-hook.ts');
    await loadDemoIfEmpty({ config, db: handle.db }, (line) => app.log.info(line));
  }
  // PGlite has no checkpointer: without these its WAL would grow until the server stops (see openPglite).
  const checkpoints =
    handle.engine === 'pglite'
      ? setInterval(() => {
          sql`checkpoint`
            .execute(handle.db)
            .catch((error) => app.log.warn({ err: error }, 'checkpoint failed'));
        }, CHECKPOINT_INTERVAL_MS).unref()
      : undefined;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(checkpoints);
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.log.info(
    {
      engine: handle.engine,
      openMs: Math.round(handle.openMs),
      migrationsApplied: applied.length,
      startMs: Math.round(performance.now() - started),
    },
    'ready',
  );
  process.stdout.write(`sozwatch is serving http://${config.host}:${port}/ (database: ${handle.engine})\n`);
}
