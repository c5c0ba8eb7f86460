import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askThroughForm,
  openAskForm,
  postAsk,
  sentCredentials,
  startTestApp,
  type TestApp,
  validQuestion,
} from './questions.testkit.ts';

let t: TestApp;
let addressCounter = 0;
/** Each test asks from its own address, so the rate limits of one do not leak into another. */
const freshAddress = () => `192.0.2.${++addressCounter}`;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const countQuestions = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('questions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the "Ask your question" form', () => {
  it.each([
    ['kk', 'Сұрақ қою', 'Сұрағыңыз'],
    ['ru', 'Задать вопрос', 'Ваш вопрос'],
    ['en', 'Ask your question', 'Your question'],
  ])('is served in %s with labels, a honeypot and a signed time stamp', async (lang, title, label) => {
    const response = await t.app.inject(`/${lang}/ask`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`<h1>${title}</h1>`);
    expect(response.body).toContain(`<label for="ask-body">${label}</label>`);
    expect(response.body).toMatch(/name="website" type="text" tabindex="-1"/);
    expect(response.body).toMatch(/name="_stamp" value="\d+\.[A-Za-z0-9_-]{43}"/);
    expect(response.body).toContain('value="karaganda"');
    expect(response.body).not.toContain('value="south_kazakhstan"');
  });

  it('keeps everything typed when validation fails, with errors by the fields and a linked summary', async () => {
    const address = freshAddress();
    const form = await openAskForm(t.app, 'ru', address);
    t.clock.advance(10_000);
    const before = await countQuestions();
    const response = await postAsk(
      t.app,
      form,
      {
        body: 'Коротко',
        topic: '',
        region: 'pavlodar',
        name: 'Асель',
        contact: 'not a contact',
        consent: 'yes',
      },
      { lang: 'ru', remoteAddress: address },
    );
    expect(response.statusCode).toBe(422);
    const html = response.body;
    expect(html).toContain('class="error-summary" role="alert"');
    expect(html).toContain('<a href="#ask-body">Вопрос слишком короткий: напишите не меньше 20 знаков.</a>');
    expect(html).toContain('<a href="#ask-topic">Выберите тему.</a>');
    expect(html).toContain('<a href="#ask-contact">Укажите адрес электронной почты');
    expect(html).toMatch(
      /<textarea id="ask-body"[^>]*aria-invalid="true"[^>]*aria-describedby="ask-body-hint ask-body-error"[^>]*>Коротко<\/textarea>/,
    );
    expect(html).toContain('<p class="error-text" id="ask-topic-error">Выберите тему.</p>');
    expect(html).toMatch(/<option value="pavlodar" selected>/);
    expect(html).toMatch(/id="ask-name"[^>]*value="Асель"/);
    expect(html).toMatch(/id="ask-contact"[^>]*value="not a contact"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="ask-consent"[^>]*checked/);
    expect(formFieldSubmission(html)).toBe(form.submission);
    expect(await countQuestions()).toBe(before);
  });

  it('refuses a question over 5000 characters with a message, and a body over the limit with a calm page', async () => {
    const address = freshAddress();
    const form = await openAskForm(t.app, 'en', address);
    t.clock.advance(10_000);
    const long = await postAsk(
      t.app,
      form,
      { ...validQuestion, body: 'x'.repeat(5001) },
      { remoteAddress: address },
    );
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('The question is too long: at most 5000 characters.');
    const huge = await postAsk(
      t.app,
      form,
      { ...validQuestion, body: 'я'.repeat(40_000) },
      { remoteAddress: address },
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('<h1>The message is too large</h1>');
    expect(huge.body).not.toMatch(/at .*\.ts:\d+|FST_ERR/);
  });

  it('refuses a form without its CSRF token, keeping the text', async () => {
    const address = freshAddress();
    const form = await openAskForm(t.app, 'en', address);
    t.clock.advance(10_000);
    const before = await countQuestions();
    const noToken = await postAsk(t.app, form, validQuestion, {
      remoteAddress: address,
      override: { _csrf: '' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('The form has expired.');
    expect(noToken.body).toContain(validQuestion.body);
    const foreignCookie = await postAsk(
      t.app,
      { ...form, cookie: 'sozwatch_form=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      validQuestion,
      { remoteAddress: address },
    );
    expect(foreignCookie.statusCode).toBe(403);
    expect(await countQuestions()).toBe(before);
  });

  it('refuses a filled honeypot with a calm message and stores nothing', async () => {
    const address = freshAddress();
    const form = await openAskForm(t.app, 'en', address);
    t.clock.advance(10_000);
    const before = await countQuestions();
    const response = await postAsk(
      t.app,
      form,
      { ...validQuestion, website: 'http://spam.example' },
      { remoteAddress: address },
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<h1>Your message was not accepted</h1>');
    expect(response.body).toContain('If you are a person');
    expect(await countQuestions()).toBe(before);
  });

  it('refuses a form sent faster than a person can fill it, and a forged or stale stamp', async () => {
    const address = freshAddress();
    const form = await openAskForm(t.app, 'en', address);
    t.clock.advance(1_000);
    const before = await countQuestions();
    const fast = await postAsk(t.app, form, validQuestion, { remoteAddress: address });
    expect(fast.statusCode).toBe(422);
    expect(fast.body).toContain('faster than a person can fill it in');
    expect(fast.body).toContain(validQuestion.body);
    t.clock.advance(10_000);
    const forged = await postAsk(t.app, form, validQuestion, {
      remoteAddress: address,
      override: { _stamp: `${t.clock.now.getTime() - 60_000}.${'A'.repeat(43)}` },
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain('The form has expired.');
    t.clock.advance(25 * 3_600_000);
    const stale = await postAsk(t.app, form, validQuestion, { remoteAddress: address });
    expect(stale.statusCode).toBe(422);
    expect(await countQuestions()).toBe(before);
  });

  it('does not count a form refused as sent too soon toward the limit of three', async () => {
    const address = freshAddress();
    for (let index = 0; index < 3; index++) {
      const form = await openAskForm(t.app, 'en', address);
      t.clock.advance(1_000);
      expect((await postAsk(t.app, form, validQuestion, { remoteAddress: address })).statusCode).toBe(422);
    }
    const before = await countQuestions();
    for (let index = 0; index < 3; index++) {
      const form = await openAskForm(t.app, 'en', address);
      t.clock.advance(10_000);
      const response = await postAsk(
        t.app,
        form,
        { ...validQuestion, body: `${validQuestion.body} (${index + 1})` },
        { remoteAddress: address },
      );
      expect(response.statusCode).toBe(200);
    }
    expect(await countQuestions()).toBe(before + 3);
  });

  it('accepts a question, gives a reference number and an access code, and queues the mail visibly', async () => {
    const address = freshAddress();
    const form = await openAskForm(t.app, 'en', address);
    t.clock.advance(10_000);
    const response = await postAsk(
      t.app,
      form,
      { ...validQuestion, name: 'Dana', contact: 'Dana.Sender@example.test' },
      { remoteAddress: address },
    );
    expect(response.statusCode).toBe(200);
    const { reference, code } = sentCredentials(response.body);
    expect(reference).toMatch(/^Q-2026-\d{6}$/);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(response.body).not.toContain('Dana');
    expect(response.headers['cache-control']).toBe('no-store');
    const row = await t.database.db
      .selectFrom('questions')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'new',
      topic: 'access_to_information',
      region_code: 'karaganda',
      sender_name: 'Dana',
      sender_contact: 'dana.sender@example.test',
      contact_kind: 'email',
      consent_publish: true,
      lang: 'en',
    });
    expect(row.access_code_hash).not.toContain(code);
    const mail = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('question_id', '=', row.id)
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      recipient: 'sender',
      to_address: 'dana.sender@example.test',
      status: 'not_sent',
      status_detail: 'SMTP not configured',
    });
    expect(mail[0]?.body).not.toContain(code);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'question')
      .where('entity_id', '=', String(row.id))
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['question.create']);
    expect(JSON.stringify(audit)).not.toMatch(/Dana|dana\.sender/);

    const resent = await postAsk(t.app, form, { ...validQuestion, name: 'Dana' }, { remoteAddress: address });
    expect(resent.statusCode).toBe(200);
    expect(resent.body).toContain(`already received under the number ${reference}`);
    expect(
      await t.database.db
        .selectFrom('questions')
        .select('id')
        .where('submission_key', '=', form.submission)
        .execute(),
    ).toHaveLength(1);
  });

  it('shows the status with the reference number and access code, and nothing without both', async () => {
    const asked = await askThroughForm(
      t,
      { ...validQuestion, name: 'Yerlan', contact: '+7 701 555 12 34' },
      freshAddress(),
    );
    const statusForm = await t.app.inject({ url: '/en/ask/status', remoteAddress: '198.51.100.7' });
    const cookie = statusForm.cookies.find((item) => item.name === 'sozwatch_form');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(statusForm.body)?.[1] ?? '';
    const lookup = (reference: string, code: string, remoteAddress = '198.51.100.7') =>
      t.app.inject({
        method: 'POST',
        url: '/en/ask/status',
        remoteAddress,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `sozwatch_form=${cookie?.value}`,
        },
        payload: new URLSearchParams({ _csrf: csrf, reference, code }).toString(),
      });
    const found = await lookup(asked.reference.toLowerCase(), asked.code.replaceAll('-', ' ').toLowerCase());
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('<dd class="question-status">Received</dd>');
    expect(found.body).toContain(validQuestion.body);
    expect(found.body).not.toMatch(/Yerlan|555 12 34|77015551234/);
    const wrong = await lookup(asked.reference, 'AAAA-BBBB-CCCC');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('No question matches this number and code.');
    for (let attempt = 0; attempt < 9; attempt++) await lookup(asked.reference, `WRONG${attempt}`);
    const blocked = await lookup(asked.reference, asked.code);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('Too many wrong attempts');
    const elsewhere = await lookup(asked.reference, asked.code, '198.51.100.8');
    expect(elsewhere.statusCode).toBe(200);
  });
});

describe('rate limits per client address', () => {
  it('lets 3 of a burst of 50 through and answers the other 47 with a calm 429 page', async () => {
    const address = freshAddress();
    const form = await openAskForm(t.app, 'en', address);
    t.clock.advance(10_000);
    const statuses: number[] = [];
    const bodies: string[] = [];
    for (let index = 0; index < 50; index++) {
      const response = await postAsk(
        t.app,
        { ...form, submission: `burst${String(index).padStart(19, '0')}` },
        validQuestion,
        { remoteAddress: address },
      );
      statuses.push(response.statusCode);
      bodies.push(response.body);
    }
    const accepted = statuses.filter((status) => status === 200).length;
    const limited = statuses.filter((status) => status === 429).length;
    console.log(`sequential burst of 50 from one address: ${accepted} accepted, ${limited} refused with 429`);
    expect(accepted).toBe(3);
    expect(limited).toBe(47);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    const refusal = bodies[3] ?? '';
    expect(refusal).toContain('<h1>Too many questions from your connection</h1>');
    expect(refusal).toContain('at most 3 questions in 10 minutes and 10 in a day');
    expect(refusal).not.toMatch(/at .*\.ts:\d+|Error/);
  });

  it('holds the limit for parallel requests too', async () => {
    const address = freshAddress();
    const form = await openAskForm(t.app, 'en', address);
    t.clock.advance(10_000);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        postAsk(t.app, { ...form, submission: `para${String(index).padStart(20, '0')}` }, validQuestion, {
          remoteAddress: address,
        }),
      ),
    );
    const accepted = responses.filter((response) => response.statusCode === 200).length;
    console.log(
      `parallel burst of 50 from one address: ${accepted} accepted, ${50 - accepted} refused with 429`,
    );
    expect(accepted).toBe(3);
  });

  it('opens again after 10 minutes, up to 10 a day, and counts spam attempts too', async () => {
    const address = freshAddress();
    let accepted = 0;
    const windows: number[] = [];
    for (let window = 0; window < 5; window++) {
      let inWindow = 0;
      for (let index = 0; index < 5; index++) {
        const form = await openAskForm(t.app, 'en', address);
        t.clock.advance(5_000);
        const response = await postAsk(t.app, form, validQuestion, { remoteAddress: address });
        if (response.statusCode === 200) inWindow++;
      }
      windows.push(inWindow);
      accepted += inWindow;
      t.clock.advance(11 * 60_000);
    }
    console.log(`5 windows of 10 minutes, 5 tries each: accepted per window ${windows.join(', ')}`);
    expect(windows).toEqual([3, 3, 3, 1, 0]);
    expect(accepted).toBe(10);
    t.clock.advance(24 * 3_600_000);
    const spammer = freshAddress();
    for (let index = 0; index < 3; index++) {
      const form = await openAskForm(t.app, 'en', spammer);
      t.clock.advance(5_000);
      expect(
        (await postAsk(t.app, form, { ...validQuestion, website: 'x' }, { remoteAddress: spammer }))
          .statusCode,
      ).toBe(400);
    }
    const form = await openAskForm(t.app, 'en', spammer);
    t.clock.advance(5_000);
    expect((await postAsk(t.app, form, validQuestion, { remoteAddress: spammer })).statusCode).toBe(429);
  });
});

function formFieldSubmission(html: string): string {
  return /name="_submission" value="([^"]*)"/.exec(html)?.[1] ?? '';
}
