import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { BlockingRecordsTable } from '../../db/types.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/input.ts';
import * as repo from './registers.repo.ts';
import {
  type BlockingFilters,
  type BlockingInput,
  type BlockingYear,
  blockingInputSchema,
  type EvidenceInput,
  evidenceInputSchema,
  MAX_SCREENSHOT_BYTES,
  type PublicBlocking,
  type ScreenshotType,
  screenshotTypes,
} from './registers.schemas.ts';
import {
  checkReferences,
  checkVersion,
  compactText,
  publicIncidentLinks,
  requireRole,
  setRecordStatus,
} from './registers.service.ts';

type BlockingRow = Selectable<BlockingRecordsTable>;

function snapshot(row: BlockingRow, incidents: readonly string[]) {
  const { created_at: _created, updated_at: _updated, created_by: _by, ...rest } = row;
  return { ...rest, incidents };
}

function parseBlocking(input: unknown): BlockingInput {
  const parsed = parseInput(blockingInputSchema, input);
  if (parsed.lifted_on && parsed.lifted_on < parsed.blocked_on) {
    throw new AppError('validation_failed', 'lifted_on: the block cannot be lifted before it began', {
      field: 'lifted_on',
    });
  }
  return parsed;
}

/** Records a new entry of the register (a draft) or changes one; returns its id. */
export async function saveBlocking(
  ctx: ServiceContext,
  change: { id?: number; version?: number; input: unknown },
): Promise<number> {
  requireRole(ctx);
  const input = parseBlocking(change.input);
  const incidents = [...new Set(input.incidents)];
  const now = ctx.now();
  const values = {
    resource: input.resource,
    resource_kind: input.resource_kind,
    ordered_by: input.ordered_by,
    legal_basis: input.legal_basis,
    blocked_on: input.blocked_on,
    lifted_on: input.lifted_on,
    region_code: input.region,
    description: JSON.stringify(compactText(input.description)),
    editorial_note: input.editorial_note,
    updated_at: now,
  };
  return ctx.db.transaction().execute(async (trx) => {
    await checkReferences(trx, { region: input.region, incidents });
    if (change.id === undefined) {
      const row = await trx
        .insertInto('blocking_records')
        .values({ ...values, created_by: ctx.user?.id ?? null, created_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      await repo.replaceBlockingIncidents(trx, row.id, incidents);
      await writeAudit(trx, ctx, {
        action: 'blocking.create',
        entityType: 'blocking',
        entityId: String(row.id),
        after: snapshot(row, incidents),
      });
      return row.id;
    }
    const before = await lockedBlocking(trx, change.id, change.version ?? null);
    const beforeIncidents = (await repo.blockingIncidentIds(trx, [before.id])).map(
      (link) => link.incident_id,
    );
    const row = await trx
      .updateTable('blocking_records')
      .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.replaceBlockingIncidents(trx, row.id, incidents);
    await writeAudit(trx, ctx, {
      action: 'blocking.update',
      entityType: 'blocking',
      entityId: String(row.id),
      before: snapshot(before, beforeIncidents),
      after: snapshot(row, incidents),
    });
    return row.id;
  });
}

async function lockedBlocking(trx: Db, id: number, version: number | null) {
  const row = await repo.lockBlocking(trx, id);
  if (!row) throw new AppError('not_found', `no blocking record ${id}`);
  checkVersion(row, version, 'record');
  return row;
}

export async function setBlockingStatus(
  ctx: ServiceContext,
  change: { id: number; version: number; status: 'draft' | 'published' },
) {
  await setRecordStatus(ctx, 'blocking', change);
}

/** Recognizes the image types a screenshot may have by their first bytes (never by the file name). */
export function screenshotType(data: Buffer): ScreenshotType | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (
    data.subarray(0, 4).toString('latin1') === 'RIFF' &&
    data.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  return null;
}

/** One check of a blocked resource, with an optional screenshot (PNG, JPEG or WebP). */
export async function addBlockingEvidence(
  ctx: ServiceContext,
  change: { id: number; input: unknown; screenshot?: Buffer | undefined },
): Promise<number> {
  requireRole(ctx);
  const input: EvidenceInput = parseInput(evidenceInputSchema, change.input);
  let screenshot: { data: Buffer; type: ScreenshotType; sha256: string } | null = null;
  if (change.screenshot && change.screenshot.length > 0) {
    if (change.screenshot.length > MAX_SCREENSHOT_BYTES) {
      throw new AppError('validation_failed', `screenshot: at most ${MAX_SCREENSHOT_BYTES} bytes`, {
        field: 'screenshot',
      });
    }
    const type = screenshotType(change.screenshot);
    if (!type || !screenshotTypes.includes(type)) {
      throw new AppError('validation_failed', 'screenshot: a PNG, JPEG or WebP image', {
        field: 'screenshot',
      });
    }
    const sha256 = createHash('sha256').update(change.screenshot).digest('hex');
    screenshot = { data: change.screenshot, type, sha256 };
  }
  return ctx.db.transaction().execute(async (trx) => {
    const record = await lockedBlocking(trx, change.id, null);
    const row = await trx
      .insertInto('blocking_evidence')
      .values({
        blocking_id: record.id,
        checked_on: input.checked_on,
        still_blocked: input.still_blocked,
        link: input.link,
        content_sha256: input.content_sha256 || null,
        screenshot: screenshot?.data ?? null,
        screenshot_type: screenshot?.type ?? null,
        screenshot_sha256: screenshot?.sha256 ?? null,
        created_by: ctx.user?.id ?? null,
        created_at: ctx.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'blocking.evidence',
      entityType: 'blocking',
      entityId: String(record.id),
      after: { evidence: row.id, ...input, screenshot_sha256: screenshot?.sha256 ?? null },
    });
    return row.id;
  });
}

export async function listBlockingForEditor(ctx: ServiceContext) {
  requireRole(ctx);
  return repo.listBlocking(ctx.db, { publishedOnly: false });
}

export async function getBlockingForEditor(ctx: ServiceContext, id: number) {
  requireRole(ctx);
  const row = await repo.getBlocking(ctx.db, id);
  if (!row) throw new AppError('not_found', `no blocking record ${id}`);
  const [incidents, evidence] = await Promise.all([
    repo.blockingIncidentIds(ctx.db, [id]),
    repo.listEvidence(ctx.db, [id]),
  ]);
  return { row, incidents: incidents.map((link) => link.incident_id), evidence };
}

// ------------------------------------------------------------------ public side

export const screenshotUrl = (blockingId: number, evidenceId: number) =>
  `/api/v1/registers/blocking/${blockingId}/evidence/${evidenceId}/screenshot`;

/** Published records as the public sees them: no editorial note, only public incidents. */
async function presentBlocking(db: Db, rows: BlockingRow[]): Promise<PublicBlocking[]> {
  const ids = rows.map((row) => row.id);
  const [links, evidence] = await Promise.all([
    repo.blockingIncidentIds(db, ids),
    repo.listEvidence(db, ids),
  ]);
  const incidents = await publicIncidentLinks(
    db,
    links.map((link) => link.incident_id),
  );
  return rows.map((row) => ({
    id: row.id,
    resource: row.resource,
    resource_kind: row.resource_kind,
    ordered_by: row.ordered_by,
    legal_basis: row.legal_basis,
    blocked_on: row.blocked_on,
    lifted_on: row.lifted_on,
    still_blocked: row.lifted_on === null,
    region: row.region_code,
    description: row.description as Record<string, string>,
    evidence: evidence
      .filter((item) => item.blocking_id === row.id)
      .map((item) => ({
        id: item.id,
        checked_on: item.checked_on,
        still_blocked: item.still_blocked,
        link: item.link,
        content_sha256: item.content_sha256,
        screenshot_sha256: item.screenshot_sha256,
        screenshot_url: item.screenshot_sha256 ? screenshotUrl(row.id, item.id) : null,
      })),
    incidents: links
      .filter((link) => link.blocking_id === row.id)
      .flatMap((link) => {
        const incident = incidents.get(link.incident_id);
        return incident ? [{ ...incident, title: incident.title as Record<string, string> }] : [];
      }),
  }));
}

export async function listPublicBlocking(db: Db, filters: BlockingFilters = {}) {
  return presentBlocking(db, await repo.listBlocking(db, { publishedOnly: true, filters }));
}

export async function getPublicBlocking(db: Db, id: number): Promise<PublicBlocking> {
  const row = await repo.getBlocking(db, id);
  if (row?.status !== 'published') throw new AppError('not_found', `no blocking record ${id}`);
  const [presented] = await presentBlocking(db, [row]);
  return presented as PublicBlocking;
}

export async function getPublishedScreenshot(db: Db, blockingId: number, evidenceId: number) {
  const found = await repo.publishedScreenshot(db, blockingId, evidenceId);
  if (!found?.screenshot || !found.screenshot_type) throw new AppError('not_found', 'no such screenshot');
  return { data: Buffer.from(found.screenshot), type: found.screenshot_type };
}

/**
 * Figures by year, from the first year with a block to the last year with a block or a lift:
 * resources blocked in the year, blocks lifted in the year, and blocks still in force on 31 December.
 */
export function blockingFiguresByYear(rows: ReadonlyArray<{ blocked_on: string; lifted_on: string | null }>) {
  if (rows.length === 0) return [];
  const yearOf = (date: string) => Number(date.slice(0, 4));
  const years = rows.flatMap((row) => [
    yearOf(row.blocked_on),
    ...(row.lifted_on ? [yearOf(row.lifted_on)] : []),
  ]);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const figures: BlockingYear[] = [];
  for (let year = last; year >= first; year--) {
    const end = `${year}-12-31`;
    figures.push({
      year,
      blocked: rows.filter((row) => yearOf(row.blocked_on) === year).length,
      lifted: rows.filter((row) => row.lifted_on !== null && yearOf(row.lifted_on) === year).length,
      still_blocked_at_year_end: rows.filter(
        (row) => row.blocked_on <= end && (row.lifted_on === null || row.lifted_on > end),
      ).length,
    });
  }
  return figures;
}

export async function publicBlockingFigures(db: Db) {
  return blockingFiguresByYear(await repo.publishedBlockingDates(db));
}
