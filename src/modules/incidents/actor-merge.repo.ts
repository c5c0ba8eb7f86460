import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { ActorMerges, CaseParties, IncidentActors } from '../../db/database.generated.ts';

/** The queries of actor merge and split (actor-merge.service.ts): links, locks and the merge log. */

type IncidentLinkKey = { incident_id: string; role: IncidentActors['role']; actor_id: string };
type CasePartyKey = { case_id: string; role: CaseParties['role']; actor_id: string };

/** Every incident and case link of one actor. */
export async function linksOfActor(db: Db, actorId: string) {
  const [incidents, cases] = await Promise.all([
    db.selectFrom('incident_actors').where('actor_id', '=', actorId).selectAll().execute(),
    db.selectFrom('case_parties').where('actor_id', '=', actorId).selectAll().execute(),
  ]);
  return { incidents, cases };
}

export async function insertIncidentLink(db: Db, row: Insertable<IncidentActors>) {
  await db
    .insertInto('incident_actors')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function updateIncidentLink(db: Db, key: IncidentLinkKey, changes: Updateable<IncidentActors>) {
  await db
    .updateTable('incident_actors')
    .set(changes)
    .where('incident_id', '=', key.incident_id)
    .where('role', '=', key.role)
    .where('actor_id', '=', key.actor_id)
    .execute();
}

export async function deleteIncidentLink(db: Db, key: IncidentLinkKey) {
  await db
    .deleteFrom('incident_actors')
    .where('incident_id', '=', key.incident_id)
    .where('role', '=', key.role)
    .where('actor_id', '=', key.actor_id)
    .execute();
}

export async function insertCaseParty(db: Db, row: Insertable<CaseParties>) {
  await db
    .insertInto('case_parties')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function updateCaseParty(db: Db, key: CasePartyKey, changes: Updateable<CaseParties>) {
  await db
    .updateTable('case_parties')
    .set(changes)
    .where('case_id', '=', key.case_id)
    .where('role', '=', key.role)
    .where('actor_id', '=', key.actor_id)
    .execute();
}

export async function deleteCaseParty(db: Db, key: CasePartyKey) {
  await db
    .deleteFrom('case_parties')
    .where('case_id', '=', key.case_id)
    .where('role', '=', key.role)
    .where('actor_id', '=', key.actor_id)
    .execute();
}

/** Points an actor at the one it was merged into (null: it stands on its own again). */
export async function setMergedInto(db: Db, actorId: string, mergedInto: string | null, now: Date) {
  await db
    .updateTable('actors')
    .set((eb) => ({ merged_into: mergedInto, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', actorId)
    .execute();
}

export async function insertMerge(db: Db, row: Insertable<ActorMerges>) {
  return db.insertInto('actor_merges').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The latest merge of an actor that was not split yet. */
export async function latestOpenMerge(db: Db, mergedId: string) {
  return db
    .selectFrom('actor_merges')
    .where('merged_id', '=', mergedId)
    .where('split_at', 'is', null)
    .orderBy('id', 'desc')
    .selectAll()
    .executeTakeFirst();
}

export async function closeMerge(db: Db, mergeId: number, now: Date, userId: number | null) {
  await db
    .updateTable('actor_merges')
    .set({ split_at: now, split_by: userId })
    .where('id', '=', mergeId)
    .execute();
}

/** Which of these incidents and cases exist. */
export async function existingRecordIds(db: Db, incidentIds: string[], caseIds: string[]) {
  const [incidents, cases] = await Promise.all([
    db
      .selectFrom('incidents')
      .where('id', 'in', incidentIds.length ? incidentIds : [''])
      .select('id')
      .execute(),
    db
      .selectFrom('cases')
      .where('id', 'in', caseIds.length ? caseIds : [''])
      .select('id')
      .execute(),
  ]);
  return { incidents: incidents.map((row) => row.id), cases: cases.map((row) => row.id) };
}

/** Rows are locked in id order, so two merges touching the same records cannot deadlock. */
export async function lockActors(db: Db, ids: string[]) {
  return db
    .selectFrom('actors')
    .where('id', 'in', [...ids].sort())
    .orderBy('id')
    .select(['id', 'merged_into'])
    .forUpdate()
    .execute();
}

export async function lockRecords(db: Db, incidentIds: string[], caseIds: string[]) {
  if (incidentIds.length) {
    await db
      .selectFrom('incidents')
      .where('id', 'in', incidentIds)
      .orderBy('id')
      .select('id')
      .forUpdate()
      .execute();
  }
  if (caseIds.length) {
    await db.selectFrom('cases').where('id', 'in', caseIds).orderBy('id').select('id').forUpdate().execute();
  }
}

export async function bumpVersions(db: Db, incidentIds: string[], caseIds: string[], now: Date) {
  if (incidentIds.length) {
    await db
      .updateTable('incidents')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where('id', 'in', incidentIds)
      .execute();
  }
  if (caseIds.length) {
    await db
      .updateTable('cases')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where('id', 'in', caseIds)
      .execute();
  }
}
