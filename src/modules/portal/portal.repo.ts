import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { LocalizedText } from '../../i18n/langs.ts';
import type {
  ActorDetail,
  ActorRef,
  ActorSummary,
  CaseDetail,
  CaseEvent,
  CaseRef,
  CaseSummary,
  IncidentDetail,
  IncidentLink,
  IncidentSummary,
  Region,
  Taxonomy,
} from './portal.schemas.ts';

/*
 * The public read model. Every query here selects whitelisted columns only, reads incidents through
 * incident_search (published ones only, restricted ones already stripped) and never selects
 * incidents.correspondent, editorial_note or provenance, anonymous actor links, confidential
 * sources, or users. Restricted incidents are blanked in SQL, so their text never leaves the database.
 * Nor does their id: import files and the demo put names in ids, so the public side knows a restricted
 * incident only as 'restricted-' and a random reference (`publicIncidentId`).
 */

const RESTRICTED_PREFIX = 'restricted-';
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The id the public sees, for a query over incident_search `s` joined to incidents `i`. */
export const publicIncidentId = sql<string>`case when s.restricted then ${RESTRICTED_PREFIX} || i.public_ref::text else s.incident_id end`;

/** The incident behind a public id: an open incident by its own id, a restricted one by its reference. */
async function resolvePublicIncidentId(db: Db, publicId: string): Promise<string | undefined> {
  const tail = publicId.startsWith(RESTRICTED_PREFIX) ? publicId.slice(RESTRICTED_PREFIX.length) : '';
  const reference = uuidPattern.test(tail) ? tail : null;
  const result = await sql<{ id: string }>`
    select s.incident_id as id from incident_search s join incidents i on i.id = s.incident_id
    where (s.incident_id = ${publicId} and not s.restricted)
      or (s.restricted and i.public_ref = ${reference}::uuid)
    limit 1`.execute(db);
  return result.rows[0]?.id;
}

export type DatabaseSummary = {
  incidentsPublished: number;
  casesPublished: number;
  actors: number;
  categories: number;
  regions: number;
};

export async function summarizeDatabase(db: Db): Promise<DatabaseSummary> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('incident_facet_counts')
        .where('dimension', '=', 'all')
        .where('slice', '=', '')
        .where('grain', '=', 'year')
        .select(sql<number>`coalesce(sum(n), 0)`.as('n'))
        .as('incidents'),
      eb
        .selectFrom('cases')
        .where('status', '=', 'published')
        .select(eb.fn.countAll<number>().as('n'))
        .as('cases'),
      eb
        .selectFrom('actors')
        .where('merged_into', 'is', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('actors'),
      eb
        .selectFrom('categories')
        .where('active', '=', true)
        .select(eb.fn.countAll<number>().as('n'))
        .as('categories'),
      eb.selectFrom('regions').select(eb.fn.countAll<number>().as('n')).as('regions'),
    ])
    .executeTakeFirstOrThrow();
  return {
    incidentsPublished: Number(row.incidents),
    casesPublished: Number(row.cases),
    actors: Number(row.actors),
    categories: Number(row.categories),
    regions: Number(row.regions),
  };
}

type ActorLinkRow = { incident_id: string; role: 'victim' | 'perpetrator' } & ActorRef;

