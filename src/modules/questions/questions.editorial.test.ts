import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCase } from '../../../test/factories.ts';
import {
  askThroughForm,
  signIn,
  staffPost,
  startTestApp,
  type TestApp,
  validQuestion,
} from './questions.testkit.ts';

let t: TestApp;
let lawyer: Awaited<ReturnType<typeof signIn>>;
let editor: Awaited<ReturnType<typeof signIn>>;
let monitor: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await startTestApp();
  lawyer = await signIn(t, 'lawyer', 'Lawyer Aigerim');
  editor = await signIn(t, 'editor', 'Editor Marat');
  monitor = await signIn(t, 'monitor');
});
afterAll(async () => {
  await t.close();
});

const version = async (id: number) =>
  (
    await t.database.db
      .selectFrom('questions')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;
const question = (id: number) =>
  t.database.db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const act = async (
  staff: { cookie: string; csrf: string },
  id: number,
  action: string,
  fields: Record<string, string | string[]> = {},
) =>
  staffPost(t.app, staff, `/en/editorial/questions/${id}/${action}`, {
    version: String(await version(id)),
    ...fields,
  });

describe("the lawyers' inbox", () => {
  it('is closed to visitors and to monitors', async () => {
    const visitor = await t.app.inject('/en/editorial/questions');
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe(`/en/login?next=${encodeURIComponent('/en/editorial/questions')}`);
    expect(
      (await t.app.inject({ url: '/en/editorial/questions', headers: { cookie: monitor.cookie } }))
        .statusCode,
    ).toBe(403);
  });

  it('lists questions with filters and shows that mail is not configured', async () => {
    const asked = await askThroughForm(
      t,
      { ...validQuestion, topic: 'copyright', region: 'aktobe' },
      '203.0.113.1',
    );
    const list = await t.app.inject({ url: '/ru/editorial/questions', headers: { cookie: lawyer.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(asked.reference);
    expect(list.body).toContain('Почта не настроена (SMTP)');
    const filtered = await t.app.inject({
      url: '/en/editorial/questions?topic=defamation&status=new',
      headers: { cookie: lawyer.cookie },
    });
    expect(filtered.body).not.toContain(asked.reference);
    const byRegion = await t.app.inject({
      url: '/en/editorial/questions?region=aktobe&assigned=none',
      headers: { cookie: lawyer.cookie },
    });
    expect(byRegion.body).toContain(asked.reference);
  });

  it('walks a question through assign, request for information, sender reply, answer and publish', async () => {
    const asked = await askThroughForm(
      t,
      {
        ...validQuestion,
        body: 'I am Gulnara Sadykova from Temirtau. The police asked me to delete my video of a protest. Must I?',
        name: 'Gulnara Sadykova',
        contact: 'gulnara.s@example.test',
        topic: 'detention',
      },
      '203.0.113.2',
    );
    const id = asked.id;
    const staleVersion = String(await version(id));

    const assigned = await act(editor, id, 'assign', { lawyer: String(lawyer.user.id) });
    expect(assigned.statusCode).toBe(303);
    expect(await question(id)).toMatchObject({ status: 'assigned', assigned_to: lawyer.user.id });

    const stale = await staffPost(t.app, lawyer, `/en/editorial/questions/${id}/close`, {
      version: staleVersion,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this question meanwhile.');

    expect((await act(editor, id, 'answer', { answer: 'Editors may not answer.' })).statusCode).toBe(403);
    const noCsrf = await staffPost(
      t.app,
      { ...lawyer, csrf: 'wrong' },
      `/en/editorial/questions/${id}/close`,
      {
        version: String(await version(id)),
      },
    );
    expect(noCsrf.statusCode).toBe(403);
    expect((await question(id)).status).toBe('assigned');

    expect(
      (await act(lawyer, id, 'request_info', { text: 'Was the video filmed on a public street?' }))
        .statusCode,
    ).toBe(303);
    expect((await question(id)).status).toBe('awaiting_info');

    // The sender reads the request on the status page and replies there.
    const statusPage = await t.app.inject({ url: '/en/ask/status', remoteAddress: '203.0.113.2' });
    const cookie = statusPage.cookies.find((item) => item.name === 'sozwatch_form');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(statusPage.body)?.[1] ?? '';
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `sozwatch_form=${cookie?.value}`,
    };
    const shown = await t.app.inject({
      method: 'POST',
      url: '/en/ask/status',
      remoteAddress: '203.0.113.2',
      headers,
      payload: new URLSearchParams({ _csrf: csrf, reference: asked.reference, code: asked.code }).toString(),
    });
    expect(shown.body).toContain('The lawyer needs more information from you');
    expect(shown.body).toContain('Was the video filmed on a public street?');
    const replied = await t.app.inject({
      method: 'POST',
      url: '/en/ask/status/reply',
      remoteAddress: '203.0.113.2',
      headers,
      payload: new URLSearchParams({
        _csrf: csrf,
        reference: asked.reference,
        code: asked.code,
        reply: 'Yes, on the square in front of the akimat.',
      }).toString(),
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.body).toContain('Your reply has been passed to the lawyer.');
    expect((await question(id)).status).toBe('assigned');
    const resent = await t.app.inject({
      method: 'POST',
      url: '/en/ask/status/reply',
      remoteAddress: '203.0.113.2',
      headers,
      payload: new URLSearchParams({
        _csrf: csrf,
        reference: asked.reference,
        code: asked.code,
        reply: 'Yes, on the square in front of the akimat.',
      }).toString(),
    });
    expect(resent.statusCode).toBe(200);
    expect(resent.body).toContain('A lawyer is working on it');
    expect(
      await t.database.db
        .selectFrom('question_messages')
        .select('id')
        .where('question_id', '=', id)
        .execute(),
    ).toHaveLength(2);

    const answer =
      'Filming in a public place is lawful. A police officer may not demand that you delete a recording; write down his name and badge number.';
    expect((await act(lawyer, id, 'answer', { answer })).statusCode).toBe(303);
    expect(await question(id)).toMatchObject({ status: 'answered', answer, answered_by: lawyer.user.id });

    const leaky = await act(lawyer, id, 'publish', {
      public_question: 'I am Gulnara from a town in Karaganda region. The police asked me to delete a video.',
      public_answer: answer,
    });
    expect(leaky.statusCode).toBe(422);
    expect(leaky.body).toContain("The published text still contains the sender's name or contact.");
    expect(leaky.body).toContain('I am Gulnara from a town in Karaganda region.');
    expect((await question(id)).status).toBe('answered');

    const publishedCase = await insertCase(t.database.db, { title: { en: 'Claim over a protest video' } });
    await t.database.db
      .insertInto('case_articles')
      .values({ case_id: publishedCase, article_code: 'CC-158' })
      .execute();
    const draftCase = await insertCase(t.database.db, { status: 'draft' });
    const unknownCase = await act(lawyer, id, 'publish', {
      public_question: 'The police asked a citizen to delete a video of a protest. Must she?',
      public_answer: answer,
      cases: draftCase,
    });
    expect(unknownCase.statusCode).toBe(422);
    expect(unknownCase.body).toContain(`There is no published case with the id ${draftCase}.`);

    const published = await act(lawyer, id, 'publish', {
      public_question: 'The police asked a citizen to delete a video of a protest. Must she?',
      public_answer: answer,
      articles: ['CC-158', 'CONST-20'],
      cases: publishedCase,
    });
    expect(published.statusCode).toBe(303);
    const row = await question(id);
    expect(row).toMatchObject({ status: 'published' });
    expect(row.closed_at).not.toBeNull();

    const page = await t.app.inject(`/en/answers/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('The police asked a citizen to delete a video of a protest.');
    expect(page.body).toContain('CC-158');
    expect(page.body).toContain('Claim over a protest video');
    expect(page.body).not.toMatch(/Gulnara|Sadykova|gulnara\.s|Temirtau/);
    const list = await t.app.inject('/kk/answers?topic=detention');
    expect(list.body).toContain(`/kk/answers/${id}`);
    const api = await t.app.inject(`/api/v1/answers/${id}`);
    expect(api.json()).toMatchObject({
      id,
      topic: 'detention',
      articles: [{ code: 'CC-158' }, { code: 'CONST-20' }],
    });
    expect(api.body).not.toMatch(/Gulnara|gulnara|sender|contact/);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'via'])
      .where('entity_type', '=', 'question')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'question.create',
      'question.assign',
      'question.request_info',
      'question.sender_reply',
      'question.answer',
      'question.publish',
    ]);
    expect(audit[1]?.user_id).toBe(editor.user.id);

    const mail = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('question_id', '=', id)
      .orderBy('id')
      .execute();
    expect(mail.filter((item) => item.recipient === 'sender').map((item) => item.subject)).toEqual([
      `Your question ${asked.reference} has been received`,
      `The lawyer needs more information (${asked.reference})`,
      `Answer to your question ${asked.reference}`,
    ]);
    expect(mail.every((item) => item.status === 'not_sent')).toBe(true);
    const detail = await t.app.inject({
      url: `/en/editorial/questions/${id}`,
      headers: { cookie: lawyer.cookie },
    });
    expect(detail.body).toContain('Not sent: SMTP not configured');
    expect(detail.body).toContain('gulnara.s@example.test');
    expect(detail.body).toContain('Withdraw from the knowledge base');

    expect((await act(editor, id, 'unpublish')).statusCode).toBe(303);
    expect((await t.app.inject(`/en/answers/${id}`)).statusCode).toBe(404);
  });

  it('never publishes without the sender’s consent', async () => {
    const asked = await askThroughForm(t, { ...validQuestion, consent: '' }, '203.0.113.3');
    await act(lawyer, asked.id, 'answer', { answer: 'An answer for the sender only.' });
    const detail = await t.app.inject({
      url: `/en/editorial/questions/${asked.id}`,
      headers: { cookie: lawyer.cookie },
    });
    expect(detail.body).toContain('The sender did not consent, so this answer cannot be published.');
    const refused = await act(lawyer, asked.id, 'publish', {
      public_question: 'A question.',
      public_answer: 'An answer.',
    });
    expect(refused.statusCode).toBe(403);
    expect((await question(asked.id)).status).toBe('answered');
  });

  it('shows the question again with a 422 when the form has no usable version', async () => {
    const asked = await askThroughForm(t, validQuestion, '203.0.113.5');
    const before = await question(asked.id);
    const forms: Array<Record<string, string>> = [{}, { version: 'abc', answer: 'An answer' }];
    for (const fields of forms) {
      const response = await staffPost(t.app, lawyer, `/en/editorial/questions/${asked.id}/answer`, fields);
      expect(response.statusCode).toBe(422);
      expect(response.body).toContain(`action="/en/editorial/questions/${asked.id}/answer"`);
    }
    expect(await question(asked.id)).toEqual(before);
  });

  it('refuses a step the workflow does not allow', async () => {
    const asked = await askThroughForm(t, validQuestion, '203.0.113.4');
    const response = await act(lawyer, asked.id, 'unpublish');
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('This step is not possible in the current status of the question.');
  });
});
