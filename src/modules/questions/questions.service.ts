import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { QuestionsTable, Role } from '../../db/types.ts';
import { translator } from '../../i18n/define.ts';
import { isLang, type Lang } from '../../i18n/langs.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { CurrentUser, ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { enqueueMail } from './questions.mail.ts';
import { questionMessages } from './questions.messages.ts';
import type { QuestionPatch } from './questions.repo.ts';
import * as repo from './questions.repo.ts';
import {
  type AskInput,
  type InboxFilters,
  normalizeAccessCode,
  normalizeReference,
  QUESTION_MAX_CHARS,
} from './questions.schemas.ts';
import type { RateLimits } from './questions.spam.ts';
import { isClosedStatus, type QuestionEvent, questionTransition } from './questions.workflow.ts';

type QuestionRow = import('kysely').Selectable<QuestionsTable>;

export const STAFF_ROLES: readonly Role[] = ['lawyer', 'admin', 'editor'];
const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Where the mails' links point: always PUBLIC_URL, never an address taken from the request. */
export type MailLinks = { baseUrl: string; orgName: string };

// ---------------------------------------------------------------- the public side

/** Outcomes that count against a client's limits: accepted questions and detected spam. */
const COUNTED_OUTCOMES = ['accepted', 'spam'] as const;

async function overLimit(trx: Db, key: string, action: string, limits: RateLimits, now: Date) {
  const shortSince = new Date(now.getTime() - limits.shortMinutes * 60_000);
  const daySince = new Date(now.getTime() - 86_400_000);
  const [short, daily] = await Promise.all([
    repo.countAttempts(trx, key, action, COUNTED_OUTCOMES, shortSince),
    repo.countAttempts(trx, key, action, COUNTED_OUTCOMES, daySince),
  ]);
  return short >= limits.short || daily >= limits.daily;
}

/**
 * Records a refused attempt. A filled honeypot is spam and counts against the client's limits; a
 * form sent too soon is recorded ('too_fast') but not counted: a person who types fast is asked to
 * send again, and that must not spend one of their three questions. Nothing is accepted either way.
 * Returns 'rate_limited' when the client is already over the limits, so the caller shows that instead.
 */
export async function recordSpamAttempt(
  ctx: ServiceContext,
  input: { clientKey: string; limits: RateLimits; reason: 'honeypot' | 'too_fast' },
): Promise<'recorded' | 'rate_limited'> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockClientKey(trx, input.clientKey);
    if (await overLimit(trx, input.clientKey, 'ask', input.limits, now)) {
      await repo.insertAttempt(trx, input.clientKey, 'ask', 'rate_limited', now);
      return 'rate_limited';
    }
    await repo.insertAttempt(
      trx,
      input.clientKey,
      'ask',
      input.reason === 'honeypot' ? 'spam' : 'too_fast',
      now,
    );
    return 'recorded';
  });
}

export type SubmitResult =
  | { kind: 'created'; questionId: number; reference: string; accessCode: string; mailIds: number[] }
  | { kind: 'duplicate'; reference: string }
  | { kind: 'rate_limited' };

/**
 * Accepts a question from the public. The rate-limit check and the insert share one transaction
 * that holds a lock on the client's key, so parallel requests on several instances cannot slip past
 * the limit together.
 */
