import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import type { BulletinSection } from '../../db/types.ts';
import type { LocalizedText } from '../../i18n/langs.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { computeMonthStats, parseMonth, type ScopeName, type StatsJson, scopeNames } from '../stats/index.ts';
import type { BulletinInput, BulletinItemInput, ItemSnapshot } from './assemble.ts';
import {
  collectMonthItems,
  deleteBulletinItems,
  findBulletin,
  findBulletinItems,
  insertBulletin,
  insertBulletinItems,
  loadLabels,
  lockBulletin,
  recordsChangedSince,
  updateBulletin,
  updateBulletinItem,
} from './bulletins.repo.ts';
import { itemSnapshotSchema, statsJsonSchema } from './bulletins.schemas.ts';

/** Editors and administrators build and publish bulletins; the check comes before any data is touched. */
function requireEditor(ctx: ServiceContext) {
  if (!ctx.user) throw new AppError('unauthenticated', 'sign in first');
  if (ctx.user.role !== 'editor' && ctx.user.role !== 'admin') {
    throw new AppError('forbidden', 'bulletins are built by editors and administrators');
  }
}

const recordKey = (snapshot: Pick<ItemSnapshot, 'type' | 'id'>) => `${snapshot.type}:${snapshot.id}`;

async function loadDraftForUpdate(trx: Db, bulletinId: number) {
  const bulletin = await lockBulletin(trx, bulletinId);
  if (!bulletin) throw new AppError('not_found', `no bulletin ${bulletinId}`);
  if (bulletin.status !== 'draft') {
    throw new AppError('conflict', 'this bulletin is published; its content is frozen');
  }
  return bulletin;
}

function checkVersion(current: number, sent: number) {
  if (current !== sent) {
    throw new AppError('stale_version', 'someone else changed this bulletin; reload it and try again', {
      field: 'version',
    });
  }
}

/** Adds the month's new records at the end of their section, and drops items whose record no longer qualifies. */
async function syncItems(trx: Db, bulletinId: number, month: string) {
  const offered = await collectMonthItems(trx, month);
  const existing = await findBulletinItems(trx, bulletinId);
  const offeredKeys = new Map(offered.map((item) => [recordKey(item.snapshot), item]));
  const keyOf = (row: (typeof existing)[number]) =>
    row.incident_id ? `incident:${row.incident_id}` : row.case_id ? `case:${row.case_id}` : '';
  const kept = existing.filter((row) => offeredKeys.has(keyOf(row)));
  const keptKeys = new Set(kept.map(keyOf));
  const removed = existing.filter((row) => !offeredKeys.has(keyOf(row)));
  if (removed.length > 0) {
    await deleteBulletinItems(
      trx,
      removed.map((row) => row.id),
    );
  }
  const added = offered.filter((item) => !keptKeys.has(recordKey(item.snapshot)));
  // A kept item follows its record into another section (say, an incident recategorized).
  for (const row of kept) {
    const section = offeredKeys.get(keyOf(row))?.section;
    if (section && section !== row.section) {
      await updateBulletinItem(trx, row.id, { section });
    }
  }
  let position = existing.reduce((max, row) => Math.max(max, row.position), 0);
  if (added.length > 0) {
    await insertBulletinItems(
      trx,
      added.map((item) => {
        position += 1;
        return {
          bulletin_id: bulletinId,
          section: item.section,
          position,
          incident_id: item.snapshot.type === 'incident' ? item.snapshot.id : null,
          case_id: item.snapshot.type === 'case' ? item.snapshot.id : null,
          snapshot: null,
        };
      }),
    );
  }
  return { added: added.length, removed: removed.length };
}

export async function createBulletinDraft(
  ctx: ServiceContext,
  input: { month: string },
): Promise<{ id: number }> {
  requireEditor(ctx);
  const month = parseMonth(input.month);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await findBulletin(trx, month);
    if (existing) return { id: existing.id };
    const row = await insertBulletin(trx, { month, createdBy: ctx.user?.id ?? null, now: ctx.now() });
    const synced = await syncItems(trx, row.id, month);
    await writeAudit(trx, ctx, {
      action: 'bulletin.create',
      entityType: 'bulletin',
      entityId: month,
      after: { month, items: synced.added },
    });
    return { id: row.id };
  });
}

