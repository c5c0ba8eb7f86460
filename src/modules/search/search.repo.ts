import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import {
  countingMonths,
  filterCondition,
  hasTextQuery,
  type PreparedSearch,
  type RollupPlan,
  rollupPlan,
  textCondition,
  tsqueryOf,
  withoutDimension,
} from './search.query.ts';
import type { FilterDimension, SortOrder } from './search.schemas.ts';

/*
 * Why search and facets stay fast at a million incidents (see also migration 0005):
 *
 * Listing. Matches are always taken in date order with a LIMIT, never ranked in full: ranking every
 * match of a common word reads and ranks every matching row (seconds at 1M). The planner's estimate
 * picks the way (textMatches): a word it expects in few records is read from the GIN index alone and
 * sorted (it is never left to walk the date index testing rows: for a word absent from the data that
 * read the whole table); a common word walks month by month inside the GIN index, so a word common
 * overall but absent from recent years cannot drag the walk through every recent row. A year or
 * month filter joins the words inside the GIN index as counting-month lexemes. A word that is a
 * Russian or English stop word is dropped (prepareSearch). Relevance ranks only a capped candidate
 * set, the newest SEARCH_CANDIDATES matches, and a text search pages through those candidates only.
 *
 * Counting and facets, by the cheapest strategy that is still honest:
 *  - rollup: with no filter, or only year, month, region and one category or group, the counts
 *    are sums over `incident_facet_counts` (an index range of a few thousand rows), exact.
 *  - exact: a selection the planner expects to be small is aggregated row by row, reading at most
 *    EXACT_LIMIT + 1 rows; when it holds no more than EXACT_LIMIT, the counts are exact.
 *  - sample: a larger one is estimated from a repeatable block sample of about SAMPLE_ROWS rows
 *    (TABLESAMPLE SYSTEM), scaled up and marked approximate ("≈" on the pages, `exact: false` in the
 *    API). When the planner expects a large selection, the sample runs first and the exact pass only
 *    if the sample finds it small after all.
 * A facet of a dimension that is itself filtered is counted without that filter (the alternatives
 * to the current choice), each such facet by the same rule.
 */
export const SEARCH_CANDIDATES = 1000;
/*
 * Measured at 1M on PostgreSQL (issue 11): every row an exact pass or a sample aggregates costs
 * microseconds (its arrays are unnested into facet values), so both are kept to a few thousand
 * rows; with 5,000 and 10,000 a facet with four filters took 200 to 400 ms.
 */
export const EXACT_LIMIT = 1_000;
export const SAMPLE_ROWS = 3_000;

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
  monthWalkFrom = MONTH_WALK_FROM,
): Promise<string[]> {
  const direction = options.sort === 'oldest' ? 'asc' : 'desc';
  if (!hasTextQuery(search)) {
    const order = direction === 'asc' ? sql`asc` : sql`desc`;
    // A small selection of some counting months (an old year in a small region) is read through
    // its indexes and sorted; walking the date index from the newest record would read every later
    // year to reach it.
    const small =
      countingMonths(search.filters) !== null && (await estimateMatches(db, search)) < SMALL_SELECTION;
    const rows = small
      ? await sql<{ incident_id: string }>`
          with matches as materialized (
            select s.incident_id, s.sort_date from incident_search s where ${filterCondition(search)}
          )
          select incident_id from matches order by sort_date ${order}, incident_id ${order}
          limit ${options.limit} offset ${options.offset}`.execute(db)
      : await sql<{ incident_id: string }>`
          select s.incident_id from incident_search s where ${filterCondition(search)}
          order by s.sort_date ${order}, s.incident_id ${order}
          limit ${options.limit} offset ${options.offset}`.execute(db);
    return rows.rows.map((row) => row.incident_id);
  }
  if (options.sort !== 'relevance') {
    const needed = Math.min(options.offset + options.limit, SEARCH_CANDIDATES);
    const ids = await textMatches(db, search, direction, needed, monthWalkFrom);
    return ids.slice(options.offset, options.offset + options.limit);
  }
  const candidates = await textMatches(db, search, 'desc', SEARCH_CANDIDATES, monthWalkFrom);
  if (candidates.length === 0) return [];
  const rows = await sql<{ incident_id: string }>`
    select s.incident_id from incident_search s where s.incident_id = any(${candidates}::text[])
    order by ts_rank_cd(s.document, ${tsqueryOf(search.words)})
      + case when s.actor_ids && ${search.matchedActors}::text[] then 1 else 0 end desc,
      s.sort_date desc, s.incident_id desc
    limit ${options.limit} offset ${options.offset}`.execute(db);
  return rows.rows.map((row) => row.incident_id);
}