/** Summaries of public incidents, in the order of `ids`; ids that are not public are left out. */
export async function loadIncidentSummaries(db: Db, ids: string[]): Promise<IncidentSummary[]> {
  if (ids.length === 0) return [];
  const [rows, actors] = await Promise.all([
    sql<Omit<IncidentSummary, 'victims' | 'perpetrators'> & { key: string }>`
      select s.incident_id as key, ${publicIncidentId} as id, s.restricted,
        case when s.restricted or i.date_precision = 'month' then to_char(s.sort_date, 'YYYY-MM')
             else to_char(i.date, 'YYYY-MM-DD') end as date,
        to_char(s.counted_in, 'YYYY-MM') as counted_in,
        s.region_code as region,
        case when s.restricted then null else i.locality end as locality,
        s.categories,
        case when s.restricted then null else i.title end as title,
        case when s.restricted then null else i.summary end as summary
      from incident_search s join incidents i on i.id = s.incident_id
      where s.incident_id = any(${ids}::text[])`.execute(db),
    sql<ActorLinkRow>`
      select ia.incident_id, ia.role, coalesce(m.id, a.id) as id, coalesce(m.name, a.name) as name,
        coalesce(m.kind, a.kind) as kind
      from incident_actors ia
      join incident_search s on s.incident_id = ia.incident_id and not s.restricted
      join actors a on a.id = ia.actor_id
      left join actors m on m.id = a.merged_into
      where ia.incident_id = any(${ids}::text[]) and not ia.anonymous
      order by ia.incident_id, ia.role, ia.position, name`.execute(db),
  ]);
  const byId = new Map(rows.rows.map(({ key, ...row }) => [key, row]));
  const actorsOf = new Map<string, ActorLinkRow[]>();
  for (const actor of actors.rows) {
    const list = actorsOf.get(actor.incident_id) ?? [];
    list.push(actor);
    actorsOf.set(actor.incident_id, list);
  }
  const ref = ({ id, name, kind }: ActorRef): ActorRef => ({ id, name, kind });
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const linked = actorsOf.get(id) ?? [];
    return [
      {
        ...row,
        victims: linked.filter((actor) => actor.role === 'victim').map(ref),
        perpetrators: linked.filter((actor) => actor.role === 'perpetrator').map(ref),
      },
    ];
  });
}

/** One public incident by its public id (see publicIncidentId), or null. */
export async function loadIncident(db: Db, publicId: string): Promise<IncidentDetail | null> {
  const id = await resolvePublicIncidentId(db, publicId);
  if (id === undefined) return null;
  const [summary] = await loadIncidentSummaries(db, [id]);
  if (!summary) return null;
  if (summary.restricted) {
    return { ...summary, legal_articles: [], sources: [], cases: [], linked_incidents: [] };
  }
  const [articles, sources, cases, linked] = await Promise.all([
    db
      .selectFrom('incident_legal_articles')
      .where('incident_id', '=', id)
      .select('article_code')
      .orderBy('article_code')
      .execute(),
    db
      .selectFrom('incident_sources')
      .where('incident_id', '=', id)
      .where('confidential', '=', false)
      .select(['url', 'outlet', 'title'])
      .orderBy('position')
      .orderBy('id')
      .execute(),
    sql<CaseRef>`
      select c.id, c.kind, c.title from incident_cases ic join cases c on c.id = ic.case_id
      where ic.incident_id = ${id} and c.status = 'published' order by c.id`.execute(db),
    sql<{ id: string }>`
      select l.other as id from (
        select linked_incident_id as other from incident_links where incident_id = ${id}
        union select incident_id from incident_links where linked_incident_id = ${id}
      ) l`.execute(db),
  ]);
  return {
    ...summary,
    legal_articles: articles.map((row) => row.article_code),
    sources: sources.filter((source) => source.url || source.outlet || source.title),
    cases: cases.rows,
    linked_incidents: await loadIncidentLinks(
      db,
      linked.rows.map((row) => row.id),
    ),
  };
}

/** Links to public, unrestricted incidents, newest first. */
async function loadIncidentLinks(db: Db, ids: string[]): Promise<IncidentLink[]> {
  if (ids.length === 0) return [];
  const rows = await sql<IncidentLink>`
    select s.incident_id as id,
      case when i.date_precision = 'month' then to_char(i.date, 'YYYY-MM') else to_char(i.date, 'YYYY-MM-DD') end as date,
      i.title
    from incident_search s join incidents i on i.id = s.incident_id
    where s.incident_id = any(${ids}::text[]) and not s.restricted
    order by s.sort_date desc, s.incident_id desc`.execute(db);
  return rows.rows;
}

const caseSummaryColumns = sql`
  c.id, c.kind, c.title, c.outcome, c.region_code as region,
  array(select cs.category_code from case_subjects cs where cs.case_id = c.id order by 1) as subjects,
  (select to_char(min(e.date), 'YYYY-MM-DD') from case_events e where e.case_id = c.id) as first_event,
  (select to_char(max(e.date), 'YYYY-MM-DD') from case_events e where e.case_id = c.id) as last_event`;

