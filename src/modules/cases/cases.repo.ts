import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { CaseKind, RecordStatus } from '../../db/types.ts';
import { chunked, groupBy, unique } from '../../lib/batch.ts';
import { normalizeLocalized } from '../../lib/localized.ts';
import { mciOn, type ReferenceData } from '../../lib/reference-data.ts';
import type { ActorKind } from '../actors/index.ts';
import type {
  CaseEvent,
  CaseMoney,
  CaseRecord,
  CaseView,
  CaseWrite,
  EventKind,
  PartyRole,
} from './cases.schemas.ts';

/** A timeline in date order; events of one day keep the order they were given in. */
export function sortEvents(events: readonly CaseEvent[]): CaseEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.date.localeCompare(b.event.date) || a.index - b.index)
    .map(({ event }) => event);
}

function childRows(write: CaseWrite) {
  return {
    subjects: write.subjects.map((code) => ({ case_id: write.id, category_code: code })),
    articles: write.legal_articles.map((code) => ({ case_id: write.id, article_code: code })),
    parties: write.parties.map((party, position) => ({
      case_id: write.id,
      actor_id: party.actor_id,
      role: party.role,
      position,
    })),
    events: sortEvents(write.events).map((event, position) => ({
      case_id: write.id,
      date: event.date,
      kind: event.kind,
      instance: event.instance,
      outcome: event.outcome,
      awarded: event.awarded,
      collected: event.collected,
      fine_tenge: event.fine_tenge,
      fine_mci: event.fine_mci,
      bail: event.bail,
      articles: event.articles,
      court: event.court,
      note: JSON.stringify(event.note),
      position,
    })),
  };
}

async function insertChildren(trx: Db, writes: readonly CaseWrite[]) {
  const rows = writes.map(childRows);
  for (const batch of chunked(
    rows.flatMap((r) => r.subjects),
    2000,
  )) {
    await trx.insertInto('case_subjects').values(batch).execute();
  }
  for (const batch of chunked(
    rows.flatMap((r) => r.articles),
    2000,
  )) {
    await trx.insertInto('case_articles').values(batch).execute();
  }
  for (const batch of chunked(
    rows.flatMap((r) => r.parties),
    1000,
  )) {
    await trx.insertInto('case_parties').values(batch).execute();
  }
  for (const batch of chunked(
    rows.flatMap((r) => r.events),
    500,
  )) {
    await trx.insertInto('case_events').values(batch).execute();
  }
}

export async function insertCases(
  trx: Db,
  writes: readonly CaseWrite[],
  options: { now: Date; createdBy: number | null },
) {
  for (const batch of chunked(writes)) {
    await trx
      .insertInto('cases')
      .values(
        batch.map((write) => ({
          id: write.id,
          kind: write.kind,
          title: JSON.stringify(write.title),
          summary: JSON.stringify(write.summary),
          region_code: write.region,
          court: write.court,
          claim_non_pecuniary: write.claim_non_pecuniary,
          claim_other: write.claim_other,
          outcome: write.outcome,
          status: write.status,
          editorial_note: write.editorial_note,
          is_demo: write.is_demo,
          created_by: options.createdBy,
          created_at: options.now,
          updated_at: options.now,
          published_at: write.status === 'published' ? options.now : null,
        })),
      )
      .execute();
  }
  await insertChildren(trx, writes);
}

/** Rewrites a case with its parties, articles and timeline, and moves its version on by one. */
export async function updateCaseRow(trx: Db, write: CaseWrite, now: Date) {
  await trx
    .updateTable('cases')
    .set((eb) => ({
      kind: write.kind,
      title: JSON.stringify(write.title),
      summary: JSON.stringify(write.summary),
      region_code: write.region,
      court: write.court,
      claim_non_pecuniary: write.claim_non_pecuniary,
      claim_other: write.claim_other,
      outcome: write.outcome,
      status: write.status,
      editorial_note: write.editorial_note,
      is_demo: write.is_demo,
      version: eb('version', '+', 1),
      updated_at: now,
      published_at:
        write.status === 'published' ? eb.fn.coalesce('published_at', eb.val(now)) : eb.ref('published_at'),
    }))
    .where('id', '=', write.id)
    .execute();
  for (const table of ['case_subjects', 'case_articles', 'case_parties', 'case_events'] as const) {
    await trx.deleteFrom(table).where('case_id', '=', write.id).execute();
  }
  await insertChildren(trx, [write]);
}

export async function lockCase(trx: Db, id: string) {
  return trx
    .selectFrom('cases')
    .where('id', '=', id)
    .select(['id', 'version', 'status', 'created_by'])
    .forUpdate()
    .executeTakeFirst();
}

export async function bumpCaseVersions(trx: Db, ids: readonly string[], now: Date) {
  if (ids.length === 0) return;
  await trx
    .updateTable('cases')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', 'in', unique(ids))
    .execute();
}

