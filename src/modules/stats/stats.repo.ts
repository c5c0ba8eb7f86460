import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { CaseKind } from '../../db/types.ts';
import { countedIncidentGroups } from '../../domain/vocabularies.ts';
import type { LocalizedText } from '../../i18n/langs.ts';
import type { IncidentGroup } from './counting.ts';
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
 * checks that both give the same figures).
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

/**
 * The counting tables (migration 0003) hold, per incident, case and decision, what the rules read,
 * kept by triggers; each figure below is one index range scan over the period.
 */
const groupCodes = (group: 'rights' | 'information') =>
  sql`(select array_agg(code) from categories where group_code = ${group})`;

const countedIncidents = (period: Period) =>
  sql`incident_counting i where i.status = 'published' and i.counted_in between ${monthStart(period)} and ${monthEnd(period)}`;

/** Rule 4: the published cases whose earliest event lies in the period. */
const newCases = (period: Period) =>
  sql`case_counting n where n.status = 'published' and n.first_date between ${period.from} and ${period.to}`;

/** Rule 6: decisions dated in the period, of every published case. */
const decisionsIn = (period: Period) =>
  sql`decision_counting e where e.case_status = 'published' and e.date between ${period.from} and ${period.to}`;

/**
 * Rules 2 and 3: category figures and the distinct incidents of each counted group, summed from the
 * per-month counts of published incidents (incident_month_counts).
 */
async function incidentFigures(db: Db, period: Period) {
  const result = await sql<{ key: string; n: number }>`
    select key, sum(n)::int as n from incident_month_counts
    where counted_in between ${monthStart(period)} and ${monthEnd(period)}
    group by key`.execute(db);
  const counts = new Map(result.rows.map((row) => [row.key, row.n]));
  return {
    category: (code: string) => counts.get(`category:${code}`) ?? 0,
    rights: counts.get('group:rights') ?? 0,
    information: counts.get('group:information') ?? 0,
  };
}

async function caseFigures(db: Db, period: Period) {
  const [kinds, subjects] = await Promise.all([
    sql<{ kind: CaseKind; n: number; in_court: number; claims: number }>`
      select n.kind, count(*)::int as n,
        count(*) filter (where n.first_court_date <= ${period.to})::int as in_court,
        coalesce(sum(n.claim_non_pecuniary) filter (where n.kind = 'civil'), 0)::bigint as claims
      from ${newCases(period)}
      group by n.kind`.execute(db),
    sql<{ code: string; n: number }>`
      select code, count(*)::int as n
      from (select n.subjects from ${newCases(period)}) counted, unnest(counted.subjects) as code
      group by code`.execute(db),
  ]);
  return { kinds: kinds.rows, subjects: new Map(subjects.rows.map((row) => [row.code, row.n])) };
}

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
    from ${decisionsIn(period)}`.execute(db);
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
      categories[category.code] = incidents.category(category.code);
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
        coalesce(sum(n) filter (where key = 'group:rights'), 0)::int as rights,
        coalesce(sum(n) filter (where key = 'group:information'), 0)::int as information
      from incident_month_counts
      where counted_in between ${monthStart(period)} and ${monthEnd(period)}
      group by counted_in`.execute(db),
    sql<{ month: string; legal: number }>`
      select to_char(n.first_date, 'YYYY-MM') as month, count(*)::int as legal
      from ${newCases(period)}
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
  const incidentIds = async (groups: readonly IncidentGroup[] | null, code: string | null) => {
    const filter = groups
      ? sql.join(
          groups.map((group) => sql`i.categories && ${groupCodes(group)}`),
          sql` or `,
        )
      : sql`${code} = any (i.categories)`;
    const result = await sql<{ id: string }>`
      select i.incident_id as id from ${countedIncidents(period)} and (${filter}) order by 1`.execute(db);
    return result.rows.map((row) => row.id);
  };
  const newCaseIds = async (filter: ReturnType<typeof sql> | null) => {
    const result = await sql<{ id: string }>`
      select n.case_id as id from ${newCases(period)} and ${filter ?? sql`true`} order by 1`.execute(db);
    return result.rows.map((row) => row.id);
  };
  const decisionCaseIds = async (filter: ReturnType<typeof sql>) => {
    const result = await sql<{ id: string }>`
      select distinct e.case_id as id from ${decisionsIn(period)} and ${filter} order by 1`.execute(db);
    return result.rows.map((row) => row.id);
  };
  switch (figure.kind) {
    case 'group':
      if (figure.group === 'legal') return { incidents: [], cases: await newCaseIds(null) };
      if (figure.group === 'total') {
        return {
          incidents: await incidentIds(countedIncidentGroups, null),
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
            ? sql`n.kind = ${figure.caseKind} and n.first_court_date <= ${period.to}`
            : sql`n.kind = ${figure.caseKind}`,
        ),
      };
    case 'legal_subject':
      return {
        incidents: [],
        cases: await newCaseIds(sql`${figure.code} = any (n.subjects)`),
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

/** Labels for naming figures and records on pages: categories, groups and regions, in every language. */
export async function loadLabels(db: Db) {
  const [categories, groups, regions] = await Promise.all([
    db.selectFrom('categories').select(['code', 'labels']).execute(),
    db.selectFrom('taxonomy_groups').select(['code', 'labels']).execute(),
    db.selectFrom('regions').select(['code', 'labels']).execute(),
  ]);
  const byCode = (rows: Array<{ code: string; labels: LocalizedText }>) =>
    Object.fromEntries(rows.map((row) => [row.code, row.labels]));
  return { categories: byCode(categories), groups: byCode(groups), regions: byCode(regions) };
}
