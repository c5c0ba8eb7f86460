import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { incidentActorRoles, partyRoles } from '../../domain/vocabularies.ts';
import { unique } from '../../lib/batch.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/input.ts';
import { editorRoles, requireRoles } from '../../lib/record-policy.ts';
import { inTransaction } from '../../lib/transaction.ts';
import {
  type ActorRecord,
  type ActorView,
  actorRecord,
  auditActor,
  loadActorViews,
  recordId,
} from '../actors/index.ts';
import { auditCase, type CaseRecord, caseRecord } from '../cases/index.ts';
import {
  bumpVersions,
  closeMerge,
  deleteCaseParty,
  deleteIncidentLink,
  existingRecordIds,
  insertCaseParty,
  insertIncidentLink,
  insertMerge,
  latestOpenMerge,
  linksOfActor,
  lockActors,
  lockRecords,
  setMergedInto,
  updateCaseParty,
  updateIncidentLink,
} from './actor-merge.repo.ts';
import type { IncidentRecord } from './incidents.schemas.ts';
import { auditIncident, incidentRecord } from './incidents.service.ts';

/** The links a merge moved, kept in actor_merges.moved so that a split puts back exactly those. */
const movedSchema = z.object({
  incidents: z.array(
    z.object({
      incident_id: z.string(),
      role: z.enum(incidentActorRoles),
      anonymous: z.boolean(),
      position: z.number(),
      /** The survivor was already linked in this role: the merged actor's row was dropped. */
      duplicate: z.boolean(),
      /** For a duplicate: the survivor row's anonymous flag before the merge. */
      survivor_anonymous: z.boolean().optional(),
    }),
  ),
  cases: z.array(
    z.object({ case_id: z.string(), role: z.enum(partyRoles), position: z.number(), duplicate: z.boolean() }),
  ),
});
type Moved = z.infer<typeof movedSchema>;

const mergeSchema = z.strictObject({ survivor_id: recordId, merged_id: recordId });

export type MergeResult = {
  merge_id: number;
  survivor: ActorView;
  merged: ActorView;
  incidents: string[];
  cases: string[];
};

/**
 * Merges one actor into another: every incident and case link moves to the survivor, the merged
 * actor stays (pointing at the survivor) so that its spellings still match, and the merge is kept
 * so that `splitActor` can undo it. When both were linked to one incident in one role, the link
 * keeps the stricter privacy: a victim anonymous on either side stays anonymous.
 */
export async function mergeActors(
  ctx: ServiceContext,
  input: { survivor_id: string; merged_id: string },
): Promise<MergeResult> {
  requireRoles(ctx, editorRoles, 'merge actors');
  const { survivor_id: survivorId, merged_id: mergedId } = parseInput(mergeSchema, input);
  if (survivorId === mergedId) {
    throw new AppError('validation_failed', 'merged_id: an actor cannot be merged into itself', {
      field: 'merged_id',
    });
  }
  const result = await inTransaction(ctx, async (tctx) => {
    const db = tctx.db;
    const actors = await lockActors(db, [survivorId, mergedId]);
    for (const id of [survivorId, mergedId]) {
      const actor = actors.find((row) => row.id === id);
      if (!actor) throw new AppError('not_found', `no actor ${id}`);
      if (actor.merged_into !== null) {
        throw new AppError('conflict', `actor ${id} is already merged into ${actor.merged_into}`);
      }
    }
    const { incidents: incidentRows, cases: caseRows } = await linksOfActor(db, mergedId);
    const incidentIds = unique(incidentRows.map((row) => row.incident_id)).sort();
    const caseIds = unique(caseRows.map((row) => row.case_id)).sort();
    await lockRecords(db, incidentIds, caseIds);
    const before = await snapshots(db, [survivorId, mergedId], incidentIds, caseIds);
    const { incidents: survivorIncidentRows, cases: survivorCaseRows } = await linksOfActor(db, survivorId);

    const moved: Moved = { incidents: [], cases: [] };
    for (const row of incidentRows) {
      const twin = survivorIncidentRows.find((s) => s.incident_id === row.incident_id && s.role === row.role);
      if (twin) {
        await deleteIncidentLink(db, { ...row, actor_id: mergedId });
        if (row.anonymous && !twin.anonymous) {
          await updateIncidentLink(db, { ...row, actor_id: survivorId }, { anonymous: true });
        }
      } else {
        await updateIncidentLink(db, { ...row, actor_id: mergedId }, { actor_id: survivorId });
      }
      moved.incidents.push({
        incident_id: row.incident_id,
        role: row.role,
        anonymous: row.anonymous,
        position: row.position,
        duplicate: twin !== undefined,
        ...(twin ? { survivor_anonymous: twin.anonymous } : {}),
      });
    }
    for (const row of caseRows) {
      const twin = survivorCaseRows.find((s) => s.case_id === row.case_id && s.role === row.role);
      if (twin) {
        await deleteCaseParty(db, { ...row, actor_id: mergedId });
      } else {
        await updateCaseParty(db, { ...row, actor_id: mergedId }, { actor_id: survivorId });
      }
      moved.cases.push({
        case_id: row.case_id,
        role: row.role,
        position: row.position,
        duplicate: twin !== undefined,
      });
    }
    const now = tctx.now();
    await setMergedInto(db, mergedId, survivorId, now);
    await bumpVersions(db, incidentIds, caseIds, now);
    const merge = await insertMerge(db, {
      survivor_id: survivorId,
      merged_id: mergedId,
      moved: JSON.stringify(moved),
      merged_at: now,
      merged_by: tctx.user?.id ?? null,
    });
    await auditAll(tctx, before, 'merge');
    return { merge_id: merge.id, incidents: incidentIds, cases: caseIds, survivorId };
  });
  return withViews(ctx.db, result, mergedId);
}