export async function setCaseStatus(trx: Db, id: string, status: RecordStatus, now: Date) {
  await trx
    .updateTable('cases')
    .set((eb) => ({
      status,
      version: eb('version', '+', 1),
      updated_at: now,
      published_at: status === 'published' ? now : eb.ref('published_at'),
    }))
    .where('id', '=', id)
    .execute();
}

export async function existingCaseIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunked(unique(ids), 1000)) {
    if (batch.length === 0) continue;
    const rows = await db.selectFrom('cases').where('id', 'in', batch).select('id').execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

export async function loadCaseRecords(db: Db, ids: readonly string[]): Promise<Map<string, CaseRecord>> {
  const out = new Map<string, CaseRecord>();
  for (const batch of chunked(unique(ids), 1000)) {
    if (batch.length === 0) continue;
    const [rows, subjects, articles, parties, events] = await Promise.all([
      db.selectFrom('cases').where('id', 'in', batch).selectAll().execute(),
      db
        .selectFrom('case_subjects')
        .innerJoin('categories', 'categories.code', 'case_subjects.category_code')
        .where('case_id', 'in', batch)
        .orderBy('categories.position')
        .orderBy('categories.code')
        .select(['case_id', 'category_code'])
        .execute(),
      db
        .selectFrom('case_articles')
        .where('case_id', 'in', batch)
        .orderBy('article_code')
        .select(['case_id', 'article_code'])
        .execute(),
      db
        .selectFrom('case_parties')
        .innerJoin('actors', 'actors.id', 'case_parties.actor_id')
        .where('case_id', 'in', batch)
        .orderBy('case_parties.position')
        .orderBy('case_parties.actor_id')
        .select(['case_id', 'actor_id', 'role', 'actors.name', 'actors.kind'])
        .execute(),
      db
        .selectFrom('case_events')
        .where('case_id', 'in', batch)
        .orderBy('date')
        .orderBy('position')
        .selectAll()
        .execute(),
    ]);
    const byCase = <T extends { case_id: string }>(list: T[]) => groupBy(list, (item) => item.case_id);
    const [subjectMap, articleMap, partyMap, eventMap] = [
      byCase(subjects),
      byCase(articles),
      byCase(parties),
      byCase(events),
    ];
    for (const row of rows) {
      out.set(row.id, {
        id: row.id,
        kind: row.kind,
        subjects: (subjectMap.get(row.id) ?? []).map((s) => s.category_code),
        legal_articles: (articleMap.get(row.id) ?? []).map((a) => a.article_code),
        title: normalizeLocalized(row.title),
        summary: normalizeLocalized(row.summary),
        region: row.region_code,
        court: row.court,
        claim_non_pecuniary: row.claim_non_pecuniary,
        claim_other: row.claim_other,
        outcome: row.outcome,
        status: row.status,
        editorial_note: row.editorial_note,
        is_demo: row.is_demo,
        version: row.version,
        parties: (partyMap.get(row.id) ?? []).map((p) => ({
          actor_id: p.actor_id,
          name: p.name,
          kind: p.kind as ActorKind,
          role: p.role as PartyRole,
        })),
        events: (eventMap.get(row.id) ?? []).map(
          (e): CaseEvent => ({
            date: e.date,
            kind: e.kind as EventKind,
            instance: e.instance,
            outcome: e.outcome,
            awarded: e.awarded,
            collected: e.collected,
            fine_tenge: e.fine_tenge,
            fine_mci: e.fine_mci === null ? null : Number(e.fine_mci),
            bail: e.bail,
            articles: e.articles,
            court: e.court,
            note: normalizeLocalized(e.note),
          }),
        ),
      });
    }
  }
  return out;
}

/** Money of a case: claims, and the sums over its timeline, with fines in MCI converted by date. */
export function caseMoney(record: CaseRecord, reference: Pick<ReferenceData, 'mci'>): CaseMoney {
  const fines = record.events.flatMap((event) => {
    if (event.fine_tenge === null && event.fine_mci === null) return [];
    const mciValue = event.fine_mci === null ? null : mciOn(reference, event.date);
    const converted =
      event.fine_mci !== null && mciValue !== null ? Math.round(event.fine_mci * mciValue) : 0;
    return [
      { date: event.date, mci: event.fine_mci, mci_value: mciValue, tenge: event.fine_tenge ?? converted },
    ];
  });
  const sum = (pick: (event: CaseEvent) => number | null) =>
    record.events.reduce((total, event) => total + (pick(event) ?? 0), 0);
  const bails = record.events.filter((event) => event.bail !== null);
  return {
    claim_non_pecuniary: record.claim_non_pecuniary,
    claim_other: record.claim_other,
    awarded: sum((event) => event.awarded),
    collected: sum((event) => event.collected),
    fines_tenge: fines.reduce((total, fine) => total + fine.tenge, 0),
    fines,
    bail: bails.at(-1)?.bail ?? null,
  };
}

export function qualificationOf(record: CaseRecord): CaseView['qualification'] {
  const first = record.events[0];
  const steps: CaseView['qualification'] = [];
  if (first && record.legal_articles.length > 0)
    steps.push({ date: first.date, articles: record.legal_articles });
  for (const event of record.events) {
    if (event.kind === 'requalified') steps.push({ date: event.date, articles: event.articles });
  }
  return steps;
}

export async function loadCaseViews(
  db: Db,
  ids: readonly string[],
  reference: Pick<ReferenceData, 'mci'>,
): Promise<Map<string, CaseView>> {
  const records = await loadCaseRecords(db, ids);
  const out = new Map<string, CaseView>();
  const present = [...records.keys()];
  if (present.length === 0) return out;
  const [meta, incidents] = await Promise.all([
    db
      .selectFrom('cases')
      .where('id', 'in', present)
      .select(['id', 'created_by', 'created_at', 'updated_at', 'published_at'])
      .execute(),
    db
      .selectFrom('incident_cases')
      .innerJoin('incidents', 'incidents.id', 'incident_cases.incident_id')
      .where('incident_cases.case_id', 'in', present)
      .orderBy('incidents.date')
      .orderBy('incidents.id')
      .select([
        'incident_cases.case_id',
        'incidents.id',
        'incidents.status',
        'incidents.visibility',
        'incidents.date',
        'incidents.date_precision',
        'incidents.title',
      ])
      .execute(),
  ]);
  const incidentsByCase = groupBy(incidents, (incident) => incident.case_id);
  for (const row of meta) {
    const record = records.get(row.id);
    if (!record) continue;
    const qualification = qualificationOf(record);
    out.set(row.id, {
      ...record,
      created_by: row.created_by,
      created_at: new Date(row.created_at).toISOString(),
      updated_at: new Date(row.updated_at).toISOString(),
      published_at: row.published_at ? new Date(row.published_at).toISOString() : null,
      current_articles: qualification.at(-1)?.articles ?? record.legal_articles,
      qualification,
      money: caseMoney(record, reference),
      related: {
        incidents: (incidentsByCase.get(row.id) ?? []).map((incident) => ({
          id: incident.id,
          status: incident.status,
          visibility: incident.visibility,
          date: incident.date_precision === 'month' ? incident.date.slice(0, 7) : incident.date,
          title: normalizeLocalized(incident.title),
        })),
      },
    });
  }
  return out;
}

export type CaseListFilters = {
  status?: RecordStatus[];
  kind?: CaseKind;
  subject?: string;
  actor?: string;
  incident?: string;
  from?: string;
  to?: string;
  q?: string;
  is_demo?: boolean;
  createdBy?: number;
  page: number;
  page_size: number;
};

/** Case ids for a list, newest activity first; dates filter on the timeline's events. */
export async function listCaseIds(db: Db, filters: CaseListFilters) {
  let query = db.selectFrom('cases');
  if (filters.status?.length) query = query.where('cases.status', 'in', filters.status);
  if (filters.kind) query = query.where('cases.kind', '=', filters.kind);
  if (filters.is_demo !== undefined) query = query.where('cases.is_demo', '=', filters.is_demo);
  if (filters.createdBy !== undefined) query = query.where('cases.created_by', '=', filters.createdBy);
  if (filters.subject) {
    const subject = filters.subject;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_subjects')
          .whereRef('case_subjects.case_id', '=', 'cases.id')
          .where('case_subjects.category_code', '=', subject)
          .select(sql`1`.as('one')),
      ),
    );
  }
  if (filters.actor) {
    const actor = filters.actor;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_parties')
          .whereRef('case_parties.case_id', '=', 'cases.id')
          .where('case_parties.actor_id', '=', actor)
          .select(sql`1`.as('one')),
      ),
    );
  }
  if (filters.incident) {
    const incident = filters.incident;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_cases')
          .whereRef('incident_cases.case_id', '=', 'cases.id')
          .where('incident_cases.incident_id', '=', incident)
          .select(sql`1`.as('one')),
      ),
    );
  }
  if (filters.from || filters.to) {
    const { from, to } = filters;
    query = query.where((eb) => {
      let events = eb.selectFrom('case_events').whereRef('case_events.case_id', '=', 'cases.id');
      if (from) events = events.where('case_events.date', '>=', from);
      if (to) events = events.where('case_events.date', '<=', to);
      return eb.exists(events.select(sql`1`.as('one')));
    });
  }
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`cases.title::text`, 'ilike', pattern),
        eb(sql`cases.summary::text`, 'ilike', pattern),
        eb('cases.id', 'ilike', pattern),
      ]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'cases.id',
      sql<string>`(select max(date) from case_events where case_events.case_id = cases.id)`.as('latest'),
    ])
    .orderBy('latest', (ob) => ob.desc().nullsLast())
    .orderBy('cases.id')
    .limit(filters.page_size)
    .offset((filters.page - 1) * filters.page_size)
    .execute();
  return { ids: rows.map((row) => row.id), total: Number(total.n) };
}
