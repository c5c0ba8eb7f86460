import { writeAudit } from '../../lib/audit.ts';
import type { CurrentUser, ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { passwordLength, spendVerificationTime, verifyPassword } from './auth.passwords.ts';
import {
  advanceTotpStep,
  findUserByEmail,
  findUserById,
  forgetExpired,
  lockUser,
  updateUser,
} from './auth.repo.ts';
import { rolesRequiringSecondFactor } from './auth.schemas.ts';
import { createSession, destroySession, PENDING_SESSION_MS } from './auth.session.ts';
import { isKnownAddress, recordAttempt, throttleRules, throttleWait } from './auth.throttle.ts';
import { acceptedStep, newTotpSecret, totpUri } from './auth.totp.ts';

export type NewSession = { token: string; csrfToken: string };

export type SignInResult =
  | { outcome: 'invalid' }
  | { outcome: 'throttled'; retryAfterMs: number }
  | {
      /** signed_in: a full session; the others: a short pending session that owes a TOTP code. */
      outcome: 'signed_in' | 'code_required' | 'enrolment_required';
      session: NewSession;
      user: CurrentUser;
    };

export type SecondFactorResult =
  | { outcome: 'invalid' }
  | { outcome: 'throttled'; retryAfterMs: number }
  | { outcome: 'signed_in'; session: NewSession; enrolled: boolean };

const toCurrentUser = (row: {
  id: number;
  email: string;
  display_name: string;
  role: CurrentUser['role'];
}): CurrentUser => ({ id: row.id, email: row.email, displayName: row.display_name, role: row.role });

/**
 * Checks an email and password. The answer for a wrong password, an unknown email and a disabled
 * account is the same, and takes the same time. A success always starts a new session (the one in
 * `replacesToken`, if any, is destroyed), so a session token planted before sign-in is worthless.
 */
export async function signIn(
  ctx: ServiceContext,
  input: { email: string; password: string; ip: string; replacesToken?: string | undefined },
): Promise<SignInResult> {
  // No address is longer than 254 characters; the cut keeps throttle keys within the index's limit.
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const now = ctx.now();
  const rules = [
    throttleRules.pair(email, input.ip),
    throttleRules.address(input.ip),
    throttleRules.account(email),
  ];
  // The account-wide delays hold back guessers, not the user at an address they signed in from.
  const known = await isKnownAddress(ctx.db, email, input.ip, now);
  const retryAfterMs = await throttleWait(ctx.db, known ? rules.slice(0, 2) : rules, now);
  if (retryAfterMs > 0) return { outcome: 'throttled', retryAfterMs };

  const row = email === '' ? undefined : await findUserByEmail(ctx.db, email);
  const tooLong = input.password.length > passwordLength.max;
  let valid = false;
  if (row && !tooLong) valid = await verifyPassword(row.password_hash, input.password);
  else if (!tooLong) await spendVerificationTime(input.password);
  if (!row || !valid || row.disabled_at !== null) {
    await recordAttempt(ctx.db, rules, false, now);
    return { outcome: 'invalid' };
  }
  await recordAttempt(ctx.db, [...rules, throttleRules.knownAddress(email, input.ip)], true, now);
  await forgetExpired(ctx.db, now);

  const user = toCurrentUser(row);
  const outcome =
    row.totp_enabled_at !== null
      ? 'code_required'
      : rolesRequiringSecondFactor.includes(row.role)
        ? 'enrolment_required'
        : 'signed_in';
  const session = await ctx.db.transaction().execute(async (trx) => {
    if (input.replacesToken) await destroySession(trx, input.replacesToken);
    const created = await createSession(trx, user.id, now, {
      secondFactorDone: outcome === 'signed_in',
      ...(outcome === 'signed_in' ? {} : { lifetimeMs: PENDING_SESSION_MS }),
    });
    if (outcome === 'signed_in') await auditSignIn(trx, ctx, user, 'password');
    return created;
  });
  return { outcome, session, user };
}

function auditSignIn(trx: ServiceContext['db'], ctx: ServiceContext, user: CurrentUser, factors: string) {
  return writeAudit(
    trx,
    { ...ctx, user },
    { action: 'session.sign_in', entityType: 'session', entityId: String(user.id), after: { factors } },
  );
}

/**
 * The TOTP secret the user is to enrol, created on first call and kept until enrolment succeeds (the
 * page can be reloaded without invalidating what the app has already scanned).
 */
export async function startTotpEnrolment(
  ctx: ServiceContext,
  input: { userId: number; issuer: string },
): Promise<{ secret: string; uri: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockUser(trx, input.userId);
    if (!row || row.disabled_at !== null) throw new AppError('unauthenticated', 'sign in first');
    if (row.totp_enabled_at !== null) {
      throw new AppError('conflict', 'two-factor sign-in is already set up for this account');
    }
    let secret = row.totp_secret;
    if (secret === null) {
      secret = newTotpSecret();
      await updateUser(trx, row.id, { totp_secret: secret, totp_last_step: null });
      await writeAudit(
        trx,
        { ...ctx, user: toCurrentUser(row) },
        { action: 'user.totp_issue', entityType: 'user', entityId: String(row.id) },
      );
    }
    return { secret, uri: totpUri(secret, input.issuer, row.email) };
  });
}

/**
 * Checks a TOTP code for a session that passed the password. Each code is accepted once. On success
 * the pending session is replaced by a full one and, at the first code, enrolment is complete.
 */
export async function confirmSecondFactor(
  ctx: ServiceContext,
  input: { userId: number; pendingToken: string; code: string; ip: string },
): Promise<SecondFactorResult> {
  const now = ctx.now();
  const rules = [throttleRules.code(input.userId), throttleRules.address(input.ip)];
  const retryAfterMs = await throttleWait(ctx.db, rules, now);
  if (retryAfterMs > 0) return { outcome: 'throttled', retryAfterMs };

  const row = await findUserById(ctx.db, input.userId);
  const step =
    row?.totp_secret && row.disabled_at === null
      ? acceptedStep(row.totp_secret, input.code, now, row.totp_last_step)
      : null;
  const result =
    row && step !== null
      ? await ctx.db.transaction().execute(async (trx) => {
          if (!(await advanceTotpStep(trx, row.id, step))) return null;
          const user = toCurrentUser(row);
          const enrolled = row.totp_enabled_at === null;
          if (enrolled) {
            await updateUser(trx, row.id, { totp_enabled_at: now });
            await writeAudit(
              trx,
              { ...ctx, user },
              { action: 'user.totp_enable', entityType: 'user', entityId: String(row.id) },
            );
          }
          await destroySession(trx, input.pendingToken);
          const session = await createSession(trx, row.id, now, { secondFactorDone: true });
          await auditSignIn(trx, ctx, user, 'password+totp');
          return { session, enrolled };
        })
      : null;
  await recordAttempt(ctx.db, rules, result !== null, now);
  return result ? { outcome: 'signed_in', ...result } : { outcome: 'invalid' };
}

export async function signOut(ctx: ServiceContext, input: { token: string }) {
  await ctx.db.transaction().execute(async (trx) => {
    await destroySession(trx, input.token);
    if (ctx.user) {
      await writeAudit(trx, ctx, {
        action: 'session.sign_out',
        entityType: 'session',
        entityId: String(ctx.user.id),
      });
    }
  });
}
