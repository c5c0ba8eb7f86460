import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { QuestionStatus, QuestionsTable } from '../../db/types.ts';
import type { InboxFilters, QuestionTopic } from './questions.schemas.ts';

export type QuestionPatch = Partial<{
  status: QuestionStatus;
  assigned_to: number | null;
  answer: string | null;
  answered_at: Date | null;
  answered_by: number | null;
  public_question: string | null;
  public_answer: string | null;
  published_at: Date | null;
  closed_at: Date | null;
  sender_name: string | null;
  sender_contact: string | null;
  contact_kind: QuestionsTable['contact_kind'];
  contact_purged_at: Date | null;
}>;

/** Serializes the submissions of one client address across every instance, for this transaction. */
export async function lockClientKey(trx: Db, key: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`submission:${key}`}))`.execute(trx);
}

export async function countAttempts(
  trx: Db,
  key: string,
  action: string,
  outcomes: readonly string[],
  since: Date,
): Promise<number> {
  const row = await trx
    .selectFrom('submission_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('client_key', '=', key)
    .where('action', '=', action)
    .where('outcome', 'in', outcomes)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAttempt(trx: Db, key: string, action: string, outcome: string, at: Date) {
  await trx
    .insertInto('submission_attempts')
    .values({ client_key: key, action, outcome, attempted_at: at })
    .execute();
}

export async function deleteAttemptsBefore(db: Db, before: Date) {
  await db.deleteFrom('submission_attempts').where('attempted_at', '<', before).execute();
}

export async function findBySubmissionKey(trx: Db, submissionKey: string) {
  return trx
    .selectFrom('questions')
    .select(['id', 'reference'])
    .where('submission_key', '=', submissionKey)
    .executeTakeFirst();
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  const row = await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

export async function lockQuestion(trx: Db, id: number) {
  return trx.selectFrom('questions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findByReference(db: Db, reference: string) {
  return db.selectFrom('questions').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export async function updateQuestion(trx: Db, id: number, patch: QuestionPatch, now: Date) {
  return trx
    .updateTable('questions')
    .set((eb) => ({ ...patch, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertMessage(
  trx: Db,
  message: {
    questionId: number;
    kind: 'info_request' | 'sender_reply';
    body: string;
    authorId: number | null;
  },
  now: Date,
) {
  await trx
    .insertInto('question_messages')
    .values({
      question_id: message.questionId,
      kind: message.kind,
      body: message.body,
      author_id: message.authorId,
      created_at: now,
    })
    .execute();
}

export async function listMessages(db: Db, questionId: number) {
  return db
    .selectFrom('question_messages')
    .leftJoin('users', 'users.id', 'question_messages.author_id')
    .select([
      'question_messages.id',
      'question_messages.kind',
      'question_messages.body',
      'question_messages.created_at',
      'users.display_name as author_name',
    ])
    .where('question_id', '=', questionId)
    .orderBy('question_messages.id')
    .execute();
}

export async function listInbox(db: Db, filters: InboxFilters, currentUserId: number) {
  let query = db
    .selectFrom('questions')
    .leftJoin('users', 'users.id', 'questions.assigned_to')
    .select([
      'questions.id',
      'questions.reference',
      'questions.created_at',
      'questions.topic',
      'questions.region_code',
      'questions.status',
      'users.display_name as lawyer_name',
    ]);
  if (filters.status) query = query.where('questions.status', '=', filters.status);
  if (filters.topic) query = query.where('questions.topic', '=', filters.topic);
  if (filters.region) query = query.where('questions.region_code', '=', filters.region);
  if (filters.assigned === 'none') query = query.where('questions.assigned_to', 'is', null);
  else if (filters.assigned === 'me') query = query.where('questions.assigned_to', '=', currentUserId);
  else if (typeof filters.assigned === 'number')
    query = query.where('questions.assigned_to', '=', filters.assigned);
  return query.orderBy('questions.created_at', 'desc').orderBy('questions.id', 'desc').limit(200).execute();
}

export async function getQuestionForStaff(db: Db, id: number) {
  return db
    .selectFrom('questions')
    .leftJoin('users', 'users.id', 'questions.assigned_to')
    .selectAll('questions')
    .select('users.display_name as lawyer_name')
    .where('questions.id', '=', id)
    .executeTakeFirst();
}

export async function listAssignableUsers(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('role', 'in', ['lawyer', 'admin'])
    .where('disabled_at', 'is', null)
    .orderBy('display_name')
    .execute();
}

/** Who hears of new questions: every active lawyer, else the organization's address. */
export async function listStaffRecipients(db: Db, onlyUserId: number | null) {
  let query = db
    .selectFrom('users')
    .select(['email', 'preferred_lang'])
    .where('disabled_at', 'is', null)
    .where('role', '=', 'lawyer');
  if (onlyUserId !== null) query = query.where('id', '=', onlyUserId);
  return query.orderBy('id').execute();
}

export async function listOutbox(db: Db, filter: { questionId?: number; unsentOnly?: boolean }) {
  let query = db.selectFrom('outbox').selectAll();
  if (filter.questionId !== undefined) query = query.where('question_id', '=', filter.questionId);
  if (filter.unsentOnly) query = query.where('status', 'in', ['not_sent', 'failed', 'pending']);
  return query.orderBy('id', 'desc').limit(500).execute();
}

export async function countUnsentMail(db: Db): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', 'in', ['not_sent', 'failed', 'pending'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listLegalArticles(db: Db) {
  return db.selectFrom('legal_articles').select(['code', 'law', 'number', 'names']).orderBy('code').execute();
}

export async function existingArticleCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return [];
  const rows = await db.selectFrom('legal_articles').select('code').where('code', 'in', codes).execute();
  return rows.map((row) => row.code);
}

export async function existingPublishedCaseIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute();
  return rows.map((row) => row.id);
}

export async function replaceLinks(trx: Db, questionId: number, articles: string[], caseIds: string[]) {
  await trx.deleteFrom('question_articles').where('question_id', '=', questionId).execute();
  await trx.deleteFrom('question_cases').where('question_id', '=', questionId).execute();
  if (articles.length > 0) {
    await trx
      .insertInto('question_articles')
      .values(articles.map((code) => ({ question_id: questionId, article_code: code })))
      .execute();
  }
  if (caseIds.length > 0) {
    await trx
      .insertInto('question_cases')
      .values(caseIds.map((caseId) => ({ question_id: questionId, case_id: caseId })))
      .execute();
  }
}

export async function listLinks(db: Db, questionId: number) {
  const [articles, cases] = await Promise.all([
    db
      .selectFrom('question_articles')
      .innerJoin('legal_articles', 'legal_articles.code', 'question_articles.article_code')
      .select(['legal_articles.code', 'legal_articles.law', 'legal_articles.number', 'legal_articles.names'])
      .where('question_id', '=', questionId)
      .orderBy('legal_articles.code')
      .execute(),
    db.selectFrom('question_cases').select('case_id').where('question_id', '=', questionId).execute(),
  ]);
  return { articles, caseIds: cases.map((row) => row.case_id) };
}

/**
 * The published cases an answer links to: the ones the lawyer chose, then others brought under the
 * same articles. Only published cases, only their public title.
 */
export async function listSimilarPublishedCases(
  db: Db,
  chosen: readonly string[],
  articleCodes: readonly string[],
  limit = 5,
) {
  const rows = await db
    .selectFrom('cases')
    .select(['cases.id', 'cases.title', 'cases.kind'])
    .where('cases.status', '=', 'published')
    .where((eb) =>
      eb.or([
        ...(chosen.length > 0 ? [eb('cases.id', 'in', chosen)] : []),
        ...(articleCodes.length > 0
          ? [
              eb(
                'cases.id',
                'in',
                eb
                  .selectFrom('case_articles')
                  .select('case_articles.case_id')
                  .where('case_articles.article_code', 'in', articleCodes),
              ),
            ]
          : []),
        eb.lit(false),
      ]),
    )
    .orderBy('cases.updated_at', 'desc')
    .limit(limit + chosen.length)
    .execute();
  const chosenRows = rows.filter((row) => chosen.includes(row.id));
  const others = rows.filter((row) => !chosen.includes(row.id));
  return [...chosenRows, ...others].slice(0, Math.max(limit, chosenRows.length));
}

/**
 * The knowledge base reads only these columns: the anonymized texts, never the original question,
 * the sender's name or contact.
 */
export async function listPublishedAnswers(
  db: Db,
  filter: { topic?: QuestionTopic; offset: number; limit: number },
) {
  let query = db
    .selectFrom('questions')
    .select(['id', 'topic', 'lang', 'public_question', 'public_answer', 'published_at'])
    .where('status', '=', 'published');
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  return query
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .offset(filter.offset)
    .limit(filter.limit)
    .execute();
}

export async function getPublishedAnswer(db: Db, id: number) {
  return db
    .selectFrom('questions')
    .select(['id', 'topic', 'lang', 'public_question', 'public_answer', 'published_at'])
    .where('status', '=', 'published')
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listRegions(db: Db) {
  return db
    .selectFrom('regions')
    .select(['code', 'labels'])
    .where('valid_to', 'is', null)
    .orderBy('kind')
    .orderBy('code')
    .execute();
}

export async function listRegionLabels(db: Db) {
  return db.selectFrom('regions').select(['code', 'labels']).execute();
}

/** Closed longer than the retention period and still holding a name or contact. */
export async function listQuestionsToPurge(trx: Db, closedBefore: Date) {
  return trx
    .selectFrom('questions')
    .select(['id', 'reference', 'closed_at', 'sender_name', 'sender_contact', 'body', 'answer'])
    .where('closed_at', '<=', closedBefore)
    .where('contact_purged_at', 'is', null)
    .where((eb) => eb.or([eb('sender_name', 'is not', null), eb('sender_contact', 'is not', null)]))
    .forUpdate()
    .execute();
}

/** Drops the sender's address from the question's mail and redacts the bodies, which may quote them. */
export async function eraseSenderAddresses(trx: Db, questionId: number, redact: (text: string) => string) {
  const mails = await trx
    .selectFrom('outbox')
    .select(['id', 'body', 'subject'])
    .where('question_id', '=', questionId)
    .execute();
  for (const mail of mails) {
    await trx
      .updateTable('outbox')
      .set((eb) => ({
        body: redact(mail.body),
        subject: redact(mail.subject),
        to_address: eb.case().when('recipient', '=', 'sender').then(null).else(eb.ref('to_address')).end(),
      }))
      .where('id', '=', mail.id)
      .execute();
  }
}

export async function redactMessages(trx: Db, questionId: number, redact: (text: string) => string) {
  const messages = await trx
    .selectFrom('question_messages')
    .select(['id', 'body'])
    .where('question_id', '=', questionId)
    .execute();
  for (const message of messages) {
    await trx
      .updateTable('question_messages')
      .set({ body: redact(message.body) })
      .where('id', '=', message.id)
      .execute();
  }
}
