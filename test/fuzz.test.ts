import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/index.ts';
import { buildServer } from '../src/server.tsx';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { insertUser } from './factories.ts';
import { insertPublicRecords } from './public-records.ts';

/*
 * Hostile input everywhere: every GET route of the OpenAPI document and every page, and every form
 * (every POST route the server has), each with NUL characters, huge numbers, 10 kB strings, repeated
 * fields, prototype keys and broken Unicode, sent by a signed-in administrator so that the input
 * reaches the handlers behind the CSRF and role checks. No answer may be a 5xx, an API error must
 * have the JSON error shape, and no page may show a stack trace.
 *
 * Bounded for CI: five runs per route (RUNS_PER_ROUTE) on a small data set take well under a minute
 * on two shared cores; FUZZ_RUNS=20 in the environment digs deeper by hand.
 */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 5);

let database: TestDatabase;
let app: FastifyInstance;
let adminId = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertPublicRecords(database.db);
  adminId = (await insertUser(database.db, { role: 'admin', displayName: 'Fuzz admin' })).id;
  app = await buildServer(
    {
      // The API's rate limit would answer 429 before the handlers see the input.
      config: loadConfig({ API_RATE_LIMIT_MAX: '1000000' }),
      db: database.db,
      engine: database.engine,
      now: () => new Date('2024-07-15T10:00:00Z'),
    },
    { logger: false },
  );
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

// ------------------------------------------------------------------ hostile values

const tenKilobytes = 'x'.repeat(10_240);
const hostileText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '-1',
    '0',
    '1.5',
    '1e309',
    '-1e309',
    '9'.repeat(400),
    '18446744073709551616',
    '-9223372036854775809',
    'NaN',
    'Infinity',
    '2024-02-30',
    '2024-13-45',
    '9999-99',
    '0000-00-00',
    '\uD800',
    'a\uDFFFb',
    '\uFFFE\uFFFF',
    '\u202Eevil',
    '../../etc/passwd',
    "' or 1=1 --",
    '<script>alert(1)</script>',
    '=HYPERLINK("x")',
    tenKilobytes,
    '',
    ' ',
  ),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** Percent-encodes any string, lone surrogates included (as their UTF-8 replacement). */
const encode = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** A value as it travels in a URL: encoded text, or bytes that are not UTF-8 at all. */
const urlValue = fc.oneof(
  { weight: 4, arbitrary: hostileText.map(encode) },
  { weight: 1, arbitrary: fc.constantFrom('%FF', '%C3%28', '%ED%A0%80', '%E0%80%AF', '%', '%0', '%zz') },
);

const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Query strings and form bodies: known field names and prototype keys, repeated fields (arrays). */
function fieldsFor(names: readonly string[]) {
  const name = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom(...prototypeKeys, `${names[0] ?? 'x'}[]`, 'a.b.c') },
  );
  return fc.array(fc.tuple(name, urlValue), { maxLength: 8 });
}

const encodeFields = (pairs: ReadonlyArray<readonly [string, string]>) =>
  pairs.map(([key, value]) => `${encode(key)}=${value}`).join('&');

// ------------------------------------------------------------------ routes

/** Full paths of one method's routes, read from Fastify's own route tree. */
function routesOf(method: 'GET' | 'POST'): string[] {
  const tree = app.printRoutes({ method, commonPrefix: false });
  const stack: string[] = [];
  const paths: string[] = [];
  for (const line of tree.split('\n')) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = at / 4;
    const segment = line.slice(at + 3).replace(/ \(.*\)$/, '');
    stack.length = Math.floor(depth);
    stack.push(segment);
    if (line.includes(`(${method}`) || line.includes(`, ${method}`)) paths.push(stack.join(''));
  }
  return [...new Set(paths)];
}

/** Ids of records that exist, so that half the time a form reaches a real record's handler. */
const knownIds = fc.constantFrom('inc-main', 'case-honor', 'actor-kaidarova', '1', '2024-05', '0');
const pathValue = fc.oneof(urlValue, knownIds);

/** Fills a route's parameters: the language is real, every other one is hostile or a known id. */
function fillPath(route: string) {
  const params = route.match(/:\w+(\([^)]*\))?|\*/g) ?? [];
  return fc.tuple(...params.map(() => pathValue)).map((values) => {
    let index = 0;
    return route.replace(/:\w+(\([^)]*\))?|\*/g, (param) => {
      const value = values[index++] ?? '';
      if (param.startsWith(':lang')) return 'en';
      // A parameter with a pattern (\d+) must match it, or the router answers 404 before any handler.
      if (param.includes('\\d+')) return /^\d+$/.test(value) ? value : '1';
      return value === '' ? 'x' : value;
    });
  });
}

type OpenApi = {
  paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }>;
};

