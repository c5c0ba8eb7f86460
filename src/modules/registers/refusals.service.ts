import type { Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { InfoRequestsTable } from '../../db/types.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/input.ts';
import * as repo from './registers.repo.ts';
import {
  type PublicRequest,
  type RankingRow,
  type RefusalFilters,
  type RequestInput,
  requestAppealInputSchema,
  requestInputSchema,
} from './registers.schemas.ts';
import {
  checkReferences,
  checkVersion,
  compactText,
  publicIncidentLinks,
  requireRole,
  setRecordStatus,
} from './registers.service.ts';

type RequestRow = Selectable<InfoRequestsTable>;

function snapshot(row: RequestRow) {
  const { created_at: _created, updated_at: _updated, created_by: _by, ...rest } = row;
  return rest;
}

function parseRequest(input: unknown): RequestInput {
  const parsed = parseInput(requestInputSchema, input);
  if (parsed.deadline_on < parsed.requested_on) {
    throw new AppError('validation_failed', 'deadline_on: the deadline cannot be before the request', {
      field: 'deadline_on',
    });
  }
  if (parsed.answered_on && parsed.answered_on < parsed.requested_on) {
    throw new AppError('validation_failed', 'answered_on: the answer cannot be before the request', {
      field: 'answered_on',
    });
  }
  const needsDate = ['answered', 'refused', 'partial', 'late'].includes(parsed.answer);
  if (needsDate && !parsed.answered_on) {
    throw new AppError('validation_failed', 'answered_on: the date of the answer is needed', {
      field: 'answered_on',
    });
  }
  if (!needsDate && parsed.answered_on) {
    throw new AppError('validation_failed', `answered_on: an answer "${parsed.answer}" has no date`, {
      field: 'answered_on',
    });
  }
  if (!parsed.requester_anonymous && parsed.requester_name === '') {
    throw new AppError('validation_failed', 'requester_name: required unless the requester is anonymous', {
      field: 'requester_name',
    });
  }
  return parsed;
}

async function lockedRequest(trx: Db, id: number, version: number | null) {
  const row = await repo.lockRequest(trx, id);
  if (!row) throw new AppError('not_found', `no request ${id}`);
  checkVersion(row, version, 'request');
  return row;
}

export async function saveRequest(
  ctx: ServiceContext,
  change: { id?: number; version?: number; input: unknown },
): Promise<number> {
  requireRole(ctx);
  const input = parseRequest(change.input);
  const now = ctx.now();
  const values = {
    requester_kind: input.requester_kind,
    requester_name: input.requester_name,
    requester_anonymous: input.requester_anonymous,
    body_name: input.body_name,
    region_code: input.region,
    requested_on: input.requested_on,
    subject: JSON.stringify(compactText(input.subject)),
    deadline_on: input.deadline_on,
    answer: input.answer,
    answered_on: input.answered_on,
    grounds: input.grounds,
    incident_id: input.incident,
    editorial_note: input.editorial_note,
    updated_at: now,
  };
  return ctx.db.transaction().execute(async (trx) => {
    await checkReferences(trx, { region: input.region, incidents: input.incident ? [input.incident] : [] });
    if (change.id === undefined) {
      const row = await trx
        .insertInto('info_requests')
        .values({ ...values, created_by: ctx.user?.id ?? null, created_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: 'info_request.create',
        entityType: 'info_request',
        entityId: String(row.id),
        after: snapshot(row),
      });
      return row.id;
    }
    const before = await lockedRequest(trx, change.id, change.version ?? null);
    const row = await trx
      .updateTable('info_requests')
      .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'info_request.update',
      entityType: 'info_request',
      entityId: String(row.id),
      before: snapshot(before),
      after: snapshot(row),
    });
    return row.id;
  });
}

export async function setRequestStatus(
  ctx: ServiceContext,
  change: { id: number; version: number; status: 'draft' | 'published' },
) {
  await setRecordStatus(ctx, 'info_request', change);
}

