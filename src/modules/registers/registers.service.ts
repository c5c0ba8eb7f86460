import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/types.ts';
import { type LocalizedText, langs } from '../../i18n/langs.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { CurrentUser, ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import * as repo from './registers.repo.ts';

/** Who records and edits entries of the registers; publishing needs an editor. */
export const REGISTER_ROLES: readonly Role[] = ['admin', 'editor', 'monitor', 'lawyer'];
export const PUBLISH_ROLES: readonly Role[] = ['admin', 'editor'];

export function requireRole(ctx: ServiceContext, allowed: readonly Role[] = REGISTER_ROLES): CurrentUser {
  const user = ctx.user;
  if (!user) throw new AppError('unauthenticated', 'sign in first');
  if (!allowed.includes(user.role)) {
    throw new AppError('forbidden', `this needs one of the roles: ${allowed.join(', ')}`);
  }
  return user;
}

/** Keeps only the languages that have text. */
export function compactText(text: LocalizedText): LocalizedText {
  return Object.fromEntries(
    langs.flatMap((lang) => {
      const value = text[lang]?.trim();
      return value ? [[lang, value]] : [];
    }),
  );
}

/** A region and incidents named in a form must exist; the error names the field. */
export async function checkReferences(
  trx: Db,
  refs: { region: string | null; incidents: readonly string[] },
) {
  if (refs.region && (await repo.missingIds(trx, 'regions', [refs.region])).length > 0) {
    throw new AppError('validation_failed', `region: no region ${refs.region}`, { field: 'region' });
  }
  const missing = await repo.missingIds(trx, 'incidents', refs.incidents);
  if (missing.length > 0) {
    throw new AppError('validation_failed', `incidents: no incident ${missing[0]}`, { field: 'incidents' });
  }
}

export function checkVersion(row: { version: number }, version: number | null, what: string) {
  if (version !== null && row.version !== version) {
    throw new AppError('stale_version', `someone else changed this ${what}; reload the page and try again`);
  }
}

export type PublicIncidentLink = { id: string; date: string; title: LocalizedText };

/** Linked incidents as the public may see them: only published, unrestricted ones, by their own id. */
export async function publicIncidentLinks(db: Db, ids: readonly string[]) {
  const rows = await repo.publicIncidents(db, ids);
  return new Map<string, PublicIncidentLink>(rows.map((row) => [row.id, row]));
}

const registerTables = {
  blocking: { table: 'blocking_records', what: 'blocking record' },
  info_request: { table: 'info_requests', what: 'request' },
} as const;

/** Publishes or withdraws a record of either register, with its audit entry; editors only. */
export async function setRecordStatus(
  ctx: ServiceContext,
  entityType: keyof typeof registerTables,
  change: { id: number; version: number; status: 'draft' | 'published' },
) {
  requireRole(ctx, PUBLISH_ROLES);
  const { table, what } = registerTables[entityType];
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom(table)
      .select(['id', 'status', 'version'])
      .where('id', '=', change.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', `no ${what} ${change.id}`);
    checkVersion(row, change.version, what);
    if (row.status === change.status) return;
    await trx
      .updateTable(table)
      .set((eb) => ({ status: change.status, updated_at: ctx.now(), version: eb('version', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
    await writeAudit(trx, ctx, {
      action: `${entityType}.${change.status === 'published' ? 'publish' : 'unpublish'}`,
      entityType,
      entityId: String(row.id),
      before: { status: row.status },
      after: { status: change.status },
    });
  });
}