/** Code point order, as the C collation orders ids. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Below this many expected matches, a list without text is read through its indexes and sorted. */
const SMALL_SELECTION = 20_000;

/** Above this many expected matches, a text search walks month by month (textMatches). */
export const MONTH_WALK_FROM = 5_000;
/** How many of the newest records a common word is first looked for in. */
const RECENT_WINDOW = 5_000;

/**
 * The first `needed` matches of a text search in date order.
 *
 * A text condition the planner expects to match few records (a rare word, one absent from the data)
 * is read from the GIN index alone, and the other filters are applied to those few rows: left to
 * itself, the planner may instead walk the date index testing every row (the whole table, for a
 * word it overestimates), or intersect the word's few matches with the bitmaps of a year and a
 * victim kind, which cost tens of milliseconds each at a million records.
 *
 * A common word walks month by month, newest first (oldest first for `oldest`), in one query:
 * each month's matches are the intersection of the words with the month's lexeme ('m202405', in
 * the document) inside the GIN index, so a month costs its own matches only, and the walk stops
 * as soon as it has `needed` rows (a year or month filter is inside the index too, as the
 * counting-month lexemes of textCondition, so a month outside it costs next to nothing). Without one, the newest
 * RECENT_WINDOW records are looked at first: a common word fills its page there. Walking the date
 * index with a filter instead would read every recent row for a word that only older records use
 * ("Нур-Султан", 2019 to 2022).
 */
async function textMatches(
  db: Db,
  search: PreparedSearch,
  direction: 'asc' | 'desc',
  needed: number,
  monthWalkFrom: number,
): Promise<string[]> {
  const order = direction === 'asc' ? sql`asc` : sql`desc`;
  const where = filterCondition(search);
  if ((await estimateText(db, search)) < monthWalkFrom) {
    const rows = await sql<{ incident_id: string }>`
      with matches as materialized (
        select * from incident_search s where ${textCondition(search)}
      )
      select s.incident_id from matches s where ${filterCondition(search, { withText: false })}
      order by s.sort_date ${order}, s.incident_id ${order} limit ${needed}`.execute(db);
    return rows.rows.map((row) => row.incident_id);
  }
  const months = countingMonths(search.filters);
  if (months === null && !search.filters.from && !search.filters.to) {
    const recent = await sql<{ incident_id: string }>`
      select s.incident_id from (
        select * from incident_search r order by r.sort_date ${order}, r.incident_id ${order} limit ${RECENT_WINDOW}
      ) s where ${where}
      order by s.sort_date ${order}, s.incident_id ${order} limit ${needed}`.execute(db);
    if (recent.rows.length >= needed) return recent.rows.map((row) => row.incident_id);
  }
  const bounds = await walkBounds(db, months);
  let first = bounds?.first?.slice(0, 7);
  let last = bounds?.last?.slice(0, 7);
  if (!first || !last) return [];
  if (search.filters.from) first = maxMonth(first, search.filters.from.slice(0, 7));
  if (search.filters.to) last = minMonth(last, search.filters.to.slice(0, 7));
  if (first > last) return [];
  const [from, to, step] =
    direction === 'desc'
      ? [`${last}-01`, `${first}-01`, '-1 month']
      : [`${first}-01`, `${last}-01`, '1 month'];
  // The nested loop runs the months in order and stops at the outer LIMIT.
  const rows = await sql<{ incident_id: string; sort_date: string }>`
    select w.incident_id, w.sort_date
    from generate_series(${from}::date, ${to}::date, ${step}::interval) m(month)
    cross join lateral (
      select s.incident_id, s.sort_date from (
        select * from incident_search s
        where ${textCondition(search, { withMonths: false })}
          and s.document @@ to_tsquery('simple', 'm' || to_char(m.month, 'YYYYMM'))
          and s.sort_date >= m.month::date and s.sort_date < (m.month + interval '1 month')::date
        -- A fence: the other filters apply to the month's text matches, never as bitmaps of their
        -- own (a victim kind's bitmap is a third of the table, rebuilt for every month).
        offset 0
      ) s
      where ${filterCondition(search, { withText: false })}
      order by s.sort_date ${order}, s.incident_id ${order}
      limit ${needed}
    ) w
    limit ${needed}`.execute(db);
  const sign = direction === 'asc' ? 1 : -1;
  return rows.rows
    .sort((a, b) => sign * (compare(a.sort_date, b.sort_date) || compare(a.incident_id, b.incident_id)))
    .map((row) => row.incident_id);
}

