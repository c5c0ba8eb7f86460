import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { signInAs } from '../../../test/auth.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { type Config, loadConfig } from '../../config.ts';
import type { Role } from '../../db/types.ts';
import { buildServer } from '../../server.tsx';

/** Test support for the questions and appeals modules: an app on a real database with a clock the test moves. */
export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  clock: { now: Date; advance: (ms: number) => void };
  config: Config;
  close: () => Promise<void>;
};

export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = {
    now: new Date('2026-03-02T09:00:00Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const config = loadConfig(env);
  const app = await buildServer(
    { config, db: database.db, engine: database.engine, now: () => clock.now },
    { logger: false },
  );
  return {
    app,
    database,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type AskForm = { cookie: string; csrf: string; stamp: string; submission: string };

export function formField(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return match?.[1] ?? '';
}

export function cookieFrom(response: LightMyRequestResponse, name: string): string {
  const cookie = response.cookies.find((item) => item.name === name);
  return cookie ? `${name}=${cookie.value}` : '';
}

/** Loads the form as a browser would: its cookie and hidden fields. */
export async function openAskForm(
  app: FastifyInstance,
  lang = 'en',
  remoteAddress = '10.0.0.1',
): Promise<AskForm> {
  const response = await app.inject({ url: `/${lang}/ask`, remoteAddress });
  return {
    cookie: cookieFrom(response, 'sozwatch_form'),
    csrf: formField(response.body, '_csrf'),
    stamp: formField(response.body, '_stamp'),
    submission: formField(response.body, '_submission'),
  };
}

export type AskFields = Partial<
  Record<'body' | 'topic' | 'region' | 'name' | 'contact' | 'consent' | 'website', string>
>;

export const validQuestion: AskFields = {
  body: 'A district akimat has not answered my request for the budget of a public event for 40 days. What can I do?',
  topic: 'access_to_information',
  region: 'karaganda',
  name: '',
  contact: '',
  consent: 'yes',
};

export async function postAsk(
  app: FastifyInstance,
  form: AskForm,
  fields: AskFields,
  options: { lang?: string; remoteAddress?: string; override?: Record<string, string> } = {},
) {
  const payload = new URLSearchParams({
    _csrf: form.csrf,
    _stamp: form.stamp,
    _submission: form.submission,
    website: '',
    ...Object.fromEntries(
      Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
    ...options.override,
  });
  return app.inject({
    method: 'POST',
    url: `/${options.lang ?? 'en'}/ask`,
    remoteAddress: options.remoteAddress ?? '10.0.0.1',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie },
    payload: payload.toString(),
  });
}

export function sentCredentials(html: string): { reference: string; code: string } {
  return {
    reference: /class="reference">([^<]+)</.exec(html)?.[1] ?? '',
    code: /class="access-code">([^<]+)</.exec(html)?.[1] ?? '',
  };
}

/** A signed-in staff member: a user row and a session cookie that has passed every factor. */
export async function signIn(testApp: TestApp, role: Role, displayName?: string) {
  const session = await signInAs(testApp.database.db, role, {
    ...(displayName ? { displayName } : {}),
    now: testApp.clock.now,
  });
  return { user: session.user, cookie: session.cookie, token: session.token, csrf: session.csrfToken };
}

export async function staffPost(
  app: FastifyInstance,
  staff: { cookie: string; csrf: string },
  url: string,
  fields: Record<string, string | string[]>,
) {
  const payload = new URLSearchParams();
  payload.append('_csrf', staff.csrf);
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) payload.append(key, item);
  }
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: staff.cookie },
    payload: payload.toString(),
  });
}

/** Asks a question through the public form, ten seconds after loading it, and returns its credentials. */
export async function askThroughForm(testApp: TestApp, fields: AskFields, remoteAddress = '10.9.9.9') {
  const form = await openAskForm(testApp.app, 'en', remoteAddress);
  testApp.clock.advance(10_000);
  const response = await postAsk(testApp.app, form, fields, { remoteAddress });
  const credentials = sentCredentials(response.body);
  const row = await testApp.database.db
    .selectFrom('questions')
    .select(['id', 'version'])
    .where('reference', '=', credentials.reference)
    .executeTakeFirstOrThrow();
  return { ...credentials, id: row.id, version: row.version, response };
}
