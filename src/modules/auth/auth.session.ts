import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/types.ts';
import type { CurrentUser } from '../../lib/context.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { AppError } from '../../lib/errors.ts';

export const SESSION_COOKIE = 'sozwatch_session';
const SESSION_DAYS = 14;
/** A session that passed the password but still owes its TOTP code lasts this long. */
export const PENDING_SESSION_MS = 10 * 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user whose session has passed every required factor, or null. */
    currentUser: CurrentUser | null;
    /** The session's CSRF token, for forms; null without a session. */
    csrfToken: string | null;
    /** A session that passed the password but still owes its TOTP code. */
    pendingSecondFactorUser: CurrentUser | null;
  }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  userId: number,
  now: Date,
  options: { secondFactorDone: boolean; lifetimeMs?: number },
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      second_factor_done: options.secondFactorDone,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + (options.lifetimeMs ?? SESSION_DAYS * 86_400_000)),
    })
    .execute();
  return { token, csrfToken };
}

export async function loadSession(db: Db, token: string, now: Date) {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.role',
      'sessions.csrf_token',
      'sessions.second_factor_done',
    ])
    .executeTakeFirst();
  if (!row) return null;
  const user: CurrentUser = { id: row.id, email: row.email, displayName: row.display_name, role: row.role };
  return { user, csrfToken: row.csrf_token, secondFactorDone: row.second_factor_done };
}

export async function markSecondFactorDone(db: Db, token: string) {
  await db
    .updateTable('sessions')
    .set({ second_factor_done: true })
    .where('token_hash', '=', hashToken(token))
    .execute();
}

export async function destroySession(db: Db, token: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

/** Signs the user out everywhere, except in the session whose token is `keepToken`. */
export async function destroyUserSessions(db: Db, userId: number, keepToken?: string) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepToken) query = query.where('token_hash', '<>', hashToken(keepToken));
  await query.execute();
}

/**
 * The cookie lives as long as its session: 14 days for a full one, 10 minutes for one that still owes
 * its TOTP code (a browser must not keep a dead token for two weeks).
 */
export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { secure: boolean; pending: boolean },
) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: options.pending ? PENDING_SESSION_MS / 1000 : SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/** Loads the session on every request, so routes and views only read request.currentUser. */
export function registerSessionHook(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('currentUser', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('pendingSecondFactorUser', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || request.url.startsWith('/static/')) return;
    const session = await loadSession(deps.db, token, deps.now());
    if (!session) return;
    request.csrfToken = session.csrfToken;
    if (session.secondFactorDone) request.currentUser = session.user;
    else request.pendingSecondFactorUser = session.user;
  });
}

/** Throws unless a user is signed in with one of `roles`. Call it before touching any data. */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): CurrentUser {
  const user = request.currentUser;
  if (!user) throw new AppError('unauthenticated', 'sign in first');
  if (!roles.includes(user.role))
    throw new AppError('forbidden', `this needs one of the roles: ${roles.join(', ')}`);
  return user;
}

/** Every state-changing form carries the session's CSRF token in `_csrf`. */
export function verifyCsrf(request: FastifyRequest) {
  const body = request.body as Record<string, unknown> | undefined;
  const sent = typeof body?._csrf === 'string' ? body._csrf : request.headers['x-csrf-token'];
  const expected = request.csrfToken;
  if (
    typeof sent !== 'string' ||
    !expected ||
    sent.length !== expected.length ||
    !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
  ) {
    throw new AppError('forbidden', 'the form has expired; reload the page and try again', {
      field: '_csrf',
    });
  }
}

const FORM_COOKIE = 'sozwatch_form';

/**
 * CSRF for forms that anonymous visitors send (login, "Ask your question"): a double-submit token,
 * a random cookie that the form repeats in `_csrf`. Signed-in forms use the session's token instead.
 */
export function issueFormToken(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  if (request.csrfToken) return request.csrfToken;
  const existing = request.cookies[FORM_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(FORM_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    // From the configuration, not the request: behind a TLS-terminating proxy the request is http.
    secure,
  });
  return token;
}

export function verifyFormToken(request: FastifyRequest) {
  if (request.csrfToken) return verifyCsrf(request);
  const body = request.body as Record<string, unknown> | undefined;
  const sent = typeof body?._csrf === 'string' ? body._csrf : '';
  const expected = request.cookies[FORM_COOKIE] ?? '';
  if (
    !expected ||
    sent.length !== expected.length ||
    !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))
  ) {
    throw new AppError('forbidden', 'the form has expired; reload the page and try again', {
      field: '_csrf',
    });
  }
}