export async function listCases(
  db: Db,
  options: { kind?: CaseRef['kind'] | undefined; offset: number; limit: number },
): Promise<{ cases: CaseSummary[]; total: number }> {
  const kind = options.kind ? sql`and c.kind = ${options.kind}` : sql``;
  // Most recent activity first: walk events by date (case_events_date) and keep each case once.
  const [rows, total] = await Promise.all([
    sql<CaseSummary>`
      select ${caseSummaryColumns}
      from (
        select e.case_id, max(e.date) as last_date from case_events e
        join cases c on c.id = e.case_id and c.status = 'published' ${kind}
        group by e.case_id order by last_date desc, e.case_id limit ${options.limit} offset ${options.offset}
      ) recent join cases c on c.id = recent.case_id
      order by recent.last_date desc, c.id`.execute(db),
    sql<{ n: number }>`select count(*) as n from cases c where c.status = 'published' ${kind}`.execute(db),
  ]);
  return { cases: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}

export async function loadCase(db: Db, id: string): Promise<CaseDetail | null> {
  const head = await sql<
    CaseSummary & {
      summary: LocalizedText;
      court: string | null;
      claim_non_pecuniary: number | null;
      claim_other: number | null;
    }
  >`
    select ${caseSummaryColumns}, c.summary, c.court, c.claim_non_pecuniary, c.claim_other
    from cases c where c.id = ${id} and c.status = 'published'`.execute(db);
  const row = head.rows[0];
  if (!row) return null;
  const [articles, parties, events, incidents] = await Promise.all([
    db
      .selectFrom('case_articles')
      .where('case_id', '=', id)
      .select('article_code')
      .orderBy('article_code')
      .execute(),
    sql<ActorRef & { role: string }>`
      select coalesce(m.id, a.id) as id, coalesce(m.name, a.name) as name, coalesce(m.kind, a.kind) as kind, p.role
      from case_parties p join actors a on a.id = p.actor_id left join actors m on m.id = a.merged_into
      where p.case_id = ${id} order by p.position, name`.execute(db),
    sql<CaseEvent>`
      select to_char(e.date, 'YYYY-MM-DD') as date, e.kind, e.instance, e.outcome, e.awarded, e.collected,
        e.fine_tenge, e.fine_mci::float8 as fine_mci, e.bail, e.articles, e.court, e.note
      from case_events e where e.case_id = ${id} order by e.date, e.position, e.id`.execute(db),
    sql<{ id: string }>`select incident_id as id from incident_cases where case_id = ${id}`.execute(db),
  ]);
  return {
    ...row,
    legal_articles: articles.map((article) => article.article_code),
    parties: parties.rows,
    events: events.rows,
    incidents: await loadIncidentLinks(
      db,
      incidents.rows.map((incident) => incident.id),
    ),
  };
}

export const ACTOR_PAGE_INCIDENTS = 50;

/**
 * Everything public about one journalist or outlet. An actor who appears only anonymously, only in
 * restricted incidents or in no published record does not exist publicly (null). A merged actor
 * answers with the survivor's id.
 */
export async function loadActor(db: Db, id: string): Promise<ActorDetail | { mergedInto: string } | null> {
  const actor = await db
    .selectFrom('actors')
    .where('id', '=', id)
    .select(['id', 'kind', 'name', 'names', 'description', 'merged_into'])
    .executeTakeFirst();
  if (!actor) return null;
  if (actor.merged_into) return { mergedInto: actor.merged_into };
  const [incidentIds, count, cases, spellings] = await Promise.all([
    sql<{ incident_id: string }>`
      select s.incident_id from incident_search s where s.actor_ids @> array[${id}]::text[]
      order by s.sort_date desc, s.incident_id desc limit ${ACTOR_PAGE_INCIDENTS}`.execute(db),
    sql<{
      n: number;
    }>`select count(*) as n from incident_search s where s.actor_ids @> array[${id}]::text[]`.execute(db),
    sql<CaseSummary & { role: string }>`
      select ${caseSummaryColumns}, p.role
      from case_parties p join actors a on a.id = p.actor_id
      join cases c on c.id = p.case_id and c.status = 'published'
      where coalesce(a.merged_into, a.id) = ${id} and (a.id = ${id} or a.merged_into = ${id})
      order by last_event desc nulls last, c.id`.execute(db),
    sql<{ name: string }>`
      select distinct n.name from actor_names n join actors a on a.id = n.actor_id
      where a.id = ${id} or a.merged_into = ${id} order by n.name`.execute(db),
  ]);
  const incidentCount = Number(count.rows[0]?.n ?? 0);
  if (incidentCount === 0 && cases.rows.length === 0) return null;
  return {
    id: actor.id,
    kind: actor.kind,
    name: actor.name,
    names: actor.names,
    description: actor.description,
    spellings: spellings.rows.map((row) => row.name).filter((name) => name !== actor.name),
    incident_count: incidentCount,
    incidents: await loadIncidentSummaries(
      db,
      incidentIds.rows.map((row) => row.incident_id),
    ),
    cases: cases.rows,
  };
}

/** Actors named in a published, unrestricted incident or party to a published case. */
export async function listActors(
  db: Db,
  options: { q?: string | undefined; matchedIds?: string[]; kind: string[]; offset: number; limit: number },
): Promise<{ actors: ActorSummary[]; hasMore: boolean }> {
  const kind = options.kind.length > 0 ? sql`and a.kind = any(${options.kind}::text[])` : sql``;
  const matched = options.matchedIds ? sql`and a.id = any(${options.matchedIds}::text[])` : sql``;
  const rows = await sql<ActorSummary>`
    select a.id, a.name, a.kind, a.names from actors a
    where a.merged_into is null ${kind} ${matched}
      and (exists (select 1 from incident_search s where s.actor_ids @> array[a.id])
        or exists (select 1 from case_parties p join actors pa on pa.id = p.actor_id
                   join cases c on c.id = p.case_id and c.status = 'published'
                   where coalesce(pa.merged_into, pa.id) = a.id))
    order by a.name, a.id limit ${options.limit + 1} offset ${options.offset}`.execute(db);
  return { actors: rows.rows.slice(0, options.limit), hasMore: rows.rows.length > options.limit };
}

export async function loadRegions(db: Db): Promise<Region[]> {
  const [regions, names] = await Promise.all([
    db
      .selectFrom('regions')
      .select(['code', 'kind', 'labels', 'valid_from', 'valid_to', 'successors', 'tile_col', 'tile_row'])
      .orderBy('code')
      .execute(),
    db.selectFrom('region_names').select(['region_code', 'valid_from', 'valid_to', 'labels']).execute(),
  ]);
  return regions.map((region) => ({
    code: region.code,
    kind: region.kind,
    labels: region.labels,
    valid_from: region.valid_from,
    valid_to: region.valid_to,
    successors: region.successors,
    tile:
      region.tile_col === null || region.tile_row === null
        ? null
        : { col: region.tile_col, row: region.tile_row },
    former_names: names
      .filter((name) => name.region_code === region.code)
      .map(({ valid_from, valid_to, labels }) => ({ valid_from, valid_to, labels })),
  }));
}

export async function loadTaxonomy(db: Db): Promise<Taxonomy> {
  const [groups, categories, articles] = await Promise.all([
    db.selectFrom('taxonomy_groups').select(['code', 'counted', 'labels']).orderBy('position').execute(),
    db
      .selectFrom('categories')
      .innerJoin('taxonomy_groups', 'taxonomy_groups.code', 'categories.group_code')
      .select([
        'categories.code',
        'categories.group_code',
        'categories.labels',
        'categories.legal_kind',
        'categories.active',
      ])
      .orderBy('taxonomy_groups.position')
      .orderBy('categories.position')
      .execute(),
    db
      .selectFrom('legal_articles')
      .select(['code', 'law', 'number', 'names', 'valid_from', 'valid_to'])
      .orderBy('law')
      .orderBy(sql`length(number)`)
      .orderBy('number')
      .execute(),
  ]);
  return {
    groups,
    categories: categories.map((category) => ({
      code: category.code,
      group: category.group_code,
      labels: category.labels,
      legal_kind: category.legal_kind,
      active: category.active,
    })),
    legal_articles: articles,
  };
}
