import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { RecordStatus } from '../../db/types.ts';
import { writeAudit } from '../../lib/audit.ts';
import { assertCurrentVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError, type Problem, problem, throwFirstProblem } from '../../lib/errors.ts';

export type { Problem };

import { newId, parseInput } from '../../lib/input.ts';
import { localizedTextSchema, normalizeLocalized } from '../../lib/localized.ts';
import { actingRole, allRoles, editorRoles, requireRoles } from '../../lib/record-policy.ts';
import { loadReferenceData, type ReferenceData } from '../../lib/reference-data.ts';
import { revisionSnapshot } from '../../lib/revisions.ts';
import { inTransaction } from '../../lib/transaction.ts';
import { transition } from '../../lib/workflow.ts';
import { resolveActorRefs, toActorRef } from '../actors/index.ts';
import {
  existingCaseIds,
  insertCases,
  listCaseIds,
  loadCaseRecords,
  loadCaseViews,
  lockCase,
  setCaseStatus,
  updateCaseRow,
} from './cases.repo.ts';
import {
  type CaseEvent,
  type CaseEventInput,
  type CaseFilters,
  type CaseInput,
  type CaseRecord,
  type CaseUpdateInput,
  type CaseView,
  type CaseWrite,
  caseEventSchema,
  caseFiltersSchema,
  caseInputSchema,
  caseKinds,
  caseUpdateSchema,
  outcomes,
  type PartyRole,
  partyRoles,
  type WorkflowAction,
} from './cases.schemas.ts';

const label = 'case';

export async function getCase(ctx: ServiceContext, id: string): Promise<CaseView> {
  requireRoles(ctx, allRoles, 'read cases');
  const reference = await loadReferenceData(ctx.db);
  const view = (await loadCaseViews(ctx.db, [id], reference)).get(id);
  if (!view) throw new AppError('not_found', `no case ${id}`);
  return view;
}

export async function listCases(ctx: ServiceContext, filters: CaseFilters = {}) {
  requireRoles(ctx, allRoles, 'read cases');
  const parsed = parseInput(caseFiltersSchema, filters);
  const { mine, ...rest } = parsed;
  const { ids, total } = await listCaseIds(ctx.db, {
    ...rest,
    ...(mine && ctx.user ? { createdBy: ctx.user.id } : {}),
  });
  const reference = await loadReferenceData(ctx.db);
  const views = await loadCaseViews(ctx.db, ids, reference);
  return {
    items: ids.flatMap((id) => views.get(id) ?? []),
    total,
    page: parsed.page,
    page_size: parsed.page_size,
  };
}

/** A new case starts as a draft; its status moves only through the workflow. */
export async function createCase(ctx: ServiceContext, input: CaseInput): Promise<CaseView> {
  requireRoles(ctx, allRoles, 'create cases');
  const parsed = parseInput(caseInputSchema, input);
  const id = await inTransaction(ctx, async (tctx) => {
    const id = parsed.id ?? newId('case');
    if ((await existingCaseIds(tctx.db, [id])).size > 0) {
      throw AppError.of('conflict', { key: 'caseIdExists', params: { id } }, { field: 'id' });
    }
    const write: CaseWrite = {
      ...parsed,
      id,
      status: 'draft',
      parties: await resolveParties(tctx, parsed.parties, parsed.is_demo),
      events: normalizeEvents(parsed.events),
    };
    throwFirstProblem(caseProblems(await loadReferenceData(tctx.db), write));
    await insertCases(tctx.db, [write], { now: tctx.now(), createdBy: tctx.user?.id ?? null });
    await auditCase(tctx, 'case.create', id, null);
    return id;
  });
  return getCase(ctx, id);
}