export async function addRequestAppeal(ctx: ServiceContext, change: { id: number; input: unknown }) {
  requireRole(ctx);
  const input = parseInput(requestAppealInputSchema, change.input);
  if (input.decided_on && input.decided_on < input.filed_on) {
    throw new AppError('validation_failed', 'decided_on: the decision cannot be before the appeal', {
      field: 'decided_on',
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const request = await lockedRequest(trx, change.id, null);
    const row = await trx
      .insertInto('info_request_appeals')
      .values({ request_id: request.id, ...input, created_by: ctx.user?.id ?? null, created_at: ctx.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'info_request.appeal',
      entityType: 'info_request',
      entityId: String(request.id),
      after: { appeal: row.id, ...input },
    });
    return row.id;
  });
}

export async function listRequestsForEditor(ctx: ServiceContext) {
  requireRole(ctx);
  return repo.listRequests(ctx.db, { publishedOnly: false });
}

export async function getRequestForEditor(ctx: ServiceContext, id: number) {
  requireRole(ctx);
  const row = await repo.getRequest(ctx.db, id);
  if (!row) throw new AppError('not_found', `no request ${id}`);
  return { row, appeals: await repo.listRequestAppeals(ctx.db, [id]) };
}

// ------------------------------------------------------------------ public side

export function isLate(row: { answer: string; answered_on: string | null; deadline_on: string }) {
  return row.answer === 'late' || (row.answered_on !== null && row.answered_on > row.deadline_on);
}

/** As the public sees a request: an anonymous requester has a kind and no name; no editorial note. */
async function presentRequests(db: Db, rows: RequestRow[]): Promise<PublicRequest[]> {
  const [appeals, incidents] = await Promise.all([
    repo.listRequestAppeals(
      db,
      rows.map((row) => row.id),
    ),
    publicIncidentLinks(
      db,
      rows.flatMap((row) => (row.incident_id ? [row.incident_id] : [])),
    ),
  ]);
  return rows.map((row) => {
    const incident = row.incident_id ? incidents.get(row.incident_id) : undefined;
    return {
      id: row.id,
      requester: {
        kind: row.requester_kind,
        name: row.requester_anonymous ? null : row.requester_name,
        anonymous: row.requester_anonymous,
      },
      body: row.body_name,
      region: row.region_code,
      requested_on: row.requested_on,
      subject: row.subject as Record<string, string>,
      deadline_on: row.deadline_on,
      answer: row.answer,
      answered_on: row.answered_on,
      late: isLate(row),
      grounds: row.grounds,
      appeals: appeals
        .filter((appeal) => appeal.request_id === row.id)
        .map(({ filed_on, appealed_to, outcome, decided_on }) => ({
          filed_on,
          appealed_to,
          outcome,
          decided_on,
        })),
      incident: incident ? { ...incident, title: incident.title as Record<string, string> } : null,
    };
  });
}

export async function listPublicRequests(db: Db, filters: RefusalFilters = {}) {
  return presentRequests(db, await repo.listRequests(db, { publishedOnly: true, filters }));
}

export async function getPublicRequest(db: Db, id: number): Promise<PublicRequest> {
  const row = await repo.getRequest(db, id);
  if (row?.status !== 'published') throw new AppError('not_found', `no request ${id}`);
  const [presented] = await presentRequests(db, [row]);
  return presented as PublicRequest;
}

/** Bodies by year and region, most refusals and late answers first. */
export async function refusalRanking(db: Db, filters: Pick<RefusalFilters, 'year' | 'region'> = {}) {
  const rows: RankingRow[] = await repo.refusalRanking(db, filters);
  return rows.sort(
    (a, b) =>
      b.year - a.year ||
      b.refusals + b.late - (a.refusals + a.late) ||
      b.refusals - a.refusals ||
      a.body.localeCompare(b.body) ||
      (a.region ?? '').localeCompare(b.region ?? ''),
  );
}

export async function publishedRequestYears(db: Db) {
  return repo.publishedRequestYears(db);
}
