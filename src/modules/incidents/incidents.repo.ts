import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { RecordStatus } from '../../db/types.ts';
import type { LocalizedText } from '../../i18n/langs.ts';
import { chunked, groupBy, unique } from '../../lib/batch.ts';
import { normalizeLocalized } from '../../lib/localized.ts';
import { fromStoredDate } from '../../lib/record-dates.ts';
import type { ActorKind } from '../actors/index.ts';
import type {
  IncidentRecord,
  IncidentView,
  IncidentWrite,
  RelatedIncident,
  Visibility,
} from './incidents.schemas.ts';

function childRows(write: IncidentWrite) {
  return {
    categories: write.categories.map((code) => ({ incident_id: write.id, category_code: code })),
    actors: [
      ...write.victims.map((victim, position) => ({
        incident_id: write.id,
        actor_id: victim.actor_id,
        role: 'victim' as const,
        anonymous: victim.anonymous,
        position,
      })),
      ...write.perpetrators.map((actorId, position) => ({
        incident_id: write.id,
        actor_id: actorId,
        role: 'perpetrator' as const,
        anonymous: false,
        position,
      })),
    ],
    articles: write.legal_articles.map((code) => ({ incident_id: write.id, article_code: code })),
    sources: write.sources.map((source, position) => ({ incident_id: write.id, position, ...source })),
    cases: write.cases.map((caseId) => ({ incident_id: write.id, case_id: caseId })),
    links: write.links.map((other) => ({ incident_id: write.id, linked_incident_id: other })),
  };
}

async function insertChildren(trx: Db, writes: readonly IncidentWrite[]) {
  const rows = writes.map(childRows);
  for (const batch of chunked(
    rows.flatMap((r) => r.categories),
    2000,
  )) {
    await trx.insertInto('incident_categories').values(batch).execute();
  }
  for (const batch of chunked(
    rows.flatMap((r) => r.actors),
    1000,
  )) {
    await trx.insertInto('incident_actors').values(batch).execute();
  }
  for (const batch of chunked(
    rows.flatMap((r) => r.articles),
    2000,
  )) {
    await trx.insertInto('incident_legal_articles').values(batch).execute();
  }
  for (const batch of chunked(
    rows.flatMap((r) => r.sources),
    500,
  )) {
    await trx.insertInto('incident_sources').values(batch).execute();
  }
  for (const batch of chunked(
    rows.flatMap((r) => r.cases),
    2000,
  )) {
    await trx.insertInto('incident_cases').values(batch).execute();
  }
  for (const batch of chunked(
    rows.flatMap((r) => r.links),
    2000,
  )) {
    await trx.insertInto('incident_links').values(batch).execute();
  }
}

