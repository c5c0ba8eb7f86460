import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithCsrfForTest } from '../../../test/auth.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { getPage, postForm, type Session } from '../../../test/editorial.ts';
import { insertUser } from '../../../test/factories.ts';
import { loadConfig } from '../../config.ts';
import { systemContext } from '../../lib/context.ts';
import { buildServer } from '../../server.tsx';
import { createIncident } from '../incidents/index.ts';
import { addSource, runFetchPass } from './index.ts';
import { type FeedServer, startFeedServer } from './intake.testkit.ts';

// The editorial test app, with intake allowed to fetch the test's feed server on 127.0.0.1.
let test: { app: FastifyInstance; database: TestDatabase };
let server: FeedServer;
let monitor: Session;
let editor: Session;
const limits = { timeoutMs: 3000, maxBytes: 256 * 1024, maxRedirects: 3, allowPrivateAddresses: true };

const candidateId = async (titlePart: string) => {
  const row = await test.database.db
    .selectFrom('intake_candidates')
    .select('id')
    .where('title', 'like', `%${titlePart}%`)
    .executeTakeFirstOrThrow();
  return Number(row.id);
};

beforeAll(async () => {
  const database = await createTestDatabase();
  const app = await buildServer(
    {
      config: loadConfig({ INTAKE_ALLOW_PRIVATE_ADDRESSES: '1' }),
      db: database.db,
      engine: database.engine,
      now: () => new Date(),
    },
    { logger: false },
  );
  test = { app, database };
  server = await startFeedServer();
  const signIn = async (role: 'monitor' | 'editor', displayName: string): Promise<Session> => {
    const user = await insertUser(database.db, { role, displayName });
    return { ...(await signInWithCsrfForTest(app, database.db, user)), user };
  };
  monitor = await signIn('monitor', 'Test Monitor');
  editor = await signIn('editor', 'Test Editor');
  const ctx = systemContext(test.database.db, 'cli');
  // An incident already recorded (test data): the English and Russian items should be matched to it.
  await createIncident(ctx, {
    id: 'test-testov-detention',
    date: '2026-11-30',
    region: 'almaty_city',
    categories: ['detention'],
    victims: [{ name: 'Yerzhan Testov', kind: 'journalist' }],
    title: { en: 'Test data: journalist detained at a rally' },
    is_demo: true,
  });
  await addSource(ctx, { url: `${server.base}/en/feed.json`, lang: 'en', name: 'Test Wire' });
  await addSource(ctx, { url: `${server.base}/ru/atom.xml`, lang: 'ru', name: 'Тестовые Новости' });
  await addSource(ctx, { url: `${server.base}/kk/rss.xml`, lang: 'kk', name: 'Сынақ Ақпарат' });
  await addSource(ctx, { url: `${server.base}/broken.xml`, lang: 'en', name: 'Broken feed (test)' });
  await runFetchPass(ctx, { limits, hostIntervalMs: 0 });
});
afterAll(async () => {
  await server.close();
  await test.app.close();
  await test.database.close();
});

