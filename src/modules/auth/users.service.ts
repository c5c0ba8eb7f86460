import type { Role } from '../../db/types.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { CurrentUser, ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { generatePassword, hashPassword, verifyPassword } from './auth.passwords.ts';
import {
  emailTaken,
  insertUserRow,
  listUserRows,
  lockActiveAdmins,
  lockUser,
  updateUser,
} from './auth.repo.ts';
import {
  type ChangePasswordInput,
  changePasswordSchema,
  type NewUserInput,
  newUserSchema,
  parseInput,
  userIdSchema,
} from './auth.schemas.ts';
import { destroyUserSessions } from './auth.session.ts';

export type UserSummary = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  secondFactor: boolean;
  disabled: boolean;
  createdAt: Date;
};

/**
 * User management is for admins. Without a signed-in user only the operator's own channels may
 * manage users: the command line (the first admin is created there), the demo loader, the system.
 */
function requireUserAdmin(ctx: ServiceContext): CurrentUser | null {
  if (ctx.user) {
    if (ctx.user.role !== 'admin') throw new AppError('forbidden', 'only an admin can manage users');
    return ctx.user;
  }
  if (ctx.via === 'cli' || ctx.via === 'demo' || ctx.via === 'system') return null;
  throw new AppError('unauthenticated', 'sign in first');
}

const auditView = (row: {
  email: string;
  display_name: string;
  role: Role;
  disabled_at?: Date | null;
  totp_enabled_at?: Date | null;
}) => ({
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  disabled: row.disabled_at != null,
  secondFactor: row.totp_enabled_at != null,
});

/**
 * Creates a user. Without `password` a strong one is generated; either way it is returned once, in
 * clear, for the caller to hand over, and only its argon2id hash is stored.
 */
export async function createUser(
  ctx: ServiceContext,
  input: NewUserInput,
): Promise<{ user: UserSummary; password: string; generated: boolean }> {
  requireUserAdmin(ctx);
  const parsed = parseInput(newUserSchema, input);
  const displayName = parsed.displayName ?? parsed.email.split('@')[0] ?? parsed.email;
  if (await emailTaken(ctx.db, parsed.email)) {
    throw new AppError('conflict', `email: a user with the email ${parsed.email} already exists`, {
      field: 'email',
    });
  }
  const password = parsed.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const now = ctx.now();
  const row = await ctx.db.transaction().execute(async (trx) => {
    // The unique index still guards a concurrent insert of the same email; checked again here so the
    // common case gets a clear message instead of a constraint error.
    if (await emailTaken(trx, parsed.email)) {
      throw new AppError('conflict', `email: a user with the email ${parsed.email} already exists`, {
        field: 'email',
      });
    }
    const inserted = await insertUserRow(trx, {
      email: parsed.email,
      displayName,
      role: parsed.role,
      passwordHash,
      now,
    });
    await writeAudit(trx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: String(inserted.id),
      after: auditView(inserted),
    });
    return inserted;
  });
  return {
    user: {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      secondFactor: false,
      disabled: false,
      createdAt: now,
    },
    password,
    generated: parsed.password === undefined,
  };
}

/**
 * Sets a new password. Users change their own by giving the current one; an admin resets anyone
 * else's. Every other session of that user ends (the one in `keepSessionToken` stays signed in).
 */
export async function changePassword(
  ctx: ServiceContext,
  input: ChangePasswordInput & { keepSessionToken?: string | undefined },
): Promise<void> {
  const parsed = parseInput(changePasswordSchema, input);
  const self = ctx.user?.id === parsed.userId;
  if (!self) requireUserAdmin(ctx);
  const newHash = await hashPassword(parsed.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockUser(trx, parsed.userId);
    if (!row) throw new AppError('not_found', 'userId: no such user', { field: 'userId' });
    if (self && !(await verifyPassword(row.password_hash, parsed.currentPassword ?? ''))) {
      throw new AppError('validation_failed', 'currentPassword: is not correct', {
        field: 'currentPassword',
      });
    }
    if (parsed.newPassword.trim().toLowerCase() === row.email) {
      throw new AppError('validation_failed', 'newPassword: must not be the email address', {
        field: 'newPassword',
      });
    }
    await updateUser(trx, row.id, { password_hash: newHash });
    await destroyUserSessions(trx, row.id, self ? input.keepSessionToken : undefined);
    await writeAudit(trx, ctx, {
      action: self ? 'user.password_change' : 'user.password_reset',
      entityType: 'user',
      entityId: String(row.id),
    });
  });
}

async function setDisabled(ctx: ServiceContext, input: { userId: number }, disabled: boolean) {
  const admin = requireUserAdmin(ctx);
  const { userId } = parseInput(userIdSchema, input);
  if (disabled && admin?.id === userId) {
    throw new AppError('conflict', 'userId: you cannot disable your own account', { field: 'userId' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const activeAdmins = disabled ? await lockActiveAdmins(trx) : [];
    const row = await lockUser(trx, userId);
    if (!row) throw new AppError('not_found', 'userId: no such user', { field: 'userId' });
    if ((row.disabled_at !== null) === disabled) return;
    if (disabled && activeAdmins.length === 1 && activeAdmins[0] === userId) {
      throw new AppError('conflict', 'userId: the last active admin cannot be disabled', { field: 'userId' });
    }
    const disabledAt = disabled ? ctx.now() : null;
    await updateUser(trx, userId, { disabled_at: disabledAt });
    if (disabled) await destroyUserSessions(trx, userId);
    await writeAudit(trx, ctx, {
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: String(userId),
      before: auditView(row),
      after: auditView({ ...row, disabled_at: disabledAt }),
    });
  });
}

/** Disables an account: it can no longer sign in, and its sessions end now. Nothing is deleted. */
export function disableUser(ctx: ServiceContext, input: { userId: number }): Promise<void> {
  return setDisabled(ctx, input, true);
}

export function enableUser(ctx: ServiceContext, input: { userId: number }): Promise<void> {
  return setDisabled(ctx, input, false);
}

/**
 * Forgets a user's TOTP secret (a lost phone). Their sessions end; at the next sign-in an admin or
 * editor enrols a new authenticator.
 */
export async function resetSecondFactor(ctx: ServiceContext, input: { userId: number }): Promise<void> {
  requireUserAdmin(ctx);
  const { userId } = parseInput(userIdSchema, input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockUser(trx, userId);
    if (!row) throw new AppError('not_found', 'userId: no such user', { field: 'userId' });
    await updateUser(trx, userId, { totp_secret: null, totp_enabled_at: null, totp_last_step: null });
    await destroyUserSessions(trx, userId);
    await writeAudit(trx, ctx, {
      action: 'user.totp_reset',
      entityType: 'user',
      entityId: String(userId),
      before: auditView(row),
      after: auditView({ ...row, totp_enabled_at: null }),
    });
  });
}

export async function listUsers(ctx: ServiceContext): Promise<UserSummary[]> {
  requireUserAdmin(ctx);
  const rows = await listUserRows(ctx.db);
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    secondFactor: row.totp_enabled_at !== null,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
  }));
}
