import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { CaseKind } from '../../db/types.ts';
import {
  caseKinds,
  type FigureRef,
  type KindFigures,
  type ScopeFigures,
  type TaxonomyCategory,
} from './counting.ts';
import type { Period } from './periods.ts';

/**
 * The production implementation of the counting rules (counting.ts is the reference; a property test
 * checks that both give the same figures). Every query is driven by an index on the period: incidents
 * by (status, counted_in), case events by date, decisions by the partial index on date.
 */

export async function loadTaxonomy(db: Db): Promise<TaxonomyCategory[]> {
  const rows = await db
    .selectFrom('categories')
    .innerJoin('taxonomy_groups', 'taxonomy_groups.code', 'categories.group_code')
    .select(['categories.code', 'categories.group_code', 'categories.legal_role'])
    .orderBy('taxonomy_groups.position')
    .orderBy('categories.position')
    .execute();
  return rows.map((row) => ({ code: row.code, group: row.group_code, legalRole: row.legal_role }));
}

const monthStart = (period: Period) => `${period.fromMonth}-01`;
const monthEnd = (period: Period) => `${period.toMonth}-01`;

/** Rules 2 and 3: category figures and the distinct incidents of each counted group. */
async function incidentFigures(db: Db, period: Period) {
  const [categories, groups] = await Promise.all([
    sql<{ code: string; n: number }>`
      select ic.category_code as code, count(*)::int as n
      from incidents i
      join incident_categories ic on ic.incident_id = i.id
      where i.status = 'published' and i.counted_in between ${monthStart(period)} and ${monthEnd(period)}
      group by ic.category_code`.execute(db),
    sql<{ rights: number; information: number }>`
      select count(*) filter (where in_rights)::int as rights,
             count(*) filter (where in_information)::int as information
      from (
        select bool_or(c.group_code = 'rights') as in_rights, bool_or(c.group_code = 'information') as in_information
        from incidents i
        join incident_categories ic on ic.incident_id = i.id
        join categories c on c.code = ic.category_code
        where i.status = 'published' and i.counted_in between ${monthStart(period)} and ${monthEnd(period)}
        group by i.id
      ) per_incident`.execute(db),
  ]);
  return {
    categories: new Map(categories.rows.map((row) => [row.code, row.n])),
    rights: groups.rows[0]?.rights ?? 0,
    information: groups.rows[0]?.information ?? 0,
  };
}

/**
 * Rule 4: the published cases whose earliest event lies in the period. Found from the events dated
 * in the period (index on date) with no event before it, never by scanning every case.
 */
function newCasesQuery(period: Period) {
  return sql`
    select c.id, c.kind, c.claim_non_pecuniary
    from cases c
    where c.status = 'published'
      and c.id in (
        select e.case_id from case_events e
        where e.date between ${period.from} and ${period.to}
          and not exists (
            select 1 from case_events earlier where earlier.case_id = e.case_id and earlier.date < ${period.from}
          )
      )`;
}

async function caseFigures(db: Db, period: Period) {
  const [kinds, subjects] = await Promise.all([
    sql<{ kind: CaseKind; n: number; in_court: number; claims: number }>`
      with new_cases as (${newCasesQuery(period)})
      select n.kind, count(*)::int as n,
        count(*) filter (where exists (
          select 1 from case_events e
          where e.case_id = n.id and e.instance is not null and e.date <= ${period.to}
        ))::int as in_court,
        coalesce(sum(n.claim_non_pecuniary) filter (where n.kind = 'civil'), 0)::bigint as claims
      from new_cases n
      group by n.kind`.execute(db),
    sql<{ code: string; n: number }>`
      with new_cases as (${newCasesQuery(period)})
      select s.category_code as code, count(*)::int as n
      from new_cases n join case_subjects s on s.case_id = n.id
      group by s.category_code`.execute(db),
  ]);
  return { kinds: kinds.rows, subjects: new Map(subjects.rows.map((row) => [row.code, row.n])) };
}

