import type { Role } from '../db/types.ts';
import type { ServiceContext } from './context.ts';
import { AppError } from './errors.ts';

/**
 * The role a service acts with. Changes that arrive without a signed-in user come from the
 * administrator's own tools (the CLI, an import, the demo loader), so they act as an administrator;
 * a web or API request without a user is refused.
 */
export function actingRole(ctx: ServiceContext): Role {
  if (ctx.user) return ctx.user.role;
  if (ctx.via === 'web' || ctx.via === 'api') throw new AppError('unauthenticated', 'sign in first');
  return 'admin';
}

/** Policy first: throws unless the acting role is one of `roles`. */
export function requireRoles(ctx: ServiceContext, roles: readonly Role[], doing: string): Role {
  const role = actingRole(ctx);
  if (!roles.includes(role)) {
    throw new AppError('forbidden', `the role ${role} may not ${doing}`);
  }
  return role;
}

export const allRoles: readonly Role[] = ['admin', 'editor', 'monitor', 'lawyer'];
export const editorRoles: readonly Role[] = ['admin', 'editor'];
