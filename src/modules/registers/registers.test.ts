import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../../test/factories.ts';
import { langs } from '../../i18n/langs.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { signIn, staffPost, startTestApp, type TestApp } from '../questions/questions.testkit.ts';
import {
  blockingFiguresByYear,
  getPublicBlocking,
  listPublicBlocking,
  saveBlocking,
  screenshotType,
} from './blocking.service.ts';
import { getPublicRequest, listPublicRequests, refusalRanking, saveRequest } from './refusals.service.ts';
import {
  blockingInput,
  plantRegisterRecords,
  registerMarkers,
  requestInput,
  tinyPng,
} from './registers.testkit.ts';

let t: TestApp;
let planted: Awaited<ReturnType<typeof plantRegisterRecords>>;

beforeAll(async () => {
  t = await startTestApp();
  planted = await plantRegisterRecords(t.database.db);
});
afterAll(async () => {
  await t.close();
});

const markerValues = Object.values(registerMarkers);
const expectNoMarkers = (name: string, body: string) => {
  for (const marker of markerValues) expect(body, `${name} shows ${marker}`).not.toContain(marker);
};

describe('register of blocking', () => {
  it('shows a published record with its evidence and only public incidents, never the editorial note', async () => {
    const record = await getPublicBlocking(t.database.db, planted.blocked);
    expect(record).toMatchObject({
      resource: 'https://demo-news.example/investigation',
      still_blocked: true,
      lifted_on: null,
      region: 'almaty_city',
      incidents: [{ id: planted.publicIncident }],
    });
    expect(record.evidence).toEqual([
      expect.objectContaining({
        checked_on: '2023-03-11',
        still_blocked: true,
        screenshot_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        screenshot_url: expect.stringMatching(/\/screenshot$/),
      }),
    ]);
    expectNoMarkers('getPublicBlocking', JSON.stringify(record));
    const listed = await listPublicBlocking(t.database.db);
    expect(listed.map((item) => item.resource)).toEqual([
      'https://demo-news.example/investigation',
      '@demo_channel',
    ]);
    expect((await listPublicBlocking(t.database.db, { state: 'lifted' })).map((item) => item.id)).toEqual([
      planted.lifted,
    ]);
    expect((await listPublicBlocking(t.database.db, { year: 2022 })).map((item) => item.id)).toEqual([
      planted.lifted,
    ]);
  });

  it('counts by year: blocked, lifted, and still blocked on 31 December', () => {
    expect(
      blockingFiguresByYear([
        { blocked_on: '2022-05-01', lifted_on: '2023-01-20' },
        { blocked_on: '2023-03-10', lifted_on: null },
        { blocked_on: '2023-12-31', lifted_on: '2024-01-01' },
      ]),
    ).toEqual([
      { year: 2024, blocked: 0, lifted: 1, still_blocked_at_year_end: 1 },
      { year: 2023, blocked: 2, lifted: 1, still_blocked_at_year_end: 2 },
      { year: 2022, blocked: 1, lifted: 0, still_blocked_at_year_end: 1 },
    ]);
    expect(blockingFiguresByYear([])).toEqual([]);
  });

  it('refuses bad input by its field, and changes nothing', async () => {
    const ctx = planted.ctx;
    const before = await t.database.db.selectFrom('blocking_records').select('id').execute();
    await expect(
      saveBlocking(ctx, { input: blockingInput({ lifted_on: '2020-01-01' }) }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      field: 'lifted_on',
    });
    await expect(saveBlocking(ctx, { input: blockingInput({ region: 'atlantis' }) })).rejects.toMatchObject({
      field: 'region',
    });
    await expect(
      saveBlocking(ctx, { input: blockingInput({ incidents: ['no-such-incident'] }) }),
    ).rejects.toMatchObject({
      field: 'incidents',
    });
    await expect(
      saveBlocking(ctx, { input: blockingInput({ blocked_on: '10.03.2023' }) }),
    ).rejects.toMatchObject({
      field: 'blocked_on',
    });
    expect(await t.database.db.selectFrom('blocking_records').select('id').execute()).toEqual(before);
  });

  it('recognizes a screenshot by its bytes, not its name', () => {
    expect(screenshotType(tinyPng)).toBe('image/png');
    expect(screenshotType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(screenshotType(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
  });

  it('writes an audit entry for each change, and lets only editors publish', async () => {
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'blocking')
      .where('entity_id', '=', String(planted.blocked))
      .orderBy('id')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'blocking.create',
      'blocking.evidence',
      'blocking.publish',
    ]);
    const monitor = await insertUser(t.database.db, { role: 'monitor' });
    const ctx: ServiceContext = { ...planted.ctx, user: monitor };
    const id = await saveBlocking(ctx, { input: blockingInput({ resource: 'https://monitor.example' }) });
    const { setBlockingStatus } = await import('./blocking.service.ts');
    await expect(setBlockingStatus(ctx, { id, version: 1, status: 'published' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('register of refusals', () => {
  it('never names an anonymous requester, and flags a late answer', async () => {
    const anonymous = await getPublicRequest(t.database.db, planted.anonymous);
    expect(anonymous.requester).toEqual({ kind: 'journalist', name: null, anonymous: true });
    expect(anonymous.incident?.id).toBe(planted.publicIncident);
    expect(anonymous.appeals).toEqual([
      {
        filed_on: '2024-02-20',
        appealed_to: 'Demo regional prosecutor',
        outcome: 'rejected',
        decided_on: '2024-03-05',
      },
    ]);
    const late = await getPublicRequest(t.database.db, planted.late);
    expect(late).toMatchObject({ answer: 'answered', late: true, incident: null });
    expect(late.requester.name).toBe('Demo Reporter Aliyeva (test data)');
    expectNoMarkers('requests', JSON.stringify(await listPublicRequests(t.database.db)));
  });

  it('ranks bodies by refusals and late answers per year and region', async () => {
    const ranking = await refusalRanking(t.database.db, { year: 2024 });
    expect(ranking).toEqual([
      {
        body: 'Demo city akimat',
        year: 2024,
        region: 'karaganda',
        requests: 2,
        refused: 1,
        partial: 0,
        silent: 0,
        late: 1,
        refusals: 1,
      },
      {
        body: 'Demo health department',
        year: 2024,
        region: 'abai',
        requests: 1,
        refused: 0,
        partial: 0,
        silent: 1,
        late: 0,
        refusals: 1,
      },
    ]);
    expect(await refusalRanking(t.database.db, { year: 2023 })).toEqual([]);
    // Each number is the length of the list behind it.
    const behind = await listPublicRequests(t.database.db, {
      body: 'Demo city akimat',
      year: 2024,
      region: 'karaganda',
      answer: 'late_answers',
    });
    expect(behind.map((request) => request.id)).toEqual([planted.late]);
  });

  it('asks for an answer date that fits the answer, and a name unless anonymous', async () => {
    const ctx = planted.ctx;
    await expect(saveRequest(ctx, { input: requestInput({ answered_on: null }) })).rejects.toMatchObject({
      field: 'answered_on',
    });
    await expect(
      saveRequest(ctx, { input: requestInput({ answer: 'silent', answered_on: '2024-02-10' }) }),
    ).rejects.toMatchObject({ field: 'answered_on' });
    await expect(saveRequest(ctx, { input: requestInput({ requester_name: '' }) })).rejects.toMatchObject({
      field: 'requester_name',
    });
    await expect(
      saveRequest(ctx, { input: requestInput({ deadline_on: '2024-01-01' }) }),
    ).rejects.toMatchObject({
      field: 'deadline_on',
    });
  });
});

describe('register pages and API', () => {
  it.each(langs)('serves the registers in %s, with every private field left out', async (lang) => {
    for (const url of [
      `/${lang}/registers`,
      `/${lang}/registers/blocking`,
      `/${lang}/registers/blocking?year=2023`,
      `/${lang}/registers/blocking/${planted.blocked}`,
      `/${lang}/registers/refusals`,
      `/${lang}/registers/refusals/records?answer=refusals`,
      `/${lang}/registers/refusals/${planted.anonymous}`,
      `/${lang}/registers/refusals/${planted.late}`,
    ]) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain(`<html lang="${lang}"`);
      expectNoMarkers(url, response.body);
    }
    const ranking = await t.app.inject(`/${lang}/registers/refusals?year=2024`);
    expect(ranking.body).toContain(
      `href="/${lang}/registers/refusals/records?body=Demo+city+akimat&amp;year=2024&amp;region=karaganda&amp;answer=late_answers"`,
    );
  });

  it('answers the API with the same records, the figures and the screenshot', async () => {
    for (const url of [
      '/api/v1/registers/blocking',
      '/api/v1/registers/blocking/figures',
      `/api/v1/registers/blocking/${planted.blocked}`,
      '/api/v1/registers/refusals',
      '/api/v1/registers/refusals/ranking?year=2024',
      `/api/v1/registers/refusals/${planted.anonymous}`,
    ]) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).toBe(200);
      expectNoMarkers(url, response.body);
    }
    const figures = (await t.app.inject('/api/v1/registers/blocking/figures')).json();
    expect(figures.data[0]).toEqual({ year: 2023, blocked: 1, lifted: 1, still_blocked_at_year_end: 1 });
    const record = (await t.app.inject(`/api/v1/registers/blocking/${planted.blocked}`)).json().data;
    const screenshot = await t.app.inject(record.evidence[0].screenshot_url);
    expect(screenshot.headers['content-type']).toBe('image/png');
    expect(screenshot.rawPayload.equals(tinyPng)).toBe(true);
    const drafts = await t.database.db
      .selectFrom('blocking_records')
      .select('id')
      .where('status', '=', 'draft')
      .execute();
    for (const { id } of drafts) {
      expect((await t.app.inject(`/api/v1/registers/blocking/${id}`)).statusCode).toBe(404);
      expect((await t.app.inject(`/en/registers/blocking/${id}`)).statusCode).toBe(404);
    }
    const openapi = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/registers/blocking', '/api/v1/registers/refusals/ranking']),
    );
  });

  it('lets an editor record, evidence, publish and correct a blocking through the pages', async () => {
    const editor = await signIn(t, 'editor');
    const created = await staffPost(t.app, editor, '/ru/editorial/registers/blocking', {
      resource: '@demo_blocked_account',
      resource_kind: 'account',
      ordered_by: 'Demo prosecutor (test data)',
      legal_basis: '',
      blocked_on: '2024-06-01',
      lifted_on: '',
      region: '',
      description_ru: 'Тестовый аккаунт',
      editorial_note: '',
      incidents: planted.publicIncident,
    });
    expect(created.statusCode).toBe(303);
    const editUrl = String(created.headers.location).replace('?done=1', '');
    const id = Number(editUrl.split('/').at(-1));
    const page = await t.app.inject({ url: editUrl, headers: { cookie: editor.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('@demo_blocked_account');

    const boundary = 'sozwatchTestBoundary';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload = Buffer.concat([
      Buffer.from(
        part('_csrf', editor.csrf) +
          part('checked_on', '2024-06-02') +
          part('still_blocked', 'yes') +
          part('link', 'https://archive.example/account') +
          part('content_sha256', 'a'.repeat(64)) +
          `--${boundary}\r\nContent-Disposition: form-data; name="screenshot"; filename="shot.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      tinyPng,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const evidence = await t.app.inject({
      method: 'POST',
      url: `${editUrl}/evidence`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: editor.cookie },
      payload,
    });
    expect(evidence.statusCode).toBe(303);

    const published = await staffPost(t.app, editor, `${editUrl}/publish`, { version: '1' });
    expect(published.statusCode).toBe(303);
    const record = await getPublicBlocking(t.database.db, id);
    expect(record.evidence[0]).toMatchObject({
      content_sha256: 'a'.repeat(64),
      link: 'https://archive.example/account',
    });
    expect(record.incidents.map((incident) => incident.id)).toEqual([planted.publicIncident]);

    const invalid = await staffPost(t.app, editor, editUrl, {
      version: '2',
      resource: '@demo_blocked_account',
      resource_kind: 'account',
      ordered_by: 'Demo prosecutor (test data)',
      blocked_on: '2024-06-01',
      lifted_on: '2024-05-01',
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.body).toContain('lifted_on');
    const stale = await staffPost(t.app, editor, editUrl, {
      version: '1',
      resource: '@demo_blocked_account',
      resource_kind: 'account',
      ordered_by: 'Demo prosecutor (test data)',
      blocked_on: '2024-06-01',
      lifted_on: '2024-07-01',
    });
    expect(stale.statusCode).toBe(409);
    const lifted = await staffPost(t.app, editor, editUrl, {
      version: '2',
      resource: '@demo_blocked_account',
      resource_kind: 'account',
      ordered_by: 'Demo prosecutor (test data)',
      blocked_on: '2024-06-01',
      lifted_on: '2024-07-01',
    });
    expect(lifted.statusCode).toBe(303);
    expect((await getPublicBlocking(t.database.db, id)).still_blocked).toBe(false);
  });

  it('lets an editor record a request and its appeal through the pages', async () => {
    const editor = await signIn(t, 'editor');
    const created = await staffPost(t.app, editor, '/kk/editorial/registers/refusals', {
      requester_kind: 'media_outlet',
      requester_name: '',
      requester_anonymous: 'yes',
      body_name: 'Demo district court',
      requested_on: '2024-04-01',
      deadline_on: '2024-04-16',
      answer: 'partial',
      answered_on: '2024-04-10',
      subject_kk: 'Сот шешімінің көшірмесі (тест)',
    });
    expect(created.statusCode).toBe(303);
    const editUrl = String(created.headers.location).replace('?done=1', '');
    const appeal = await staffPost(t.app, editor, `${editUrl}/appeals`, {
      filed_on: '2024-04-20',
      appealed_to: 'Demo regional court',
      outcome: 'pending',
      decided_on: '',
    });
    expect(appeal.statusCode).toBe(303);
    const page = await t.app.inject({ url: editUrl, headers: { cookie: editor.cookie } });
    expect(page.body).toContain('Demo regional court');
    expect((await t.app.inject(`/en/registers/refusals/${editUrl.split('/').at(-1)}`)).statusCode).toBe(404);
  });

  it('keeps the editorial pages for signed-in staff only', async () => {
    for (const url of [
      '/ru/editorial/registers',
      '/ru/editorial/registers/blocking/new',
      '/en/editorial/registers/refusals/new',
    ]) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).not.toBe(200);
      expectNoMarkers(url, response.body);
    }
    const monitor = await signIn(t, 'monitor');
    const list = await t.app.inject({ url: '/en/editorial/registers', headers: { cookie: monitor.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(registerMarkers.draftBlockingResource);
  });
});