/** Rules 6 and 7: decisions dated in the period, of every published case. */
async function decisionFigures(db: Db, period: Period) {
  const result = await sql<{
    first: number;
    appeal: number;
    cassation: number;
    total: number;
    for_media: number;
    awarded: number;
  }>`
    select
      count(*) filter (where e.instance is null or e.instance = 'first')::int as first,
      count(*) filter (where e.instance = 'appeal')::int as appeal,
      count(*) filter (where e.instance in ('cassation', 'supreme'))::int as cassation,
      count(*)::int as total,
      count(*) filter (where e.outcome = 'for_media')::int as for_media,
      coalesce(sum(e.awarded), 0)::bigint as awarded
    from case_events e
    join cases c on c.id = e.case_id
    where e.kind = 'decision' and e.date between ${period.from} and ${period.to} and c.status = 'published'`.execute(
    db,
  );
  const row = result.rows[0];
  return row ?? { first: 0, appeal: 0, cassation: 0, total: 0, for_media: 0, awarded: 0 };
}

export async function queryScopeFigures(
  db: Db,
  taxonomy: readonly TaxonomyCategory[],
  period: Period,
): Promise<ScopeFigures> {
  const [incidents, cases, decisions] = await Promise.all([
    incidentFigures(db, period),
    caseFigures(db, period),
    decisionFigures(db, period),
  ]);
  const categories: Record<string, number> = {};
  const subjects: Record<string, number> = {};
  for (const category of taxonomy) {
    if (category.group === 'rights' || category.group === 'information') {
      categories[category.code] = incidents.categories.get(category.code) ?? 0;
    }
    if (category.group === 'legal' && category.legalRole === 'subject') {
      subjects[category.code] = cases.subjects.get(category.code) ?? 0;
    }
  }
  const kind = (name: CaseKind): KindFigures => {
    const row = cases.kinds.find((entry) => entry.kind === name);
    return { count: row?.n ?? 0, in_court: row?.in_court ?? 0 };
  };
  const legal = caseKinds.reduce((total, name) => total + kind(name).count, 0);
  return {
    groups: {
      rights: incidents.rights,
      information: incidents.information,
      legal,
      total: incidents.rights + incidents.information + legal,
    },
    categories,
    legal: {
      criminal: kind('criminal'),
      civil: kind('civil'),
      administrative: kind('administrative'),
      subjects,
    },
    judicial_acts: {
      first: decisions.first,
      appeal: decisions.appeal,
      cassation: decisions.cassation,
      total: decisions.total,
      for_media: decisions.for_media,
    },
    money: {
      claims_non_pecuniary: cases.kinds.reduce((total, row) => total + Number(row.claims), 0),
      collected_by_courts: Number(decisions.awarded),
    },
  };
}

export type MonthlyGroupRow = { month: string; rights: number; information: number; legal: number };

/** The group figures of every month in a range, for charts: one pass over the incidents, one over the cases. */
export async function queryMonthlyGroups(db: Db, period: Period): Promise<MonthlyGroupRow[]> {
  const [incidents, cases] = await Promise.all([
    sql<{ month: string; rights: number; information: number }>`
      select to_char(counted_in, 'YYYY-MM') as month,
        count(*) filter (where in_rights)::int as rights,
        count(*) filter (where in_information)::int as information
      from (
        select i.counted_in, bool_or(c.group_code = 'rights') as in_rights,
          bool_or(c.group_code = 'information') as in_information
        from incidents i
        join incident_categories ic on ic.incident_id = i.id
        join categories c on c.code = ic.category_code
        where i.status = 'published' and i.counted_in between ${monthStart(period)} and ${monthEnd(period)}
        group by i.id, i.counted_in
      ) per_incident
      group by counted_in`.execute(db),
    sql<{ month: string; legal: number }>`
      select to_char(first_date, 'YYYY-MM') as month, count(*)::int as legal
      from (
        select min(e.date) as first_date
        from case_events e join cases c on c.id = e.case_id
        where c.status = 'published'
          and e.case_id in (select case_id from case_events where date between ${period.from} and ${period.to})
        group by e.case_id
      ) firsts
      where first_date between ${period.from} and ${period.to}
      group by 1`.execute(db),
  ]);
  const rows = new Map<string, MonthlyGroupRow>();
  const row = (month: string) => {
    let existing = rows.get(month);
    if (!existing) {
      existing = { month, rights: 0, information: 0, legal: 0 };
      rows.set(month, existing);
    }
    return existing;
  };
  for (const entry of incidents.rows)
    Object.assign(row(entry.month), { rights: entry.rights, information: entry.information });
  for (const entry of cases.rows) row(entry.month).legal = entry.legal;
  return [...rows.values()];
}

