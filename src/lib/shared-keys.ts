import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';

/**
 * A secret that every instance on this database shares: the first instance to ask makes it, the
 * others read the same row. An instance keeps no secret of its own, so one instance accepts what
 * another signed (a form served by one and sent to another behind a load balancer).
 */
export async function sharedKey(db: Db, name: string): Promise<string> {
  await db
    .insertInto('shared_keys')
    .values({ name, secret: randomBytes(32).toString('hex') })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('shared_keys')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.secret;
}