describe('the triage queue', () => {
  it('lists new candidates newest first, in each language, with suggestions and matches', async () => {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const page = await getPage(test.app, `/${lang}/editorial/intake`, monitor);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Yerzhan Testov');
    }
    const page = await getPage(test.app, '/en/editorial/intake', monitor);
    const english = page.body.indexOf('Journalist Yerzhan Testov detained in Almaty');
    const kazakh = page.body.indexOf('Айгүл Сейітова полиция');
    const blocked = page.body.indexOf('Invented news site blocked');
    // 30 Nov 10:30 (en) before 30 Nov 08:00 (kk) before 28 Nov (en).
    expect(english).toBeGreaterThan(0);
    expect(english).toBeLessThan(kazakh);
    expect(kazakh).toBeLessThan(blocked);
    expect(page.body).toContain('May be an existing incident');
    expect(page.body).toContain('test-testov-detention');
    expect(page.body).toContain('The same story elsewhere (1)');
    expect(page.body).toContain('Detention');
  });

  it('filters by language, suggested category, region and source', async () => {
    const russian = await getPage(test.app, '/en/editorial/intake?lang=ru', monitor);
    expect(russian.body).toContain('Ержан Тестов');
    // The English report shows only inside the Russian one's group, not as a card of its own.
    expect(russian.body).not.toMatch(/<h2 id="cand-\d+-title"><a [^>]*>Journalist Yerzhan/);
    expect(russian.body).toContain('<p>2 of 2</p>');
    const blocking = await getPage(test.app, '/en/editorial/intake?category=blocking', monitor);
    expect(blocking.body).toContain('Invented news site blocked');
    expect(blocking.body).not.toContain('Ержан Тестов');
    const shymkent = await getPage(test.app, '/en/editorial/intake?region=shymkent', monitor);
    expect(shymkent.body).toContain('Айгүл Сейітова');
    expect(shymkent.body).not.toContain('Yerzhan');
    const source = await test.database.db
      .selectFrom('intake_sources')
      .select('id')
      .where('name', '=', 'Test Wire')
      .executeTakeFirstOrThrow();
    const wire = await getPage(test.app, `/en/editorial/intake?source=${source.id}`, monitor);
    expect(wire.body).toContain('Invented news site blocked');
    expect(wire.body).not.toContain('Айгүл');
  });

  it('makes a draft incident with prefilled fields, the link as a source and the provenance kept', async () => {
    const id = await candidateId('Айгүл Сейітова');
    const response = await postForm(test.app, `/kk/editorial/intake/candidates/${id}/draft`, monitor, {});
    expect(response.statusCode).toBe(303);
    const incidentId = new URL(response.headers.location as string, 'http://x').searchParams.get('incident');
    expect(incidentId).toBeTruthy();
    const incident = await test.database.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', incidentId as string)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({ status: 'draft', region_code: 'shymkent', date: '2026-11-30' });
    expect((incident.title as Record<string, string>).kk).toContain('Айгүл Сейітова');
    expect(
      (incident.provenance as { intake: { candidate_id: number; source_name: string } }).intake,
    ).toMatchObject({
      candidate_id: id,
      source_name: 'Сынақ Ақпарат',
    });
    const sources = await test.database.db
      .selectFrom('incident_sources')
      .selectAll()
      .where('incident_id', '=', incidentId as string)
      .execute();
    expect(sources.map((source) => source.url)).toEqual(['https://kk.example.test/news/1?utm_source=rss']);
    const audit = await test.database.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('entity_id', 'in', [String(id), incidentId as string])
      .execute();
    expect(audit.map((entry) => entry.action).sort()).toEqual(['incident.create', 'intake_candidate.draft']);
    expect(audit.every((entry) => Number(entry.user_id) === monitor.user.id)).toBe(true);
    // Handled once: a second try is refused with a clear message, not a second incident.
    const again = await postForm(test.app, `/kk/editorial/intake/candidates/${id}/draft`, monitor, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('was handled already');
  });

  it('attaches a candidate as a further source of an existing incident', async () => {
    const id = await candidateId('Yerzhan Testov');
    const response = await postForm(test.app, `/en/editorial/intake/candidates/${id}/attach`, monitor, {
      incident_id: 'test-testov-detention',
    });
    expect(response.statusCode).toBe(303);
    const sources = await test.database.db
      .selectFrom('incident_sources')
      .select('url')
      .where('incident_id', '=', 'test-testov-detention')
      .execute();
    expect(sources.map((source) => source.url)).toContain('https://en.example.test/stories/testov-detained');
    const missing = await postForm(
      test.app,
      `/en/editorial/intake/candidates/${await candidateId('Ержан Тестов')}/attach`,
      monitor,
      {
        incident_id: 'no-such-incident',
      },
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('no incident no-such-incident');
  });

  it('dismisses with a reason only, and audits it', async () => {
    const id = await candidateId('Ауа райы');
    const without = await postForm(test.app, `/ru/editorial/intake/candidates/${id}/dismiss`, monitor, {});
    expect(without.statusCode).toBe(422);
    expect(without.body).toContain('reason');
    const response = await postForm(test.app, `/ru/editorial/intake/candidates/${id}/dismiss`, monitor, {
      reason: 'not_relevant',
      note: 'weather',
    });
    expect(response.statusCode).toBe(303);
    const row = await test.database.db
      .selectFrom('intake_candidates')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'dismissed',
      dismiss_reason: 'not_relevant',
      dismiss_note: 'weather',
    });
    const audit = await test.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'intake_candidate.dismiss')
      .execute();
    expect(audit).toHaveLength(1);
    const dismissed = await getPage(test.app, '/ru/editorial/intake?status=dismissed', monitor);
    expect(dismissed.body).toContain('Ауа райы');
    expect(dismissed.body).toContain('Не о свободе слова');
  });

  it('shows the measures: candidates, share turned into incidents, publication to draft', async () => {
    const page = await getPage(test.app, '/en/editorial/intake', monitor);
    expect(page.body).toMatch(/Candidates: \d+/);
    expect(page.body).toMatch(/Turned into incidents: \d+%/);
    expect(page.body).toMatch(/Publication to draft \(median\): [\d.,]+ h/);
  });
});