/** The ids of the records behind one figure, with the same rules as the figures themselves. */
export async function queryRecordsBehind(
  db: Db,
  period: Period,
  figure: FigureRef,
): Promise<{ incidents: string[]; cases: string[] }> {
  const incidentIds = async (groups: string[] | null, code: string | null) => {
    const result = await sql<{ id: string }>`
      select distinct i.id
      from incidents i
      join incident_categories ic on ic.incident_id = i.id
      join categories c on c.code = ic.category_code
      where i.status = 'published' and i.counted_in between ${monthStart(period)} and ${monthEnd(period)}
        and ${groups ? sql`c.group_code in (${sql.join(groups)})` : sql`ic.category_code = ${code}`}
      order by i.id`.execute(db);
    return result.rows.map((row) => row.id);
  };
  const newCaseIds = async (filter: ReturnType<typeof sql> | null) => {
    const result = await sql<{ id: string }>`
      with new_cases as (${newCasesQuery(period)})
      select n.id from new_cases n where ${filter ?? sql`true`} order by n.id`.execute(db);
    return result.rows.map((row) => row.id);
  };
  const decisionCaseIds = async (filter: ReturnType<typeof sql>) => {
    const result = await sql<{ id: string }>`
      select distinct e.case_id as id
      from case_events e join cases c on c.id = e.case_id
      where e.kind = 'decision' and e.date between ${period.from} and ${period.to} and c.status = 'published'
        and ${filter}
      order by 1`.execute(db);
    return result.rows.map((row) => row.id);
  };
  switch (figure.kind) {
    case 'group':
      if (figure.group === 'legal') return { incidents: [], cases: await newCaseIds(null) };
      if (figure.group === 'total') {
        return {
          incidents: await incidentIds(['rights', 'information'], null),
          cases: await newCaseIds(null),
        };
      }
      return { incidents: await incidentIds([figure.group], null), cases: [] };
    case 'category':
      return { incidents: await incidentIds(null, figure.code), cases: [] };
    case 'legal_kind':
      return {
        incidents: [],
        cases: await newCaseIds(
          figure.inCourt
            ? sql`n.kind = ${figure.caseKind} and exists (
                select 1 from case_events e
                where e.case_id = n.id and e.instance is not null and e.date <= ${period.to})`
            : sql`n.kind = ${figure.caseKind}`,
        ),
      };
    case 'legal_subject':
      return {
        incidents: [],
        cases: await newCaseIds(
          sql`exists (select 1 from case_subjects s where s.case_id = n.id and s.category_code = ${figure.code})`,
        ),
      };
    case 'judicial_acts': {
      const filters = {
        first: sql`(e.instance is null or e.instance = 'first')`,
        appeal: sql`e.instance = 'appeal'`,
        cassation: sql`e.instance in ('cassation', 'supreme')`,
        total: sql`true`,
        for_media: sql`e.outcome = 'for_media'`,
      };
      return { incidents: [], cases: await decisionCaseIds(filters[figure.column]) };
    }
    case 'money':
      if (figure.column === 'claims_non_pecuniary') {
        return {
          incidents: [],
          cases: await newCaseIds(sql`n.kind = 'civil' and n.claim_non_pecuniary > 0`),
        };
      }
      return { incidents: [], cases: await decisionCaseIds(sql`e.awarded > 0`) };
  }
}
