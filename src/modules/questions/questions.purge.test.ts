import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { scheduleRepeating } from './questions.maintenance.ts';
import { answerQuestion, closeQuestion, purgeExpiredContacts } from './questions.service.ts';
import { askThroughForm, signIn, startTestApp, type TestApp, validQuestion } from './questions.testkit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ QUESTION_CONTACT_RETENTION_DAYS: '30' });
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const DAY = 86_400_000;

describe('deleting contact data after closing', () => {
  it('deletes the name, contact and mail address a configurable time after closing, and audits it', async () => {
    const lawyer = await signIn(t, 'lawyer');
    const asked = await askThroughForm(
      t,
      {
        ...validQuestion,
        body: 'Marker Person here (purge.me@example.test). May a school director ban filming of a public meeting?',
        name: 'Marker Person',
        contact: 'purge.me@example.test',
      },
      '192.0.2.200',
    );
    const open = await askThroughForm(
      t,
      { ...validQuestion, contact: 'still.open@example.test' },
      '192.0.2.201',
    );
    const ctx = () => ({ db: t.database.db, user: lawyer.user, via: 'web' as const, now: () => t.clock.now });
    const answered = await answerQuestion(ctx(), {
      id: asked.id,
      version: asked.version,
      text: 'Dear Marker Person, no: a public meeting may be filmed.',
      links: { baseUrl: 'http://localhost', orgName: 'Org' },
    });
    await closeQuestion(ctx(), { id: asked.id, version: answered.question.version });
    const closedAt = t.clock.now;

    const system = () => ({ db: t.database.db, user: null, via: 'system' as const, now: () => t.clock.now });
    t.clock.advance(29 * DAY);
    expect(await purgeExpiredContacts(system(), { retentionDays: 30 })).toBe(0);
    t.clock.advance(1 * DAY + 1000);
    expect(await purgeExpiredContacts(system(), { retentionDays: 30 })).toBe(1);
    expect(await purgeExpiredContacts(system(), { retentionDays: 30 })).toBe(0);

    const purged = await t.database.db
      .selectFrom('questions')
      .selectAll()
      .where('id', '=', asked.id)
      .executeTakeFirstOrThrow();
    expect(purged).toMatchObject({ sender_name: null, sender_contact: null, contact_kind: null });
    expect(purged.contact_purged_at?.getTime()).toBe(t.clock.now.getTime());
    expect(purged.closed_at?.getTime()).toBe(closedAt.getTime());
    expect(purged.body).toBe('[…] […] here ([…]). May a school director ban filming of a public meeting?');
    expect(purged.answer).toBe('Dear […] […], no: a public meeting may be filmed.');
    const stillOpen = await t.database.db
      .selectFrom('questions')
      .selectAll()
      .where('id', '=', open.id)
      .executeTakeFirstOrThrow();
    expect(stillOpen.sender_contact).toBe('still.open@example.test');

    const mail = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('question_id', '=', asked.id)
      .execute();
    expect(mail.filter((item) => item.recipient === 'sender').every((item) => item.to_address === null)).toBe(
      true,
    );
    const everything = JSON.stringify([
      await t.database.db.selectFrom('questions').selectAll().where('id', '=', asked.id).execute(),
      await t.database.db.selectFrom('outbox').selectAll().execute(),
      await t.database.db.selectFrom('audit_log').selectAll().execute(),
    ]);
    expect(everything).not.toMatch(/Marker Person|purge\.me/);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'question.contact_purge')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_id: String(asked.id), via: 'system', user_id: null });
    expect(audit.after).toMatchObject({ reference: asked.reference, retention_days: 30 });

    const later = await signIn(t, 'lawyer');
    const detail = await t.app.inject({
      url: `/en/editorial/questions/${asked.id}`,
      headers: { cookie: later.cookie },
    });
    expect(detail.body).toContain('The contact data was deleted on');
  });

  it('runs the purge at start and then on an interval that closing stops', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let runs = 0;
    const schedule = scheduleRepeating(async () => {
      runs++;
    }, 60_000);
    await schedule.first;
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000 * 3);
    expect(runs).toBe(4);
    await schedule.stop();
    await vi.advanceTimersByTimeAsync(60_000 * 3);
    expect(runs).toBe(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is started by the server, which purges on start', async () => {
    const other = await startTestApp({ QUESTION_CONTACT_RETENTION_DAYS: '0' });
    try {
      const asked = await askThroughForm(other, { ...validQuestion, name: 'Started Purge' }, '192.0.2.202');
      const lawyer = await signIn(other, 'lawyer');
      await closeQuestion(
        { db: other.database.db, user: lawyer.user, via: 'web', now: () => other.clock.now },
        { id: asked.id, version: asked.version },
      );
      // A second app on the same database purges when it becomes ready.
      const { buildServer } = await import('../../server.tsx');
      const second = await buildServer(
        {
          config: other.config,
          db: other.database.db,
          engine: other.database.engine,
          now: () => other.clock.now,
        },
        { logger: false },
      );
      await second.ready();
      await second.close();
      const row = await other.database.db
        .selectFrom('questions')
        .selectAll()
        .where('id', '=', asked.id)
        .executeTakeFirstOrThrow();
      expect(row.sender_name).toBeNull();
    } finally {
      await other.close();
    }
  });
});