export async function updateCase(ctx: ServiceContext, input: CaseUpdateInput): Promise<CaseView> {
  const role = requireRoles(ctx, allRoles, 'edit cases');
  const parsed = parseInput(caseUpdateSchema, input);
  await inTransaction(ctx, async (tctx) => {
    const locked = await lockCase(tctx.db, parsed.id);
    if (!locked) throw new AppError('not_found', `no case ${parsed.id}`);
    assertMayEdit(role, locked.status);
    await assertCurrentVersion(
      tctx.db,
      { type: 'case', id: parsed.id, label },
      locked.version,
      parsed.version,
    );
    const before = await caseRecord(tctx.db, parsed.id);
    const { version: _version, id: _id, parties, events, ...changes } = parsed;
    const write: CaseWrite = {
      ...caseWriteOf(before),
      ...changes,
      ...(parties ? { parties: await resolveParties(tctx, parties, before.is_demo) } : {}),
      ...(events ? { events: normalizeEvents(events) } : {}),
    };
    throwFirstProblem(caseProblems(await loadReferenceData(tctx.db), write));
    await updateCaseRow(tctx.db, write, tctx.now());
    await auditCase(tctx, 'case.update', parsed.id, before);
  });
  return getCase(ctx, parsed.id);
}

/** Moves a case through the workflow (submit, return, publish, unpublish, archive, restore). */
export async function changeCaseStatus(
  ctx: ServiceContext,
  id: string,
  action: WorkflowAction,
): Promise<CaseView> {
  const role = actingRole(ctx);
  await inTransaction(ctx, async (tctx) => {
    const locked = await lockCase(tctx.db, id);
    if (!locked) throw new AppError('not_found', `no case ${id}`);
    // A monitor (or a lawyer, for cases) may only move records they created themselves.
    const next = transition(locked.status, action, role, {
      kind: 'case',
      isAuthor: ctx.user !== null && locked.created_by === ctx.user.id,
    });
    const before = await caseRecord(tctx.db, id);
    await setCaseStatus(tctx.db, id, next, tctx.now());
    await auditCase(tctx, 'case.transition', id, before);
  });
  return getCase(ctx, id);
}

const caseSnapshotSchema = z.object({
  kind: z.enum(caseKinds),
  subjects: z.array(z.string()),
  legal_articles: z.array(z.string()),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  region: z.string().nullable(),
  court: z.string().nullable(),
  claim_non_pecuniary: z.number().nullable(),
  claim_other: z.number().nullable(),
  outcome: z.enum(outcomes),
  editorial_note: z.string().nullable(),
  is_demo: z.boolean(),
  parties: z.array(z.object({ actor_id: z.string(), role: z.enum(partyRoles) })),
  events: z.array(caseEventSchema),
});

/**
 * Puts back the content an earlier revision recorded, as a new change (audited, version moved on).
 * The status stays: it moves only through the workflow. Parties whose actor was merged since
 * follow the merge to the survivor.
 */
export async function restoreCaseRevision(
  ctx: ServiceContext,
  id: string,
  auditId: number,
): Promise<CaseView> {
  const role = requireRoles(ctx, allRoles, 'edit cases');
  await inTransaction(ctx, async (tctx) => {
    const locked = await lockCase(tctx.db, id);
    if (!locked) throw new AppError('not_found', `no case ${id}`);
    assertMayEdit(role, locked.status);
    const parsed = caseSnapshotSchema.safeParse(await revisionSnapshot(tctx.db, 'case', id, auditId));
    if (!parsed.success)
      throw new AppError('conflict', `revision ${auditId} of case ${id} cannot be restored`);
    const before = await caseRecord(tctx.db, id);
    const snapshot = parsed.data;
    const write: CaseWrite = {
      ...snapshot,
      id,
      status: before.status,
      parties: await resolveParties(tctx, snapshot.parties, snapshot.is_demo),
      events: normalizeEvents(snapshot.events),
    };
    throwFirstProblem(caseProblems(await loadReferenceData(tctx.db), write));
    await updateCaseRow(tctx.db, write, tctx.now());
    await auditCase(tctx, 'case.restore', id, before);
  });
  return getCase(ctx, id);
}

/** Monitors and lawyers keep the timelines of running cases; an archived case is for editors. */
function assertMayEdit(role: ReturnType<typeof actingRole>, status: RecordStatus) {
  if (status === 'archived' && !editorRoles.includes(role)) {
    throw new AppError(
      'forbidden',
      'an archived case is changed by an editor; ask an editor to restore it first',
    );
  }
}

