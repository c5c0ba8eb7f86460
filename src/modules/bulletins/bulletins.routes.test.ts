import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/auth.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertIncident } from '../../../test/factories.ts';
import { insertMay2024 } from '../../../test/fixtures/may-2024.ts';
import { loadConfig } from '../../config.ts';
import { buildServer } from '../../server.tsx';

let database: TestDatabase;
let app: FastifyInstance;
let editor: { cookie: string; csrf: string };
let monitor: { cookie: string; csrf: string };

async function signIn(role: 'editor' | 'monitor') {
  const session = await signInAs(database.db, role);
  return { cookie: session.cookie, csrf: session.csrfToken };
}

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const post = (url: string, who: { cookie: string }, values: Record<string, string>) =>
  app.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    payload: form(values),
  });
const get = (url: string, who?: { cookie: string }) =>
  app.inject({ url, headers: { accept: 'text/html', ...(who ? { cookie: who.cookie } : {}) } });

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer(
    { config: loadConfig({}), db: database.db, engine: database.engine, now: () => new Date() },
    { logger: false },
  );
  await insertMay2024(database.db);
  await insertIncident(database.db, {
    id: 'may24-restricted',
    date: '2024-05-18',
    visibility: 'restricted',
    region: 'aktobe',
    categories: ['threat'],
    title: { en: 'Secret restricted title' },
    victims: [],
  });
  editor = await signIn('editor');
  monitor = await signIn('monitor');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the bulletin builder', () => {
  it('is only for editors and administrators, and every form needs the CSRF token', async () => {
    const anonymous = await get('/en/editorial/bulletins');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/en\/login/);
    expect((await get('/en/editorial/bulletins', monitor)).statusCode).toBe(403);
    expect(
      (await post('/en/editorial/bulletins', monitor, { _csrf: monitor.csrf, month: '2024-05' })).statusCode,
    ).toBe(403);
    expect((await post('/en/editorial/bulletins', editor, { month: '2024-05' })).statusCode).toBe(403);
    expect(await database.db.selectFrom('bulletins').selectAll().execute()).toHaveLength(0);
  });

  it('starts a draft with the month’s items, reorders them, saves the texts and previews each language', async () => {
    const created = await post('/en/editorial/bulletins', editor, { _csrf: editor.csrf, month: '2024-05' });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/en/editorial/bulletins/2024-05');

    const builder = await get('/en/editorial/bulletins/2024-05', editor);
    expect(builder.statusCode).toBe(200);
    expect(builder.body).toContain('A judge barred a reporter from filming a public hearing');
    expect(builder.body).toContain('Move up');

    const bulletin = await database.db.selectFrom('bulletins').selectAll().executeTakeFirstOrThrow();
    const items = await database.db
      .selectFrom('bulletin_items')
      .selectAll()
      .where('bulletin_id', '=', bulletin.id)
      .where('section', '=', 'rights')
      .orderBy('position')
      .execute();
    // 22 rights items plus the restricted one.
    expect(items).toHaveLength(23);
    const [first, second] = items;
    if (!first || !second) throw new Error('items');
    const moved = await post('/en/editorial/bulletins/2024-05/move', editor, {
      _csrf: editor.csrf,
      item: String(second.id),
      direction: 'up',
    });
    expect(moved.statusCode).toBe(303);
    const reordered = await database.db
      .selectFrom('bulletin_items')
      .select('id')
      .where('bulletin_id', '=', bulletin.id)
      .where('section', '=', 'rights')
      .orderBy('position')
      .execute();
    expect(reordered.slice(0, 2).map((row) => row.id)).toEqual([second.id, first.id]);

    const version = (await database.db.selectFrom('bulletins').select('version').executeTakeFirstOrThrow())
      .version;
    const saved = await post('/en/editorial/bulletins/2024-05/texts', editor, {
      _csrf: editor.csrf,
      version: String(version),
      introduction_en: 'Our own introduction for May.',
      introduction_kk: 'Мамыр айына арналған өз кіріспеміз: ә ғ қ ң ө ұ ү һ і.',
      note_rights_ru: 'Примечание редактора к разделу.',
    });
    expect(saved.statusCode).toBe(303);
    const stale = await post('/en/editorial/bulletins/2024-05/texts', editor, {
      _csrf: editor.csrf,
      version: String(version),
      introduction_en: 'An older form',
    });
    expect(stale.statusCode).toBe(409);

    const kk = await get('/en/editorial/bulletins/2024-05/preview/kk', editor);
    expect(kk.body).toContain('Мамыр айына арналған өз кіріспеміз');
    expect(kk.body).toContain('lang="kk"');
    const ru = await get('/en/editorial/bulletins/2024-05/preview/ru', editor);
    expect(ru.body).toContain('Примечание редактора к разделу.');
    expect(ru.body).toMatch(/>23<\/a> сообщения о нарушениях прав журналистов/);
    expect(ru.body).not.toContain('Secret restricted title');

    const actions = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'bulletin')
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'bulletin.create',
      'bulletin.reorder',
      'bulletin.update',
    ]);

    // A record published after the draft began joins it when the editor refreshes the items.
    await insertIncident(database.db, { id: 'may24-cyber', date: '2024-05-26', categories: ['cyberattack'] });
    const countItems = async () =>
      (
        await database.db
          .selectFrom('bulletin_items')
          .select('id')
          .where('bulletin_id', '=', bulletin.id)
          .execute()
      ).length;
    const before = await countItems();
    const current = (await database.db.selectFrom('bulletins').select('version').executeTakeFirstOrThrow())
      .version;
    const refreshed = await post('/en/editorial/bulletins/2024-05/refresh', editor, {
      _csrf: editor.csrf,
      version: String(current),
    });
    expect(refreshed.statusCode).toBe(303);
    expect(await countItems()).toBe(before + 1);
  });

  it('shows the builder again with a 422 for a form it cannot read, and changes nothing', async () => {
    const before = await database.db.selectFrom('bulletins').selectAll().executeTakeFirstOrThrow();
    for (const [action, values] of [
      ['publish', { _csrf: editor.csrf }],
      ['publish', { _csrf: editor.csrf, version: 'abc' }],
      ['refresh', { _csrf: editor.csrf, version: '-1' }],
      ['texts', { _csrf: editor.csrf }],
      ['move', { _csrf: editor.csrf, item: 'x', direction: 'sideways' }],
    ] as const) {
      const response = await post(`/en/editorial/bulletins/2024-05/${action}`, editor, values);
      expect(response.statusCode, action).toBe(422);
      expect(response.body, action).toContain('The form was not saved');
      expect(response.body, action).toContain(`action="/en/editorial/bulletins/2024-05/publish"`);
    }
    const created = await post('/en/editorial/bulletins', editor, { _csrf: editor.csrf });
    expect(created.statusCode).toBe(422);
    const after = await database.db.selectFrom('bulletins').selectAll().executeTakeFirstOrThrow();
    expect(after.version).toBe(before.version);
    expect(after.status).toBe('draft');
  });

  it('publishes nothing to the public before publication', async () => {
    expect((await get('/en/bulletins/2024-05')).statusCode).toBe(404);
    expect((await get('/en/bulletins/2024-05/pdf')).statusCode).toBe(404);
    expect((await get('/en/bulletins')).body).toContain('No bulletin has been published yet.');
  });

  it('publishes: freezes the figures, links every figure to its records, and offers the downloads', async () => {
    const version = (await database.db.selectFrom('bulletins').select('version').executeTakeFirstOrThrow())
      .version;
    // The Publish button asks first, names the languages with missing texts, and changes nothing.
    const asked = await post('/en/editorial/bulletins/2024-05/publish', editor, {
      _csrf: editor.csrf,
      version: String(version),
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Publish this bulletin?');
    expect(asked.body).toContain('name="confirm" value="yes"');
    expect(asked.body).toMatch(/Қазақша: \d+ texts not written/);
    expect(
      (await database.db.selectFrom('bulletins').select('status').executeTakeFirstOrThrow()).status,
    ).toBe('draft');
    const confirmed = await post('/en/editorial/bulletins/2024-05/publish', editor, {
      _csrf: editor.csrf,
      version: String(version),
      confirm: 'yes',
    });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/en/editorial/bulletins/2024-05?saved=published');
    expect((await get(String(confirmed.headers.location), editor)).body).toContain(
      'Published: the bulletin is now in the public archive.',
    );
    const page = await get('/en/bulletins/2024-05');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Violations of freedom of speech in Kazakhstan May 2024');
    expect(page.body).toContain('Our own introduction for May.');
    expect(page.body).toMatch(
      /<a class="figure" href="\/en\/statistics\/records\?month=2024-05&amp;scope=month&amp;figure=groups\.rights">23<\/a>/,
    );
    expect(page.body).toContain('figure=categories.info_refusal">10</a>');
    expect(page.body).not.toContain('Secret restricted title');
    // Frozen figures come back from JSON; the summary still lists categories in taxonomy order.
    expect(page.body.indexOf('Detention of journalists')).toBeLessThan(
      page.body.indexOf('Summons to police'),
    );
    const archive = await get('/kk/bulletins');
    expect(archive.body).toContain('href="/kk/bulletins/2024-05"');
    const pdf = await get('/kk/bulletins/2024-05/pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await get('/ru/bulletins/2024-05/docx');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const markdown = await get('/ru/bulletins/2024-05/md');
    expect(markdown.body).toContain('# Нарушения свободы слова в Казахстане. Май 2024');

    // The records behind a figure of the bulletin.
    const records = await get(
      '/en/statistics/records?month=2024-05&scope=month&figure=categories.info_refusal',
    );
    expect(records.statusCode).toBe(200);
    expect(records.body.match(/href="\/en\/incidents\//g)).toHaveLength(10);
    const threats = await get('/en/statistics/records?month=2024-05&scope=month&figure=categories.threat');
    expect(threats.body).toContain('Withheld from publication for the safety of those involved');
    expect(threats.body).not.toContain('Secret restricted title');
    expect(threats.body).not.toContain('may24-restricted');
    expect(
      (await get('/en/statistics/records?month=2024-13&scope=month&figure=groups.rights')).statusCode,
    ).toBe(422);
  });

  it('never rewrites a published bulletin: later edits show as a difference with the records that changed', async () => {
    await insertIncident(database.db, {
      id: 'may24-late',
      date: '2024-05-30',
      categories: ['attack'],
      title: { en: 'A late report' },
    });
    await database.db
      .insertInto('audit_log')
      .values({
        action: 'incident.create',
        entity_type: 'incident',
        entity_id: 'may24-late',
        via: 'cli',
        occurred_at: new Date(Date.now() + 1000),
      })
      .execute();
    const page = await get('/en/bulletins/2024-05');
    expect(page.body).toContain('figure=groups.rights">23</a>');
    expect(page.body).not.toContain('A late report');
    const builder = await get('/en/editorial/bulletins/2024-05', editor);
    expect(builder.body).toContain('Differences since publication');
    expect(builder.body).toMatch(
      /Violations of the rights of journalists, media and newsmakers<\/a><\/td><td>month<\/td><td>23<\/td><td>24<\/td>/,
    );
    expect(builder.body).toContain('incident: may24-late');
    // A published bulletin's content cannot be changed any more.
    const version = (await database.db.selectFrom('bulletins').select('version').executeTakeFirstOrThrow())
      .version;
    const refused = await post('/en/editorial/bulletins/2024-05/texts', editor, {
      _csrf: editor.csrf,
      version: String(version),
    });
    expect(refused.statusCode).toBe(409);
  });
});
