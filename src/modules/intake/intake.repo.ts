import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type {
  CandidateStatus,
  IntakeCandidatesTable,
  IntakeLang,
  IntakeSourceKind,
  IntakeSourcesTable,
} from '../../db/types.ts';
import type { CandidateSuggestions, IncidentForMatch, IncidentMatch } from './intake.analyse.ts';

/** SQL of intake: sources (each its own fetch job), hosts (politeness) and candidates. */

export type SourceRow = Selectable<IntakeSourcesTable>;
export type CandidateRow = Omit<Selectable<IntakeCandidatesTable>, 'suggestions' | 'matches'> & {
  suggestions: CandidateSuggestions;
  matches: IncidentMatch[];
  source_name: string | null;
};

// ---------------------------------------------------------------------------------------------
// Sources

export async function insertSource(
  db: Db,
  source: {
    url: string;
    host: string;
    name: string;
    lang: IntakeLang;
    intervalMinutes: number;
    createdBy: number | null;
    now: Date;
  },
): Promise<SourceRow | null> {
  await db
    .insertInto('intake_hosts')
    .values({ host: source.host, next_request_at: new Date(0) })
    .onConflict((conflict) => conflict.column('host').doNothing())
    .execute();
  const row = await db
    .insertInto('intake_sources')
    .values({
      url: source.url,
      host: source.host,
      name: source.name,
      lang: source.lang,
      interval_minutes: source.intervalMinutes,
      next_fetch_at: source.now,
      created_by: source.createdBy,
      created_at: source.now,
    })
    .onConflict((conflict) => conflict.column('url').doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function listSources(db: Db): Promise<SourceRow[]> {
  return db.selectFrom('intake_sources').selectAll().orderBy('name').orderBy('id').execute();
}

export async function findSource(db: Db, id: number): Promise<SourceRow | undefined> {
  return db.selectFrom('intake_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setSourcePaused(db: Db, id: number, paused: boolean, now: Date) {
  await db
    .updateTable('intake_sources')
    .set({ paused, ...(paused ? {} : { next_fetch_at: now }) })
    .where('id', '=', id)
    .execute();
}

/**
 * Claims one due source whose host is free, for `leaseMs`. The source row and its host row are
 * locked with SKIP LOCKED, so a second instance claiming at the same moment takes another source
 * (or none) instead of waiting; the lease (claimed_until) then keeps it out of every other claim
 * until the fetch is recorded, and the host stays busy until then: one request per host at a time.
 */
export async function claimDueSource(
  db: Db,
  claim: { worker: string; now: Date; leaseMs: number },
): Promise<SourceRow | null> {
  const leaseEnd = new Date(claim.now.getTime() + claim.leaseMs);
  return db.transaction().execute(async (trx) => {
    const picked = await sql<{ id: number; host: string }>`
      SELECT s.id, s.host
      FROM intake_sources s JOIN intake_hosts h ON h.host = s.host
      WHERE NOT s.paused
        AND s.next_fetch_at <= ${claim.now}
        AND (s.claimed_until IS NULL OR s.claimed_until < ${claim.now})
        AND h.next_request_at <= ${claim.now}
      ORDER BY s.next_fetch_at, s.id
      LIMIT 1
      FOR UPDATE OF s, h SKIP LOCKED`.execute(trx);
    const row = picked.rows[0];
    if (!row) return null;
    await trx
      .updateTable('intake_hosts')
      .set({ next_request_at: leaseEnd })
      .where('host', '=', row.host)
      .execute();
    const claimed = await trx
      .updateTable('intake_sources')
      .set({ claimed_by: claim.worker, claimed_until: leaseEnd })
      .where('id', '=', Number(row.id))
      .returningAll()
      .executeTakeFirstOrThrow();
    return claimed;
  });
}

/** When the earliest due source that waits only for its host may go, or null when none waits. */
export async function nextHostSlot(db: Db, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('intake_sources as s')
    .innerJoin('intake_hosts as h', 'h.host', 's.host')
    .select((eb) => eb.fn.min('h.next_request_at').as('at'))
    .where('s.paused', '=', false)
    .where('s.next_fetch_at', '<=', now)
    .where((eb) => eb.or([eb('s.claimed_until', 'is', null), eb('s.claimed_until', '<', now)]))
    .where('h.next_request_at', '>', now)
    .executeTakeFirst();
  return row?.at ? new Date(row.at as unknown as string) : null;
}

export async function recordFetchSuccess(
  db: Db,
  source: SourceRow,
  result: {
    now: Date;
    hostFreeAt: Date;
    kind: IntakeSourceKind | null;
    etag: string | null;
    lastModified: string | null;
    newItems: number;
    note: string | null;
  },
) {
  await db
    .updateTable('intake_sources')
    .set((eb) => ({
      claimed_by: null,
      claimed_until: null,
      last_fetched_at: result.now,
      last_success_at: result.now,
      ...(result.kind ? { kind: result.kind } : {}),
      etag: result.etag,
      last_modified: result.lastModified,
      consecutive_errors: 0,
      items_found: eb('items_found', '+', result.newItems),
      next_fetch_at: new Date(result.now.getTime() + source.interval_minutes * 60_000),
      // A note (an encoding guessed) is worth seeing but is not a failure.
      ...(result.note ? { last_error: result.note, last_error_at: result.now } : {}),
    }))
    .where('id', '=', source.id)
    .execute();
  await freeHost(db, source.host, result.hostFreeAt);
}

export async function recordFetchFailure(
  db: Db,
  source: SourceRow,
  failure: { now: Date; hostFreeAt: Date; message: string; retryAt: Date },
) {
  await db
    .updateTable('intake_sources')
    .set((eb) => ({
      claimed_by: null,
      claimed_until: null,
      last_fetched_at: failure.now,
      last_error_at: failure.now,
      last_error: failure.message.slice(0, 1000),
      consecutive_errors: eb('consecutive_errors', '+', 1),
      next_fetch_at: failure.retryAt,
    }))
    .where('id', '=', source.id)
    .execute();
  await freeHost(db, source.host, failure.hostFreeAt);
}

async function freeHost(db: Db, host: string, at: Date) {
  await db.updateTable('intake_hosts').set({ next_request_at: at }).where('host', '=', host).execute();
}

// ---------------------------------------------------------------------------------------------
// Candidates

export async function existingLinkKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('intake_candidates')
    .select('link_key')
    .where('link_key', 'in', keys)
    .execute();
  return new Set(rows.flatMap((row) => (row.link_key ? [row.link_key] : [])));
}

export type NewCandidate = {
  sourceId: number | null;
  origin: 'feed' | 'paste';
  link: string | null;
  linkKey: string | null;
  title: string;
  publishedAt: Date | null;
  lang: IntakeLang;
  excerpt: string;
  outlet: string | null;
  region: string | null;
  suggestions: CandidateSuggestions;
  groupId: number | null;
  matches: IncidentMatch[];
  createdBy: number | null;
};

/** Inserts a candidate; null when its link is known already (another instance was quicker). */
export async function insertCandidate(db: Db, candidate: NewCandidate): Promise<number | null> {
  const row = await db
    .insertInto('intake_candidates')
    .values({
      source_id: candidate.sourceId,
      origin: candidate.origin,
      link: candidate.link,
      link_key: candidate.linkKey,
      title: candidate.title.slice(0, 500) || '—',
      published_at: candidate.publishedAt,
      lang: candidate.lang,
      excerpt: candidate.excerpt,
      outlet: candidate.outlet?.slice(0, 200) ?? null,
      region_code: candidate.region,
      suggestions: JSON.stringify(candidate.suggestions),
      group_id: candidate.groupId,
      matches: JSON.stringify(candidate.matches),
      created_by: candidate.createdBy,
    })
    .onConflict((conflict) => conflict.column('link_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  const id = Number(row.id);
  if (candidate.groupId === null) {
    await db.updateTable('intake_candidates').set({ group_id: id }).where('id', '=', id).execute();
  }
  return id;
}

/** Candidates near a moment, for grouping near-duplicates. */
export async function candidatesAround(db: Db, at: Date, windowMs: number) {
  return db
    .selectFrom('intake_candidates')
    .select([
      'id',
      'group_id',
      'published_at',
      'created_at',
      'region_code',
      'title',
      'excerpt',
      'suggestions',
    ])
    .where(sql<Date>`coalesce(published_at, created_at)`, '>=', new Date(at.getTime() - windowMs))
    .where(sql<Date>`coalesce(published_at, created_at)`, '<=', new Date(at.getTime() + windowMs))
    .orderBy('id')
    .limit(1000)
    .execute();
}

/** Incidents dated within the window, with what matching needs: region, categories, people's names. */
export async function incidentsAround(
  db: Db,
  from: string,
  to: string,
): Promise<Array<Omit<IncidentForMatch, 'peopleKeys'> & { names: string[] }>> {
  const incidents = await db
    .selectFrom('incidents')
    .select(['id', 'date', 'region_code', 'title'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('status', '<>', 'archived')
    .limit(2000)
    .execute();
  if (incidents.length === 0) return [];
  const ids = incidents.map((incident) => incident.id);
  const [categories, names] = await Promise.all([
    db
      .selectFrom('incident_categories')
      .select(['incident_id', 'category_code'])
      .where('incident_id', 'in', ids)
      .execute(),
    db
      .selectFrom('incident_actors as ia')
      .innerJoin('actor_names as an', 'an.actor_id', 'ia.actor_id')
      .select(['ia.incident_id', 'an.name'])
      .where('ia.incident_id', 'in', ids)
      .execute(),
  ]);
  return incidents.map((incident) => ({
    id: incident.id,
    date: String(incident.date),
    region: incident.region_code,
    title: firstTitle(incident.title),
    categories: categories.filter((row) => row.incident_id === incident.id).map((row) => row.category_code),
    names: names.filter((row) => row.incident_id === incident.id).map((row) => row.name),
  }));
}

function firstTitle(title: unknown): string {
  const text = (title ?? {}) as Record<string, string>;
  return text.ru || text.kk || text.en || '';
}

export type QueueFilters = {
  status: CandidateStatus;
  category?: string | undefined;
  lang?: IntakeLang | undefined;
  region?: string | undefined;
  source?: number | undefined;
  limit: number;
  offset: number;
};

function candidateSelect(db: Db) {
  return db
    .selectFrom('intake_candidates as c')
    .leftJoin('intake_sources as s', 's.id', 'c.source_id')
    .selectAll('c')
    .select('s.name as source_name');
}

/** The triage queue: newest first (by publication, else arrival). */
export async function listCandidates(
  db: Db,
  filters: QueueFilters,
): Promise<{ rows: CandidateRow[]; total: number }> {
  let query = db.selectFrom('intake_candidates as c').where('c.status', '=', filters.status);
  if (filters.lang) query = query.where('c.lang', '=', filters.lang);
  if (filters.region) query = query.where('c.region_code', '=', filters.region);
  if (filters.source) query = query.where('c.source_id', '=', filters.source);
  if (filters.category) {
    const category = filters.category;
    query = query.where(
      sql<boolean>`exists (select 1 from jsonb_array_elements(c.suggestions -> 'categories') e where e ->> 'code' = ${category})`,
    );
  }
  const [ids, total] = await Promise.all([
    query
      .select('c.id')
      .orderBy(sql`coalesce(c.published_at, c.created_at)`, 'desc')
      .orderBy('c.id', 'desc')
      .limit(filters.limit)
      .offset(filters.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  if (ids.length === 0) return { rows: [], total: Number(total.n) };
  const rows = await candidateSelect(db)
    .where(
      'c.id',
      'in',
      ids.map((row) => row.id),
    )
    .orderBy(sql`coalesce(c.published_at, c.created_at)`, 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return { rows: rows as unknown as CandidateRow[], total: Number(total.n) };
}

export async function findCandidate(
  db: Db,
  id: number,
  options: { lock?: boolean } = {},
): Promise<CandidateRow | undefined> {
  let query = candidateSelect(db).where('c.id', '=', id);
  if (options.lock) query = query.forUpdate('c');
  return (await query.executeTakeFirst()) as unknown as CandidateRow | undefined;
}

/** The other members of a candidate's group of near-duplicates. */
export async function groupMembers(db: Db, groupIds: readonly number[]): Promise<CandidateRow[]> {
  if (groupIds.length === 0) return [];
  const rows = await candidateSelect(db).where('c.group_id', 'in', groupIds).orderBy('c.id').execute();
  return rows as unknown as CandidateRow[];
}

export async function decideCandidate(
  db: Db,
  id: number,
  decision: {
    status: Exclude<CandidateStatus, 'new'>;
    incidentId?: string | null;
    reason?: string | null;
    note?: string | null;
    by: number | null;
    at: Date;
  },
) {
  await db
    .updateTable('intake_candidates')
    .set({
      status: decision.status,
      incident_id: decision.incidentId ?? null,
      dismiss_reason: decision.reason ?? null,
      dismiss_note: decision.note ?? null,
      decided_by: decision.by,
      decided_at: decision.at,
    })
    .where('id', '=', id)
    .execute();
}

export async function setIncidentProvenance(db: Db, incidentId: string, provenance: unknown) {
  await db
    .updateTable('incidents')
    .set({ provenance: JSON.stringify(provenance) })
    .where('id', '=', incidentId)
    .execute();
}

export async function regionCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('regions').select('code').execute();
  return new Set(rows.map((row) => row.code));
}

export async function legalArticleCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('legal_articles').select('code').execute();
  return new Set(rows.map((row) => row.code));
}

/** The measures panel: candidates a day, the share made into incidents, publication to draft. */
export async function intakeMeasures(db: Db, since: Date) {
  const perDay = await db
    .selectFrom('intake_candidates')
    .select([
      sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')`.as('day'),
      (eb) => eb.fn.countAll<string>().as('n'),
    ])
    .where('created_at', '>=', since)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  const totals = await db
    .selectFrom('intake_candidates')
    .select([
      (eb) => eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) filter (where status in ('drafted', 'attached'))`.as('to_incidents'),
      sql<string>`count(*) filter (where status = 'dismissed')`.as('dismissed'),
      sql<
        string | null
      >`percentile_cont(0.5) within group (order by extract(epoch from decided_at - published_at)) filter (where status = 'drafted' and published_at is not null)`.as(
        'median_seconds_to_draft',
      ),
    ])
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return {
    perDay: perDay.map((row) => ({ day: row.day, count: Number(row.n) })),
    total: Number(totals.total),
    toIncidents: Number(totals.to_incidents),
    dismissed: Number(totals.dismissed),
    medianSecondsToDraft:
      totals.median_seconds_to_draft === null ? null : Number(totals.median_seconds_to_draft),
  };
}

export async function sourceOptions(db: Db) {
  return db.selectFrom('intake_sources').select(['id', 'name']).orderBy('name').execute();
}

/** Category and region names for filters and suggestions. */
export async function categoryLabels(db: Db) {
  return db.selectFrom('categories').select(['code', 'labels', 'group_code']).orderBy('position').execute();
}

export async function regionLabels(db: Db) {
  return db.selectFrom('regions').select(['code', 'labels']).orderBy('code').execute();
}
