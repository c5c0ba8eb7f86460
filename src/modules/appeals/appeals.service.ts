import type { Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { AppealsTable, Role } from '../../db/types.ts';
import { translator } from '../../i18n/define.ts';
import { type Lang, type LocalizedText, langs } from '../../i18n/langs.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { CurrentUser, ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { draftAppealText } from './appeals.draft.ts';
import { appealMessages } from './appeals.messages.ts';
import * as repo from './appeals.repo.ts';
import { type AppealInput, appealInputSchema, type SelectionFilters } from './appeals.schemas.ts';

export const APPEAL_ROLES: readonly Role[] = ['admin', 'editor', 'lawyer'];

type AppealRow = Selectable<AppealsTable>;

function requireEditor(ctx: ServiceContext): CurrentUser {
  const user = ctx.user;
  if (!user) throw new AppError('unauthenticated', 'sign in first');
  if (!APPEAL_ROLES.includes(user.role)) {
    throw new AppError('forbidden', `this needs one of the roles: ${APPEAL_ROLES.join(', ')}`);
  }
  return user;
}

/** Keeps only the languages that have text, so "any of kk, ru, en" stays true in the data. */
function compact(text: LocalizedText): LocalizedText {
  return Object.fromEntries(
    langs.flatMap((lang) => {
      const value = text[lang]?.trim();
      return value ? [[lang, value]] : [];
    }),
  );
}

function snapshot(row: AppealRow, links: { incidentIds: string[]; caseIds: string[] }) {
  return {
    title: row.title,
    date: row.date,
    addressees: row.addressees,
    signatories: row.signatories,
    body: row.body,
    status: row.status,
    incidents: links.incidentIds,
    cases: links.caseIds,
    version: row.version,
  };
}

export async function listIncidentsForSelection(ctx: ServiceContext, filters: SelectionFilters) {
  requireEditor(ctx);
  return repo.listIncidentsForSelection(ctx.db, filters);
}

/**
 * The builder: a draft appeal whose text lists the chosen incidents as numbered facts drafted from
 * their summaries in the editor's language. The editor rewrites it before publishing.
 */
export async function createAppealFromIncidents(
  ctx: ServiceContext,
  input: { incidentIds: string[]; lang: Lang },
): Promise<number> {
  requireEditor(ctx);
  const incidentIds = [...new Set(input.incidentIds)];
  if (incidentIds.length === 0) {
    throw new AppError('validation_failed', 'incidents: choose at least one incident', {
      field: 'incidents',
    });
  }
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await repo.incidentsForDraft(trx, incidentIds);
    const missing = incidentIds.find((id) => !rows.some((row) => row.id === id));
    if (missing)
      throw new AppError('validation_failed', `incidents: no incident ${missing}`, { field: 'incidents' });
    const drafted = rows.map((row) => ({
      id: row.id,
      date: row.date,
      datePrecision: row.date_precision,
      region: row.region_labels,
      locality: row.locality,
      title: row.title,
      summary: row.summary,
    }));
    const t = translator(appealMessages, input.lang);
    const inserted = await trx
      .insertInto('appeals')
      .values({
        title: JSON.stringify({ [input.lang]: t('draftTitle') }),
        date: now.toISOString().slice(0, 10),
        body: JSON.stringify({ [input.lang]: draftAppealText(drafted, input.lang) }),
        created_by: ctx.user?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const ordered = [...drafted].sort((a, b) =>
      a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1,
    );
    const orderedIds = ordered.map((incident) => incident.id);
    await repo.replaceAppealLinks(trx, inserted.id, orderedIds, []);
    await writeAudit(trx, ctx, {
      action: 'appeal.create',
      entityType: 'appeal',
      entityId: String(inserted.id),
      after: snapshot(inserted, { incidentIds: orderedIds, caseIds: [] }),
    });
    return inserted.id;
  });
}

async function locked(trx: Db, id: number, version: number | null) {
  const row = await repo.lockAppeal(trx, id);
  if (!row) throw new AppError('not_found', `no appeal ${id}`);
  if (version !== null && row.version !== version) {
    throw new AppError('stale_version', 'someone else changed this appeal; reload the page and try again');
  }
  return row;
}

async function currentLinks(trx: Db, id: number) {
  const links = await repo.listAppealLinks(trx, id);
  return { incidentIds: links.incidents.map((row) => row.id), caseIds: links.cases.map((row) => row.id) };
}

export async function updateAppeal(
  ctx: ServiceContext,
  change: { id: number; version: number; input: AppealInput },
) {
  requireEditor(ctx);
  const parsed = appealInputSchema.safeParse(change.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'appeal');
    throw new AppError('validation_failed', `${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  const input = parsed.data;
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await locked(trx, change.id, change.version);
    const before = snapshot(row, await currentLinks(trx, row.id));
    const incidentIds = [...new Set(input.incidentIds)];
    const caseIds = [...new Set(input.caseIds)];
    for (const [table, wanted, field] of [
      ['incidents', incidentIds, 'incidents'],
      ['cases', caseIds, 'cases'],
    ] as const) {
      const found = await repo.existingIds(trx, table, wanted);
      const missing = wanted.find((id) => !found.includes(id));
      if (missing) throw new AppError('validation_failed', `${field}: no record ${missing}`, { field });
    }
    const title = compact(input.title);
    const body = compact(input.body);
    if (row.status === 'published') assertPublishable({ ...input, title, body });
    const updated = await trx
      .updateTable('appeals')
      .set((eb) => ({
        title: JSON.stringify(title),
        body: JSON.stringify(body),
        date: input.date,
        addressees: input.addressees,
        signatories: input.signatories,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await repo.replaceAppealLinks(trx, row.id, incidentIds, caseIds);
    await writeAudit(trx, ctx, {
      action: 'appeal.update',
      entityType: 'appeal',
      entityId: String(row.id),
      before,
      after: snapshot(updated, { incidentIds, caseIds }),
    });
  });
}

function assertPublishable(appeal: {
  title: LocalizedText;
  body: LocalizedText;
  addressees: string[];
  signatories: string[];
}) {
  const hasText = (text: LocalizedText) => langs.some((lang) => (text[lang] ?? '').trim() !== '');
  if (
    !hasText(appeal.title) ||
    !hasText(appeal.body) ||
    appeal.addressees.length === 0 ||
    appeal.signatories.length === 0
  ) {
    throw new AppError(
      'validation_failed',
      'appeal: a title, a text, an addressee and a signatory are needed',
      {
        field: 'appeal',
      },
    );
  }
}

async function setStatus(
  ctx: ServiceContext,
  change: { id: number; version: number },
  status: 'draft' | 'published',
) {
  requireEditor(ctx);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await locked(trx, change.id, change.version);
    if (row.status === status) {
      throw new AppError('invalid_transition', `the appeal is already ${status}`);
    }
    if (status === 'published') assertPublishable(row);
    const updated = await trx
      .updateTable('appeals')
      .set((eb) => ({
        status,
        published_at: status === 'published' ? (row.published_at ?? now) : row.published_at,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const links = await currentLinks(trx, row.id);
    await writeAudit(trx, ctx, {
      action: status === 'published' ? 'appeal.publish' : 'appeal.unpublish',
      entityType: 'appeal',
      entityId: String(row.id),
      before: snapshot(row, links),
      after: snapshot(updated, links),
    });
  });
}

export const publishAppeal = (ctx: ServiceContext, change: { id: number; version: number }) =>
  setStatus(ctx, change, 'published');
export const unpublishAppeal = (ctx: ServiceContext, change: { id: number; version: number }) =>
  setStatus(ctx, change, 'draft');

/** Records an addressee's answer against the appeal. */
export async function addAppealResponse(
  ctx: ServiceContext,
  input: { id: number; date: string; responder: string; text: string },
) {
  const user = requireEditor(ctx);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await locked(trx, input.id, null);
    const inserted = await trx
      .insertInto('appeal_responses')
      .values({
        appeal_id: row.id,
        date: input.date,
        responder: input.responder,
        body: input.text,
        created_by: user.id,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'appeal.response_add',
      entityType: 'appeal',
      entityId: String(row.id),
      after: { response_id: inserted.id, date: input.date, responder: input.responder, text: input.text },
    });
  });
}

export async function listAppealsForEditor(ctx: ServiceContext) {
  requireEditor(ctx);
  return repo.listAppeals(ctx.db, false);
}

export async function getAppealForEditor(ctx: ServiceContext, id: number) {
  requireEditor(ctx);
  const appeal = await repo.getAppeal(ctx.db, id);
  if (!appeal) throw new AppError('not_found', `no appeal ${id}`);
  const [links, responses] = await Promise.all([
    repo.listAppealLinks(ctx.db, id),
    repo.listResponses(ctx.db, id),
  ]);
  return { appeal, links, responses };
}

// ---------------------------------------------------------------- the public side

/** What the public sees of an appeal: its published fields, no editorial ones. */
export type PublicAppeal = {
  id: number;
  title: LocalizedText;
  date: string;
  addressees: string[];
  signatories: string[];
  body: LocalizedText;
  publishedAt: Date;
  updatedAt: Date;
};

function toPublic(row: AppealRow): PublicAppeal {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    addressees: row.addressees,
    signatories: row.signatories,
    body: row.body,
    publishedAt: row.published_at ?? row.updated_at,
    updatedAt: row.updated_at,
  };
}

export async function listPublishedAppeals(db: Db, limit = 200): Promise<PublicAppeal[]> {
  return (await repo.listAppeals(db, true, limit)).map(toPublic);
}

/**
 * A published appeal with what the public may follow from it: published incidents that are not
 * restricted, published cases, and the answers received.
 */
export async function getPublishedAppeal(db: Db, id: number) {
  const row = await repo.getAppeal(db, id);
  if (row?.status !== 'published') throw new AppError('not_found', `no published appeal ${id}`);
  const [links, responses] = await Promise.all([repo.listAppealLinks(db, id), repo.listResponses(db, id)]);
  return {
    appeal: toPublic(row),
    incidents: links.incidents
      .filter((incident) => incident.status === 'published' && incident.visibility === 'public')
      .map((incident) => ({ id: incident.id, title: incident.title, date: incident.date })),
    cases: links.cases
      .filter((item) => item.status === 'published')
      .map((item) => ({ id: item.id, title: item.title })),
    responses: responses.map((response) => ({
      date: response.date,
      responder: response.responder,
      text: response.body,
    })),
  };
}
export type PublishedAppeal = Awaited<ReturnType<typeof getPublishedAppeal>>;