describe('sources and paste', () => {
  it('shows each source’s health, lets editors add and pause, and refuses monitors', async () => {
    const page = await getPage(test.app, '/en/editorial/intake/sources', monitor);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Last error [^<]*: broken XML at line 5/);
    expect(page.body).not.toContain('Add a source');
    const refused = await postForm(test.app, '/en/editorial/intake/sources', monitor, {
      url: 'https://x.example.test/feed',
    });
    expect(refused.statusCode).toBe(403);
    const bad = await postForm(test.app, '/en/editorial/intake/sources', editor, {
      url: 'ftp://nope',
      lang: 'en',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('an http:// or https:// address');
    const added = await postForm(test.app, '/en/editorial/intake/sources', editor, {
      url: 'https://courts.example.test/announcements',
      name: 'Test court announcements',
      lang: 'ru',
      interval_minutes: '120',
    });
    expect(added.statusCode).toBe(303);
    const row = await test.database.db
      .selectFrom('intake_sources')
      .selectAll()
      .where('name', '=', 'Test court announcements')
      .executeTakeFirstOrThrow();
    const paused = await postForm(test.app, `/en/editorial/intake/sources/${row.id}/pause`, editor, {});
    expect(paused.statusCode).toBe(303);
    const after = await getPage(test.app, '/en/editorial/intake/sources', editor);
    expect(after.body).toContain('Paused');
    const audit = await test.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'intake_source')
      .where('entity_id', '=', String(row.id))
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['intake_source.create', 'intake_source.pause']);
    // An editor starts a pass from the page (the embedded database cannot be shared with the CLI).
    await postForm(test.app, '/en/editorial/intake/sources', editor, {
      url: `${server.base}/s/testchannel`,
      lang: 'ru',
    });
    const pass = await postForm(test.app, '/en/editorial/intake/sources/fetch', editor, {});
    expect(pass.statusCode).toBe(303);
    const done = await getPage(test.app, pass.headers.location as string, editor);
    expect(done.body).toContain('Fetched 1 due source(s): 2 new candidate(s), 0 failed.');
    const refusedPass = await postForm(test.app, '/en/editorial/intake/sources/fetch', monitor, {});
    expect(refusedPass.statusCode).toBe(403);
  });

  it('turns a pasted text or link into the same candidate view', async () => {
    const text =
      'Тестовые данные: корреспондент сообщает, что в Актобе журналистку Сауле Выдуманную не пустили на сессию маслихата.';
    const response = await postForm(test.app, '/ru/editorial/intake/paste', monitor, { text });
    expect(response.statusCode).toBe(303);
    const view = await getPage(test.app, response.headers.location as string, monitor);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('вставлено мониторщиком');
    expect(view.body).toContain('Актобе');
    const candidate = await test.database.db
      .selectFrom('intake_candidates')
      .selectAll()
      .where('origin', '=', 'paste')
      .executeTakeFirstOrThrow();
    expect(candidate).toMatchObject({ lang: 'ru', region_code: 'aktobe', link: null });
    const link = await postForm(test.app, '/en/editorial/intake/paste', monitor, {
      text: `${server.base}/en/court.html`,
    });
    expect(link.statusCode).toBe(303);
    const court = await getPage(test.app, link.headers.location as string, monitor);
    expect(court.body).toContain('Court announcement');
    // The same link again: the same candidate.
    const twice = await postForm(test.app, '/en/editorial/intake/paste', monitor, {
      text: `${server.base}/en/court.html`,
    });
    expect(twice.headers.location).toBe(link.headers.location);
    const broken = await postForm(test.app, '/en/editorial/intake/paste', monitor, {
      text: `${server.base}/loop-a`,
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.body).toContain('the link could not be read: redirect loop');
    const audit = await test.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'intake_candidate.paste')
      .execute();
    expect(audit).toHaveLength(2);
  });
});