/**
 * The dates a month walk must cover: those of the records counted in the chosen counting months
 * (two probes of incident_search_counted_sort per month, migration 0015), or of every record. A year
 * filter then walks the fourteen or so months its records are dated in, not the whole history: each
 * month of the walk costs an intersection inside the GIN index, even one that finds nothing.
 */
async function walkBounds(
  db: Db,
  months: string[] | null,
): Promise<{ first: string | null; last: string | null } | undefined> {
  if (months === null) {
    const all = await sql<{ first: string | null; last: string | null }>`
      select min(sort_date) as first, max(sort_date) as last from incident_search`.execute(db);
    return all.rows[0];
  }
  const counted = await sql<{ first: string | null; last: string | null }>`
    select min(x.first) as first, max(x.last) as last
    from unnest(${months.map((month) => `${month}-01`)}::date[]) c(month)
    cross join lateral (
      select
        (select s.sort_date from incident_search s where s.counted_in = c.month order by s.sort_date limit 1) as first,
        (select s.sort_date from incident_search s where s.counted_in = c.month order by s.sort_date desc limit 1) as last
    ) x`.execute(db);
  return counted.rows[0];
}

const maxMonth = (a: string, b: string) => (a > b ? a : b);
const minMonth = (a: string, b: string) => (a < b ? a : b);

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
  options: { batchSize?: number; max?: number; oldestFirst?: boolean } = {},
): AsyncGenerator<string[]> {
  const batchSize = options.batchSize ?? 1000;
  const direction = options.oldestFirst ? sql`asc` : sql`desc`;
  const beyond = options.oldestFirst ? sql`>` : sql`<`;
  let remaining = options.max ?? Number.POSITIVE_INFINITY;
  let after: { sort_date: string; incident_id: string } | null = null;
  const where = filterCondition(search);
  while (remaining > 0) {
    const limit = Math.min(batchSize, remaining);
    const keyset: RawBuilder<unknown> =
      after === null
        ? sql`true`
        : sql`(s.sort_date, s.incident_id) ${beyond} (${after.sort_date}::date, ${after.incident_id})`;
    const rows: Array<{ incident_id: string; sort_date: string }> = (
      await sql<{ incident_id: string; sort_date: string }>`
        select s.incident_id, s.sort_date from incident_search s where ${where} and ${keyset}
        order by s.sort_date ${direction}, s.incident_id ${direction} limit ${limit}`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    yield rows.map((row) => row.incident_id);
    const last = rows[rows.length - 1];
    if (!last || rows.length < limit) return;
    after = last;
    remaining -= rows.length;
  }
}

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
  plan: RollupPlan,
): Promise<Aggregation> {
  const { filters } = search;
  const months = countingMonths(filters);
  const years = filters.year.map(String);
  const regions = filters.region.length > 0 ? sql`f.region_code = any(${filters.region}::text[])` : sql`true`;
  // The rows of every incident of the slice (dimension 'all'), or of those that carry the value.
  const counted =
    plan.value === null
      ? sql`f.dimension = 'all'`
      : sql`f.dimension = ${plan.value.dimension} and f.value = ${plan.value.value}`;
  const inSlice = sql`f.slice = ${plan.slice} and ${regions}`;
  // Sums over year rows unless a month is chosen; monthly dimensions read the month rows.
  // Every condition leads with the primary key (dimension, slice, grain, period, …): one index
  // range per part of the query.
  const yearRows =
    years.length > 0 ? sql`f.grain = 'year' and f.period = any(${years}::text[])` : sql`f.grain = 'year'`;
  const monthRows =
    months === null ? sql`f.grain = 'month'` : sql`f.grain = 'month' and f.period = any(${months}::text[])`;
  const basePeriod = filters.month.length > 0 ? monthRows : yearRows;
  const parts: RawBuilder<unknown>[] = [
    sql`select 'all' as d, '' as v, sum(f.n) as n from incident_facet_counts f
        where ${basePeriod} and ${inSlice} and ${counted}`,
  ];
  for (const dimension of new Set(dimensions)) {
    if (dimension === 'all') continue;
    if (dimension === 'year') {
      parts.push(sql`select 'year', left(f.period, 4), sum(f.n) from incident_facet_counts f
        where ${filters.month.length > 0 ? basePeriod : sql`f.grain = 'year'`} and ${inSlice}
          and ${counted} group by 2`);
    } else if (dimension === 'month') {
      parts.push(sql`select 'month', f.period, sum(f.n) from incident_facet_counts f
        where ${monthRows} and ${inSlice} and ${counted} group by 2`);
    } else if (dimension === 'month_group') {
      parts.push(sql`select 'month_group', f.period || ':' || f.value, sum(f.n) from incident_facet_counts f
        where ${monthRows} and ${inSlice} and f.dimension = 'group' group by 2`);
    } else if (dimension === 'region') {
      parts.push(sql`select 'region', f.region_code, sum(f.n) from incident_facet_counts f
        where ${basePeriod} and ${inSlice} and ${counted} group by 2`);
    } else if (plan.value !== null && (dimension === 'category' || dimension === 'group')) {
      // Under a value, each category or group is a slice of its own (rollupPlan allows no slice).
      const codes =
        dimension === 'category'
          ? sql`select c.code from categories c`
          : sql`select distinct c.group_code from categories c`;
      parts.push(sql`select ${dimension}::text, f.slice, sum(f.n) from incident_facet_counts f
        where ${basePeriod} and f.slice in (${codes}) and ${regions} and ${counted} group by 2`);
    } else {
      parts.push(sql`select ${dimension}::text, f.value, sum(f.n) from incident_facet_counts f
        where ${basePeriod} and ${inSlice} and f.dimension = ${dimension} group by 2`);
    }
  }
  const rows = await sql<{ d: string; v: string; n: string | null }>`
    select d, v, n from (${sql.join(parts, sql` union all `)}) u(d, v, n) where n > 0`.execute(db);
  return toAggregation(rows.rows, 'rollup');
}

