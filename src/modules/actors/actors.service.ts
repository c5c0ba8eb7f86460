import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { writeAudit } from '../../lib/audit.ts';
import { assertCurrentVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { newId, parseInput } from '../../lib/input.ts';
import { localizedTextSchema } from '../../lib/localized.ts';
import { allRoles, requireRoles } from '../../lib/record-policy.ts';
import { revisionSnapshot } from '../../lib/revisions.ts';
import { inTransaction } from '../../lib/transaction.ts';
import {
  existingActorIds,
  findActorsByNameKind,
  findSimilarNames,
  insertActors,
  listActorIds,
  loadActorRecords,
  loadActorViews,
  lockActor,
  nameKindKey,
  resolveSurvivors,
  updateActorRow,
} from './actors.repo.ts';
import {
  type ActorFilters,
  type ActorInput,
  type ActorKind,
  type ActorRecord,
  type ActorSuggestion,
  type ActorUpdateInput,
  type ActorView,
  type ActorWrite,
  actorFiltersSchema,
  actorInputSchema,
  actorKinds,
  actorUpdateSchema,
} from './actors.schemas.ts';
import { matchKeyOf } from './match-key.ts';

const label = 'actor';

export async function getActor(ctx: ServiceContext, id: string): Promise<ActorView> {
  requireRoles(ctx, allRoles, 'read actors');
  const view = (await loadActorViews(ctx.db, [id])).get(id);
  if (!view) throw new AppError('not_found', `no actor ${id}`);
  return view;
}

export async function listActors(ctx: ServiceContext, filters: ActorFilters = {}) {
  requireRoles(ctx, allRoles, 'read actors');
  const parsed = parseInput(actorFiltersSchema, filters);
  const { ids, total } = await listActorIds(ctx.db, parsed);
  const views = await loadActorViews(ctx.db, ids);
  return {
    items: ids.flatMap((id) => views.get(id) ?? []),
    total,
    page: parsed.page,
    page_size: parsed.page_size,
  };
}

export async function createActor(ctx: ServiceContext, input: ActorInput): Promise<ActorView> {
  requireRoles(ctx, allRoles, 'create actors');
  const parsed = parseInput(actorInputSchema, input);
  const id = await inTransaction(ctx, async (tctx) => {
    const write: ActorWrite = { ...parsed, id: parsed.id ?? newId('actor'), merged_into: null };
    if ((await existingActorIds(tctx.db, [write.id])).size > 0) {
      throw AppError.of('conflict', { key: 'actorIdExists', params: { id: write.id } }, { field: 'id' });
    }
    await insertActors(tctx.db, [write], tctx.now());
    await auditActor(tctx, 'actor.create', write.id, null);
    return write.id;
  });
  return getActor(ctx, id);
}

export async function updateActor(ctx: ServiceContext, input: ActorUpdateInput): Promise<ActorView> {
  requireRoles(ctx, allRoles, 'edit actors');
  const parsed = parseInput(actorUpdateSchema, input);
  await inTransaction(ctx, async (tctx) => {
    const locked = await lockActor(tctx.db, parsed.id);
    if (!locked) throw new AppError('not_found', `no actor ${parsed.id}`);
    await assertCurrentVersion(
      tctx.db,
      { type: 'actor', id: parsed.id, label },
      locked.version,
      parsed.version,
    );
    const before = await actorRecord(tctx.db, parsed.id);
    const { version: _version, id: _id, ...changes } = parsed;
    const write: ActorWrite = { ...writeOf(before), ...changes };
    await updateActorRow(tctx.db, write, tctx.now());
    await auditActor(tctx, 'actor.update', parsed.id, before);
  });
  return getActor(ctx, parsed.id);
}

/**
 * Names typed into a form, matched across scripts and spellings: Kaydarova finds Кайдарова. Merged
 * actors lead to their survivor; each actor appears once, with its best-matching spelling.
 */
export async function suggestActors(db: Db, typed: string, limit = 10): Promise<ActorSuggestion[]> {
  const key = await matchKeyOf(db, typed);
  if (!key) return [];
  const capped = Math.max(1, Math.min(limit, 50));
  const rows = await findSimilarNames(db, key, capped * 4);
  const survivors = await resolveSurvivors(
    db,
    rows.map((row) => row.actor_id),
  );
  const best = new Map<string, { matched: string; score: number }>();
  for (const row of rows) {
    const id = survivors.get(row.actor_id) ?? row.actor_id;
    const score = Number(row.score);
    const known = best.get(id);
    if (!known || score > known.score) best.set(id, { matched: row.matched, score });
  }
  const records = await loadActorRecords(db, [...best.keys()]);
  return [...best.entries()]
    .flatMap(([id, match]) => {
      const record = records.get(id);
      return record
        ? [{ id, name: record.name, kind: record.kind, matched: match.matched, score: round(match.score) }]
        : [];
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .slice(0, capped);
}

export type ActorRef = { actor_id: string } | { name: string; kind: ActorKind };

/**
 * Turns references from an incident or a case into actor ids: an id is taken as it is (following a
 * merge to its survivor); a name and kind match an existing actor exactly, or create one (audited).
 */
export async function resolveActorRefs(
  ctx: ServiceContext,
  refs: readonly ActorRef[],
  options: { isDemo?: boolean } = {},
): Promise<string[]> {
  const ids = refs.flatMap((ref) => ('actor_id' in ref ? [ref.actor_id] : []));
  const existing = await existingActorIds(ctx.db, ids);
  const missing = ids.find((id) => !existing.has(id));
  if (missing) {
    throw new AppError('validation_failed', `no actor ${missing}`, {
      field: 'actor_id',
      detail: { key: 'noActor', params: { id: missing } },
    });
  }
  const survivors = await resolveSurvivors(ctx.db, ids);
  const byName = refs.flatMap((ref) => ('name' in ref ? [ref] : []));
  const found = await findActorsByNameKind(ctx.db, byName);
  const created: ActorWrite[] = [];
  for (const ref of byName) {
    const key = nameKindKey(ref.name, ref.kind);
    if (found.has(key)) continue;
    const write: ActorWrite = {
      id: newId('actor'),
      kind: ref.kind,
      name: ref.name,
      names: {},
      description: {},
      variants: [],
      merged_into: null,
      is_demo: options.isDemo ?? false,
    };
    created.push(write);
    found.set(key, write.id);
  }
  if (created.length > 0) {
    await insertActors(ctx.db, created, ctx.now());
    for (const write of created) await auditActor(ctx, 'actor.create', write.id, null);
  }
  return refs.map((ref) =>
    'actor_id' in ref
      ? (survivors.get(ref.actor_id) ?? ref.actor_id)
      : (found.get(nameKindKey(ref.name, ref.kind)) ?? ''),
  );
}

const actorSnapshotSchema = z.object({
  kind: z.enum(actorKinds),
  name: z.string().min(1),
  names: localizedTextSchema.catch({}),
  description: localizedTextSchema.catch({}),
  variants: z.array(z.string().min(1)).catch([]),
  is_demo: z.boolean().catch(false),
});

/** Puts back the content an earlier revision recorded, as a new change. A merge stays as it is: split undoes it. */
export async function restoreActorRevision(
  ctx: ServiceContext,
  id: string,
  auditId: number,
): Promise<ActorView> {
  requireRoles(ctx, allRoles, 'edit actors');
  await inTransaction(ctx, async (tctx) => {
    const locked = await lockActor(tctx.db, id);
    if (!locked) throw new AppError('not_found', `no actor ${id}`);
    const snapshot = actorSnapshotSchema.safeParse(await revisionSnapshot(tctx.db, 'actor', id, auditId));
    if (!snapshot.success) throw new AppError('conflict', `revision ${auditId} cannot be restored`);
    const before = await actorRecord(tctx.db, id);
    await updateActorRow(tctx.db, { ...snapshot.data, id, merged_into: before.merged_into }, tctx.now());
    await auditActor(tctx, 'actor.restore', id, before);
  });
  return getActor(ctx, id);
}

export async function actorRecord(db: Db, id: string): Promise<ActorRecord> {
  const record = (await loadActorRecords(db, [id])).get(id);
  if (!record) throw new AppError('not_found', `no actor ${id}`);
  return record;
}

/** Writes the audit entry of a change to an actor, with the record as it is now as `after`. */
export async function auditActor(
  ctx: ServiceContext,
  action: string,
  id: string,
  before: ActorRecord | null,
) {
  const after = await actorRecord(ctx.db, id);
  await writeAudit(ctx.db, ctx, { action, entityType: 'actor', entityId: id, before, after });
}

export function writeOf(record: ActorRecord): ActorWrite {
  const { version: _version, ...write } = record;
  return write;
}

function round(score: number) {
  return Math.round(score * 1000) / 1000;
}
