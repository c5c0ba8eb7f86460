import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { chunked, unique } from '../../lib/batch.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { describeIssue, newId } from '../../lib/input.ts';
import { monthStart, toStoredDate } from '../../lib/record-dates.ts';
import { loadReferenceData } from '../../lib/reference-data.ts';
import { inTransaction } from '../../lib/transaction.ts';
import {
  type ActorWrite,
  existingActorIds,
  findActorsByNameKind,
  insertActors,
  loadActorRecords,
  resolveSurvivors,
  updateActorRow,
} from '../actors/index.ts';
import {
  type CaseWrite,
  caseProblems,
  caseWriteOf,
  existingCaseIds,
  insertCases,
  loadCaseRecords,
  normalizeEvents,
  sortEvents,
  updateCaseRow,
} from '../cases/index.ts';
import {
  existingIncidentIds,
  type IncidentWrite,
  incidentProblems,
  incidentWriteOf,
  insertIncidents,
  loadIncidentRecords,
  normalizeSource,
  updateIncidentRow,
} from '../incidents/index.ts';
import {
  type actorLineSchema,
  type caseLineSchema,
  type incidentLineSchema,
  lineSchemas,
} from './interchange.schemas.ts';

type ActorLineOut = z.output<typeof actorLineSchema>;
type CaseLineOut = z.output<typeof caseLineSchema>;
type IncidentLineOut = z.output<typeof incidentLineSchema>;
type Located<T> = { line: number; value: T };

export type ParsedInterchange = {
  file: string;
  lines: number;
  actors: Array<Located<ActorLineOut>>;
  cases: Array<Located<CaseLineOut>>;
  incidents: Array<Located<IncidentLineOut>>;
  /** The line of each type and id seen so far, to refuse a record given twice. */
  seen: Map<string, number>;
};

export type ImportCounts = { created: number; updated: number; unchanged: number };
export type ImportReport = {
  file: string;
  lines: number;
  actors: ImportCounts & { mentioned: number };
  cases: ImportCounts;
  incidents: ImportCounts;
  ms: number;
};

/** One error naming the file, the line and the field, as `file:line:field: message`. */
export function lineError(file: string, line: number, field: string, message: string): AppError {
  const where = field ? `${file}:${line}:${field}` : `${file}:${line}`;
  return new AppError('validation_failed', `${where}: ${message}`, { field: where });
}

/** Parses interchange text (JSON Lines), stopping at the first bad line. Blank lines are skipped. */
export function parseInterchange(text: string, file: string): ParsedInterchange {
  const parsed: ParsedInterchange = { file, lines: 0, actors: [], cases: [], incidents: [], seen: new Map() };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw lineError(file, index + 1, '', `not valid JSON (${reason})`);
    }
    addObject(parsed, value, index + 1);
  });
  parsed.lines = lines.length;
  return parsed;
}

/** The same checks for records given as objects (the demo data set), numbered from 1. */
export function parseInterchangeObjects(objects: readonly unknown[], file: string): ParsedInterchange {
  const parsed: ParsedInterchange = {
    file,
    lines: objects.length,
    actors: [],
    cases: [],
    incidents: [],
    seen: new Map(),
  };
  for (const [index, value] of objects.entries()) addObject(parsed, value, index + 1);
  return parsed;
}

function addObject(parsed: ParsedInterchange, value: unknown, line: number) {
  const { file } = parsed;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw lineError(file, line, '', 'each line must be one JSON object');
  }
  const type = 'type' in value ? value.type : undefined;
  if (type === undefined) throw lineError(file, line, 'type', 'required (incident, case or actor)');
  if (type !== 'incident' && type !== 'case' && type !== 'actor') {
    throw lineError(
      file,
      line,
      'type',
      `unknown record type ${JSON.stringify(type)} (incident, case or actor)`,
    );
  }
  const result = lineSchemas[type].safeParse(value);
  if (!result.success) {
    const { field, message } = describeIssue(result.error);
    throw lineError(file, line, field, message);
  }
  const data = result.data;
  const key = `${data.type}\u0000${data.id}`;
  const first = parsed.seen.get(key);
  if (first !== undefined)
    throw lineError(file, line, 'id', `the ${type} ${data.id} is already on line ${first}`);
  parsed.seen.set(key, line);
  if (data.type === 'actor') parsed.actors.push({ line, value: data });
  else if (data.type === 'case') parsed.cases.push({ line, value: data });
  else parsed.incidents.push({ line, value: data });
}