export async function submitQuestion(
  ctx: ServiceContext,
  input: AskInput & {
    lang: Lang;
    submissionKey: string;
    clientKey: string;
    limits: RateLimits;
    links: MailLinks;
  },
): Promise<SubmitResult> {
  const now = ctx.now();
  if (input.region && !(await repo.regionExists(ctx.db, input.region))) {
    throw new AppError('validation_failed', 'region: unknown region', { field: 'region' });
  }
  return ctx.db.transaction().execute(async (trx): Promise<SubmitResult> => {
    await repo.lockClientKey(trx, input.clientKey);
    const existing = await repo.findBySubmissionKey(trx, input.submissionKey);
    if (existing) return { kind: 'duplicate', reference: existing.reference };
    if (await overLimit(trx, input.clientKey, 'ask', input.limits, now)) {
      await repo.insertAttempt(trx, input.clientKey, 'ask', 'rate_limited', now);
      return { kind: 'rate_limited' };
    }
    const accessCode = generateAccessCode();
    const inserted = await trx
      .insertInto('questions')
      .values({
        reference: `pending:${input.submissionKey}`,
        access_code_hash: hashAccessCode(accessCode),
        submission_key: input.submissionKey,
        lang: input.lang,
        topic: input.topic,
        region_code: input.region,
        body: input.body,
        sender_name: input.name,
        sender_contact: input.contact?.value ?? null,
        contact_kind: input.contact?.kind ?? null,
        consent_publish: input.consent,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reference = formatReference(now, inserted.id);
    await trx.updateTable('questions').set({ reference }).where('id', '=', inserted.id).execute();
    await repo.insertAttempt(trx, input.clientKey, 'ask', 'accepted', now);
    const row = await trx
      .selectFrom('questions')
      .selectAll()
      .where('id', '=', inserted.id)
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'question.create',
      entityType: 'question',
      entityId: String(inserted.id),
      after: auditSnapshot(row),
    });
    const mailIds: number[] = [];
    const statusUrl = `${input.links.baseUrl}/${input.lang}/ask/status`;
    if (row.contact_kind === 'email' && row.sender_contact) {
      const t = translator(questionMessages, input.lang);
      mailIds.push(
        await enqueueMail(trx, now, {
          to: row.sender_contact,
          recipient: 'sender',
          subject: t('mailReceivedSubject', { reference }),
          body: t('mailReceivedBody', { reference, url: statusUrl, org: input.links.orgName }),
          questionId: row.id,
        }),
      );
    }
    mailIds.push(...(await notifyStaff(trx, now, row, 'new', input.links)));
    return { kind: 'created', questionId: row.id, reference, accessCode, mailIds };
  });
}

export function formatReference(now: Date, id: number): string {
  return `Q-${now.getUTCFullYear()}-${String(id).padStart(6, '0')}`;
}

/** 12 characters of an unambiguous alphabet (60 bits), shown as K7QM-2PZX-H4TA. */
export function generateAccessCode(): string {
  const chars = Array.from(
    { length: 12 },
    () => ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)],
  );
  const code = chars.join('');
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

export function hashAccessCode(code: string): string {
  return createHash('sha256')
    .update(`question-access:${normalizeAccessCode(code)}`)
    .digest('hex');
}

/** What the sender sees of their own question: never their name or contact, which they gave us. */
export type SenderView = {
  reference: string;
  createdAt: Date;
  topic: QuestionRow['topic'];
  status: QuestionRow['status'];
  body: string;
  answer: string | null;
  publishedId: number | null;
  messages: Array<{ kind: 'info_request' | 'sender_reply'; body: string; createdAt: Date }>;
};

export const STATUS_LOOKUP_LIMITS: RateLimits = { short: 10, shortMinutes: 10, daily: 50 };

/**
 * Finds a question by its reference number and access code. Wrong guesses count against the
 * client's address (10 in 10 minutes), so the code cannot be found by trying.
 */
export async function findQuestionForSender(
  ctx: ServiceContext,
  input: { reference: string; code: string; clientKey: string },
): Promise<
  { kind: 'found'; view: SenderView; id: number } | { kind: 'not_found' } | { kind: 'rate_limited' }
> {
  const now = ctx.now();
  const limits = STATUS_LOOKUP_LIMITS;
  const shortSince = new Date(now.getTime() - limits.shortMinutes * 60_000);
  const failures = await repo.countAttempts(ctx.db, input.clientKey, 'status', ['wrong_code'], shortSince);
  if (failures >= limits.short) return { kind: 'rate_limited' };
  const row = await repo.findByReference(ctx.db, normalizeReference(input.reference));
  const expected = Buffer.from(row?.access_code_hash ?? '0'.repeat(64));
  const given = Buffer.from(hashAccessCode(input.code));
  if (!row || !timingSafeEqual(expected, given)) {
    await repo.insertAttempt(ctx.db, input.clientKey, 'status', 'wrong_code', now);
    return { kind: 'not_found' };
  }
  const messages = await repo.listMessages(ctx.db, row.id);
  return {
    kind: 'found',
    id: row.id,
    view: {
      reference: row.reference,
      createdAt: row.created_at,
      topic: row.topic,
      status: row.status,
      body: row.body,
      answer: row.status === 'answered' || isClosedStatus(row.status) ? row.answer : null,
      publishedId: row.status === 'published' ? row.id : null,
      messages: messages.map((message) => ({
        kind: message.kind,
        body: message.body,
        createdAt: message.created_at,
      })),
    },
  };
}

