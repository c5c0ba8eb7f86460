import type { Db } from '../db/client.ts';
import type { ServiceContext } from './context.ts';

export type AuditEntry = {
  /** `<entity>.<verb>`, e.g. 'incident.create', 'incident.transition', 'actor.merge'. */
  action: string;
  entityType:
    | 'incident'
    | 'case'
    | 'actor'
    | 'user'
    | 'bulletin'
    | 'question'
    | 'appeal'
    | 'blocking'
    | 'info_request'
    | 'import'
    | 'intake_source'
    | 'intake_candidate'
    | 'session'
    | 'database';
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Writes one audit entry. Pass the transaction of the change itself, so the entry and the change
 * land together or not at all.
 */
export async function writeAudit(
  trx: Db,
  ctx: Pick<ServiceContext, 'user' | 'via' | 'now'>,
  entry: AuditEntry,
) {
  await trx
    .insertInto('audit_log')
    .values({
      occurred_at: ctx.now(),
      user_id: ctx.user?.id ?? null,
      via: ctx.via,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}
