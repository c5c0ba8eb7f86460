import type { Db } from '../db/client.ts';
import type { AuditEntry } from './audit.ts';
import { errorText } from './errors.messages.ts';
import { AppError, type ErrorDetail } from './errors.ts';

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
  // The person's name, or how the change came (cli, import), or nobody known.
  const who = last?.display_name ? `${last.display_name} (${last.email ?? ''})` : (last?.via ?? '');
  const detail: ErrorDetail = last
    ? {
        key: last.display_name ? 'staleVersionBy' : 'staleVersionVia',
        params: { id: entity.id, who, when: formatUtc(new Date(last.occurred_at)), expected, current },
      }
    : { key: 'staleVersion', params: { id: entity.id, expected, current } };
  const english = errorText('en', detail.key, detail.params);
  throw new AppError('stale_version', `${entity.label} ${english}`, { field: 'version', detail });
}

function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
