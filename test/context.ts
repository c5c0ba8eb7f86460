import type { Db } from '../src/db/client.ts';
import type { Role } from '../src/db/types.ts';
import type { ServiceContext } from '../src/lib/context.ts';
import { insertUser } from './factories.ts';

/** A service context for a freshly inserted user of `role`, acting through the web. */
export async function userContext(
  db: Db,
  role: Role,
  fields: { displayName?: string; now?: () => Date } = {},
): Promise<ServiceContext> {
  const user = await insertUser(db, {
    role,
    ...(fields.displayName ? { displayName: fields.displayName } : {}),
  });
  return { db, user, via: 'web', now: fields.now ?? (() => new Date()) };
}
