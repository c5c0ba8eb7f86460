import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cookieHeader, signInWithCsrfForTest } from '../../../test/auth.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { loadConfig } from '../../config.ts';
import type { Role } from '../../db/types.ts';
import { systemContext } from '../../lib/context.ts';
import { buildServer } from '../../server.tsx';
import { SESSION_COOKIE } from './auth.session.ts';
import { createUser } from './users.service.ts';

let database: TestDatabase;
let app: FastifyInstance;
/** The app's clock: tests move it forward to let throttling windows and TOTP steps pass. */
let clock = new Date();
const advance = (milliseconds: number) => {
  clock = new Date(clock.getTime() + milliseconds);
};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer(
    { config: loadConfig({}), db: database.db, engine: database.engine, now: () => clock },
    { logger: false },
  );
});
afterAll(async () => {
  await app.close();
  await database.close();
});
beforeEach(async () => {
  await database.db.deleteFrom('login_attempts').execute();
});

let counter = 0;
async function newUser(role: Role, password = 'correct horse battery staple') {
  counter += 1;
  const { user } = await createUser(systemContext(database.db, 'cli'), {
    email: `${role}${counter}@example.test`,
    role,
    displayName: `${role} ${counter}`,
    password,
  });
  return { ...user, password };
}

const csrfIn = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
const html = { accept: 'text/html' };

/** A visitor's browser: it keeps cookies between requests, like a real one. */
function browser(ip = '203.0.113.7') {
  let cookie = '';
  return {
    get cookie() {
      return cookie;
    },
    set cookie(value: string) {
      cookie = value;
    },
    async get(url: string) {
      const response = await app.inject({ url, headers: { ...html, cookie }, remoteAddress: ip });
      cookie = cookieHeader(response.headers['set-cookie'], cookie);
      return response;
    },
    async post(url: string, form: Record<string, string>) {
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { ...html, cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(form).toString(),
        remoteAddress: ip,
      });
      cookie = cookieHeader(response.headers['set-cookie'], cookie);
      return response;
    },
    /** Opens the login page and sends the form, as a person would. */
    async login(email: string, password: string, lang = 'en') {
      const page = await this.get(`/${lang}/login`);
      return this.post(`/${lang}/login`, { _csrf: csrfIn(page.body), email, password });
    },
  };
}

const sessionToken = (cookie: string) => cookie.match(new RegExp(`${SESSION_COOKIE}=([^;]+)`))?.[1];

/** The code an authenticator app shows at `at` (the app's clock by default). */
function codeFor(secret: string, at: Date = clock) {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}
/** A code that is valid at no step of the accepted window. */
function wrongCodeFor(secret: string) {
  const valid = new Set(
    [-30_000, 0, 30_000].map((offset) => codeFor(secret, new Date(clock.getTime() + offset))),
  );
  return ['000000', '111111', '222222', '333333'].find((code) => !valid.has(code)) ?? '444444';
}
// The page shows the secret in groups of four; the data-secret attribute holds it whole.
const secretOnPage = (body: string) => body.match(/data-secret="([A-Z2-7]+)"/)?.[1] ?? '';

describe('the login page', () => {
  it.each([
    ['kk', 'Кіру', 'Электрондық пошта', 'Құпиясөз'],
    ['ru', 'Вход', 'Электронная почта', 'Пароль'],
    ['en', 'Sign in', 'Email', 'Password'],
  ])(
    'is served in %s with labelled fields and a CSRF token, never cached',
    async (lang, title, email, password) => {
      const response = await browser().get(`/${lang}/login`);
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`<h1>${title}</h1>`);
      expect(response.body).toContain(`<label for="email">${email}</label>`);
      expect(response.body).toContain(`<label for="password">${password}</label>`);
      expect(response.body).toMatch(/<form method="post" action="\/\w\w\/login"/);
      expect(csrfIn(response.body)).toMatch(/^[\w-]{32}$/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(String(response.headers['set-cookie'])).toMatch(
        /sozwatch_form=[\w-]{32}; Path=\/; HttpOnly; SameSite=Strict/,
      );
    },
  );
});

