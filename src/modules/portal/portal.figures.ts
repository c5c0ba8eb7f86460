import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';

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
