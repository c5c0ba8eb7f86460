import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { aggregateIncidents, emptyFilters, prepareSearch } from '../search/index.ts';
import { addMonths, type MonthlySeriesPoint, monthsBetween } from '../stats/index.ts';

/** The newest counting month, not after `today`, that holds a published incident (from the rollup). */
export async function latestCountedMonth(db: Db, today: Date): Promise<string | null> {
  const current = today.toISOString().slice(0, 7);
  const row = await sql<{ period: string | null }>`
    select max(period) as period from incident_facet_counts
    where dimension = 'all' and slice = '' and grain = 'month' and n > 0 and period <= ${current}`.execute(
    db,
  );
  return row.rows[0]?.period ?? null;
}

/**
 * The group figures month by month, as stats' computeMonthlySeries counts them (DESIGN section 4;
 * portal.test.ts checks that both agree), but with rights and information read from the rollup of
 * the public read model: the home page must not count a year of incidents on every visit. New legal
 * cases are counted from the cases whose earliest event falls in the month.
 */
export async function monthlyGroupSeries(
  db: Db,
  fromMonth: string,
  toMonth: string,
): Promise<MonthlySeriesPoint[]> {
  const months = monthsBetween(fromMonth, toMonth);
  const search = await prepareSearch(db, { ...emptyFilters(), month: months });
  const from = `${fromMonth}-01`;
  const to = `${addMonths(toMonth, 1)}-01`;
  const [groups, cases] = await Promise.all([
    aggregateIncidents(db, search, ['month_group']),
    // Only cases with an event in the range can be new in it (case_events_date finds them).
    sql<{ month: string; n: number }>`
      select to_char(first_event, 'YYYY-MM') as month, count(*) as n from (
        select e.case_id, min(e.date) as first_event from case_events e
        join cases c on c.id = e.case_id and c.status = 'published'
        where e.case_id in (select case_id from case_events where date >= ${from}::date and date < ${to}::date)
        group by e.case_id
      ) firsts
      where first_event >= ${from}::date and first_event < ${to}::date
      group by 1`.execute(db),
  ]);
  const perMonth = groups.counts.get('month_group') ?? new Map<string, number>();
  const legal = new Map(cases.rows.map((row) => [row.month, Number(row.n)]));
  return months.map((month) => {
    const rights = perMonth.get(`${month}:rights`) ?? 0;
    const information = perMonth.get(`${month}:information`) ?? 0;
    const legalCount = legal.get(month) ?? 0;
    return { month, rights, information, legal: legalCount, total: rights + information + legalCount };
  });
}
