import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import {
  countingMonths,
  filterCondition,
  hasTextQuery,
  type PreparedSearch,
  rollupSlice,
  tsqueryOf,
  withoutDimension,
} from './search.query.ts';
import type { FilterDimension, SortOrder } from './search.schemas.ts';

/*
 * Why search and facets stay fast at a million incidents (see also migration 0005):
 *
 * Listing. Matches are always ordered by date over `incident_search_date` with a LIMIT, never ranked
 * in full: ranking every match of a common word costs seconds (every matching row must be read and
 * ts_rank computed), while walking the date index and checking `document @@ query` stops after a
 * page of matches. For a rare word the planner takes the GIN index instead and sorts the few
 * matches. Relevance is computed only over a capped candidate set, the newest SEARCH_CANDIDATES
 * matches, and a text search pages through those candidates only.
 *
 * Counting and facets, by the cheapest strategy that is still honest:
 *  - rollup: with no filter, or only year, month, region and one category or group, the counts
 *    are sums over `incident_facet_counts` (an index range of a few thousand rows), exact.
 *  - exact: otherwise the matching rows are aggregated, but at most EXACT_LIMIT + 1 of them are read;
 *    when the filter matches no more than EXACT_LIMIT, the counts are exact.
 *  - sample: a filter matching more than that is estimated from a repeatable block sample of about
 *    SAMPLE_ROWS rows (TABLESAMPLE SYSTEM), scaled up and marked approximate ("≈" on the pages,
 *    `exact: false` in the API).
 * A facet of a dimension that is itself filtered is counted without that filter (the alternatives
 * to the current choice), each such facet by the same rule.
 */
export const SEARCH_CANDIDATES = 1000;
export const EXACT_LIMIT = 5_000;
export const SAMPLE_ROWS = 10_000;

/** The thresholds of the strategies; tests lower them to reach the sample strategy on little data. */
export type AggregateLimits = { exact: number; sampleRows: number };
const defaultLimits: AggregateLimits = { exact: EXACT_LIMIT, sampleRows: SAMPLE_ROWS };

export const aggregateDimensions = [
  'all',
  'year',
  'month',
  'region',
  'group',
  'category',
  'victim_kind',
  'perpetrator_kind',
  'article',
  'month_group',
] as const;
export type AggregateDimension = (typeof aggregateDimensions)[number];

export type Count = { value: number; exact: boolean };
export type Strategy = 'rollup' | 'exact' | 'sample';
export type Aggregation = {
  strategy: Strategy;
  total: Count;
  /** dimension → value → count. month_group values are 'YYYY-MM:group'; a missing region is ''. */
  counts: Map<AggregateDimension, Map<string, number>>;
  /** False when any count is a sample estimate. */
  exact: boolean;
};

export async function listIncidentIds(
  db: Db,
  search: PreparedSearch,
  options: { sort: SortOrder; offset: number; limit: number },
): Promise<string[]> {
  const where = filterCondition(search);
  const direction = options.sort === 'oldest' ? sql`asc` : sql`desc`;
  if (!hasTextQuery(search)) {
    const rows = await sql<{ incident_id: string }>`
      select s.incident_id from incident_search s where ${where}
      order by s.sort_date ${direction}, s.incident_id ${direction}
      limit ${options.limit} offset ${options.offset}`.execute(db);
    return rows.rows.map((row) => row.incident_id);
  }
  const ranking =
    options.sort === 'relevance'
      ? sql`ts_rank_cd(c.document, ${tsqueryOf(search.words)}) + case when c.actor_ids && ${search.matchedActors}::text[] then 1 else 0 end desc, c.sort_date desc, c.incident_id desc`
      : sql`c.sort_date ${direction}, c.incident_id ${direction}`;
  const rows = await sql<{ incident_id: string }>`
    with c as (
      select s.incident_id, s.sort_date, s.document, s.actor_ids from incident_search s where ${where}
      order by s.sort_date ${direction}, s.incident_id ${direction}
      limit ${SEARCH_CANDIDATES}
    )
    select c.incident_id from c order by ${ranking}
    limit ${options.limit} offset ${options.offset}`.execute(db);
  return rows.rows.map((row) => row.incident_id);
}

/** How many results a list can page through: a text search stops at its candidates. */
export function pageableCount(search: PreparedSearch, total: Count): number {
  return hasTextQuery(search) ? Math.min(total.value, SEARCH_CANDIDATES) : total.value;
}

/**
 * Every published incident that a filter matches, newest first, in batches (keyset pagination, so a
 * download of any size reads each row once).
 */
