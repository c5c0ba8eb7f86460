import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { RecordStatus, Role } from '../../db/types.ts';
import { writeAudit } from '../../lib/audit.ts';
import { assertCurrentVersion } from '../../lib/concurrency.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError, type Problem, problem, throwFirstProblem } from '../../lib/errors.ts';
import { newId, parseInput, recordIdPattern } from '../../lib/input.ts';
import { localizedTextSchema } from '../../lib/localized.ts';
import { monthStart, toStoredDate } from '../../lib/record-dates.ts';
import { actingRole, allRoles, editorRoles, requireRoles } from '../../lib/record-policy.ts';
import { loadReferenceData, type ReferenceData, regionProblem } from '../../lib/reference-data.ts';
import { revisionSnapshot } from '../../lib/revisions.ts';
import { inTransaction } from '../../lib/transaction.ts';
import { transition } from '../../lib/workflow.ts';
import { resolveActorRefs, toActorRef } from '../actors/index.ts';
import { existingCaseIds, type WorkflowAction } from '../cases/index.ts';
import {
  existingIncidentIds,
  insertIncidents,
  listIncidentIds,
  loadIncidentRecords,
  loadIncidentViews,
  lockIncident,
  setIncidentStatus,
  updateIncidentRow,
} from './incidents.repo.ts';
import {
  type IncidentFilters,
  type IncidentInput,
  type IncidentRecord,
  type IncidentUpdateInput,
  type IncidentView,
  type IncidentWrite,
  incidentFiltersSchema,
  incidentInputSchema,
  incidentUpdateSchema,
  type SourceInput,
  sourceSchema,
  visibilities,
} from './incidents.schemas.ts';

const label = 'incident';
const recorders: readonly Role[] = ['admin', 'editor', 'monitor'];

export async function getIncident(ctx: ServiceContext, id: string): Promise<IncidentView> {
  requireRoles(ctx, allRoles, 'read incidents');
  const view = (await loadIncidentViews(ctx.db, [id])).get(id);
  if (!view) throw new AppError('not_found', `no incident ${id}`);
  return view;
}

export async function listIncidents(ctx: ServiceContext, filters: IncidentFilters = {}) {
  requireRoles(ctx, allRoles, 'read incidents');
  const parsed = parseInput(incidentFiltersSchema, filters);
  const { mine, ...rest } = parsed;
  const { ids, total } = await listIncidentIds(ctx.db, {
    ...rest,
    ...(mine && ctx.user ? { createdBy: ctx.user.id } : {}),
  });
  const views = await loadIncidentViews(ctx.db, ids);
  return {
    items: ids.flatMap((id) => views.get(id) ?? []),
    total,
    page: parsed.page,
    page_size: parsed.page_size,
  };
}

/** A new incident starts as a draft; its status moves only through the workflow. */
export async function createIncident(ctx: ServiceContext, input: IncidentInput): Promise<IncidentView> {
  requireRoles(ctx, recorders, 'record incidents');
  const parsed = parseInput(incidentInputSchema, input);
  const id = await inTransaction(ctx, async (tctx) => {
    const id = parsed.id ?? newId('inc');
    if ((await existingIncidentIds(tctx.db, [id])).size > 0) {
      throw AppError.of('conflict', { key: 'incidentIdExists', params: { id } }, { field: 'id' });
    }
    const stored = toStoredDate(parsed.date);
    const write: IncidentWrite = {
      ...parsed,
      id,
      date: stored.date,
      date_precision: stored.precision,
      counted_in: parsed.counted_in ? `${parsed.counted_in}-01` : monthStart(parsed.date),
      status: 'draft',
      victims: await resolveVictims(tctx, parsed.victims, parsed.is_demo),
      perpetrators: await resolveActorRefs(tctx, parsed.perpetrators.map(toActorRef), {
        isDemo: parsed.is_demo,
      }),
      sources: parsed.sources.map(normalizeSource),
    };
    await assertValid(tctx.db, write);
    await insertIncidents(tctx.db, [write], { now: tctx.now(), createdBy: tctx.user?.id ?? null });
    await auditIncident(tctx, 'incident.create', id, null);
    return id;
  });
  return getIncident(ctx, id);
}

