import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import type { Role } from '../src/db/types.ts';
import { buildServer } from '../src/server.tsx';
import { signInWithCsrfForTest } from './auth.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { insertUser } from './factories.ts';

/** A test's server on its own database, with signed-in sessions per role. Tests only. */
export type EditorialTestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  signIn: (role: Role, displayName?: string) => Promise<Session>;
  close: () => Promise<void>;
};

export type Session = {
  cookie: string;
  csrfToken: string;
  user: { id: number; displayName: string; role: Role };
};

export async function startEditorialApp(): Promise<EditorialTestApp> {
  const database = await createTestDatabase();
  const app = await buildServer(
    { config: loadConfig({}), db: database.db, engine: database.engine, now: () => new Date() },
    { logger: false },
  );
  return {
    app,
    database,
    signIn: async (role, displayName) => {
      const user = await insertUser(database.db, { role, displayName: displayName ?? `Test ${role}` });
      const { cookie, csrfToken } = await signInWithCsrfForTest(app, database.db, user);
      return { cookie, csrfToken, user };
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export type FormFields = Record<string, string | number | boolean | readonly string[] | undefined>;

/** A form POST as a browser sends it, with the session's cookie and (unless told otherwise) its CSRF token. */
export function postForm(
  app: FastifyInstance,
  url: string,
  session: Session,
  fields: FormFields,
  options: { csrf?: string | null } = {},
) {
  const body = new URLSearchParams();
  const csrf = options.csrf === undefined ? session.csrfToken : options.csrf;
  if (csrf !== null) body.append('_csrf', csrf);
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === false) continue;
    if (value === true) body.append(name, 'on');
    else if (typeof value === 'string' || typeof value === 'number') body.append(name, String(value));
    else for (const item of value) body.append(name, item);
  }
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: session.cookie,
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: body.toString(),
  });
}

export function getPage(app: FastifyInstance, url: string, session: Session | null) {
  return app.inject({
    method: 'GET',
    url,
    headers: { accept: 'text/html', ...(session ? { cookie: session.cookie } : {}) },
  });
}

/** The value of an input or textarea of a rendered page, by its name. */
export function inputValue(html: string, name: string): string | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const input = new RegExp(`<input[^>]*name="${escaped}"[^>]*>`).exec(html)?.[0];
  if (input) return /value="([^"]*)"/.exec(input)?.[1];
  return new RegExp(`<textarea[^>]*name="${escaped}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];
}
