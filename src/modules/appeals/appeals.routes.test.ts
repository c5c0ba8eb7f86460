import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCase, insertIncident } from '../../../test/factories.ts';
import { readZipEntry } from '../../../test/zip.ts';
import { signIn, staffPost, startTestApp, type TestApp } from '../questions/questions.testkit.ts';

let t: TestApp;
let editor: Awaited<ReturnType<typeof signIn>>;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-appeals-'));

beforeAll(async () => {
  t = await startTestApp();
  editor = await signIn(t, 'editor', 'Editor Saule');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('appeals', () => {
  it('builds a draft from chosen incidents, is edited, published, answered and downloaded', async () => {
    const db = t.database.db;
    const first = await insertIncident(db, {
      date: '2019-03-11',
      region: 'mangystau',
      title: { en: 'Reporter detained after leaving a cafe' },
      summary: {
        en: 'Police detained a radio reporter in the evening; next morning a court fined her 20 MCI.',
      },
    });
    const second = await insertIncident(db, {
      date: '2019-03-22',
      region: 'astana',
      title: { en: 'Street poll obstructed' },
      summary: { en: 'A group of young people obstructed a TV crew; police officers nearby did nothing.' },
    });
    const restricted = await insertIncident(db, {
      date: '2019-02-27',
      region: 'aktobe',
      visibility: 'restricted',
      title: { en: 'Editor attacked at her door (restricted)' },
      summary: { en: 'An editor was attacked at the entrance of her house.' },
    });
    const caseId = await insertCase(db, { title: { en: 'Incitement case against a reporter' } });

    const selection = await t.app.inject({
      url: '/en/editorial/appeals/new?from=2019-01-01',
      headers: { cookie: editor.cookie },
    });
    expect(selection.statusCode).toBe(200);
    expect(selection.body).toContain('Street poll obstructed');
    expect(selection.body).toContain(`name="incidents" value="${first}"`);

    const none = await staffPost(t.app, editor, '/en/editorial/appeals', {});
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose at least one incident.');

    const created = await staffPost(t.app, editor, '/en/editorial/appeals', {
      incidents: [first, second, restricted],
    });
    expect(created.statusCode).toBe(303);
    const editUrl = String(created.headers.location);
    const id = Number(editUrl.split('/').at(-1));
    const appeal = await db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(appeal.status).toBe('draft');
    const facts = (appeal.body.en ?? '').split('\n\n').filter((paragraph) => /^\d+\. /.test(paragraph));
    expect(facts).toEqual([
      '1. 22 March 2019, Astana. A group of young people obstructed a TV crew; police officers nearby did nothing.',
      '2. 11 March 2019, Mangystau region. Police detained a radio reporter in the evening; next morning a court fined her 20 MCI.',
      '3. 27 February 2019, Aktobe region. An editor was attacked at the entrance of her house.',
    ]);
    expect((await t.app.inject(`/en/appeals/${id}`)).statusCode).toBe(404);

    const edit = await t.app.inject({ url: editUrl, headers: { cookie: editor.cookie } });
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('1. 22 March 2019, Astana.');

    const notReady = await staffPost(t.app, editor, `${editUrl}/publish`, {
      version: String(appeal.version),
      confirm: 'yes',
    });
    expect(notReady.statusCode).toBe(422);
    expect(notReady.body).toContain('Before publishing, the appeal needs a title, a text');

    const rewritten =
      'Nine organizations ask the country’s leaders to stop the pressure on journalists.\n\n1. On 22 March 2019 in Astana a TV crew was obstructed while the police looked on.\n\n2. On 11 March 2019 a radio reporter was detained and fined.\n\nWe ask for every case to be investigated.';
    const saved = await staffPost(t.app, editor, editUrl, {
      version: String(appeal.version),
      title_en: 'Rights groups appeal to the country’s leaders in defence of journalists',
      title_ru: 'Правозащитники обратились к руководству страны в защиту журналистов',
      title_kk: '',
      body_en: rewritten,
      body_ru: 'Текст обращения на русском языке.',
      body_kk: '',
      date: '2019-03-29',
      addressees: 'The President\nThe Prosecutor General\n\nThe Minister of Internal Affairs',
      signatories: 'Foundation for Freedom of Speech\nUnion of Journalists',
      incidents: `${second}, ${first}, ${restricted}`,
      cases: caseId,
    });
    expect(saved.statusCode).toBe(303);
    const stale = await staffPost(t.app, editor, editUrl, {
      version: String(appeal.version),
      title_en: 'Lost update',
      date: '2019-03-29',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this appeal meanwhile.');
    expect(stale.body).toContain('Lost update');

    const version = (
      await db.selectFrom('appeals').select('version').where('id', '=', id).executeTakeFirstOrThrow()
    ).version;
    // The Publish button asks first and changes nothing; the confirmation's own form publishes.
    const asked = await staffPost(t.app, editor, `${editUrl}/publish`, { version: String(version) });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('Publish this appeal?');
    expect(asked.body).toContain('name="confirm" value="yes"');
    expect(asked.body).toContain('Not written in: Kazakh.');
    expect(
      (await db.selectFrom('appeals').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
    ).toBe('draft');
    const confirmed = await staffPost(t.app, editor, `${editUrl}/publish`, {
      version: String(version),
      confirm: 'yes',
    });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`${editUrl}?done=published`);
    expect(
      (await t.app.inject({ url: String(confirmed.headers.location), headers: { cookie: editor.cookie } }))
        .body,
    ).toContain('Published: the appeal is now on the public site.');
    const response = await staffPost(t.app, editor, `${editUrl}/responses`, {
      date: '2019-04-15',
      responder: 'Prosecutor General’s Office',
      text: 'The office has asked the regional prosecutors to check the facts.',
    });
    expect(response.statusCode).toBe(303);

    const page = await t.app.inject(`/en/appeals/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rights groups appeal to the country’s leaders in defence of journalists');
    expect(page.body).toContain('<li>The Minister of Internal Affairs</li>');
    expect(page.body).toContain('<li>Union of Journalists</li>');
    expect(page.body).toContain('Street poll obstructed');
    expect(page.body).not.toContain('Editor attacked at her door');
    expect(page.body).toContain('Incitement case against a reporter');
    expect(page.body).toContain('Answer of Prosecutor General’s Office, 15 April 2019');
    expect(page.body).toContain(`href="/en/appeals/${id}.pdf"`);
    expect(page.body).toContain(`href="/ru/appeals/${id}"`);
    const kkPage = await t.app.inject(`/kk/appeals/${id}`);
    expect(kkPage.body).toContain('Бұл үндеудің осы тілде мәтіні жоқ');

    const list = await t.app.inject('/ru/appeals');
    expect(list.body).toContain('Правозащитники обратились к руководству страны');

    const feed = await t.app.inject('/en/appeals/feed.xml');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(feed.body).toContain(`/en/appeals/${id}</id>`);
    expect(feed.body).toContain('Rights groups appeal to the country’s leaders');
    expect(feed.body).not.toContain('Editor attacked');

    const pdf = await t.app.inject(`/ru/appeals/${id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pdfPath = path.join(scratch, 'appeal.pdf');
    fs.writeFileSync(pdfPath, pdf.rawPayload);
    const pdfText = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Правозащитники обратились');
    expect(pdfText).toContain('Сөз бостандығын қорғау халықаралық қоры');
    expect(pdfText).toContain('Текст обращения на русском языке.');
    expect(pdfText).toContain('Union of Journalists');

    const docx = await t.app.inject(`/en/appeals/${id}.docx`);
    expect(docx.statusCode).toBe(200);
    const documentXml = readZipEntry(docx.rawPayload, 'word/document.xml');
    expect(documentXml).toContain('Rights groups appeal to the country’s leaders in defence of journalists');
    expect(documentXml).toContain('2. On 11 March 2019 a radio reporter was detained and fined.');
    expect(documentXml).toContain('The office has asked the regional prosecutors to check the facts.');

    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'appeal')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'appeal.create',
      'appeal.update',
      'appeal.publish',
      'appeal.response_add',
    ]);
  });

  it('shows the appeal again with a 422 for a form it cannot read, and changes nothing', async () => {
    const incident = await insertIncident(t.database.db, {
      date: '2019-04-02',
      title: { en: 'Crew stopped' },
    });
    const created = await staffPost(t.app, editor, '/en/editorial/appeals', { incidents: [incident] });
    const editUrl = String(created.headers.location).split('?')[0] ?? '';
    const id = Number(editUrl.split('/').at(-1));
    const before = await t.database.db
      .selectFrom('appeals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    for (const [url, fields] of [
      [editUrl, {}],
      [editUrl, { version: 'abc' }],
      [`${editUrl}/publish`, {}],
      [`${editUrl}/unpublish`, { version: '1.5' }],
    ] as const) {
      const response = await staffPost(t.app, editor, url, fields);
      expect(response.statusCode, url).toBe(422);
      expect(response.body, url).toContain(`action="${editUrl}"`);
    }
    const after = await t.database.db
      .selectFrom('appeals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('keeps the editorial side closed to visitors and monitors, and needs the CSRF token', async () => {
    const visitor = await t.app.inject('/en/editorial/appeals');
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe(`/en/login?next=${encodeURIComponent('/en/editorial/appeals')}`);
    const monitor = await signIn(t, 'monitor');
    expect(
      (await t.app.inject({ url: '/en/editorial/appeals', headers: { cookie: monitor.cookie } })).statusCode,
    ).toBe(403);
    const incident = await insertIncident(t.database.db);
    const forged = await staffPost(t.app, { ...editor, csrf: 'forged' }, '/en/editorial/appeals', {
      incidents: incident,
    });
    expect(forged.statusCode).toBe(403);
  });
});