/**
 * Undoes the latest merge of an actor: its links go back from the survivor (the ones dropped as
 * duplicates come back too), and it stands on its own again. A survivor that was merged again
 * later must be split first, so that links never go back from the wrong actor.
 */
export async function splitActor(ctx: ServiceContext, mergedId: string): Promise<MergeResult> {
  requireRoles(ctx, editorRoles, 'split actors');
  const result = await inTransaction(ctx, async (tctx) => {
    const db = tctx.db;
    const merge = await latestOpenMerge(db, mergedId);
    if (!merge) throw new AppError('not_found', `actor ${mergedId} is not merged into another actor`);
    const survivorId = merge.survivor_id;
    const actors = await lockActors(db, [survivorId, mergedId]);
    const survivor = actors.find((row) => row.id === survivorId);
    if (survivor?.merged_into) {
      throw new AppError(
        'conflict',
        `actor ${survivorId} was merged into ${survivor.merged_into} since; split ${survivorId} first`,
      );
    }
    const moved = movedSchema.parse(merge.moved);
    const incidentIds = unique(moved.incidents.map((row) => row.incident_id)).sort();
    const caseIds = unique(moved.cases.map((row) => row.case_id)).sort();
    await lockRecords(db, incidentIds, caseIds);
    const before = await snapshots(db, [survivorId, mergedId], incidentIds, caseIds);
    for (const row of moved.incidents) {
      if (!before.incidents.has(row.incident_id)) continue;
      if (row.duplicate) {
        await insertIncidentLink(db, {
          incident_id: row.incident_id,
          actor_id: mergedId,
          role: row.role,
          anonymous: row.anonymous,
          position: row.position,
        });
        if (row.survivor_anonymous !== undefined) {
          await updateIncidentLink(
            db,
            { ...row, actor_id: survivorId },
            { anonymous: row.survivor_anonymous },
          );
        }
      } else {
        await updateIncidentLink(db, { ...row, actor_id: survivorId }, { actor_id: mergedId });
      }
    }
    for (const row of moved.cases) {
      if (!before.cases.has(row.case_id)) continue;
      if (row.duplicate) {
        await insertCaseParty(db, {
          case_id: row.case_id,
          actor_id: mergedId,
          role: row.role,
          position: row.position,
        });
      } else {
        await updateCaseParty(db, { ...row, actor_id: survivorId }, { actor_id: mergedId });
      }
    }
    const now = tctx.now();
    await setMergedInto(db, mergedId, null, now);
    await bumpVersions(db, incidentIds, caseIds, now);
    await closeMerge(db, merge.id, now, tctx.user?.id ?? null);
    await auditAll(tctx, before, 'split');
    return { merge_id: merge.id, incidents: incidentIds, cases: caseIds, survivorId };
  });
  return withViews(ctx.db, result, mergedId);
}

async function withViews(
  db: Db,
  result: { merge_id: number; incidents: string[]; cases: string[]; survivorId: string },
  mergedId: string,
): Promise<MergeResult> {
  const views = await loadActorViews(db, [result.survivorId, mergedId]);
  const survivor = views.get(result.survivorId);
  const merged = views.get(mergedId);
  if (!survivor || !merged) throw new AppError('not_found', 'the actors of the merge are gone');
  return { merge_id: result.merge_id, incidents: result.incidents, cases: result.cases, survivor, merged };
}

type Snapshots = {
  actors: Map<string, ActorRecord>;
  incidents: Map<string, IncidentRecord>;
  cases: Map<string, CaseRecord>;
};

async function snapshots(
  db: Db,
  actorIds: string[],
  incidentIds: string[],
  caseIds: string[],
): Promise<Snapshots> {
  const out: Snapshots = { actors: new Map(), incidents: new Map(), cases: new Map() };
  for (const id of actorIds) out.actors.set(id, await actorRecord(db, id));
  const existing = await existingRecordIds(db, incidentIds, caseIds);
  for (const id of existing.incidents) out.incidents.set(id, await incidentRecord(db, id));
  for (const id of existing.cases) out.cases.set(id, await caseRecord(db, id));
  return out;
}

/** One audit entry per record the merge or split touched: both actors, and each incident and case. */
async function auditAll(ctx: ServiceContext, before: Snapshots, verb: 'merge' | 'split') {
  for (const [id, record] of before.actors) await auditActor(ctx, `actor.${verb}`, id, record);
  for (const [id, record] of before.incidents) await auditIncident(ctx, `incident.actor_${verb}`, id, record);
  for (const [id, record] of before.cases) await auditCase(ctx, `case.actor_${verb}`, id, record);
}