export async function refreshBulletinItems(
  ctx: ServiceContext,
  input: { bulletinId: number; version: number },
) {
  requireEditor(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const bulletin = await loadDraftForUpdate(trx, input.bulletinId);
    checkVersion(bulletin.version, input.version);
    const month = bulletin.month.slice(0, 7);
    const synced = await syncItems(trx, bulletin.id, month);
    await updateBulletin(trx, bulletin.id, { version: bulletin.version + 1, updated_at: ctx.now() });
    await writeAudit(trx, ctx, {
      action: 'bulletin.refresh',
      entityType: 'bulletin',
      entityId: month,
      after: synced,
    });
    return synced;
  });
}

export type BulletinTexts = {
  introduction: LocalizedText;
  sectionNotes: Partial<Record<BulletinSection, LocalizedText>>;
};

export async function updateBulletinTexts(
  ctx: ServiceContext,
  input: BulletinTexts & { bulletinId: number; version: number },
) {
  requireEditor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const bulletin = await loadDraftForUpdate(trx, input.bulletinId);
    checkVersion(bulletin.version, input.version);
    await updateBulletin(trx, bulletin.id, {
      introduction: JSON.stringify(input.introduction),
      section_notes: JSON.stringify(input.sectionNotes),
      version: bulletin.version + 1,
      updated_at: ctx.now(),
    });
    await writeAudit(trx, ctx, {
      action: 'bulletin.update',
      entityType: 'bulletin',
      entityId: bulletin.month.slice(0, 7),
      before: { introduction: bulletin.introduction, sectionNotes: bulletin.section_notes },
      after: { introduction: input.introduction, sectionNotes: input.sectionNotes },
    });
  });
}

/** Moves an item one place up or down within its section (the builder works without JavaScript). */
export async function moveBulletinItem(
  ctx: ServiceContext,
  input: { bulletinId: number; itemId: number; direction: 'up' | 'down' },
) {
  requireEditor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const bulletin = await loadDraftForUpdate(trx, input.bulletinId);
    const items = await findBulletinItems(trx, bulletin.id);
    const item = items.find((row) => row.id === input.itemId);
    if (!item) throw new AppError('not_found', `no item ${input.itemId} in this bulletin`, { field: 'item' });
    const sameSection = items.filter((row) => row.section === item.section);
    const index = sameSection.indexOf(item);
    const neighbour = sameSection[input.direction === 'up' ? index - 1 : index + 1];
    if (!neighbour) return;
    await updateBulletinItem(trx, item.id, { position: neighbour.position });
    await updateBulletinItem(trx, neighbour.id, { position: item.position });
    await updateBulletin(trx, bulletin.id, { version: bulletin.version + 1, updated_at: ctx.now() });
    await writeAudit(trx, ctx, {
      action: 'bulletin.reorder',
      entityType: 'bulletin',
      entityId: bulletin.month.slice(0, 7),
      after: { item: item.id, direction: input.direction },
    });
  });
}

/**
 * Publishing freezes the figures and the public-safe content of every item (rule 9): later edits of
 * the records never rewrite a published bulletin; they show up as drift.
 */
export async function publishBulletin(ctx: ServiceContext, input: { bulletinId: number; version: number }) {
  requireEditor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const bulletin = await loadDraftForUpdate(trx, input.bulletinId);
    checkVersion(bulletin.version, input.version);
    const month = bulletin.month.slice(0, 7);
    const figures = await computeMonthStats(trx, month);
    const offered = new Map(
      (await collectMonthItems(trx, month)).map((item) => [recordKey(item.snapshot), item]),
    );
    for (const row of await findBulletinItems(trx, bulletin.id)) {
      const key = row.incident_id ? `incident:${row.incident_id}` : `case:${row.case_id ?? ''}`;
      const current = offered.get(key);
      if (current) {
        await updateBulletinItem(trx, row.id, { snapshot: JSON.stringify(current.snapshot) });
      } else {
        await deleteBulletinItems(trx, [row.id]);
      }
    }
    await updateBulletin(trx, bulletin.id, {
      status: 'published',
      frozen_figures: JSON.stringify(figures),
      published_at: ctx.now(),
      published_by: ctx.user?.id ?? null,
      version: bulletin.version + 1,
      updated_at: ctx.now(),
    });
    await writeAudit(trx, ctx, {
      action: 'bulletin.publish',
      entityType: 'bulletin',
      entityId: month,
      after: { figures },
    });
  });
}

