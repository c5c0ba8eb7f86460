import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

/**
 * Month-by-month group figures for the home page and the statistics page.
 *
 * The normative figures belong to the stats module (computeMonthStats, computeMonthlySeries). Until
 * it lands on main this file computes the group figures the same way (DESIGN section 4): rights and
 * information are distinct published incidents per counting month, from the rollup of the public
 * read model; legal is the number of published cases whose earliest event falls in the month.
 * Replace the bodies with calls into the stats module's index when it is merged.
 */
export type GroupFigures = { rights: number; information: number; legal: number; total: number };
export type MonthFigures = GroupFigures & { month: string };

export function addMonths(month: string, count: number): string {
  const [year = 0, monthNumber = 1] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const months: string[] = [];
  for (let month = fromMonth; month <= toMonth; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The newest counting month, not after `today`, that holds a published incident. */
export async function latestCountedMonth(db: Db, today: Date): Promise<string | null> {
  const current = today.toISOString().slice(0, 7);
  const row = await sql<{ period: string | null }>`
    select max(period) as period from incident_facet_counts
    where length(period) = 7 and dimension = 'all' and n > 0 and period <= ${current}`.execute(db);
  return row.rows[0]?.period ?? null;
}

export async function monthlyGroupSeries(
  db: Db,
  fromMonth: string,
  toMonth: string,
): Promise<MonthFigures[]> {
  const months = monthsBetween(fromMonth, toMonth);
  const [groups, cases] = await Promise.all([
    sql<{ period: string; value: string; n: number }>`
      select period, value, sum(n) as n from incident_facet_counts
      where length(period) = 7 and period = any(${months}::text[]) and dimension = 'group'
      group by period, value`.execute(db),
    // Only cases with an event in the range can be new in it (case_events_date finds them).
    sql<{ month: string; n: number }>`
      select to_char(first_event, 'YYYY-MM') as month, count(*) as n from (
        select e.case_id, min(e.date) as first_event from case_events e
        join cases c on c.id = e.case_id and c.status = 'published'
        where e.case_id in (select case_id from case_events
                            where date >= ${`${fromMonth}-01`}::date and date < ${`${addMonths(toMonth, 1)}-01`}::date)
        group by e.case_id
      ) firsts
      where first_event >= ${`${fromMonth}-01`}::date and first_event < ${`${addMonths(toMonth, 1)}-01`}::date
      group by 1`.execute(db),
  ]);
  const byMonth = new Map(
    months.map((month) => [month, { month, rights: 0, information: 0, legal: 0, total: 0 }]),
  );
  for (const row of groups.rows) {
    const figures = byMonth.get(row.period);
    if (figures && (row.value === 'rights' || row.value === 'information'))
      figures[row.value] = Number(row.n);
  }
  for (const row of cases.rows) {
    const figures = byMonth.get(row.month);
    if (figures) figures.legal = Number(row.n);
  }
  return [...byMonth.values()].map((figures) => ({
    ...figures,
    total: figures.rights + figures.information + figures.legal,
  }));
}
