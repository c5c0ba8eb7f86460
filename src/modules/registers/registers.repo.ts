import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { BlockingFilters, RefusalFilters } from './registers.schemas.ts';

// ------------------------------------------------------------------ shared

export async function missingIds(db: Db, table: 'incidents' | 'regions', wanted: readonly string[]) {
  if (wanted.length === 0) return [];
  const column = table === 'incidents' ? 'id' : 'code';
  const rows = await db
    .selectFrom(table)
    .select(sql<string>`${sql.ref(column)}`.as('key'))
    .where(sql.ref(column), 'in', wanted)
    .execute();
  const found = new Set(rows.map((row) => row.key));
  return wanted.filter((id) => !found.has(id));
}

/** Linked incidents that the public may see: published and not restricted. */
export async function publicIncidents(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('incidents')
    .select(['id', 'date', 'title'])
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .where('visibility', '=', 'public')
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function listRegions(db: Db) {
  return db.selectFrom('regions').select(['code', 'labels']).orderBy('kind').orderBy('code').execute();
}

// ------------------------------------------------------------------ blocking

export async function lockBlocking(trx: Db, id: number) {
  return trx.selectFrom('blocking_records').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function getBlocking(db: Db, id: number) {
  return db.selectFrom('blocking_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function blockingIncidentIds(db: Db, blockingIds: readonly number[]) {
  if (blockingIds.length === 0) return [];
  return db
    .selectFrom('blocking_incidents')
    .select(['blocking_id', 'incident_id'])
    .where('blocking_id', 'in', blockingIds)
    .orderBy('incident_id')
    .execute();
}

export async function replaceBlockingIncidents(trx: Db, blockingId: number, incidentIds: readonly string[]) {
  await trx.deleteFrom('blocking_incidents').where('blocking_id', '=', blockingId).execute();
  if (incidentIds.length === 0) return;
  await trx
    .insertInto('blocking_incidents')
    .values(incidentIds.map((incidentId) => ({ blocking_id: blockingId, incident_id: incidentId })))
    .execute();
}

/** The evidence of records, without the screenshots themselves. */
export async function listEvidence(db: Db, blockingIds: readonly number[]) {
  if (blockingIds.length === 0) return [];
  return db
    .selectFrom('blocking_evidence')
    .select([
      'id',
      'blocking_id',
      'checked_on',
      'still_blocked',
      'link',
      'content_sha256',
      'screenshot_type',
      'screenshot_sha256',
    ])
    .where('blocking_id', 'in', blockingIds)
    .orderBy('checked_on')
    .orderBy('id')
    .execute();
}

export async function publishedScreenshot(db: Db, blockingId: number, evidenceId: number) {
  return db
    .selectFrom('blocking_evidence')
    .innerJoin('blocking_records', 'blocking_records.id', 'blocking_evidence.blocking_id')
    .select(['blocking_evidence.screenshot', 'blocking_evidence.screenshot_type'])
    .where('blocking_evidence.id', '=', evidenceId)
    .where('blocking_evidence.blocking_id', '=', blockingId)
    .where('blocking_records.status', '=', 'published')
    .executeTakeFirst();
}

export async function listBlocking(db: Db, options: { publishedOnly: boolean; filters?: BlockingFilters }) {
  let query = db.selectFrom('blocking_records').selectAll();
  if (options.publishedOnly) query = query.where('status', '=', 'published');
  const filters = options.filters ?? {};
  if (filters.year !== undefined) {
    query = query.where(sql<number>`extract(year from blocked_on)::int`, '=', filters.year);
  }
  if (filters.state === 'blocked') query = query.where('lifted_on', 'is', null);
  if (filters.state === 'lifted') query = query.where('lifted_on', 'is not', null);
  if (filters.region) query = query.where('region_code', '=', filters.region);
  return query.orderBy('blocked_on', 'desc').orderBy('id', 'desc').limit(2000).execute();
}

export async function publishedBlockingDates(db: Db) {
  return db
    .selectFrom('blocking_records')
    .select(['blocked_on', 'lifted_on'])
    .where('status', '=', 'published')
    .execute();
}

// ------------------------------------------------------------------ refusals

export async function lockRequest(trx: Db, id: number) {
  return trx.selectFrom('info_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function getRequest(db: Db, id: number) {
  return db.selectFrom('info_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRequestAppeals(db: Db, requestIds: readonly number[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('info_request_appeals')
    .select(['id', 'request_id', 'filed_on', 'appealed_to', 'outcome', 'decided_on'])
    .where('request_id', 'in', requestIds)
    .orderBy('filed_on')
    .orderBy('id')
    .execute();
}

/** An answer is late when it is marked so, or came after the legal deadline. */
const lateAnswer = sql<boolean>`(answer = 'late' or (answered_on is not null and answered_on > deadline_on))`;
const refusal = sql<boolean>`(answer in ('refused', 'partial', 'silent'))`;

export async function listRequests(db: Db, options: { publishedOnly: boolean; filters?: RefusalFilters }) {
  let query = db.selectFrom('info_requests').selectAll();
  if (options.publishedOnly) query = query.where('status', '=', 'published');
  const filters = options.filters ?? {};
  if (filters.year !== undefined) {
    query = query.where(sql<number>`extract(year from requested_on)::int`, '=', filters.year);
  }
  if (filters.region) query = query.where('region_code', '=', filters.region);
  if (filters.body) query = query.where('body_name', '=', filters.body);
  if (filters.answer === 'refusals') query = query.where(refusal);
  else if (filters.answer === 'late_answers') query = query.where(lateAnswer);
  else if (filters.answer) query = query.where('answer', '=', filters.answer);
  return query.orderBy('requested_on', 'desc').orderBy('id', 'desc').limit(2000).execute();
}

/**
 * Published requests counted by body, year of the request and region: refusals (refused, partly
 * refused, left without answer) and late answers, most refusals and late answers first.
 */
export async function refusalRanking(db: Db, filters: Pick<RefusalFilters, 'year' | 'region'>) {
  let query = db
    .selectFrom('info_requests')
    .select([
      'body_name',
      sql<number>`extract(year from requested_on)::int`.as('year'),
      'region_code',
      sql<string>`count(*)`.as('requests'),
      sql<string>`count(*) filter (where answer = 'refused')`.as('refused'),
      sql<string>`count(*) filter (where answer = 'partial')`.as('partial'),
      sql<string>`count(*) filter (where answer = 'silent')`.as('silent'),
      sql<string>`count(*) filter (where ${lateAnswer})`.as('late'),
      sql<string>`count(*) filter (where ${refusal})`.as('refusals'),
    ])
    .where('status', '=', 'published');
  if (filters.year !== undefined) {
    query = query.where(sql<number>`extract(year from requested_on)::int`, '=', filters.year);
  }
  if (filters.region) query = query.where('region_code', '=', filters.region);
  const rows = await query
    .groupBy(['body_name', sql`extract(year from requested_on)::int`, 'region_code'])
    .execute();
  return rows.map((row) => ({
    body: row.body_name,
    year: Number(row.year),
    region: row.region_code,
    requests: Number(row.requests),
    refused: Number(row.refused),
    partial: Number(row.partial),
    silent: Number(row.silent),
    late: Number(row.late),
    refusals: Number(row.refusals),
  }));
}

export async function publishedRequestYears(db: Db) {
  const rows = await db
    .selectFrom('info_requests')
    .select(sql<number>`extract(year from requested_on)::int`.as('year'))
    .where('status', '=', 'published')
    .distinct()
    .execute();
  return rows.map((row) => Number(row.year)).sort((a, b) => b - a);
}
