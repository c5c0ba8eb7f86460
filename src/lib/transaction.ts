import type { Db } from '../db/client.ts';
import type { ServiceContext } from './context.ts';

/**
 * Runs `work` in one transaction: the caller's, when the context already holds one (a service
 * called by another service), else a new one. The change and its audit entries commit together.
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (tctx: ServiceContext) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx: Db) => work({ ...ctx, db: trx }));
}