export async function importFile(ctx: ServiceContext, filePath: string): Promise<ImportReport> {
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new AppError('bad_request', `${filePath}: cannot read the file (${reason})`, { field: filePath });
  }
  return importParsed(ctx, parseInterchange(text, path.basename(filePath)));
}

/**
 * Imports parsed records in one transaction, idempotent by id: a record equal to the stored one is
 * left alone (no write, no audit entry), a changed one is rewritten as a whole and audited, a new
 * one is inserted in batches. Any bad reference stops the import with its line, and nothing stays.
 */
export async function importParsed(ctx: ServiceContext, parsed: ParsedInterchange): Promise<ImportReport> {
  const started = performance.now();
  const report = await inTransaction(ctx, async (tctx) => runImport(tctx, parsed));
  return { ...report, ms: Math.round(performance.now() - started) };
}

/** JSON with sorted keys, so that equal records compare equal whatever order their fields came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

type AuditRow = { action: string; entityType: 'incident' | 'case' | 'actor'; id: string; before: unknown };

async function runImport(ctx: ServiceContext, parsed: ParsedInterchange): Promise<Omit<ImportReport, 'ms'>> {
  const { db } = ctx;
  const now = ctx.now();
  const { file } = parsed;
  const reference = await loadReferenceData(db);
  const audits: AuditRow[] = [];
  const report: Omit<ImportReport, 'ms'> = {
    file,
    lines: parsed.lines,
    actors: { created: 0, updated: 0, unchanged: 0, mentioned: 0 },
    cases: { created: 0, updated: 0, unchanged: 0 },
    incidents: { created: 0, updated: 0, unchanged: 0 },
  };

  // Actors given as records of their own.
  const fileActorIds = new Set(parsed.actors.map((entry) => entry.value.id));
  const targets = await existingActorIds(
    db,
    parsed.actors.flatMap((entry) => (entry.value.merged_into ? [entry.value.merged_into] : [])),
  );
  for (const { line, value } of parsed.actors) {
    if (value.merged_into === undefined) continue;
    if (value.merged_into === value.id)
      throw lineError(file, line, 'merged_into', 'an actor cannot be merged into itself');
    if (!fileActorIds.has(value.merged_into) && !targets.has(value.merged_into)) {
      throw lineError(file, line, 'merged_into', `no actor ${value.merged_into}`);
    }
  }
  const storedActors = await loadActorRecords(db, [...fileActorIds]);
  const newActors: ActorWrite[] = [];
  const changedActors: ActorWrite[] = [];
  for (const { value } of parsed.actors) {
    const names = value.names ?? {};
    const known = new Set([value.name, ...Object.values(names)]);
    const write: ActorWrite = {
      id: value.id,
      kind: value.kind,
      name: value.name,
      names,
      description: value.description ?? {},
      variants: unique((value.variants ?? []).filter((variant) => !known.has(variant))),
      merged_into: value.merged_into ?? null,
      is_demo: value.demo ?? false,
    };
    const stored = storedActors.get(value.id);
    if (!stored) newActors.push(write);
    else {
      const { version: _version, ...storedWrite } = stored;
      if (canonical(storedWrite) === canonical(write)) report.actors.unchanged++;
      else {
        changedActors.push(write);
        audits.push({ action: 'actor.import', entityType: 'actor', id: write.id, before: stored });
      }
    }
  }
  await insertActors(db, newActors, now);
  for (const write of changedActors) await updateActorRow(db, write, now);
  for (const write of newActors)
    audits.push({ action: 'actor.import', entityType: 'actor', id: write.id, before: null });
  report.actors.created = newActors.length;
  report.actors.updated = changedActors.length;

  // Actors named by incidents and cases: by id, else by exact name and kind, else created.
  const mentions = [
    ...parsed.cases.flatMap(({ value }) =>
      (value.parties ?? []).map((m) => ({ ...m, demo: value.demo ?? false })),
    ),
    ...parsed.incidents.flatMap(({ value }) =>
      [...(value.victims ?? []), ...(value.perpetrators ?? [])].map((m) => ({
        ...m,
        demo: value.demo ?? false,
      })),
    ),
  ];
  const mentionedIds = unique(mentions.flatMap((m) => (m.actor ? [m.actor] : [])));
  const presentIds = await existingActorIds(db, mentionedIds);
  const byName = await findActorsByNameKind(
    db,
    mentions.filter((m) => !m.actor),
  );
  const created: ActorWrite[] = [];
  const nameKey = (name: string, kind: string) => `${kind}\u0000${name}`;
  for (const mention of mentions) {
    const blank = { names: {}, description: {}, variants: [], merged_into: null, is_demo: mention.demo };
    if (mention.actor) {
      if (presentIds.has(mention.actor)) continue;
      presentIds.add(mention.actor);
      created.push({ ...blank, id: mention.actor, kind: mention.kind, name: mention.name });
    } else if (!byName.has(nameKey(mention.name, mention.kind))) {
      const id = newId('actor');
      byName.set(nameKey(mention.name, mention.kind), id);
      created.push({ ...blank, id, kind: mention.kind, name: mention.name });
    }
  }
  await insertActors(db, created, now);
  for (const write of created)
    audits.push({ action: 'actor.create', entityType: 'actor', id: write.id, before: null });
  report.actors.mentioned = created.length;
  const survivors = await resolveSurvivors(db, mentionedIds);
  const actorOf = (mention: { name: string; kind: string; actor?: string | undefined }) =>
    mention.actor
      ? (survivors.get(mention.actor) ?? mention.actor)
      : (byName.get(nameKey(mention.name, mention.kind)) ?? '');

  // Cases.
  const caseWrites = parsed.cases.map(({ line, value }) => {
    const write: CaseWrite = {
      id: value.id,
      kind: value.kind,
      title: value.title ?? {},
      summary: value.summary ?? {},
      region: value.region ?? null,
      court: value.court ?? null,
      claim_non_pecuniary: value.claim_non_pecuniary ?? null,
      claim_other: value.claim_other ?? null,
      outcome: value.outcome ?? 'pending',
      status: value.status,
      editorial_note: value.editorial_note ?? null,
      is_demo: value.demo ?? false,
      subjects: value.subjects ?? [],
      legal_articles: value.legal_articles ?? [],
      parties: (value.parties ?? []).map((party) => ({ actor_id: actorOf(party), role: party.role })),
      events: normalizeEvents(value.events),
    };
    const problem = caseProblems(reference, write)[0];
    if (problem) throw lineError(file, line, problem.field, problem.message);
    return { ...write, events: sortEvents(write.events) };
  });
  const storedCases = await loadCaseRecords(
    db,
    caseWrites.map((write) => write.id),
  );
  const newCases: CaseWrite[] = [];
  const changedCases: CaseWrite[] = [];
  for (const write of caseWrites) {
    const stored = storedCases.get(write.id);
    if (!stored) newCases.push(write);
    else if (canonical(comparableCase(caseWriteOf(stored))) === canonical(comparableCase(write)))
      report.cases.unchanged++;
    else {
      changedCases.push(write);
      audits.push({ action: 'case.import', entityType: 'case', id: write.id, before: stored });
    }
  }
  await insertCases(db, newCases, { now, createdBy: ctx.user?.id ?? null });
  for (const write of changedCases) await updateCaseRow(db, write, now);
  for (const write of newCases)
    audits.push({ action: 'case.import', entityType: 'case', id: write.id, before: null });
  report.cases.created = newCases.length;
  report.cases.updated = changedCases.length;

  // Incidents.
  const fileIncidentIds = new Set(parsed.incidents.map((entry) => entry.value.id));
  const fileCaseIds = new Set(parsed.cases.map((entry) => entry.value.id));
  const referencedCases = await existingCaseIds(
    db,
    parsed.incidents.flatMap(({ value }) => value.cases ?? []),
  );
  const referencedIncidents = await existingIncidentIds(
    db,
    parsed.incidents.flatMap(({ value }) => value.links ?? []),
  );
  const known = {
    cases: new Set([...fileCaseIds, ...referencedCases]),
    incidents: new Set([...fileIncidentIds, ...referencedIncidents]),
  };
  const incidentWrites = parsed.incidents.map(({ line, value }) => {
    const stored = toStoredDate(value.date);
    const write: IncidentWrite = {
      id: value.id,
      date: stored.date,
      date_precision: stored.precision,
      counted_in: value.counted_in ? `${value.counted_in}-01` : monthStart(value.date),
      region: value.region ?? null,
      locality: value.locality ?? null,
      title: value.title,
      summary: value.summary ?? {},
      status: value.status,
      visibility: value.visibility ?? 'public',
      correspondent: value.correspondent ?? null,
      editorial_note: value.editorial_note ?? null,
      is_demo: value.demo ?? false,
      categories: value.categories,
      victims: (value.victims ?? []).map((victim) => ({
        actor_id: actorOf(victim),
        anonymous: victim.anonymous ?? false,
      })),
      perpetrators: (value.perpetrators ?? []).map(actorOf),
      legal_articles: value.legal_articles ?? [],
      sources: (value.sources ?? []).map(normalizeSource),
      cases: value.cases ?? [],
      links: value.links ?? [],
    };
    const problem = incidentProblems(reference, write, known)[0];
    if (problem) throw lineError(file, line, problem.field, problem.message);
    return write;
  });
  const storedIncidents = await loadIncidentRecords(
    db,
    incidentWrites.map((write) => write.id),
  );
  const newIncidents: IncidentWrite[] = [];
  const changedIncidents: IncidentWrite[] = [];
  for (const write of incidentWrites) {
    const stored = storedIncidents.get(write.id);
    if (!stored) newIncidents.push(write);
    else if (
      canonical(comparableIncident(incidentWriteOf(stored))) === canonical(comparableIncident(write))
    ) {
      report.incidents.unchanged++;
    } else {
      changedIncidents.push(write);
      audits.push({ action: 'incident.import', entityType: 'incident', id: write.id, before: stored });
    }
  }
  await insertIncidents(db, newIncidents, { now, createdBy: ctx.user?.id ?? null });
  for (const write of changedIncidents) await updateIncidentRow(db, write, now);
  for (const write of newIncidents) {
    audits.push({ action: 'incident.import', entityType: 'incident', id: write.id, before: null });
  }
  report.incidents.created = newIncidents.length;
  report.incidents.updated = changedIncidents.length;

  await writeAuditRows(ctx, audits);
  return report;
}

/** Sets compare as sets: their stored order (taxonomy order, alphabetical) is not the file's. */
function comparableIncident(write: IncidentWrite) {
  return {
    ...write,
    categories: [...write.categories].sort(),
    legal_articles: [...write.legal_articles].sort(),
    cases: [...write.cases].sort(),
    links: [...write.links].sort(),
  };
}