export async function updateIncident(ctx: ServiceContext, input: IncidentUpdateInput): Promise<IncidentView> {
  const role = requireRoles(ctx, recorders, 'edit incidents');
  const parsed = parseInput(incidentUpdateSchema, input);
  await inTransaction(ctx, async (tctx) => {
    const locked = await lockIncident(tctx.db, parsed.id);
    if (!locked) throw new AppError('not_found', `no incident ${parsed.id}`);
    assertMayEdit(role, locked.status);
    await assertCurrentVersion(
      tctx.db,
      { type: 'incident', id: parsed.id, label },
      locked.version,
      parsed.version,
    );
    const before = await incidentRecord(tctx.db, parsed.id);
    const { version: _v, id: _id, date, counted_in, victims, perpetrators, sources, ...changes } = parsed;
    const base = incidentWriteOf(before);
    const stored = date === undefined ? null : toStoredDate(date);
    const write: IncidentWrite = {
      ...base,
      ...changes,
      ...(stored ? { date: stored.date, date_precision: stored.precision } : {}),
      counted_in: countedInAfterUpdate(before, date, counted_in),
      victims: victims ? await resolveVictims(tctx, victims, before.is_demo) : base.victims,
      perpetrators: perpetrators
        ? await resolveActorRefs(tctx, perpetrators.map(toActorRef), { isDemo: before.is_demo })
        : base.perpetrators,
      sources: sources ? sources.map(normalizeSource) : base.sources,
    };
    await assertValid(tctx.db, write);
    await updateIncidentRow(tctx.db, write, tctx.now());
    await auditIncident(tctx, 'incident.update', parsed.id, before);
  });
  return getIncident(ctx, parsed.id);
}

/**
 * The counting month follows the date when it was the date's month (the default), and stays when
 * an editor set it apart (an incident reported a month late counts in the month it was reported).
 */
function countedInAfterUpdate(
  before: IncidentRecord,
  date: string | undefined,
  countedIn: string | null | undefined,
) {
  if (countedIn) return `${countedIn}-01`;
  const newDate = date ?? before.date;
  if (countedIn === null || before.counted_in === before.date.slice(0, 7)) return monthStart(newDate);
  return `${before.counted_in}-01`;
}

/** Moves an incident through the workflow (submit, return, publish, unpublish, archive, restore). */
export async function changeIncidentStatus(
  ctx: ServiceContext,
  id: string,
  action: WorkflowAction,
): Promise<IncidentView> {
  const role = actingRole(ctx);
  await inTransaction(ctx, async (tctx) => {
    const locked = await lockIncident(tctx.db, id);
    if (!locked) throw new AppError('not_found', `no incident ${id}`);
    // A monitor (or a lawyer, for cases) may only move records they created themselves.
    const next = transition(locked.status, action, role, {
      kind: 'incident',
      isAuthor: ctx.user !== null && locked.created_by === ctx.user.id,
    });
    const before = await incidentRecord(tctx.db, id);
    await setIncidentStatus(tctx.db, id, next, tctx.now());
    await auditIncident(tctx, 'incident.transition', id, before);
  });
  return getIncident(ctx, id);
}

export type LinkInput =
  | { incident_id: string; case_id: string }
  | { incident_id: string; linked_incident_id: string };

const linkSchema = z.union([
  z.strictObject({
    incident_id: z.string().regex(recordIdPattern),
    case_id: z.string().regex(recordIdPattern),
  }),
  z.strictObject({
    incident_id: z.string().regex(recordIdPattern),
    linked_incident_id: z.string().regex(recordIdPattern),
  }),
]);

/**
 * Links an incident to a legal case, or to another incident. Linking is open to every role (a
 * lawyer links the reports of a case), is audited on the incident, and does nothing when the link
 * exists already.
 */
export async function linkRecords(ctx: ServiceContext, input: LinkInput): Promise<IncidentView> {
  return changeLinks(ctx, input, 'add');
}

export async function unlinkRecords(ctx: ServiceContext, input: LinkInput): Promise<IncidentView> {
  return changeLinks(ctx, input, 'remove');
}