describe('signing in with a password', () => {
  it('signs a monitor in, with a database session in an httpOnly SameSite=Lax cookie', async () => {
    const monitor = await newUser('monitor');
    const visitor = browser();
    const response = await visitor.login(monitor.email.toUpperCase(), monitor.password);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/editorial');
    const setCookie = [response.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(/sozwatch_session=[\w-]+; Max-Age=1209600; Path=\/; HttpOnly; SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const home = await visitor.get('/en/editorial');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`Signed in as ${monitor.displayName} (monitor)`);
    expect(home.body).toContain('action="/en/logout"');
    const sessions = await database.db
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', monitor.id)
      .execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.second_factor_done).toBe(true);
    expect(sessions[0]?.token_hash).not.toBe(sessionToken(visitor.cookie));
  });

  it('rotates the session at login: the token the browser had before is destroyed', async () => {
    const monitor = await newUser('monitor');
    const visitor = browser();
    await visitor.login(monitor.email, monitor.password);
    const first = visitor.cookie;
    // Signing in again from a signed-in browser (the form then carries the session's token).
    const home = await visitor.get('/en/editorial');
    const again = await visitor.post('/en/login', {
      _csrf: csrfIn(home.body),
      email: monitor.email,
      password: monitor.password,
    });
    expect(again.statusCode).toBe(303);
    expect(sessionToken(visitor.cookie)).not.toBe(sessionToken(first));
    const stale = await app.inject({ url: '/en/editorial', headers: { ...html, cookie: first } });
    expect(stale.statusCode).toBe(303);
    expect((await visitor.get('/en/editorial')).statusCode).toBe(200);
    const sessions = await database.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('user_id', '=', monitor.id)
      .execute();
    expect(sessions).toHaveLength(1);
  });

  it('forgets expired sessions and day-old attempts at a successful sign-in', async () => {
    const monitor = await newUser('monitor');
    const dayAgo = new Date(clock.getTime() - 86_400_001);
    await database.db
      .insertInto('sessions')
      .values({
        token_hash: 'expired',
        user_id: monitor.id,
        csrf_token: 'c',
        created_at: dayAgo,
        last_seen_at: dayAgo,
        expires_at: dayAgo,
      })
      .execute();
    await database.db
      .insertInto('login_attempts')
      .values({ throttle_key: 'ip:192.0.2.1', attempted_at: dayAgo, succeeded: false })
      .execute();
    expect((await browser().login(monitor.email, monitor.password)).statusCode).toBe(303);
    expect(
      await database.db
        .selectFrom('sessions')
        .select('token_hash')
        .where('token_hash', '=', 'expired')
        .execute(),
    ).toEqual([]);
    expect(
      await database.db
        .selectFrom('login_attempts')
        .select('id')
        .where('throttle_key', '=', 'ip:192.0.2.1')
        .execute(),
    ).toEqual([]);
  });

  it('refuses a wrong password and an unknown email alike, keeping the typed email', async () => {
    const monitor = await newUser('monitor');
    const wrong = await browser().login(monitor.email, 'not the password');
    const unknown = await browser().login('nobody@example.test', 'not the password');
    for (const [response, email] of [
      [wrong, monitor.email],
      [unknown, 'nobody@example.test'],
    ] as const) {
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain('The email or password is incorrect.');
      expect(response.body).toContain(`value="${email}"`);
      expect(response.body).toContain('aria-invalid="true"');
      expect(String(response.headers['set-cookie'] ?? '')).not.toMatch(/sozwatch_session=[\w-]/);
    }
  });

  it('names the missing fields in the language of the page', async () => {
    const response = await browser().login('', '', 'ru');
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Введите адрес электронной почты.');
    expect(response.body).toContain('Введите пароль.');
    expect(response.body).toContain('href="#email"');
  });

  it('refuses a disabled account with the same message', async () => {
    const monitor = await newUser('monitor');
    await database.db.updateTable('users').set({ disabled_at: clock }).where('id', '=', monitor.id).execute();
    const response = await browser().login(monitor.email, monitor.password);
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('The email or password is incorrect.');
  });

  it('refuses a form without the right CSRF token, and creates no session', async () => {
    const monitor = await newUser('monitor');
    const visitor = browser();
    await visitor.get('/en/login');
    const forged = await visitor.post('/en/login', {
      _csrf: 'x'.repeat(32),
      email: monitor.email,
      password: monitor.password,
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('The form has expired. Please try again.');
    expect(forged.body).toContain(`value="${monitor.email}"`);
    const crossSite = await browser().post('/en/login', { email: monitor.email, password: monitor.password });
    expect(crossSite.statusCode).toBe(403);
    expect(
      await database.db.selectFrom('sessions').select('user_id').where('user_id', '=', monitor.id).execute(),
    ).toEqual([]);
  });

  it('ignores a `next` that leaves the site', async () => {
    const monitor = await newUser('monitor');
    const visitor = browser();
    const page = await visitor.get('/en/login?next=//evil.example/');
    const response = await visitor.post('/en/login', {
      _csrf: csrfIn(page.body),
      email: monitor.email,
      password: monitor.password,
      next: '//evil.example/',
    });
    expect(response.headers.location).toBe('/en/editorial');
    const back = browser();
    const again = await back.get('/en/login');
    const local = await back.post('/en/login', {
      _csrf: csrfIn(again.body),
      email: monitor.email,
      password: monitor.password,
      next: '/en/editorial/password',
    });
    expect(local.headers.location).toBe('/en/editorial/password');
  });

  it('marks the session cookie Secure in production', async () => {
    const production = await buildServer(
      {
        config: loadConfig({
          NODE_ENV: 'production',
          SESSION_SECRET: 's'.repeat(40),
          PUBLIC_URL: 'https://sozwatch.example',
        }),
        db: database.db,
        engine: database.engine,
        now: () => clock,
      },
      { logger: false },
    );
    try {
      const monitor = await newUser('monitor');
      const page = await production.inject({ url: '/en/login', headers: html });
      const response = await production.inject({
        method: 'POST',
        url: '/en/login',
        headers: { ...html, cookie: cookieHeader(page.headers['set-cookie']) },
        payload: { _csrf: csrfIn(page.body), email: monitor.email, password: monitor.password },
      });
      expect(response.statusCode).toBe(303);
      expect(String(response.headers['set-cookie'])).toMatch(
        /sozwatch_session=[\w-]+;.*HttpOnly; Secure; SameSite=Lax/,
      );
    } finally {
      await production.close();
    }
  });
});

describe('login throttling', () => {
  it('locks an email after 5 failures in 15 minutes, says for how long, and lets it go after', async () => {
    const monitor = await newUser('monitor');
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await browser().login(monitor.email, 'wrong password')).statusCode).toBe(401);
      advance(60_000);
    }
    // Failures at minutes 0 to 4, now minute 5: the first one leaves the window at minute 15.
    const locked = await browser().login(monitor.email, monitor.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many attempts. Try again in 10 minutes.');
    expect(locked.headers['retry-after']).toBe(String(10 * 60));
    expect(locked.body).toContain(`value="${monitor.email}"`);
    const inRussian = await browser().login(monitor.email, monitor.password, 'ru');
    expect(inRussian.body).toContain('Слишком много попыток. Попробуйте снова через 10 минут.');
    const inKazakh = await browser().login(monitor.email, monitor.password, 'kk');
    expect(inKazakh.body).toContain('Әрекет тым көп болды. 10 минуттан кейін қайталап көріңіз.');
    advance(9 * 60_000);
    const almost = await browser().login(monitor.email, monitor.password, 'ru');
    expect(almost.body).toContain('через 1 минуту.');
    advance(60_000);
    expect((await browser().login(monitor.email, monitor.password)).statusCode).toBe(303);
    const keys = await database.db.selectFrom('login_attempts').select('throttle_key').distinct().execute();
    expect(keys.map((row) => row.throttle_key).sort()).toEqual([
      `email:${monitor.email}`,
      'ip:203.0.113.7',
      `known:203.0.113.7:${monitor.email}`,
      `pair:203.0.113.7:${monitor.email}`,
    ]);
  });

  it('lets nobody lock a user out from elsewhere: the usual address still gets in', async () => {
    const monitor = await newUser('monitor');
    const desk = browser('203.0.113.50');
    expect((await desk.login(monitor.email, monitor.password)).statusCode).toBe(303);
    advance(60_000);
    // 25 wrong passwords for this account from 25 other addresses, as fast as they are answered.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 25; attempt++) {
      statuses.push((await browser(`198.18.1.${attempt}`).login(monitor.email, 'wrong password')).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    // After 10 failures, guessing from a new address waits, longer after each failure.
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    const slowed = await browser('198.18.2.1').login(monitor.email, 'wrong password');
    expect(slowed.statusCode).toBe(429);
    advance(1500);
    expect((await browser('198.18.2.2').login(monitor.email, 'wrong password')).statusCode).toBe(401);
    const longer = await browser('198.18.2.3').login(monitor.email, 'wrong password');
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThanOrEqual(2);
    // The user at their usual address signs in with the right password all the same.
    expect((await browser('203.0.113.50').login(monitor.email, monitor.password)).statusCode).toBe(303);
  });

  it('locks one address and one account after 5 failures, not the account everywhere', async () => {
    const monitor = await newUser('monitor');
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await browser('198.18.3.1').login(monitor.email, 'wrong password')).statusCode).toBe(401);
    }
    expect((await browser('198.18.3.1').login(monitor.email, monitor.password)).statusCode).toBe(429);
    expect((await browser('198.18.3.2').login(monitor.email, monitor.password)).statusCode).toBe(303);
  });

  it('starts an email count again after a successful sign-in', async () => {
    const monitor = await newUser('monitor');
    for (let attempt = 0; attempt < 4; attempt++) await browser().login(monitor.email, 'wrong password');
    expect((await browser().login(monitor.email, monitor.password)).statusCode).toBe(303);
    for (let attempt = 0; attempt < 4; attempt++) await browser().login(monitor.email, 'wrong password');
    expect((await browser().login(monitor.email, monitor.password)).statusCode).toBe(303);
  });

  it('locks an address after 20 failures, whatever the emails, but not other addresses', async () => {
    const monitor = await newUser('monitor');
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(
        (await browser('198.51.100.9').login(`guess${attempt}@example.test`, 'wrong password')).statusCode,
      ).toBe(401);
    }
    const locked = await browser('198.51.100.9').login(monitor.email, monitor.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Try again in 15 minutes.');
    expect((await browser('198.51.100.10').login(monitor.email, monitor.password)).statusCode).toBe(303);
  });
});