function checkAnswer(url: string, response: LightMyRequestResponse) {
  expect(response.statusCode, `${url} → ${response.statusCode}: ${response.body.slice(0, 300)}`).toBeLessThan(
    500,
  );
  expect(response.body, url).not.toMatch(/\bat \S+\.tsx?:\d+/);
  const type = String(response.headers['content-type'] ?? '');
  if (response.statusCode >= 400 && (url.startsWith('/api/') || type.includes('json'))) {
    expect(type, url).toContain('application/json');
    const body = response.json() as { error?: Record<string, unknown> };
    expect(Object.keys(body), url).toEqual(['error']);
    expect(typeof body.error?.code, url).toBe('string');
    expect(typeof body.error?.message, url).toBe('string');
    for (const key of Object.keys(body.error ?? {})) expect(['code', 'message', 'field'], url).toContain(key);
  }
}

let addressCounter = 0;
const nextAddress = () => {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
};

describe('fuzzing with hostile input', () => {
  it('answers every OpenAPI GET route without a 5xx, and API errors in the JSON error shape', async () => {
    const document = (await app.inject('/api/v1/openapi.json')).json() as OpenApi;
    const routes = Object.entries(document.paths).filter(([, item]) => item.get);
    expect(routes.length).toBeGreaterThan(10);
    for (const [route, item] of routes) {
      const apiRoute = `/api/v1${route}`
        .replace(/\/api\/v1\/api\/v1/, '/api/v1')
        .replace(/\{(\w+)\}/g, ':$1');
      const queryNames = (item.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      await fc.assert(
        fc.asyncProperty(
          fillPath(apiRoute),
          fieldsFor(queryNames.length ? queryNames : ['q']),
          async (path, query) => {
            const url = query.length ? `${path}?${encodeFields(query)}` : path;
            checkAnswer(
              url,
              await app.inject({
                url,
                remoteAddress: nextAddress(),
                headers: { accept: 'application/json' },
              }),
            );
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
  });

  it('answers every page (GET) without a 5xx or a stack trace', async () => {
    const session = await createSession(database.db, adminId, new Date(), { secondFactorDone: true });
    const cookie = `${SESSION_COOKIE}=${session.token}`;
    const pages = routesOf('GET').filter(
      (route) => !route.startsWith('/api/') && !route.startsWith('/static'),
    );
    expect(pages.length).toBeGreaterThan(20);
    const names = [
      'q',
      'page',
      'year',
      'month',
      'from',
      'to',
      'region',
      'category',
      'actor',
      'case',
      'done',
      'next',
      'sort',
      'scope',
      'figure',
      'status',
      'lang',
    ];
    for (const route of pages) {
      await fc.assert(
        fc.asyncProperty(fillPath(route), fieldsFor(names), async (path, query) => {
          const url = query.length ? `${path}?${encodeFields(query)}` : path;
          checkAnswer(
            url,
            await app.inject({ url, remoteAddress: nextAddress(), headers: { accept: 'text/html', cookie } }),
          );
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
  });

  it('answers every form (POST) without a 5xx, with the CSRF token right or wrong', async () => {
    const forms = routesOf('POST').filter((route) => !route.endsWith('/logout'));
    expect(forms.length).toBeGreaterThan(30);
    const names = [
      'version',
      'title.en',
      'title',
      'date',
      'counted_in',
      'categories',
      'region',
      'locality',
      'summary.ru',
      'email',
      'password',
      'new_password',
      'code',
      'next',
      'body',
      'topic',
      'name',
      'contact',
      'consent',
      'reference',
      'reply',
      'answer',
      'text',
      'lawyer',
      'cases',
      'articles',
      'incidents',
      'month',
      'item',
      'direction',
      'action',
      'kind',
      'role',
      'display_name',
      'target',
      'survivor',
      'incident',
      'case',
      'q',
      'instance',
      'outcome',
      'awarded',
      'introduction_en',
      'public_question',
      '_stamp',
      '_submission',
    ];
    for (const route of forms) {
      await fc.assert(
        fc.asyncProperty(
          fillPath(route),
          fieldsFor(names),
          fc.boolean(),
          fc.boolean(),
          async (path, fields, json, rightToken) => {
            const session = await createSession(database.db, adminId, new Date(), { secondFactorDone: true });
            const csrf = rightToken ? session.csrfToken : 'wrong';
            const headers = {
              cookie: `${SESSION_COOKIE}=${session.token}`,
              accept: path.startsWith('/api/') ? 'application/json' : 'text/html',
              'x-csrf-token': csrf,
            };
            const response =
              json || path.startsWith('/api/')
                ? await app.inject({
                    method: 'POST',
                    url: path,
                    remoteAddress: nextAddress(),
                    headers: { ...headers, 'content-type': 'application/json' },
                    payload: JSON.stringify(
                      Object.fromEntries(fields.map(([key, value]) => [key, safeDecode(value)])),
                    ),
                  })
                : await app.inject({
                    method: 'POST',
                    url: path,
                    remoteAddress: nextAddress(),
                    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
                    payload: `_csrf=${csrf}&${encodeFields(fields)}`,
                  });
            checkAnswer(path, response);
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
  });
});

/** The text a URL value stands for, for JSON bodies (bytes that are not UTF-8 stay as typed). */
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
