import type { Db } from '../db/client.ts';
import type { Role } from '../db/types.ts';

export type CurrentUser = { id: number; email: string; displayName: string; role: Role };

/**
 * What every service receives first: the database (or the open transaction), who is acting, and the
 * clock. Services are plain functions `(ctx, input) => result`.
 */
export type ServiceContext = {
  db: Db;
  user: CurrentUser | null;
  /** How the change arrived when no user is signed in: 'cli', 'import', 'demo', 'system'. */
  via: 'web' | 'api' | 'cli' | 'import' | 'demo' | 'system';
  now: () => Date;
};

export function systemContext(db: Db, via: ServiceContext['via'] = 'system'): ServiceContext {
  return { db, user: null, via, now: () => new Date() };
}
