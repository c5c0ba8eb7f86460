import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/lib/context.ts';
import { createUser } from '../src/modules/auth/users.service.ts';
import {
  openAskForm,
  postAsk,
  startTestApp,
  type TestApp,
  validQuestion,
} from '../src/modules/questions/questions.testkit.ts';
import { buildServer } from '../src/server.tsx';
import { cookieHeader } from './auth.ts';
import { insertIncident } from './factories.ts';

/*
 * Issue 13: what a hostile probe found, one describe per finding (the editorial forms, notices and
 * login throttling are tested in their modules, the fuzz test in fuzz.test.ts).
 */

let t: TestApp;
// A restricted incident whose id carries a surname, as import files and the demo write them.
const restrictedId = 'probe-2024-05-ivanova-summons';

beforeAll(async () => {
  t = await startTestApp({ API_RATE_LIMIT_MAX: '5' });
  const db = t.database.db;
  await insertIncident(db, { id: 'probe-open', date: '2024-05-10', title: { en: 'Open probe record' } });
  await insertIncident(db, {
    id: restrictedId,
    date: '2024-05-12',
    visibility: 'restricted',
    categories: ['summons'],
    title: { en: 'Restricted probe record' },
  });
  const formulas = ['=HYPERLINK("https://formula.example","open")', '@SUM(A1:A9)', '+1+1', '-2+3'];
  for (const [index, title] of formulas.entries()) {
    await insertIncident(db, {
      id: `probe-formula-${index}`,
      date: `2024-04-0${index + 1}`,
      title: { en: title },
    });
  }
});
afterAll(async () => t.close());

const html = { accept: 'text/html' };
let addresses = 0;
/** A GET from an address of its own: the API's rate limit (5 here) is the subject of one test only. */
const get = (url: string, headers: Record<string, string> = {}) => {
  addresses += 1;
  return t.app.inject({
    url,
    headers,
    remoteAddress: `10.77.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`,
  });
};
const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