async function changeLinks(ctx: ServiceContext, input: LinkInput, change: 'add' | 'remove') {
  requireRoles(ctx, allRoles, 'link records');
  const parsed = parseInput(linkSchema, input);
  if ('linked_incident_id' in parsed && parsed.linked_incident_id === parsed.incident_id) {
    throw AppError.of('validation_failed', { key: 'linkToItself' }, { field: 'linked_incident_id' });
  }
  await inTransaction(ctx, async (tctx) => {
    const locked = await lockIncident(tctx.db, parsed.incident_id);
    if (!locked) throw new AppError('not_found', `no incident ${parsed.incident_id}`);
    const before = await incidentRecord(tctx.db, parsed.incident_id);
    const isCase = 'case_id' in parsed;
    const target = isCase ? parsed.case_id : parsed.linked_incident_id;
    const current = isCase ? before.cases : before.links;
    const next =
      change === 'add' ? [...new Set([...current, target])].sort() : current.filter((id) => id !== target);
    if (next.length === current.length) return;
    const write: IncidentWrite = {
      ...incidentWriteOf(before),
      ...(isCase ? { cases: next } : { links: next }),
    };
    await assertValid(tctx.db, write);
    await updateIncidentRow(tctx.db, write, tctx.now());
    await auditIncident(
      tctx,
      change === 'add' ? 'incident.link' : 'incident.unlink',
      parsed.incident_id,
      before,
    );
  });
  return getIncident(ctx, parsed.incident_id);
}

const incidentSnapshotSchema = z.object({
  date: z.string(),
  counted_in: z.string(),
  region: z.string().nullable(),
  locality: z.string().nullable(),
  categories: z.array(z.string()),
  victims: z.array(z.object({ actor_id: z.string(), anonymous: z.boolean() })),
  perpetrators: z.array(z.object({ actor_id: z.string() })),
  legal_articles: z.array(z.string()),
  sources: z.array(sourceSchema),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  visibility: z.enum(visibilities),
  correspondent: z.string().nullable(),
  editorial_note: z.string().nullable(),
  cases: z.array(z.string()),
  links: z.array(z.string()),
  is_demo: z.boolean(),
});

/**
 * Puts back the content an earlier revision recorded, as a new change (audited, version moved on).
 * The status stays: it moves only through the workflow. Actors merged since follow the merge.
 */
export async function restoreIncidentRevision(ctx: ServiceContext, id: string, auditId: number) {
  const role = requireRoles(ctx, recorders, 'edit incidents');
  await inTransaction(ctx, async (tctx) => {
    const locked = await lockIncident(tctx.db, id);
    if (!locked) throw new AppError('not_found', `no incident ${id}`);
    assertMayEdit(role, locked.status);
    const parsed = incidentSnapshotSchema.safeParse(await revisionSnapshot(tctx.db, 'incident', id, auditId));
    if (!parsed.success)
      throw new AppError('conflict', `revision ${auditId} of incident ${id} cannot be restored`);
    const snapshot = parsed.data;
    const before = await incidentRecord(tctx.db, id);
    const stored = toStoredDate(snapshot.date);
    const victimIds = await resolveActorRefs(
      tctx,
      snapshot.victims.map((victim) => ({ actor_id: victim.actor_id })),
    );
    const write: IncidentWrite = {
      ...snapshot,
      id,
      date: stored.date,
      date_precision: stored.precision,
      counted_in: `${snapshot.counted_in}-01`,
      status: before.status,
      victims: snapshot.victims.map((victim, index) => ({
        actor_id: victimIds[index] ?? victim.actor_id,
        anonymous: victim.anonymous,
      })),
      perpetrators: await resolveActorRefs(tctx, snapshot.perpetrators),
      sources: snapshot.sources.map(normalizeSource),
    };
    await assertValid(tctx.db, write);
    await updateIncidentRow(tctx.db, write, tctx.now());
    await auditIncident(tctx, 'incident.restore', id, before);
  });
  return getIncident(ctx, id);
}

/** Monitors keep drafts and records under review; a published or archived incident is for editors. */
function assertMayEdit(role: Role, status: RecordStatus) {
  if ((status === 'published' || status === 'archived') && !editorRoles.includes(role)) {
    throw new AppError(
      'forbidden',
      `a ${status} incident is changed by an editor; ask an editor to return it to review`,
    );
  }
}

async function resolveVictims(
  ctx: ServiceContext,
  victims: ReadonlyArray<Parameters<typeof toActorRef>[0] & { anonymous: boolean }>,
  isDemo: boolean,
) {
  const ids = await resolveActorRefs(ctx, victims.map(toActorRef), { isDemo });
  return victims.map((victim, index) => ({ actor_id: ids[index] ?? '', anonymous: victim.anonymous }));
}

export function normalizeSource(source: SourceInput | z.output<typeof sourceSchema>) {
  return {
    url: source.url ?? null,
    outlet: source.outlet ?? null,
    title: source.title ?? null,
    correspondent: source.correspondent ?? null,
    confidential: source.confidential ?? false,
    note: source.note ?? null,
  };
}

