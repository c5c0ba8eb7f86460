import type { Db } from '../../db/client.ts';

/**
 * Incidents a partner may receive: published and not restricted (a restricted incident is public only
 * as a figure, and a row without its facts would be of no use to a partner's map), by date and id.
 */
export async function exchangeableIncidentIds(db: Db, period: { from?: string; to?: string }) {
  let query = db
    .selectFrom('incidents')
    .select('id')
    .where('status', '=', 'published')
    .where('visibility', '=', 'public');
  if (period.from) query = query.where('date', '>=', period.from);
  if (period.to) query = query.where('date', '<=', period.to);
  return (await query.orderBy('date').orderBy('id').execute()).map((row) => row.id);
}

export async function regionsAndCategories(db: Db) {
  const [regions, categories] = await Promise.all([
    db.selectFrom('regions').select(['code', 'labels']).execute(),
    db.selectFrom('categories').select(['code', 'group_code', 'labels']).execute(),
  ]);
  return { regions, categories };
}