/** The sender answers the lawyer's request for more information. */
export async function replyAsSender(
  ctx: ServiceContext,
  input: { reference: string; code: string; clientKey: string; body: string; links: MailLinks },
): Promise<{ kind: 'replied'; mailIds: number[] } | { kind: 'not_found' } | { kind: 'rate_limited' }> {
  const body = input.body.trim();
  if (body === '' || body.length > QUESTION_MAX_CHARS) {
    throw new AppError('validation_failed', `reply: 1 to ${QUESTION_MAX_CHARS} characters`, {
      field: 'reply',
    });
  }
  const found = await findQuestionForSender(ctx, input);
  if (found.kind !== 'found') return found;
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockedQuestion(trx, found.id);
    const next = transitionOrThrow(row, 'sender_reply', 'sender');
    await repo.insertMessage(trx, { questionId: row.id, kind: 'sender_reply', body, authorId: null }, now);
    const updated = await repo.updateQuestion(trx, row.id, { status: next }, now);
    await writeAudit(trx, ctx, {
      action: 'question.sender_reply',
      entityType: 'question',
      entityId: String(row.id),
      before: auditSnapshot(row),
      after: auditSnapshot(updated),
    });
    const mailIds = await notifyStaff(trx, now, updated, 'reply', input.links);
    return { kind: 'replied' as const, mailIds };
  });
}

// ---------------------------------------------------------------- the lawyers' inbox

function requireStaff(ctx: ServiceContext): CurrentUser {
  const user = ctx.user;
  if (!user) throw new AppError('unauthenticated', 'sign in first');
  if (!STAFF_ROLES.includes(user.role)) {
    throw new AppError('forbidden', `this needs one of the roles: ${STAFF_ROLES.join(', ')}`);
  }
  return user;
}

export async function listInbox(ctx: ServiceContext, filters: InboxFilters) {
  const user = requireStaff(ctx);
  return repo.listInbox(ctx.db, filters, user.id);
}

export async function getQuestionDetail(ctx: ServiceContext, id: number) {
  requireStaff(ctx);
  const row = await repo.getQuestionForStaff(ctx.db, id);
  if (!row) throw new AppError('not_found', `no question ${id}`);
  const [messages, links, outbox] = await Promise.all([
    repo.listMessages(ctx.db, id),
    repo.listLinks(ctx.db, id),
    repo.listOutbox(ctx.db, { questionId: id }),
  ]);
  return { question: row, messages, links, outbox };
}

export async function listOutbox(ctx: ServiceContext, filter: { unsentOnly?: boolean } = {}) {
  requireStaff(ctx);
  return repo.listOutbox(ctx.db, filter);
}

async function lockedQuestion(trx: Db, id: number) {
  const row = await repo.lockQuestion(trx, id);
  if (!row) throw new AppError('not_found', `no question ${id}`);
  return row;
}

function transitionOrThrow(row: QuestionRow, event: QuestionEvent, actor: Role | 'sender') {
  const result = questionTransition(row.status, event, actor);
  if (!result.ok) {
    if (result.reason === 'not_allowed_for_actor') {
      throw new AppError('forbidden', `${actor} may not ${event} a question`);
    }
    throw new AppError('invalid_transition', `a question that is ${row.status} cannot be moved by ${event}`);
  }
  return result.to;
}

function checkVersion(row: QuestionRow, version: number) {
  if (row.version !== version) {
    throw new AppError('stale_version', 'someone else changed this question; reload the page and try again');
  }
}

/** The retention clock starts when a question is closed or published and stops when it reopens. */
function closedAtFor(row: QuestionRow, next: QuestionRow['status'], now: Date): Date | null {
  if (!isClosedStatus(next)) return null;
  return row.closed_at ?? now;
}