async function assertValid(db: Db, write: IncidentWrite) {
  const reference = await loadReferenceData(db);
  const [cases, incidents] = await Promise.all([
    existingCaseIds(db, write.cases),
    existingIncidentIds(db, write.links),
  ]);
  throwFirstProblem(incidentProblems(reference, write, { cases, incidents }));
}

function lastDayOfMonth(day: string) {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * What is wrong with an incident's references, field by field: categories (rights, information or
 * context; legal codes belong to cases), legal articles, the region on the incident's date, the
 * counting month, repeated actors, and the cases and incidents it links to (`known` holds the ids
 * that exist).
 */
export function incidentProblems(
  reference: ReferenceData,
  write: IncidentWrite,
  known: { cases: ReadonlySet<string>; incidents: ReadonlySet<string> },
): Problem[] {
  const problems: Problem[] = [];
  write.categories.forEach((code, index) => {
    const category = reference.categories.get(code);
    if (!category) problems.push(problem(`categories.${index}`, 'unknownCategory', { code }));
    else if (category.group === 'legal') {
      problems.push(problem(`categories.${index}`, 'legalCodeOnIncident', { code }));
    }
  });
  if (new Set(write.categories).size !== write.categories.length) {
    problems.push(problem('categories', 'categoryListedTwice'));
  }
  write.legal_articles.forEach((code, index) => {
    if (!reference.articles.has(code)) {
      problems.push(problem(`legal_articles.${index}`, 'unknownArticle', { code }));
    }
  });
  if (new Set(write.legal_articles).size !== write.legal_articles.length) {
    problems.push(problem('legal_articles', 'articleListedTwice'));
  }
  const last = write.date_precision === 'month' ? lastDayOfMonth(write.date) : write.date;
  if (write.region !== null) {
    const wrongRegion = regionProblem(reference, write.region, { first: write.date, last });
    if (wrongRegion) problems.push(problem('region', wrongRegion.key, wrongRegion.params));
  }
  if (write.counted_in < monthStart(write.date)) {
    problems.push(problem('counted_in', 'countedBeforeDate'));
  }
  const victims = write.victims.map((victim) => victim.actor_id);
  victims.forEach((id, index) => {
    if (victims.indexOf(id) !== index) problems.push(problem(`victims.${index}`, 'victimListedTwice'));
  });
  write.perpetrators.forEach((id, index) => {
    if (write.perpetrators.indexOf(id) !== index) {
      problems.push(problem(`perpetrators.${index}`, 'perpetratorListedTwice'));
    }
  });
  write.cases.forEach((id, index) => {
    if (!known.cases.has(id)) problems.push(problem(`cases.${index}`, 'noCase', { id }));
  });
  write.links.forEach((id, index) => {
    if (id === write.id) problems.push(problem(`links.${index}`, 'linkToItself'));
    else if (!known.incidents.has(id)) problems.push(problem(`links.${index}`, 'noIncident', { id }));
  });
  return problems;
}

export async function incidentRecord(db: Db, id: string): Promise<IncidentRecord> {
  const record = (await loadIncidentRecords(db, [id])).get(id);
  if (!record) throw new AppError('not_found', `no incident ${id}`);
  return record;
}

/** Writes the audit entry of a change to an incident, with the record as it is now as `after`. */
export async function auditIncident(
  ctx: ServiceContext,
  action: string,
  id: string,
  before: IncidentRecord | null,
) {
  const after = await incidentRecord(ctx.db, id);
  await writeAudit(ctx.db, ctx, { action, entityType: 'incident', entityId: id, before, after });
}

export function incidentWriteOf(record: IncidentRecord): IncidentWrite {
  const stored = toStoredDate(record.date);
  return {
    id: record.id,
    date: stored.date,
    date_precision: stored.precision,
    counted_in: `${record.counted_in}-01`,
    region: record.region,
    locality: record.locality,
    title: record.title,
    summary: record.summary,
    status: record.status,
    visibility: record.visibility,
    correspondent: record.correspondent,
    editorial_note: record.editorial_note,
    is_demo: record.is_demo,
    categories: record.categories,
    victims: record.victims.map((victim) => ({ actor_id: victim.actor_id, anonymous: victim.anonymous })),
    perpetrators: record.perpetrators.map((perpetrator) => perpetrator.actor_id),
    legal_articles: record.legal_articles,
    sources: record.sources,
    cases: record.cases,
    links: record.links,
  };
}