type PartyRef = Parameters<typeof toActorRef>[0] & { role: PartyRole };

async function resolveParties(ctx: ServiceContext, parties: readonly PartyRef[], isDemo: boolean) {
  const ids = await resolveActorRefs(ctx, parties.map(toActorRef), { isDemo });
  return parties.map((party, index) => ({ actor_id: ids[index] ?? '', role: party.role }));
}

/** Events with every optional field present, in the order given (the repository sorts the timeline). */
export function normalizeEvents(
  events: ReadonlyArray<z.output<typeof caseEventSchema> | CaseEventInput>,
): CaseEvent[] {
  return events.map((event) => ({
    date: event.date,
    kind: event.kind,
    instance: event.instance ?? null,
    outcome: event.outcome ?? null,
    awarded: event.awarded ?? null,
    collected: event.collected ?? null,
    fine_tenge: event.fine_tenge ?? null,
    fine_mci: event.fine_mci ?? null,
    bail: event.bail ?? null,
    articles: [...(event.articles ?? [])],
    court: event.court ?? null,
    note: normalizeLocalized(event.note),
  }));
}

/** What is wrong with a case's references (taxonomy, articles, region, parties), field by field. */
export function caseProblems(reference: ReferenceData, write: CaseWrite): Problem[] {
  const problems: Problem[] = [];
  write.subjects.forEach((code, index) => {
    const category = reference.categories.get(code);
    if (!category) problems.push(problem(`subjects.${index}`, 'unknownCategory', { code }));
    else if (category.group !== 'legal' || category.legalRole !== 'subject') {
      problems.push(problem(`subjects.${index}`, 'notALegalSubject', { code }));
    } else if (category.legalKind !== write.kind) {
      problems.push(
        problem(`subjects.${index}`, 'subjectOfOtherKind', {
          code,
          kind: category.legalKind ?? '',
          expected: write.kind,
        }),
      );
    }
  });
  if (new Set(write.subjects).size !== write.subjects.length) {
    problems.push(problem('subjects', 'subjectListedTwice'));
  }
  write.legal_articles.forEach((code, index) => {
    if (!reference.articles.has(code))
      problems.push(problem(`legal_articles.${index}`, 'unknownArticle', { code }));
  });
  if (new Set(write.legal_articles).size !== write.legal_articles.length) {
    problems.push(problem('legal_articles', 'articleListedTwice'));
  }
  write.events.forEach((event, index) => {
    event.articles.forEach((code, position) => {
      if (!reference.articles.has(code)) {
        problems.push(problem(`events.${index}.articles.${position}`, 'unknownArticle', { code }));
      }
    });
  });
  if (write.region !== null && !reference.regions.has(write.region)) {
    problems.push(problem('region', 'unknownRegion', { code: write.region }));
  }
  const seen = new Set<string>();
  write.parties.forEach((party, index) => {
    const key = `${party.actor_id}/${party.role}`;
    if (seen.has(key)) problems.push(problem(`parties.${index}`, 'partyListedTwice'));
    seen.add(key);
  });
  if (write.events.length === 0) problems.push(problem('events', 'caseNeedsEvent'));
  return problems;
}

export async function caseRecord(db: Db, id: string): Promise<CaseRecord> {
  const record = (await loadCaseRecords(db, [id])).get(id);
  if (!record) throw new AppError('not_found', `no case ${id}`);
  return record;
}

/** Writes the audit entry of a change to a case, with the record as it is now as `after`. */
export async function auditCase(ctx: ServiceContext, action: string, id: string, before: CaseRecord | null) {
  const after = await caseRecord(ctx.db, id);
  await writeAudit(ctx.db, ctx, { action, entityType: 'case', entityId: id, before, after });
}

export function caseWriteOf(record: CaseRecord): CaseWrite {
  const { version: _version, parties, ...rest } = record;
  return { ...rest, parties: parties.map((party) => ({ actor_id: party.actor_id, role: party.role })) };
}
