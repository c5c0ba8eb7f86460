import type { Db } from '../db/client.ts';
import type { AuditEntry } from './audit.ts';
import { AppError } from './errors.ts';

/**
 * Optimistic concurrency: an update carries the version it was based on. When the record moved on
 * in the meantime, the update is refused with who changed it and when, so no edit is lost silently.
 */
export async function assertCurrentVersion(
  db: Db,
  entity: { type: AuditEntry['entityType']; id: string; label: string },
  current: number,
  expected: number,
): Promise<void> {
  if (current === expected) return;
  const last = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .where('audit_log.entity_type', '=', entity.type)
    .where('audit_log.entity_id', '=', entity.id)
    .orderBy('audit_log.id', 'desc')
    .select(['audit_log.occurred_at', 'audit_log.via', 'users.display_name', 'users.email'])
    .executeTakeFirst();
  const who = last?.display_name
    ? `${last.display_name} (${last.email ?? ''})`
    : last
      ? `the ${last.via} process`
      : 'someone else';
  const when = last ? ` on ${formatUtc(new Date(last.occurred_at))}` : '';
  throw new AppError(
    'stale_version',
    `${entity.label} ${entity.id} was changed by ${who}${when} after you opened it ` +
      `(your copy is version ${expected}, the record is now version ${current}); ` +
      'reload it and apply your changes again',
    { field: 'version' },
  );
}

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