/**
 * What the renderers need for a month. Published: the frozen figures and item snapshots. Draft (only
 * when `includeDraft`): the saved order and texts with live figures and content. No bulletin: a live
 * one with every item in its default order, or null when `live` is false.
 */
export async function loadBulletinInput(
  db: Db,
  organization: Config['organization'],
  month: string,
  options: { includeDraft: boolean; live: boolean },
): Promise<BulletinInput | null> {
  parseMonth(month);
  const bulletin = await findBulletin(db, month);
  const labels = await loadLabels(db);
  if (bulletin?.status === 'published' && bulletin.frozen_figures && bulletin.published_at) {
    const items = (await findBulletinItems(db, bulletin.id)).flatMap((row): BulletinItemInput[] =>
      row.snapshot
        ? [{ itemId: row.id, section: row.section, snapshot: itemSnapshotSchema.parse(row.snapshot) }]
        : [],
    );
    return {
      month,
      state: 'published',
      publishedAt: new Date(bulletin.published_at).toISOString(),
      organization,
      figures: statsJsonSchema.parse(bulletin.frozen_figures),
      labels,
      introduction: bulletin.introduction,
      sectionNotes: bulletin.section_notes,
      items,
    };
  }
  if (bulletin && options.includeDraft) {
    const offered = new Map(
      (await collectMonthItems(db, month)).map((item) => [recordKey(item.snapshot), item]),
    );
    const items = (await findBulletinItems(db, bulletin.id)).flatMap((row): BulletinItemInput[] => {
      const current = offered.get(
        row.incident_id ? `incident:${row.incident_id}` : `case:${row.case_id ?? ''}`,
      );
      return current ? [{ itemId: row.id, section: row.section, snapshot: current.snapshot }] : [];
    });
    return {
      month,
      state: 'draft',
      publishedAt: null,
      organization,
      figures: await computeMonthStats(db, month),
      labels,
      introduction: bulletin.introduction,
      sectionNotes: bulletin.section_notes,
      items,
    };
  }
  if (!options.live) return null;
  return {
    month,
    state: 'live',
    publishedAt: null,
    organization,
    figures: await computeMonthStats(db, month),
    labels,
    introduction: {},
    sectionNotes: {},
    items: await collectMonthItems(db, month),
  };
}

export type FigureDifference = { scope: ScopeName; path: string; frozen: number; current: number };
export type BulletinDrift = {
  differences: FigureDifference[];
  changedRecords: Array<{ type: 'incident' | 'case'; id: string; lastChange: string; changes: number }>;
};

function flatten(value: unknown, prefix: string, into: Map<string, number>) {
  if (typeof value === 'number') into.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  }
}

/** Pure: every figure whose frozen value differs from the recomputed one. */
export function compareFigures(frozen: StatsJson, current: StatsJson): FigureDifference[] {
  const differences: FigureDifference[] = [];
  for (const scope of scopeNames) {
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    flatten(frozen.scope[scope], '', before);
    flatten(current.scope[scope], '', after);
    for (const path of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(path) ?? 0;
      const now = after.get(path) ?? 0;
      if (was !== now) differences.push({ scope, path, frozen: was, current: now });
    }
  }
  return differences;
}

/** Rule 9: a published bulletin's frozen figures against today's, with the records changed since publication. */
export async function bulletinDrift(db: Db, month: string): Promise<BulletinDrift | null> {
  const bulletin = await findBulletin(db, parseMonth(month));
  if (bulletin?.status !== 'published' || !bulletin.frozen_figures || !bulletin.published_at) return null;
  const differences = compareFigures(
    statsJsonSchema.parse(bulletin.frozen_figures),
    await computeMonthStats(db, month),
  );
  const changed = await recordsChangedSince(db, new Date(bulletin.published_at));
  return {
    differences,
    changedRecords: changed.map((row) => ({
      type: row.entity_type === 'case' ? 'case' : 'incident',
      id: row.entity_id,
      lastChange: new Date(String(row.last_change)).toISOString(),
      changes: Number(row.changes),
    })),
  };
}