export async function insertIncidents(
  trx: Db,
  writes: readonly IncidentWrite[],
  options: { now: Date; createdBy: number | null },
) {
  for (const batch of chunked(writes, 400)) {
    await trx
      .insertInto('incidents')
      .values(
        batch.map((write) => ({
          id: write.id,
          date: write.date,
          date_precision: write.date_precision,
          counted_in: write.counted_in,
          region_code: write.region,
          locality: write.locality,
          title: JSON.stringify(write.title),
          summary: JSON.stringify(write.summary),
          status: write.status,
          visibility: write.visibility,
          correspondent: write.correspondent,
          editorial_note: write.editorial_note,
          provenance: null,
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

const childTables = [
  'incident_categories',
  'incident_actors',
  'incident_legal_articles',
  'incident_sources',
  'incident_cases',
  'incident_links',
] as const;

/** Rewrites an incident with everything linked to it, and moves its version on by one. */
export async function updateIncidentRow(trx: Db, write: IncidentWrite, now: Date) {
  await trx
    .updateTable('incidents')
    .set((eb) => ({
      date: write.date,
      date_precision: write.date_precision,
      counted_in: write.counted_in,
      region_code: write.region,
      locality: write.locality,
      title: JSON.stringify(write.title),
      summary: JSON.stringify(write.summary),
      status: write.status,
      visibility: write.visibility,
      correspondent: write.correspondent,
      editorial_note: write.editorial_note,
      is_demo: write.is_demo,
      version: eb('version', '+', 1),
      updated_at: now,
      published_at:
        write.status === 'published' ? eb.fn.coalesce('published_at', eb.val(now)) : eb.ref('published_at'),
    }))
    .where('id', '=', write.id)
    .execute();
  for (const table of childTables) {
    await trx.deleteFrom(table).where('incident_id', '=', write.id).execute();
  }
  await insertChildren(trx, [write]);
}

export async function lockIncident(trx: Db, id: string) {
  return trx
    .selectFrom('incidents')
    .where('id', '=', id)
    .select(['id', 'version', 'status', 'created_by'])
    .forUpdate()
    .executeTakeFirst();
}

export async function setIncidentStatus(trx: Db, id: string, status: RecordStatus, now: Date) {
  await trx
    .updateTable('incidents')
    .set((eb) => ({
      status,
      version: eb('version', '+', 1),
      updated_at: now,
      published_at: status === 'published' ? now : eb.ref('published_at'),
    }))
    .where('id', '=', id)
    .execute();
}

export async function bumpIncidentVersions(trx: Db, ids: readonly string[], now: Date) {
  if (ids.length === 0) return;
  await trx
    .updateTable('incidents')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', 'in', unique(ids))
    .execute();
}

export async function existingIncidentIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunked(unique(ids), 1000)) {
    if (batch.length === 0) continue;
    const rows = await db.selectFrom('incidents').where('id', 'in', batch).select('id').execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

export async function loadIncidentRecords(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, IncidentRecord>> {
  const out = new Map<string, IncidentRecord>();
  for (const batch of chunked(unique(ids), 1000)) {
    if (batch.length === 0) continue;
    const [rows, categories, actors, articles, sources, cases, links] = await Promise.all([
      db.selectFrom('incidents').where('id', 'in', batch).selectAll().execute(),
      db
        .selectFrom('incident_categories')
        .innerJoin('categories', 'categories.code', 'incident_categories.category_code')
        .innerJoin('taxonomy_groups', 'taxonomy_groups.code', 'categories.group_code')
        .where('incident_id', 'in', batch)
        .orderBy('taxonomy_groups.position')
        .orderBy('categories.position')
        .orderBy('categories.code')
        .select(['incident_id', 'category_code'])
        .execute(),
      db
        .selectFrom('incident_actors')
        .innerJoin('actors', 'actors.id', 'incident_actors.actor_id')
        .where('incident_id', 'in', batch)
        .orderBy('incident_actors.position')
        .orderBy('incident_actors.actor_id')
        .select(['incident_id', 'actor_id', 'role', 'anonymous', 'actors.name', 'actors.kind'])
        .execute(),
      db
        .selectFrom('incident_legal_articles')
        .where('incident_id', 'in', batch)
        .orderBy('article_code')
        .select(['incident_id', 'article_code'])
        .execute(),
      db
        .selectFrom('incident_sources')
        .where('incident_id', 'in', batch)
        .orderBy('position')
        .orderBy('id')
        .selectAll()
        .execute(),
      db
        .selectFrom('incident_cases')
        .where('incident_id', 'in', batch)
        .orderBy('case_id')
        .select(['incident_id', 'case_id'])
        .execute(),
      db
        .selectFrom('incident_links')
        .where('incident_id', 'in', batch)
        .orderBy('linked_incident_id')
        .select(['incident_id', 'linked_incident_id'])
        .execute(),
    ]);
    const byIncident = <T extends { incident_id: string }>(list: T[]) =>
      groupBy(list, (item) => item.incident_id);
    const [categoryMap, actorMap, articleMap, sourceMap, caseMap, linkMap] = [
      byIncident(categories),
      byIncident(actors),
      byIncident(articles),
      byIncident(sources),
      byIncident(cases),
      byIncident(links),
    ];
    for (const row of rows) {
      const mine = actorMap.get(row.id) ?? [];
      out.set(row.id, {
        id: row.id,
        date: fromStoredDate(row.date, row.date_precision),
        counted_in: row.counted_in.slice(0, 7),
        region: row.region_code,
        locality: row.locality,
        categories: (categoryMap.get(row.id) ?? []).map((c) => c.category_code),
        victims: mine
          .filter((a) => a.role === 'victim')
          .map((a) => ({
            actor_id: a.actor_id,
            name: a.name,
            kind: a.kind as ActorKind,
            anonymous: a.anonymous,
          })),
        perpetrators: mine
          .filter((a) => a.role === 'perpetrator')
          .map((a) => ({ actor_id: a.actor_id, name: a.name, kind: a.kind as ActorKind })),
        legal_articles: (articleMap.get(row.id) ?? []).map((a) => a.article_code),
        sources: (sourceMap.get(row.id) ?? []).map((s) => ({
          url: s.url,
          outlet: s.outlet,
          title: s.title,
          correspondent: s.correspondent,
          confidential: s.confidential,
          note: s.note,
        })),
        title: normalizeLocalized(row.title),
        summary: normalizeLocalized(row.summary),
        status: row.status,
        visibility: row.visibility,
        correspondent: row.correspondent,
        editorial_note: row.editorial_note,
        cases: (caseMap.get(row.id) ?? []).map((c) => c.case_id),
        links: (linkMap.get(row.id) ?? []).map((l) => l.linked_incident_id),
        is_demo: row.is_demo,
        version: row.version,
      });
    }
  }
  return out;
}

function related(row: {
  id: string;
  status: RecordStatus;
  visibility: Visibility;
  date: string;
  date_precision: 'day' | 'month';
  title: LocalizedText;
}): RelatedIncident {
  return {
    id: row.id,
    status: row.status,
    visibility: row.visibility,
    date: fromStoredDate(row.date, row.date_precision),
    title: normalizeLocalized(row.title),
  };
}

export async function loadIncidentViews(db: Db, ids: readonly string[]): Promise<Map<string, IncidentView>> {
  const records = await loadIncidentRecords(db, ids);
  const out = new Map<string, IncidentView>();
  const present = [...records.keys()];
  if (present.length === 0) return out;
  const linkedIds = unique([...records.values()].flatMap((record) => record.links));
  const caseIds = unique([...records.values()].flatMap((record) => record.cases));
  const [meta, linked, linkedFrom, cases] = await Promise.all([
    db
      .selectFrom('incidents')
      .where('id', 'in', present)
      .select(['id', 'created_by', 'created_at', 'updated_at', 'published_at'])
      .execute(),
    linkedIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('incidents')
          .where('id', 'in', linkedIds)
          .select(['id', 'status', 'visibility', 'date', 'date_precision', 'title'])
          .execute(),
    db
      .selectFrom('incident_links')
      .innerJoin('incidents', 'incidents.id', 'incident_links.incident_id')
      .where('incident_links.linked_incident_id', 'in', present)
      .orderBy('incidents.date')
      .orderBy('incidents.id')
      .select([
        'incident_links.linked_incident_id as target',
        'incidents.id',
        'incidents.status',
        'incidents.visibility',
        'incidents.date',
        'incidents.date_precision',
        'incidents.title',
      ])
      .execute(),
    caseIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('cases').where('id', 'in', caseIds).select(['id', 'status', 'kind', 'title']).execute(),
  ]);
  const linkedById = new Map(linked.map((l) => [l.id, l]));
  const casesById = new Map(cases.map((c) => [c.id, c]));
  const linkedFromByTarget = groupBy(linkedFrom, (l) => l.target);
  for (const row of meta) {
    const record = records.get(row.id);
    if (!record) continue;
    out.set(row.id, {
      ...record,
      created_by: row.created_by,
      created_at: new Date(row.created_at).toISOString(),
      updated_at: new Date(row.updated_at).toISOString(),
      published_at: row.published_at ? new Date(row.published_at).toISOString() : null,
      related: {
        cases: record.cases.flatMap((id) => {
          const found = casesById.get(id);
          return found
            ? [{ id, status: found.status, kind: found.kind, title: normalizeLocalized(found.title) }]
            : [];
        }),
        links: record.links.flatMap((id) => {
          const found = linkedById.get(id);
          return found ? [related(found)] : [];
        }),
        linked_from: (linkedFromByTarget.get(row.id) ?? []).map(related),
      },
    });
  }
  return out;
}

export type IncidentListFilters = {
  status?: RecordStatus[];
  from?: string;
  to?: string;
  counted_in?: string;
  region?: string;
  category?: string;
  actor?: string;
  /** With `actor`: leave out incidents where that actor is an anonymous victim (the public side). */
  namedActorOnly?: boolean;
  /**
   * The public side: a restricted incident is known only by its month, so dates filter it by its
   * counting month, and it comes after the open incidents of its month (its place among dated
   * neighbours would give its day away).
   */
  monthOnlyForRestricted?: boolean;
  case?: string;
  visibility?: Visibility;
  q?: string;
  is_demo?: boolean;
  createdBy?: number;
  page: number;
  page_size: number;
};

/** Incident ids for a list, newest first. */
export async function listIncidentIds(db: Db, filters: IncidentListFilters) {
  let query = db.selectFrom('incidents');
  if (filters.status?.length) query = query.where('incidents.status', 'in', filters.status);
  const { from, to } = filters;
  if (filters.monthOnlyForRestricted && (from || to)) {
    query = query.where((eb) =>
      eb.or([
        eb.and([
          eb('incidents.visibility', '=', 'public'),
          ...(from ? [eb('incidents.date', '>=', from)] : []),
          ...(to ? [eb('incidents.date', '<=', to)] : []),
        ]),
        eb.and([
          eb('incidents.visibility', '=', 'restricted'),
          ...(from ? [eb('incidents.counted_in', '>=', `${from.slice(0, 7)}-01`)] : []),
          ...(to ? [eb('incidents.counted_in', '<=', `${to.slice(0, 7)}-01`)] : []),
        ]),
      ]),
    );
  } else {
    if (from) query = query.where('incidents.date', '>=', from);
    if (to) query = query.where('incidents.date', '<=', to);
  }
  if (filters.counted_in) query = query.where('incidents.counted_in', '=', `${filters.counted_in}-01`);
  if (filters.region) query = query.where('incidents.region_code', '=', filters.region);
  if (filters.visibility) query = query.where('incidents.visibility', '=', filters.visibility);
  if (filters.is_demo !== undefined) query = query.where('incidents.is_demo', '=', filters.is_demo);
  if (filters.createdBy !== undefined) query = query.where('incidents.created_by', '=', filters.createdBy);
  if (filters.category) {
    const category = filters.category;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_categories')
          .whereRef('incident_categories.incident_id', '=', 'incidents.id')
          .where('incident_categories.category_code', '=', category)
          .select(sql`1`.as('one')),
      ),
    );
  }
  if (filters.actor) {
    const actor = filters.actor;
    const namedOnly = filters.namedActorOnly === true;
    query = query.where((eb) => {
      let links = eb
        .selectFrom('incident_actors')
        .whereRef('incident_actors.incident_id', '=', 'incidents.id')
        .where('incident_actors.actor_id', '=', actor);
      if (namedOnly) links = links.where('incident_actors.anonymous', '=', false);
      return eb.exists(links.select(sql`1`.as('one')));
    });
  }
  if (filters.case) {
    const caseId = filters.case;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_cases')
          .whereRef('incident_cases.incident_id', '=', 'incidents.id')
          .where('incident_cases.case_id', '=', caseId)
          .select(sql`1`.as('one')),
      ),
    );
  }
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`incidents.title::text`, 'ilike', pattern),
        eb(sql`incidents.summary::text`, 'ilike', pattern),
        eb('incidents.id', 'ilike', pattern),
      ]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ordered = filters.monthOnlyForRestricted
    ? query
        .select(['incidents.id', sql<boolean>`incidents.visibility = 'restricted'`.as('hidden')])
        .orderBy('incidents.counted_in', 'desc')
        .orderBy('hidden')
        .orderBy(sql`case when incidents.visibility = 'public' then incidents.date end`, 'desc')
        .orderBy('incidents.id')
    : query.select('incidents.id').orderBy('incidents.date', 'desc').orderBy('incidents.id');
  const rows = await ordered
    .limit(filters.page_size)
    .offset((filters.page - 1) * filters.page_size)
    .execute();
  return { ids: rows.map((row) => row.id), total: Number(total.n) };
}
