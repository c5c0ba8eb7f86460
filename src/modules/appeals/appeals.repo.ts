import type { Db } from '../../db/client.ts';
import type { SelectionFilters } from './appeals.schemas.ts';

/** Incidents an editor may build an appeal from: every record that is not archived, newest first. */
export async function listIncidentsForSelection(db: Db, filters: SelectionFilters) {
  let query = db
    .selectFrom('incidents')
    .leftJoin('regions', 'regions.code', 'incidents.region_code')
    .select([
      'incidents.id',
      'incidents.date',
      'incidents.date_precision',
      'incidents.title',
      'incidents.summary',
      'incidents.status',
      'regions.labels as region_labels',
    ])
    .where('incidents.status', '<>', 'archived');
  if (filters.from) query = query.where('incidents.date', '>=', filters.from);
  if (filters.to) query = query.where('incidents.date', '<=', filters.to);
  if (filters.region) query = query.where('incidents.region_code', '=', filters.region);
  return query.orderBy('incidents.date', 'desc').orderBy('incidents.id').limit(300).execute();
}

export async function incidentsForDraft(db: Db, incidentIds: readonly string[]) {
  if (incidentIds.length === 0) return [];
  return db
    .selectFrom('incidents')
    .leftJoin('regions', 'regions.code', 'incidents.region_code')
    .select([
      'incidents.id',
      'incidents.date',
      'incidents.date_precision',
      'incidents.locality',
      'incidents.title',
      'incidents.summary',
      'regions.labels as region_labels',
    ])
    .where('incidents.id', 'in', incidentIds)
    .execute();
}

export async function existingIds(db: Db, table: 'incidents' | 'cases', candidates: readonly string[]) {
  if (candidates.length === 0) return [];
  const rows = await db.selectFrom(table).select('id').where('id', 'in', candidates).execute();
  return rows.map((row) => row.id);
}

export async function replaceAppealLinks(
  trx: Db,
  appealId: number,
  incidentIds: string[],
  caseIds: string[],
) {
  await trx.deleteFrom('appeal_incidents').where('appeal_id', '=', appealId).execute();
  await trx.deleteFrom('appeal_cases').where('appeal_id', '=', appealId).execute();
  if (incidentIds.length > 0) {
    await trx
      .insertInto('appeal_incidents')
      .values(
        incidentIds.map((incidentId, position) => ({
          appeal_id: appealId,
          incident_id: incidentId,
          position,
        })),
      )
      .execute();
  }
  if (caseIds.length > 0) {
    await trx
      .insertInto('appeal_cases')
      .values(caseIds.map((caseId) => ({ appeal_id: appealId, case_id: caseId })))
      .execute();
  }
}

export async function lockAppeal(trx: Db, id: number) {
  return trx.selectFrom('appeals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function getAppeal(db: Db, id: number) {
  return db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAppeals(db: Db, onlyPublished: boolean, limit = 200) {
  let query = db
    .selectFrom('appeals')
    .selectAll('appeals')
    .select((eb) =>
      eb
        .selectFrom('appeal_incidents')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('appeal_incidents.appeal_id', '=', 'appeals.id')
        .as('incident_count'),
    );
  if (onlyPublished) query = query.where('status', '=', 'published');
  return query.orderBy('date', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Linked incidents and cases for the editor: every one, with its status. */
export async function listAppealLinks(db: Db, appealId: number) {
  const [incidents, cases] = await Promise.all([
    db
      .selectFrom('appeal_incidents')
      .innerJoin('incidents', 'incidents.id', 'appeal_incidents.incident_id')
      .select([
        'incidents.id',
        'incidents.title',
        'incidents.date',
        'incidents.status',
        'incidents.visibility',
      ])
      .where('appeal_incidents.appeal_id', '=', appealId)
      .orderBy('appeal_incidents.position')
      .execute(),
    db
      .selectFrom('appeal_cases')
      .innerJoin('cases', 'cases.id', 'appeal_cases.case_id')
      .select(['cases.id', 'cases.title', 'cases.status'])
      .where('appeal_cases.appeal_id', '=', appealId)
      .orderBy('cases.id')
      .execute(),
  ]);
  return { incidents, cases };
}

export async function listResponses(db: Db, appealId: number) {
  return db
    .selectFrom('appeal_responses')
    .select(['id', 'date', 'responder', 'body'])
    .where('appeal_id', '=', appealId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function listRegions(db: Db) {
  return db.selectFrom('regions').select(['code', 'labels']).orderBy('kind').orderBy('code').execute();
}