describe('1. proxy headers are believed only from configured proxies', () => {
  const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };

  it('builds every absolute link from PUBLIC_URL, never from forwarded headers', async () => {
    const form = await openAskForm(t.app, 'en', '192.0.2.10');
    t.clock.advance(10_000);
    const payload = new URLSearchParams({
      _csrf: form.csrf,
      _stamp: form.stamp,
      _submission: form.submission,
      website: '',
      ...validQuestion,
      contact: 'sender@example.test',
    } as Record<string, string>);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/en/ask',
      remoteAddress: '192.0.2.10',
      headers: { ...forged, 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
      payload: payload.toString(),
    });
    expect(asked.statusCode).toBe(200);
    const mails = await t.database.db.selectFrom('outbox').select('body').execute();
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.body).not.toContain('evil.example');
      expect(mail.body).toContain('http://127.0.0.1:3000/');
    }
    for (const url of [
      '/sitemap.xml',
      '/sitemaps/incidents-0.xml',
      '/en/feed.xml',
      '/api/v1/incidents.csv',
    ]) {
      const response = await get(url, forged);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain('evil.example');
      expect(response.body, url).toContain('http://127.0.0.1:3000/');
    }
  });

  it('keys the API rate limit on the connecting address, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (let request = 0; request < 8; request++) {
      const response = await t.app.inject({
        url: '/api/v1/',
        remoteAddress: '192.0.2.20',
        headers: { 'x-forwarded-for': `198.51.100.${request}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
  });

  it('counts sign-in failures and questions by the connecting address too', async () => {
    const { user } = await createUser(systemContext(t.database.db, 'cli'), {
      email: 'proxy-probe@example.test',
      role: 'monitor',
      displayName: 'Proxy probe',
      password: 'correct horse battery staple',
    });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 25; attempt++) {
      const headers = { ...html, 'x-forwarded-for': `203.0.113.${attempt}` };
      const page = await t.app.inject({ url: '/en/login', headers, remoteAddress: '192.0.2.30' });
      const response = await t.app.inject({
        method: 'POST',
        url: '/en/login',
        remoteAddress: '192.0.2.30',
        headers: { ...headers, cookie: cookieHeader(page.headers['set-cookie']) },
        payload: { _csrf: csrfIn(page.body), email: `guess${attempt}@example.test`, password: 'wrong' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(5);
    expect(user.email).toBe('proxy-probe@example.test');

    let accepted = 0;
    for (let question = 0; question < 6; question++) {
      const form = await openAskForm(t.app, 'en', '192.0.2.40');
      t.clock.advance(10_000);
      const response = await t.app.inject({
        method: 'POST',
        url: '/en/ask',
        remoteAddress: '192.0.2.40',
        headers: {
          'x-forwarded-for': `203.0.113.${question}`,
          'content-type': 'application/x-www-form-urlencoded',
          cookie: form.cookie,
        },
        payload: new URLSearchParams({
          _csrf: form.csrf,
          _stamp: form.stamp,
          _submission: form.submission,
          website: '',
          ...(validQuestion as Record<string, string>),
        }).toString(),
      });
      if (response.statusCode === 200) accepted += 1;
    }
    expect(accepted).toBe(3);
  });

  it('believes X-Forwarded-For from the proxies TRUST_PROXY names', async () => {
    const proxied = await startTestApp({ API_RATE_LIMIT_MAX: '2', TRUST_PROXY: '192.0.2.50' });
    try {
      const fromClient = async (client: string) =>
        (
          await proxied.app.inject({
            url: '/api/v1/',
            remoteAddress: '192.0.2.50',
            headers: { 'x-forwarded-for': client },
          })
        ).statusCode;
      expect([await fromClient('198.51.100.1'), await fromClient('198.51.100.1')]).toEqual([200, 200]);
      expect(await fromClient('198.51.100.1')).toBe(429);
      expect(await fromClient('198.51.100.2')).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe('2. the public CSV cannot carry a formula', () => {
  it('prefixes every cell a spreadsheet would run with an apostrophe', async () => {
    const response = await get('/api/v1/incidents.csv?lang=en&year=2024');
    expect(response.statusCode).toBe(200);
    const rows: Array<Record<string, string>> = parse(response.body, { columns: true, bom: true });
    const titles = rows.map((row) => row.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        '\'=HYPERLINK("https://formula.example","open")',
        "'@SUM(A1:A9)",
        "'+1+1",
        "'-2+3",
      ]),
    );
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

describe('3. a restricted incident is public without its own id', () => {
  it('shows no restricted id in the API, downloads, pages, feed or sitemap, and serves it by its reference', async () => {
    const list = (await get('/api/v1/incidents?year=2024&per_page=100')).json().data as Array<{
      id: string;
      restricted: boolean;
    }>;
    const restricted = list.filter((incident) => incident.restricted);
    expect(restricted).toHaveLength(1);
    const publicId = restricted[0]?.id ?? '';
    expect(publicId).toMatch(/^restricted-[0-9a-f-]{36}$/);
    for (const url of [
      '/api/v1/incidents?year=2024&per_page=100',
      '/api/v1/incidents.csv',
      '/api/v1/incidents.json',
      `/api/v1/incidents/${publicId}`,
      '/en/incidents',
      '/ru/incidents?year=2024',
      `/en/incidents/${publicId}`,
      '/en/feed.xml',
      '/sitemap.xml',
      '/sitemaps/incidents-0.xml',
      '/en/statistics/records?month=2024-05&scope=month&figure=groups.rights',
    ]) {
      const response = await get(url, html);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toContain('ivanova');
    }
    expect((await get(`/api/v1/incidents/${publicId}`)).json().data).toMatchObject({
      id: publicId,
      restricted: true,
      date: '2024-05',
      title: null,
    });
    expect((await get(`/api/v1/incidents/${restrictedId}`)).statusCode).toBe(404);
    expect((await get(`/en/incidents/${restrictedId}`, html)).statusCode).toBe(404);
  });
});

describe('4. a NUL character is a 400 naming the field', () => {
  it.each([
    ['/api/v1/incidents/%00', 'id'],
    ['/api/v1/incidents?actor=%00', 'actor'],
    ['/api/v1/incidents?q=a%00b', 'q'],
    ['/api/v1/cases/%00', 'id'],
    ['/api/v1/actors?q=%00', 'q'],
  ])('GET %s', async (url, field) => {
    const response = await get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'bad_request', message: expect.any(String), field } });
  });

  it('in pages and forms too', async () => {
    for (const url of ['/en/incidents/%00', '/en/incidents?q=%00', '/en/actors/%00']) {
      const response = await get(url, html);
      expect(response.statusCode, url).toBe(400);
      expect(response.body, url).not.toMatch(/at .*\.ts:\d+/);
    }
    const login = await t.app.inject({ url: '/en/login', headers: html });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/en/login',
      headers: { ...html, cookie: cookieHeader(login.headers['set-cookie']) },
      payload: { _csrf: csrfIn(login.body), email: '\u0000', password: 'x' },
    });
    expect(signIn.statusCode).toBe(400);
    const status = await t.app.inject({ url: '/en/ask/status', headers: html });
    const lookup = await t.app.inject({
      method: 'POST',
      url: '/en/ask/status',
      headers: { ...html, cookie: cookieHeader(status.headers['set-cookie']) },
      payload: { _csrf: csrfIn(status.body), reference: '\u0000', code: 'x' },
    });
    expect(lookup.statusCode).toBe(400);
  });
});

describe('8. instances share the question form key through the database', () => {
  it('accepts on one instance a form served by another, without SESSION_SECRET', async () => {
    // Same database, another instance: what a load balancer does between two requests.
    const second = await buildServer(
      { config: t.config, db: t.database.db, engine: t.database.engine, now: () => t.clock.now },
      { logger: false },
    );
    try {
      const form = await openAskForm(t.app, 'en', '192.0.2.60');
      t.clock.advance(10_000);
      const response = await postAsk(second, form, validQuestion, { remoteAddress: '192.0.2.60' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('class="reference"');
    } finally {
      await second.close();
    }
  });
});

describe('10. cookies', () => {
  it('marks the anonymous forms’ cookie Secure when the site is served over https', async () => {
    const behindProxy = await startTestApp({ PUBLIC_URL: 'https://sozwatch.example' });
    try {
      for (const url of ['/en/login', '/en/ask']) {
        const response = await behindProxy.app.inject({ url, headers: html });
        const formCookie = [response.headers['set-cookie'] ?? []]
          .flat()
          .find((line) => line.startsWith('sozwatch_form='));
        expect(formCookie, url).toMatch(/; Secure/);
      }
    } finally {
      await behindProxy.close();
    }
  });

  it('gives a session that still owes its TOTP code a cookie of 10 minutes, not 14 days', async () => {
    await createUser(systemContext(t.database.db, 'cli'), {
      email: 'pending-probe@example.test',
      role: 'editor',
      displayName: 'Pending probe',
      password: 'correct horse battery staple',
    });
    const page = await t.app.inject({ url: '/en/login', headers: html, remoteAddress: '192.0.2.70' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/en/login',
      remoteAddress: '192.0.2.70',
      headers: { ...html, cookie: cookieHeader(page.headers['set-cookie']) },
      payload: {
        _csrf: csrfIn(page.body),
        email: 'pending-probe@example.test',
        password: 'correct horse battery staple',
      },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/\/login\/enrol/);
    const session = [response.headers['set-cookie'] ?? []]
      .flat()
      .find((line) => line.startsWith('sozwatch_session='));
    expect(session).toMatch(/Max-Age=600(;|$)/);
  });
});