describe('two-factor sign-in', () => {
  it('makes an editor without TOTP enrol before anything else, then signs them in', async () => {
    const editor = await newUser('editor');
    const visitor = browser();
    const afterPassword = await visitor.login(editor.email, editor.password);
    expect(afterPassword.statusCode).toBe(303);
    expect(afterPassword.headers.location).toBe('/en/login/enrol?next=%2Fen%2Feditorial');
    const pendingToken = sessionToken(visitor.cookie);

    // Until the code, the session is not signed in: editorial pages send it back to the login.
    const blocked = await visitor.get('/en/editorial');
    expect(blocked.statusCode).toBe(303);
    expect(blocked.headers.location).toBe('/en/login?next=%2Fen%2Feditorial');
    expect((await visitor.get('/en/login')).headers.location).toBe('/en/login/code?next=%2Fen%2Feditorial');
    expect((await visitor.get('/en/login/code')).headers.location).toBe(
      '/en/login/enrol?next=%2Fen%2Feditorial',
    );

    const enrol = await visitor.get('/en/login/enrol');
    expect(enrol.statusCode).toBe(200);
    expect(enrol.headers['cache-control']).toBe('no-store');
    const secret = secretOnPage(enrol.body);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrol.body).toContain(`otpauth://totp/sozwatch:${encodeURIComponent(editor.email)}?`);
    expect(enrol.body).toContain(`secret=${secret}`);
    const stored = await database.db
      .selectFrom('users')
      .select(['totp_secret', 'totp_enabled_at'])
      .where('id', '=', editor.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ totp_secret: secret, totp_enabled_at: null });
    expect(secretOnPage((await visitor.get('/en/login/enrol')).body)).toBe(secret);

    const wrong = await visitor.post('/en/login/enrol', {
      _csrf: csrfIn(enrol.body),
      code: wrongCodeFor(secret),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('The code is incorrect or has expired.');
    expect(secretOnPage(wrong.body)).toBe(secret);

    const code = codeFor(secret);
    const done = await visitor.post('/en/login/enrol', {
      _csrf: csrfIn(enrol.body),
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/en/editorial?notice=second-factor-enabled');
    expect(sessionToken(visitor.cookie)).not.toBe(pendingToken);
    const home = await visitor.get('/en/editorial?notice=second-factor-enabled');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Two-factor sign-in is set up.');
    expect(home.body).toContain('Two-factor sign-in is on.');
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('entity_id', '=', String(editor.id))
      .orderBy('id')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'user.create',
      'user.totp_issue',
      'user.totp_enable',
      'session.sign_in',
    ]);
  });

  it('asks an enrolled admin for a code, accepts each code once, and throttles wrong codes', async () => {
    const admin = await newUser('admin');
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await database.db
      .updateTable('users')
      .set({ totp_secret: secret, totp_enabled_at: clock })
      .where('id', '=', admin.id)
      .execute();

    const first = browser();
    expect((await first.login(admin.email, admin.password)).headers.location).toBe(
      '/en/login/code?next=%2Fen%2Feditorial',
    );
    const form = await first.get('/en/login/code');
    expect(form.body).toContain('Enter the 6-digit code from your authenticator app.');
    expect(form.body).not.toContain(secret);
    const code = codeFor(secret);
    expect((await first.post('/en/login/code', { _csrf: csrfIn(form.body), code })).headers.location).toBe(
      '/en/editorial',
    );

    // The same code a few seconds later, from another browser: refused as a replay.
    advance(5_000);
    const second = browser();
    await second.login(admin.email, admin.password);
    const again = await second.get('/en/login/code');
    const replay = await second.post('/en/login/code', { _csrf: csrfIn(again.body), code });
    expect(replay.statusCode).toBe(401);
    advance(30_000);
    const fresh = await second.post('/en/login/code', { _csrf: csrfIn(again.body), code: codeFor(secret) });
    expect(fresh.statusCode).toBe(303);

    const third = browser();
    await third.login(admin.email, admin.password);
    const page = await third.get('/en/login/code');
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        (await third.post('/en/login/code', { _csrf: csrfIn(page.body), code: '12345' })).statusCode,
      ).toBe(401);
    }
    const locked = await third.post('/en/login/code', { _csrf: csrfIn(page.body), code: codeFor(secret) });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Too many attempts. Try again in 15 minutes.');
    const forged = await third.post('/en/login/code', { _csrf: 'forged', code: codeFor(secret) });
    expect(forged.statusCode).toBe(403);
  });

  it('does not ask monitors and lawyers without TOTP for a code', async () => {
    const lawyer = await newUser('lawyer');
    expect((await browser().login(lawyer.email, lawyer.password)).headers.location).toBe('/en/editorial');
  });
});