function comparableCase(write: CaseWrite) {
  return { ...write, subjects: [...write.subjects].sort(), legal_articles: [...write.legal_articles].sort() };
}

/** The audit entries of an import, each with the record's snapshot after it, written in batches. */
async function writeAuditRows(ctx: ServiceContext, audits: AuditRow[]) {
  if (audits.length === 0) return;
  const { db } = ctx;
  const ids = (type: AuditRow['entityType']) => audits.filter((a) => a.entityType === type).map((a) => a.id);
  const [actors, cases, incidents] = await Promise.all([
    loadActorRecords(db, ids('actor')),
    loadCaseRecords(db, ids('case')),
    loadIncidentRecords(db, ids('incident')),
  ]);
  const after = (audit: AuditRow) =>
    audit.entityType === 'actor'
      ? actors.get(audit.id)
      : audit.entityType === 'case'
        ? cases.get(audit.id)
        : incidents.get(audit.id);
  const occurredAt = ctx.now();
  for (const batch of chunked(audits, 500)) {
    await insertAuditBatch(
      db,
      batch.map((audit) => ({
        occurred_at: occurredAt,
        user_id: ctx.user?.id ?? null,
        via: ctx.via,
        action: audit.action,
        entity_type: audit.entityType,
        entity_id: audit.id,
        before: audit.before === null ? null : JSON.stringify(audit.before),
        after: JSON.stringify(after(audit) ?? null),
      })),
    );
  }
}

async function insertAuditBatch(
  db: Db,
  rows: Array<{
    occurred_at: Date;
    user_id: number | null;
    via: string;
    action: string;
    entity_type: string;
    entity_id: string;
    before: string | null;
    after: string;
  }>,
) {
  await db.insertInto('audit_log').values(rows).execute();
}
