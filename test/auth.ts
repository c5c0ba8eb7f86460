import type { FastifyInstance } from 'fastify';
import type { Db } from '../src/db/client.ts';
import type { Role } from '../src/db/types.ts';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/index.ts';
import { insertUser } from './factories.ts';

/**
 * The one way tests sign in without the login form: a real session (createSession, as after the
 * password and the TOTP code) for a user, with its cookie header and CSRF token.
 */
export async function testSession(db: Db, user: { id: number }, now: Date = new Date()) {
  const { token, csrfToken } = await createSession(db, user.id, now, { secondFactorDone: true });
  return { token, csrfToken, cookie: `${SESSION_COOKIE}=${token}` };
}

/** A new user of a role, signed in (see testSession). */
export async function signInAs(db: Db, role: Role, options: { displayName?: string; now?: Date } = {}) {
  const user = await insertUser(db, { role, displayName: options.displayName ?? `Test ${role}` });
  return { user, ...(await testSession(db, user, options.now)) };
}

/**
 * A signed-in session for inject() tests, as if the user had passed the password and the TOTP code.
 * Returns the cookie header and the session's CSRF token (send it as `_csrf` in a form body, or as
 * the `x-csrf-token` header). Checks through `app` that the session is accepted.
 */
export async function signInWithCsrfForTest(
  app: FastifyInstance,
  db: Db,
  user: { id: number },
): Promise<{ cookie: string; csrfToken: string }> {
  const { cookie, csrfToken } = await testSession(db, user);
  const check = await app.inject({ url: '/en/editorial', headers: { cookie, accept: 'text/html' } });
  if (check.statusCode !== 200 && check.statusCode !== 403) {
    throw new Error(`signInForTest: the session was not accepted (GET /en/editorial: ${check.statusCode})`);
  }
  return { cookie, csrfToken };
}

/** The cookie header of a signed-in session for `user` (see signInWithCsrfForTest for forms). */
export async function signInForTest(app: FastifyInstance, db: Db, user: { id: number }): Promise<string> {
  return (await signInWithCsrfForTest(app, db, user)).cookie;
}

/** The `name=value` pairs of a response's Set-Cookie headers, as one Cookie header. */
export function cookieHeader(setCookie: string | string[] | undefined, previous = ''): string {
  const jar = new Map<string, string>();
  for (const pair of previous.split('; ').filter(Boolean)) {
    const [name, ...rest] = pair.split('=');
    if (name) jar.set(name, rest.join('='));
  }
  for (const line of [setCookie ?? []].flat()) {
    const [pair] = line.split(';');
    const [name, ...rest] = (pair ?? '').split('=');
    if (!name) continue;
    const value = rest.join('=');
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}