async function aggregateExactly(
  db: Db,
  search: PreparedSearch,
  dimensions: AggregateDimension[],
  limits: AggregateLimits,
): Promise<Aggregation | null> {
  // The text condition (with its counting months) is read from the GIN index alone and the other
  // filters are applied to its rows, as in textMatches: intersecting it with the bitmap of a victim
  // kind or a category costs more than reading the rows.
  // A period and region of few rows is read through its btree index, the rest tested on each row.
  const few = await periodAndRegionAreFew(db, search);
  const selection =
    hasTextQuery(search) && !few
      ? sql`(select * from (select * from incident_search s where ${textCondition(search)} offset 0) s
        where ${filterCondition(search, { withText: false })} limit ${limits.exact + 1})`
      : sql`(select * from incident_search s where ${filterCondition(search, { arraysAsFilters: few })}
        limit ${limits.exact + 1})`;
  const rows = await sql<{ d: string; v: string; n: string }>`
    select x.d, x.v, count(*) as n from ${selection} s
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
  return toAggregation(rows.rows, 'sample', 100 / percent);
}

/** Counts of a filter by the given dimensions, by the cheapest honest strategy (see the top). */
export async function aggregateIncidents(
  db: Db,
  search: PreparedSearch,
  dimensions: AggregateDimension[],
  limits: AggregateLimits = defaultLimits,
): Promise<Aggregation> {
  const plan = rollupPlan(search, dimensions);
  if (plan !== null) return aggregateFromRollup(db, search, dimensions, plan);
  // A selection the planner expects to be large goes straight to the sample; reading
  // EXACT_LIMIT rows of a common word only to give up would cost more than the sample itself.
  if ((await estimateMatches(db, search)) > 2 * limits.exact) {
    const sampled = await aggregateFromSample(db, search, dimensions, limits);
    if (sampled.total.value > limits.exact) return sampled;
  }
  const exact = await aggregateExactly(db, search, dimensions, limits);
  if (exact) return exact;
  const sampled = await aggregateFromSample(db, search, dimensions, limits);
  // The exact pass saw more than EXACT_LIMIT matches, whatever the sample found.
  sampled.total.value = Math.max(sampled.total.value, limits.exact + 1);
  return sampled;
}

/**
 * Below this many rows of a period and region, the other filters are applied to those rows (fewer
 * with words: testing a document costs more than testing an array, and a rare word's own matches
 * in the GIN index are fewer still).
 */
const FEW_PERIOD_ROWS = { arrays: 25_000, text: 15_000 };

/**
 * Whether the counting period and region alone select few enough rows to read them through their
 * btree index and test the rest on each (a year in one region: a few thousand rows, 10 ms at 1M),
 * rather than intersecting them with bitmaps of a category and a victim kind from the GIN index
 * (a common value's bitmap costs 20 ms or more on its own).
 */
async function periodAndRegionAreFew(db: Db, search: PreparedSearch): Promise<boolean> {
  if (countingMonths(search.filters) === null && search.filters.region.length === 0) return false;
  const result = await sql<{ 'QUERY PLAN': Array<{ Plan?: { 'Plan Rows'?: number } }> }>`
    explain (format json) select 1 from incident_search s
    where ${filterCondition(search, { onlyPeriodAndRegion: true })}`.execute(db);
  const plan = result.rows[0]?.['QUERY PLAN'];
  const rows = Number((Array.isArray(plan) ? plan[0]?.Plan?.['Plan Rows'] : undefined) ?? Infinity);
  return rows <= (hasTextQuery(search) ? FEW_PERIOD_ROWS.text : FEW_PERIOD_ROWS.arrays);
}

/** The planner's estimate of the matches of the text condition alone (with its months). */
async function estimateText(db: Db, search: PreparedSearch): Promise<number> {
  const result = await sql<{ 'QUERY PLAN': Array<{ Plan?: { 'Plan Rows'?: number } }> }>`
    explain (format json) select 1 from incident_search s where ${textCondition(search)}`.execute(db);
  const plan = result.rows[0]?.['QUERY PLAN'];
  return Number((Array.isArray(plan) ? plan[0]?.Plan?.['Plan Rows'] : undefined) ?? 0);
}

/** The planner's estimate of the matches of a filter (its statistics of words and values). */
async function estimateMatches(db: Db, search: PreparedSearch): Promise<number> {
  const result = await sql<{ 'QUERY PLAN': Array<{ Plan?: { 'Plan Rows'?: number } }> }>`
    explain (format json) select 1 from incident_search s where ${filterCondition(search)}`.execute(db);
  const plan = result.rows[0]?.['QUERY PLAN'];
  return Number((Array.isArray(plan) ? plan[0]?.Plan?.['Plan Rows'] : undefined) ?? 0);
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
  // A filtered dimension's counts come from its alternatives, so the main pass leaves it out (and a
  // value filter's own dimension is then no obstacle to the rollup).
  const unfiltered = dimensions.filter((dimension) => !filtered.includes(dimension));
  const [main, alternatives] = await Promise.all([
    aggregateIncidents(db, search, unfiltered),
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
