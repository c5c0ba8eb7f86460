import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertUser } from '../../../test/factories.ts';
import { loadConfig } from '../../config.ts';
import type { Role } from '../../db/types.ts';
import { buildServer } from '../../server.tsx';
import { createSession, SESSION_COOKIE } from '../auth/index.ts';

let database: TestDatabase;
let app: FastifyInstance;
type Session = { cookie: string; csrf: string };
const sessions: Partial<Record<Role, Session>> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer(
    { config: loadConfig({}), db: database.db, engine: database.engine, now: () => new Date() },
    { logger: false },
  );
  for (const role of ['editor', 'monitor', 'lawyer'] as const) {
    const user = await insertUser(database.db, { role, displayName: `API ${role}` });
    const { token, csrfToken } = await createSession(database.db, user.id, new Date(), {
      secondFactorDone: true,
    });
    sessions[role] = { cookie: `${SESSION_COOKIE}=${token}`, csrf: csrfToken };
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

function call(role: Role | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  const session = role ? sessions[role] : undefined;
  return app.inject({
    method,
    url,
    headers: {
      accept: 'application/json',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
    },
    ...(payload ? { payload } : {}),
  });
}

const api = '/api/v1/editorial';

describe('the editorial JSON API', () => {
  it('needs a signed-in user, and the CSRF token for writes', async () => {
    const anonymous = await call(null, 'GET', `${api}/incidents`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: { code: 'unauthenticated', message: 'sign in first' } });
    const noToken = await app.inject({
      method: 'POST',
      url: `${api}/incidents`,
      headers: { cookie: sessions.monitor?.cookie ?? '' },
      payload: { date: '2024-05-13', categories: ['threat'], title: { en: 'x' } },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ error: { code: 'forbidden', field: '_csrf' } });
  });

  it('records, edits, submits and publishes an incident, refusing a stale edit with a clear message', async () => {
    const created = await call('monitor', 'POST', `${api}/incidents`, {
      date: '2024-05-13',
      region: 'almaty_city',
      categories: ['obstruction'],
      victims: [{ name: 'API Journalist', kind: 'journalist' }],
      title: { ru: 'Журналисту помешали', en: 'A journalist was obstructed' },
    });
    expect(created.statusCode).toBe(201);
    const incident = created.json() as { id: string; version: number; status: string };
    expect(incident.status).toBe('draft');

    const edited = await call('monitor', 'PATCH', `${api}/incidents/${incident.id}`, {
      version: 1,
      locality: 'Almaty',
    });
    expect(edited.json()).toMatchObject({ version: 2, locality: 'Almaty' });
    const stale = await call('editor', 'PATCH', `${api}/incidents/${incident.id}`, {
      version: 1,
      locality: 'Other',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({
      error: {
        code: 'stale_version',
        field: 'version',
        message: expect.stringMatching(/was changed by API monitor .* after you opened it/),
      },
    });

    const bad = await call('monitor', 'PATCH', `${api}/incidents/${incident.id}`, {
      version: 2,
      categories: ['nope'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toEqual({
      error: {
        code: 'validation_failed',
        field: 'categories.0',
        message: 'categories.0: unknown category "nope"',
      },
    });

    expect(
      (await call('monitor', 'POST', `${api}/incidents/${incident.id}/status`, { action: 'submit' }))
        .statusCode,
    ).toBe(200);
    const refused = await call('monitor', 'POST', `${api}/incidents/${incident.id}/status`, {
      action: 'publish',
    });
    expect([403, 409]).toContain(refused.statusCode);
    const published = await call('editor', 'POST', `${api}/incidents/${incident.id}/status`, {
      action: 'publish',
    });
    expect(published.json()).toMatchObject({ status: 'published' });

    const list = await call('lawyer', 'GET', `${api}/incidents?status=published&region=almaty_city`);
    expect((list.json() as { items: Array<{ id: string }> }).items.map((i) => i.id)).toContain(incident.id);
    const badFilter = await call('lawyer', 'GET', `${api}/incidents?colour=red`);
    expect(badFilter.json()).toMatchObject({ error: { code: 'validation_failed', field: 'colour' } });

    const revisions = await call('editor', 'GET', `${api}/incidents/${incident.id}/revisions`);
    const items = (revisions.json() as { items: Array<{ audit_id: number; action: string }> }).items;
    expect(items.map((r) => r.action)).toEqual([
      'incident.transition',
      'incident.transition',
      'incident.update',
      'incident.create',
    ]);
    const restored = await call(
      'editor',
      'POST',
      `${api}/incidents/${incident.id}/revisions/${items[3]?.audit_id}/restore`,
    );
    expect(restored.json()).toMatchObject({ locality: null, status: 'published', version: 5 });
    expect((await call('editor', 'GET', `${api}/incidents/no-such-id`)).statusCode).toBe(404);
  });

  it('keeps cases, links them to incidents, and suggests actors as a name is typed', async () => {
    const legalCase = await call('lawyer', 'POST', `${api}/cases`, {
      kind: 'civil',
      subjects: ['civil_honor_dignity'],
      parties: [{ name: 'Dilyara Kaidarova', kind: 'citizen', role: 'plaintiff' }],
      events: [{ date: '2018-02-05', kind: 'other', instance: 'first' }],
      claim_non_pecuniary: 10_000_000,
    });
    expect(legalCase.statusCode).toBe(201);
    const caseId = (legalCase.json() as { id: string }).id;
    const incident = await call('monitor', 'POST', `${api}/incidents`, {
      date: '2018-02-05',
      categories: ['other_context'],
      title: { en: 'A lawsuit' },
    });
    const incidentId = (incident.json() as { id: string }).id;
    const linked = await call('lawyer', 'POST', `${api}/incidents/${incidentId}/links`, { case_id: caseId });
    expect(linked.json()).toMatchObject({ cases: [caseId] });
    const fromCase = await call('lawyer', 'GET', `${api}/cases/${caseId}`);
    expect(fromCase.json()).toMatchObject({ related: { incidents: [{ id: incidentId }] } });
    const unlinked = await call('lawyer', 'DELETE', `${api}/incidents/${incidentId}/links/cases/${caseId}`);
    expect(unlinked.json()).toMatchObject({ cases: [] });

    for (const typed of ['Kaydarova', 'Кайдарова', 'kaid']) {
      const suggestions = await call(
        'monitor',
        'GET',
        `${api}/actors/suggest?q=${encodeURIComponent(typed)}`,
      );
      expect((suggestions.json() as { items: Array<{ name: string }> }).items[0]?.name).toBe(
        'Dilyara Kaidarova',
      );
    }
  });

  it('merges and splits actors for editors only', async () => {
    const a = (
      await call('monitor', 'POST', `${api}/actors`, { name: 'Sania Toiken', kind: 'journalist' })
    ).json() as {
      id: string;
    };
    const b = (
      await call('monitor', 'POST', `${api}/actors`, { name: 'Sania Toyken', kind: 'journalist' })
    ).json() as {
      id: string;
    };
    expect((await call('monitor', 'POST', `${api}/actors/${b.id}/merge`, { into: a.id })).statusCode).toBe(
      403,
    );
    const merged = await call('editor', 'POST', `${api}/actors/${b.id}/merge`, { into: a.id });
    expect(merged.json()).toMatchObject({ merged: { merged_into: a.id } });
    const split = await call('editor', 'POST', `${api}/actors/${b.id}/split`);
    expect(split.json()).toMatchObject({ merged: { merged_into: null } });
    const history = await call('editor', 'GET', `${api}/actors/${b.id}/revisions`);
    expect((history.json() as { items: Array<{ action: string }> }).items.map((r) => r.action)).toEqual([
      'actor.split',
      'actor.merge',
      'actor.create',
    ]);
  });
});