export async function* streamIncidentIds(
  db: Db,
  search: PreparedSearch,
  options: { batchSize?: number; max?: number } = {},
): AsyncGenerator<string[]> {
  const batchSize = options.batchSize ?? 1000;
  let remaining = options.max ?? Number.POSITIVE_INFINITY;
  let after: { sort_date: string; incident_id: string } | null = null;
  const where = filterCondition(search);
  while (remaining > 0) {
    const limit = Math.min(batchSize, remaining);
    const keyset: RawBuilder<unknown> =
      after === null
        ? sql`true`
        : sql`(s.sort_date, s.incident_id) < (${after.sort_date}::date, ${after.incident_id})`;
    const rows: Array<{ incident_id: string; sort_date: string }> = (
      await sql<{ incident_id: string; sort_date: string }>`
        select s.incident_id, s.sort_date from incident_search s where ${where} and ${keyset}
        order by s.sort_date desc, s.incident_id desc limit ${limit}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    yield rows.map((row) => row.incident_id);
    const last = rows[rows.length - 1];
    if (!last || rows.length < limit) return;
    after = last;
    remaining -= rows.length;
  }
}

/** Every year a record can be counted in: the rollup's year rows are read by this list. */
const everyYear = Array.from({ length: 2100 - 1990 + 1 }, (_, index) => String(1990 + index));

const rowValues: Record<Exclude<AggregateDimension, 'all'>, RawBuilder<unknown>> = {
  year: sql`select 'year', to_char(s.counted_in, 'YYYY')`,
  month: sql`select 'month', to_char(s.counted_in, 'YYYY-MM')`,
  region: sql`select 'region', coalesce(s.region_code, '')`,
  group: sql`select 'group', unnest(s.groups)`,
  category: sql`select 'category', unnest(s.categories)`,
  victim_kind: sql`select 'victim_kind', unnest(s.victim_kinds)`,
  perpetrator_kind: sql`select 'perpetrator_kind', unnest(s.perpetrator_kinds)`,
  article: sql`select 'article', unnest(s.articles)`,
  month_group: sql`select 'month_group', to_char(s.counted_in, 'YYYY-MM') || ':' || unnest(s.groups)`,
};

function lateralValues(dimensions: AggregateDimension[]): RawBuilder<unknown> {
  const selects = [
    sql`select 'all', ''`,
    ...dimensions.flatMap((dimension) => (dimension === 'all' ? [] : [rowValues[dimension]])),
  ];
  return sql`cross join lateral (${sql.join(selects, sql` union all `)}) x(d, v)`;
}

function toAggregation(
  rows: Array<{ d: string; v: string; n: number | string | null }>,
  strategy: Strategy,
  scale = 1,
): Aggregation {
  const counts = new Map<AggregateDimension, Map<string, number>>();
  let total = 0;
  for (const row of rows) {
    const dimension = row.d as AggregateDimension;
    const n = Math.round(Number(row.n) * scale);
    if (dimension === 'all') total = n;
    let values = counts.get(dimension);
    if (!values) {
      values = new Map();
      counts.set(dimension, values);
    }
    values.set(row.v, n);
  }
  const exact = strategy !== 'sample';
  return { strategy, total: { value: total, exact }, counts, exact };
}

async function aggregateFromRollup(
  db: Db,
  search: PreparedSearch,
  dimensions: AggregateDimension[],
  slice: string,
): Promise<Aggregation> {
  const { filters } = search;
  const months = countingMonths(filters);
  const years = filters.year.map(String);
  const region = sql`f.slice = ${slice} and ${
    filters.region.length > 0 ? sql`f.region_code = any(${filters.region}::text[])` : sql`true`
  }`;
  // Sums over year rows unless a month is chosen; monthly dimensions read the month rows.
  // Periods are listed, never computed (length(period) = 4), so that the primary key
  // (dimension, slice, period, …) finds the rows of one dimension and those periods only.
  const basePeriod =
    filters.month.length > 0
      ? sql`f.period = any(${months ?? []}::text[])`
      : sql`f.period = any(${years.length > 0 ? years : everyYear}::text[])`;
  const monthPeriod = months === null ? sql`length(f.period) = 7` : sql`f.period = any(${months}::text[])`;
  const parts: RawBuilder<unknown>[] = [
    sql`select 'all' as d, '' as v, sum(f.n) as n from incident_facet_counts f
        where ${basePeriod} and ${region} and f.dimension = 'all'`,
  ];
  for (const dimension of new Set(dimensions)) {
    if (dimension === 'all') continue;
    if (dimension === 'year') {
      parts.push(sql`select 'year', left(f.period, 4), sum(f.n) from incident_facet_counts f
        where ${filters.month.length > 0 ? basePeriod : sql`f.period = any(${everyYear}::text[])`} and ${region}
          and f.dimension = 'all' group by 2`);
    } else if (dimension === 'month') {
      parts.push(sql`select 'month', f.period, sum(f.n) from incident_facet_counts f
        where ${monthPeriod} and ${region} and f.dimension = 'all' group by 2`);
    } else if (dimension === 'month_group') {
      parts.push(sql`select 'month_group', f.period || ':' || f.value, sum(f.n) from incident_facet_counts f
        where ${monthPeriod} and ${region} and f.dimension = 'group' group by 2`);
    } else if (dimension === 'region') {
      parts.push(sql`select 'region', f.region_code, sum(f.n) from incident_facet_counts f
        where ${basePeriod} and ${region} and f.dimension = 'all' group by 2`);
    } else {
      parts.push(sql`select ${dimension}::text, f.value, sum(f.n) from incident_facet_counts f
        where ${basePeriod} and ${region} and f.dimension = ${dimension} group by 2`);
    }
  }
  const rows = await sql<{ d: string; v: string; n: string | null }>`
    select d, v, n from (${sql.join(parts, sql` union all `)}) u(d, v, n) where n > 0`.execute(db);
  const aggregation = toAggregation(rows.rows, 'rollup');
  return aggregation;
}

async function aggregateExactly(
  db: Db,
  search: PreparedSearch,
  dimensions: AggregateDimension[],
  limits: AggregateLimits,
): Promise<Aggregation | null> {
  const rows = await sql<{ d: string; v: string; n: string }>`
    select x.d, x.v, count(*) as n
    from (select * from incident_search s where ${filterCondition(search)} limit ${limits.exact + 1}) s
    ${lateralValues(dimensions)}
    group by 1, 2`.execute(db);
  const aggregation = toAggregation(rows.rows, 'exact');
  return aggregation.total.value > limits.exact ? null : aggregation;
}

async function aggregateFromSample(
  db: Db,
  search: PreparedSearch,
  dimensions: AggregateDimension[],
  limits: AggregateLimits,
): Promise<Aggregation> {
  const estimate = await sql<{ rows: number }>`
    select greatest(reltuples, 1)::float8 as rows from pg_class where oid = 'incident_search'::regclass`.execute(
    db,
  );
  const tableRows = Math.max(Number(estimate.rows[0]?.rows ?? 1), limits.exact + 1);
  const percent = Math.min(100, (100 * limits.sampleRows) / tableRows);
  const rows = await sql<{ d: string; v: string; n: string }>`
    select x.d, x.v, count(*) as n
    from incident_search s tablesample system (${sql.lit(percent)}) repeatable (7)
    ${lateralValues(dimensions)}
    where ${filterCondition(search)}
    group by 1, 2`.execute(db);
  const aggregation = toAggregation(rows.rows, 'sample', 100 / percent);
  // The exact pass already saw more than EXACT_LIMIT matches.
  aggregation.total.value = Math.max(aggregation.total.value, limits.exact + 1);
  return aggregation;
}

/** Counts of a filter by the given dimensions, by the cheapest honest strategy (see the top). */
export async function aggregateIncidents(
  db: Db,
  search: PreparedSearch,
  dimensions: AggregateDimension[],
  limits: AggregateLimits = defaultLimits,
): Promise<Aggregation> {
  const slice = rollupSlice(search);
  if (slice !== null) return aggregateFromRollup(db, search, dimensions, slice);
  const exact = await aggregateExactly(db, search, dimensions, limits);
  return exact ?? aggregateFromSample(db, search, dimensions, limits);
}

export async function countIncidents(db: Db, search: PreparedSearch): Promise<Count> {
  return (await aggregateIncidents(db, search, ['all'])).total;
}

/**
 * Facet counts for a list page: every dimension under the whole filter, except that a dimension
 * with a filter of its own is counted without it, so its other values show what choosing them adds.
 */
export async function facetIncidents(
  db: Db,
  search: PreparedSearch,
  dimensions: Array<AggregateDimension & FilterDimension>,
): Promise<Aggregation> {
  const filtered = dimensions.filter((dimension) => search.filters[dimension].length > 0);
  const [main, alternatives] = await Promise.all([
    aggregateIncidents(db, search, dimensions),
    Promise.all(
      filtered.map((dimension) => aggregateIncidents(db, withoutDimension(search, dimension), [dimension])),
    ),
  ]);
  filtered.forEach((dimension, index) => {
    const alternative = alternatives[index];
    if (!alternative) return;
    main.counts.set(dimension, alternative.counts.get(dimension) ?? new Map());
    if (!alternative.exact) main.exact = false;
  });
  return main;
}