type StaffChange = { id: number; version: number };

async function runStaffTransition(
  ctx: ServiceContext,
  change: StaffChange,
  event: QuestionEvent,
  patchFor: (row: QuestionRow, user: CurrentUser, trx: Db) => Promise<QuestionPatch> | QuestionPatch,
  afterChange?: (trx: Db, before: QuestionRow, after: QuestionRow, user: CurrentUser) => Promise<number[]>,
): Promise<{ question: QuestionRow; mailIds: number[] }> {
  const user = requireStaff(ctx);
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockedQuestion(trx, change.id);
    checkVersion(row, change.version);
    const next = transitionOrThrow(row, event, user.role);
    const patch = await patchFor(row, user, trx);
    const updated = await repo.updateQuestion(
      trx,
      row.id,
      { ...patch, status: next, closed_at: closedAtFor(row, next, now) },
      now,
    );
    await writeAudit(trx, ctx, {
      action: `question.${event}`,
      entityType: 'question',
      entityId: String(row.id),
      before: auditSnapshot(row),
      after: auditSnapshot(updated),
    });
    const mailIds = afterChange ? await afterChange(trx, row, updated, user) : [];
    return { question: updated, mailIds };
  });
}

export async function assignQuestion(ctx: ServiceContext, input: StaffChange & { lawyerId: number }) {
  return runStaffTransition(ctx, input, 'assign', async (_row, _user, trx) => {
    const candidates = await repo.listAssignableUsers(trx);
    if (!candidates.some((candidate) => candidate.id === input.lawyerId)) {
      throw new AppError('validation_failed', 'lawyer: not an active lawyer', { field: 'lawyer' });
    }
    return { assigned_to: input.lawyerId };
  });
}

function requireText(text: string, field: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new AppError('validation_failed', `${field}: required`, { field });
  if (trimmed.length > QUESTION_MAX_CHARS) {
    throw new AppError('validation_failed', `${field}: at most ${QUESTION_MAX_CHARS} characters`, { field });
  }
  return trimmed;
}

export async function requestMoreInformation(
  ctx: ServiceContext,
  input: StaffChange & { text: string; links: MailLinks },
) {
  const text = requireText(input.text, 'text');
  return runStaffTransition(
    ctx,
    input,
    'request_info',
    (row, user) => ({ assigned_to: row.assigned_to ?? user.id }),
    async (trx, _before, after, user) => {
      const now = ctx.now();
      await repo.insertMessage(
        trx,
        { questionId: after.id, kind: 'info_request', body: text, authorId: user.id },
        now,
      );
      return mailSender(trx, now, after, input.links, 'mailInfoSubject', 'mailInfoBody', text);
    },
  );
}

export async function answerQuestion(
  ctx: ServiceContext,
  input: StaffChange & { text: string; links: MailLinks },
) {
  const text = requireText(input.text, 'answer');
  return runStaffTransition(
    ctx,
    input,
    'answer',
    (row, user) => ({
      answer: text,
      answered_at: ctx.now(),
      answered_by: user.id,
      assigned_to: row.assigned_to ?? user.id,
    }),
    async (trx, _before, after) =>
      mailSender(trx, ctx.now(), after, input.links, 'mailAnswerSubject', 'mailAnswerBody', text),
  );
}

export async function closeQuestion(ctx: ServiceContext, input: StaffChange) {
  return runStaffTransition(ctx, input, 'close', () => ({}));
}

export async function reopenQuestion(ctx: ServiceContext, input: StaffChange) {
  return runStaffTransition(ctx, input, 'reopen', () => ({}));
}

export async function unpublishQuestion(ctx: ServiceContext, input: StaffChange) {
  return runStaffTransition(ctx, input, 'unpublish', () => ({ published_at: null }));
}

/**
 * Publishes the anonymized question and answer. Refused without the sender's consent, and refused
 * while the public text still holds the sender's name or contact.
 */