describe('signing out', () => {
  it('destroys the session and clears the cookie; a forged form signs nobody out', async () => {
    const monitor = await newUser('monitor');
    const visitor = browser();
    await visitor.login(monitor.email, monitor.password);
    const home = await visitor.get('/en/editorial');
    const token = sessionToken(visitor.cookie);

    const forged = await visitor.post('/en/logout', { _csrf: 'forged' });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('The form has expired.');
    expect((await visitor.get('/en/editorial')).statusCode).toBe(200);

    const signedIn = visitor.cookie;
    const response = await visitor.post('/en/logout', { _csrf: csrfIn(home.body) });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/login?signed_out=1');
    expect(String(response.headers['set-cookie'])).toMatch(/sozwatch_session=;/);
    expect(sessionToken(visitor.cookie)).toBeUndefined();
    const reused = await app.inject({ url: '/en/editorial', headers: { ...html, cookie: signedIn } });
    expect(reused.statusCode).toBe(303);
    expect(token).toBeDefined();
    expect((await visitor.get('/en/login?signed_out=1')).body).toContain('You have signed out.');
    const audit = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(monitor.id))
      .where('action', '=', 'session.sign_out')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('editorial pages by role', () => {
  const pages: Array<[string, string]> = [
    ['GET', '/en/editorial'],
    ['GET', '/en/editorial/password'],
    ['GET', '/en/editorial/users'],
    ['POST', '/en/editorial/users'],
  ];
  // Status per page, in the order above: 200 shown, 403 refused, 422 form answered (empty form).
  const matrix: Record<Role | 'anonymous', number[]> = {
    anonymous: [303, 303, 303, 303],
    monitor: [200, 200, 403, 403],
    lawyer: [200, 200, 403, 403],
    editor: [200, 200, 403, 403],
    admin: [200, 200, 200, 422],
  };

  it.each(Object.entries(matrix))('%s', async (role, expected) => {
    const signedIn =
      role === 'anonymous'
        ? { cookie: '', csrfToken: '' }
        : await signInWithCsrfForTest(app, database.db, await newUser(role as Role));
    const got: number[] = [];
    for (const [method, url] of pages) {
      const response = await app.inject({
        method: method as 'GET' | 'POST',
        url,
        headers: { ...html, cookie: signedIn.cookie },
        ...(method === 'POST' ? { payload: { _csrf: signedIn.csrfToken } } : {}),
      });
      got.push(response.statusCode);
      if (response.statusCode === 403)
        expect(response.body).toContain(`Your role (${role}) cannot open this page.`);
      if (response.statusCode === 303) expect(response.headers.location).toMatch(/^\/en\/login\?next=/);
    }
    expect(got).toEqual(expected);
  });

  it('ignores notices it does not know, inherited names included', async () => {
    const admin = await signInWithCsrfForTest(app, database.db, await newUser('admin'));
    for (const url of [
      '/en/editorial?notice=constructor',
      '/en/editorial/users?done=constructor',
      '/en/editorial/users?done=__proto__',
    ]) {
      const response = await app.inject({ url, headers: { ...html, cookie: admin.cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('role="status"');
    }
  });

  it('shows each role the links of its work', async () => {
    const lawyer = await signInWithCsrfForTest(app, database.db, await newUser('lawyer'));
    const page = await app.inject({ url: '/ru/editorial', headers: { ...html, cookie: lawyer.cookie } });
    expect(page.body).toContain('href="/ru/editorial/cases"');
    expect(page.body).not.toContain('href="/ru/editorial/incidents"');
    expect(page.body).not.toContain('href="/ru/editorial/users"');
    expect(page.body).toContain('Ведёт судебные дела');
    const admin = await signInWithCsrfForTest(app, database.db, await newUser('admin'));
    const kk = await app.inject({ url: '/kk/editorial', headers: { ...html, cookie: admin.cookie } });
    expect(kk.body).toContain('href="/kk/editorial/users"');
    expect(kk.body).toContain('Пайдаланушылар');
    expect(kk.body).toContain('<nav aria-label="Редакция навигациясы"');
  });
});

describe('the users page', () => {
  it('lets an admin add a user, shows the password once, and that password signs in', async () => {
    const admin = await signInWithCsrfForTest(app, database.db, await newUser('admin'));
    const post = (form: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/en/editorial/users',
        headers: { ...html, cookie: admin.cookie },
        payload: form,
      });

    const bad = await post({
      _csrf: admin.csrfToken,
      email: 'not-an-email',
      displayName: 'Aigerim',
      role: 'monitor',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter a valid email address, like name@example.org.');
    expect(bad.body).toContain('value="not-an-email"');
    expect(bad.body).toContain('value="Aigerim"');
    expect(bad.body).toMatch(/<option value="monitor" selected/);

    const noRole = await post({ _csrf: admin.csrfToken, email: 'aigerim@example.test', role: 'chief' });
    expect(noRole.statusCode).toBe(422);
    expect(noRole.body).toContain('Choose a role.');

    const forged = await post({ _csrf: 'forged', email: 'aigerim@example.test', role: 'monitor' });
    expect(forged.statusCode).toBe(403);

    const created = await post({
      _csrf: admin.csrfToken,
      email: 'Aigerim@Example.test',
      displayName: 'Aigerim',
      role: 'monitor',
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const password = created.body.match(/class="generated-password">([^<]+)</)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){4}$/);
    expect((await browser().login('aigerim@example.test', password)).headers.location).toBe('/en/editorial');

    const duplicate = await post({ _csrf: admin.csrfToken, email: 'aigerim@example.test', role: 'lawyer' });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.body).toContain('A user with this email already exists.');

    const list = await app.inject({ url: '/en/editorial/users', headers: { ...html, cookie: admin.cookie } });
    expect(list.body).toContain('aigerim@example.test');
    expect(list.body).not.toContain(password);
  });

  it('disables and enables an account, ends its sessions, and refuses to disable oneself', async () => {
    const adminUser = await newUser('admin');
    const admin = await signInWithCsrfForTest(app, database.db, adminUser);
    const monitor = await newUser('monitor');
    const monitorSession = await signInWithCsrfForTest(app, database.db, monitor);
    const act = (id: number, action: string, csrf = admin.csrfToken) =>
      app.inject({
        method: 'POST',
        url: `/en/editorial/users/${id}/${action}`,
        headers: { ...html, cookie: admin.cookie },
        payload: { _csrf: csrf },
      });

    expect((await act(monitor.id, 'disable', 'forged')).statusCode).toBe(403);
    const disabled = await act(monitor.id, 'disable');
    expect(disabled.statusCode).toBe(303);
    expect(disabled.headers.location).toBe('/en/editorial/users?done=disabled');
    expect(
      (await app.inject({ url: '/en/editorial', headers: { ...html, cookie: monitorSession.cookie } }))
        .statusCode,
    ).toBe(303);
    expect((await browser().login(monitor.email, monitor.password)).statusCode).toBe(401);
    expect((await act(monitor.id, 'enable')).statusCode).toBe(303);
    expect((await browser().login(monitor.email, monitor.password)).statusCode).toBe(303);

    const self = await act(adminUser.id, 'disable');
    expect(self.statusCode).toBe(409);
    expect(self.body).toContain('You cannot disable your own account.');
    expect((await act(999_999, 'disable')).statusCode).toBe(404);
  });
});

describe("changing one's password", () => {
  it('needs the current password, ends the other sessions, keeps this one', async () => {
    const monitor = await newUser('monitor');
    const here = browser();
    await here.login(monitor.email, monitor.password);
    const elsewhere = browser();
    await elsewhere.login(monitor.email, monitor.password);
    const page = await here.get('/en/editorial/password');
    const csrf = csrfIn(page.body);

    const wrong = await here.post('/en/editorial/password', {
      _csrf: csrf,
      currentPassword: 'nope',
      newPassword: 'a new long passphrase',
      confirmPassword: 'a new long passphrase',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('The current password is incorrect.');
    const mismatch = await here.post('/en/editorial/password', {
      _csrf: csrf,
      currentPassword: monitor.password,
      newPassword: 'a new long passphrase',
      confirmPassword: 'another one entirely',
    });
    expect(mismatch.body).toContain('The two new passwords do not match.');
    const short = await here.post('/en/editorial/password', {
      _csrf: csrf,
      currentPassword: monitor.password,
      newPassword: 'short',
      confirmPassword: 'short',
    });
    expect(short.body).toContain('The new password must be at least 12 characters.');

    const done = await here.post('/en/editorial/password', {
      _csrf: csrf,
      currentPassword: monitor.password,
      newPassword: 'a new long passphrase',
      confirmPassword: 'a new long passphrase',
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/en/editorial?notice=password-changed');
    expect((await here.get('/en/editorial?notice=password-changed')).body).toContain(
      'Your password is changed.',
    );
    expect((await elsewhere.get('/en/editorial')).statusCode).toBe(303);
    expect((await browser().login(monitor.email, 'a new long passphrase')).statusCode).toBe(303);
    expect((await browser().login(monitor.email, monitor.password)).statusCode).toBe(401);
  });
});