export async function publishQuestion(
  ctx: ServiceContext,
  input: StaffChange & {
    publicQuestion: string;
    publicAnswer: string;
    articles: string[];
    caseIds: string[];
  },
) {
  const publicQuestion = requireText(input.publicQuestion, 'public_question');
  const publicAnswer = requireText(input.publicAnswer, 'public_answer');
  const articles = [...new Set(input.articles)];
  const caseIds = [...new Set(input.caseIds)];
  return runStaffTransition(ctx, input, 'publish', async (row, _user, trx) => {
    if (!row.consent_publish) {
      throw new AppError('forbidden', 'the sender did not consent to publication', { field: 'consent' });
    }
    for (const [field, text] of [
      ['public_question', publicQuestion],
      ['public_answer', publicAnswer],
    ] as const) {
      if (containsSenderData(text, row)) {
        throw new AppError('validation_failed', `${field}: still contains the sender's name or contact`, {
          field,
        });
      }
    }
    const knownArticles = await repo.existingArticleCodes(trx, articles);
    const unknownArticle = articles.find((code) => !knownArticles.includes(code));
    if (unknownArticle) {
      throw new AppError('validation_failed', `articles: unknown legal article ${unknownArticle}`, {
        field: 'articles',
      });
    }
    const knownCases = await repo.existingPublishedCaseIds(trx, caseIds);
    const unknownCase = caseIds.find((id) => !knownCases.includes(id));
    if (unknownCase) {
      throw new AppError('validation_failed', `cases: no published case ${unknownCase}`, { field: 'cases' });
    }
    await repo.replaceLinks(trx, row.id, articles, caseIds);
    return { public_question: publicQuestion, public_answer: publicAnswer, published_at: ctx.now() };
  });
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Patterns that find the sender in a text: the contact as given, an email's local part, the last
 * seven digits of a phone however they are spaced, and every word of the name of 3 letters or more.
 */
function senderPatterns(sender: Pick<QuestionRow, 'sender_name' | 'sender_contact'>): RegExp[] {
  const patterns: RegExp[] = [];
  const contact = sender.sender_contact?.trim();
  if (contact) {
    patterns.push(new RegExp(escapeRegExp(contact), 'giu'));
    if (contact.includes('@')) {
      const localPart = contact.split('@')[0] ?? '';
      if (localPart.length >= 4) patterns.push(new RegExp(escapeRegExp(localPart), 'giu'));
    } else {
      const digits = contact.replace(/\D/g, '');
      if (digits.length >= 7) patterns.push(new RegExp(digits.slice(-7).split('').join('[\\s().-]*'), 'g'));
    }
  }
  for (const word of (sender.sender_name ?? '').split(/[\s,.;]+/u)) {
    if ([...word].length >= 3) {
      patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu'));
    }
  }
  return patterns;
}

/** True when `text` holds the sender's contact or a word of their name. */
export function containsSenderData(
  text: string,
  sender: Pick<QuestionRow, 'sender_name' | 'sender_contact'>,
): boolean {
  return senderPatterns(sender).some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}

/** Replaces the sender's name and contact in `text` with […]. */
export function redactSenderData(
  text: string,
  sender: Pick<QuestionRow, 'sender_name' | 'sender_contact'>,
): string {
  return senderPatterns(sender).reduce((result, pattern) => result.replace(pattern, '[…]'), text);
}

// ---------------------------------------------------------------- the knowledge base

export async function listPublishedAnswers(
  db: Db,
  filter: { topic?: QuestionRow['topic'] | undefined; page: number },
  pageSize = 20,
) {
  const rows = await repo.listPublishedAnswers(db, {
    ...(filter.topic ? { topic: filter.topic } : {}),
    offset: (filter.page - 1) * pageSize,
    limit: pageSize + 1,
  });
  return { items: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}

export async function getPublishedAnswer(db: Db, id: number) {
  const answer = await repo.getPublishedAnswer(db, id);
  if (!answer) throw new AppError('not_found', `no published answer ${id}`);
  const links = await repo.listLinks(db, id);
  const cases = await repo.listSimilarPublishedCases(
    db,
    links.caseIds,
    links.articles.map((article) => article.code),
  );
  return { answer, articles: links.articles, cases };
}

// ---------------------------------------------------------------- retention

/**
 * Deletes the name and contact of every question closed more than `retentionDays` ago, and the
 * sender's address on its queued mail. One audit entry per question; returns how many were purged.
 */
export async function purgeExpiredContacts(
  ctx: ServiceContext,
  input: { retentionDays: number },
): Promise<number> {
  const now = ctx.now();
  const closedBefore = new Date(now.getTime() - input.retentionDays * 86_400_000);
  return ctx.db.transaction().execute(async (trx) => {
    const due = await repo.listQuestionsToPurge(trx, closedBefore);
    for (const question of due) {
      const redact = (text: string) => redactSenderData(text, question);
      await trx
        .updateTable('questions')
        .set({
          sender_name: null,
          sender_contact: null,
          contact_kind: null,
          contact_purged_at: now,
          body: redact(question.body),
          answer: question.answer === null ? null : redact(question.answer),
        })
        .where('id', '=', question.id)
        .execute();
      await repo.redactMessages(trx, question.id, redact);
      await repo.eraseSenderAddresses(trx, question.id, redact);
      await writeAudit(trx, ctx, {
        action: 'question.contact_purge',
        entityType: 'question',
        entityId: String(question.id),
        after: {
          reference: question.reference,
          closed_at: question.closed_at,
          retention_days: input.retentionDays,
        },
      });
    }
    await repo.deleteAttemptsBefore(trx, new Date(now.getTime() - 2 * 86_400_000));
    return due.length;
  });
}

// ---------------------------------------------------------------- helpers

/**
 * What the audit log keeps of a question: its workflow state and the published texts (checked free of
 * the sender's data), never the name, the contact or the free texts that may quote them, because the
 * audit log is never purged.
 */
function auditSnapshot(row: QuestionRow) {
  return {
    reference: row.reference,
    status: row.status,
    topic: row.topic,
    region_code: row.region_code,
    assigned_to: row.assigned_to,
    consent_publish: row.consent_publish,
    has_name: row.sender_name !== null,
    contact_kind: row.contact_kind,
    answered: row.answer !== null,
    public_question: row.public_question,
    public_answer: row.public_answer,
    closed_at: row.closed_at,
    version: row.version,
  };
}

async function mailSender(
  trx: Db,
  now: Date,
  question: QuestionRow,
  links: MailLinks,
  subjectKey: 'mailInfoSubject' | 'mailAnswerSubject',
  bodyKey: 'mailInfoBody' | 'mailAnswerBody',
  text: string,
): Promise<number[]> {
  if (question.contact_kind !== 'email' || !question.sender_contact) return [];
  const t = translator(questionMessages, question.lang);
  const values = {
    reference: question.reference,
    text,
    url: `${links.baseUrl}/${question.lang}/ask/status`,
    org: links.orgName,
  };
  return [
    await enqueueMail(trx, now, {
      to: question.sender_contact,
      recipient: 'sender',
      subject: t(subjectKey, values),
      body: t(bodyKey, values),
      questionId: question.id,
    }),
  ];
}

async function notifyStaff(
  trx: Db,
  now: Date,
  question: QuestionRow,
  kind: 'new' | 'reply',
  links: MailLinks,
): Promise<number[]> {
  const recipients = await repo.listStaffRecipients(trx, kind === 'reply' ? question.assigned_to : null);
  const ids: number[] = [];
  for (const recipient of recipients) {
    const lang: Lang = isLang(recipient.preferred_lang) ? recipient.preferred_lang : 'ru';
    const t = translator(questionMessages, lang);
    const values = {
      reference: question.reference,
      topic: t(`topic_${question.topic}`),
      url: `${links.baseUrl}/${lang}/editorial/questions/${question.id}`,
    };
    ids.push(
      await enqueueMail(trx, now, {
        to: recipient.email,
        recipient: 'staff',
        subject: t(kind === 'new' ? 'mailStaffNewSubject' : 'mailStaffReplySubject', values),
        body: t(kind === 'new' ? 'mailStaffNewBody' : 'mailStaffReplyBody', values),
        questionId: question.id,
      }),
    );
  }
  return ids;
}

/** Random key that makes a resent form find the question it already created. */
export function newSubmissionKey(): string {
  return randomBytes(18).toString('base64url');
}
