import { diffJson } from 'diff';
import type { Db } from '../db/client.ts';
import type { AuditEntry } from './audit.ts';
import { AppError } from './errors.ts';

export type RevisionDiffPart = { op: 'add' | 'remove' | 'same'; text: string };

export type Revision = {
  audit_id: number;
  occurred_at: string;
  action: string;
  via: string;
  user: { id: number; display_name: string } | null;
  /** The record's version after this change, when the snapshot has one. */
  version: number | null;
  /** Top-level fields whose value differs between the snapshot before and after. */
  changed_fields: string[];
  diff: RevisionDiffPart[];
};

/** Fields that change on every save and say nothing about the content. */
const bookkeeping = new Set(['version', 'created_at', 'updated_at', 'published_at']);

function content(snapshot: unknown): Record<string, unknown> {
  if (!snapshot || typeof snapshot !== 'object' || Array.isArray(snapshot)) return {};
  return Object.fromEntries(Object.entries(snapshot).filter(([key]) => !bookkeeping.has(key)));
}

/** A line diff of two snapshots (pretty JSON with sorted keys), without the bookkeeping fields. */
export function diffSnapshots(
  before: unknown,
  after: unknown,
): { changed_fields: string[]; diff: RevisionDiffPart[] } {
  const a = content(before);
  const b = content(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const changed = keys.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
  const diff = diffJson(a, b).map((part) => ({
    op: part.added ? ('add' as const) : part.removed ? ('remove' as const) : ('same' as const),
    text: part.value,
  }));
  return { changed_fields: changed, diff };
}

/** Every audit entry of one record, newest first, each with the diff it made. */
export async function listRevisions(
  db: Db,
  entityType: AuditEntry['entityType'],
  entityId: string,
): Promise<Revision[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .where('audit_log.entity_type', '=', entityType)
    .where('audit_log.entity_id', '=', entityId)
    .orderBy('audit_log.id', 'desc')
    .select([
      'audit_log.id',
      'audit_log.occurred_at',
      'audit_log.action',
      'audit_log.via',
      'audit_log.before',
      'audit_log.after',
      'audit_log.user_id',
      'users.display_name',
    ])
    .execute();
  return rows.map((row) => {
    const after = row.after as { version?: unknown } | null;
    return {
      audit_id: row.id,
      occurred_at: new Date(row.occurred_at).toISOString(),
      action: row.action,
      via: row.via,
      user: row.user_id === null ? null : { id: row.user_id, display_name: row.display_name ?? '' },
      version: typeof after?.version === 'number' ? after.version : null,
      ...diffSnapshots(row.before, row.after),
    };
  });
}

/** The snapshot a revision left behind, to restore it. */
export async function revisionSnapshot(
  db: Db,
  entityType: AuditEntry['entityType'],
  entityId: string,
  auditId: number,
): Promise<unknown> {
  const row = await db
    .selectFrom('audit_log')
    .where('id', '=', auditId)
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .select(['after'])
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `no revision ${auditId} of ${entityType} ${entityId}`);
  if (row.after === null) {
    throw new AppError('conflict', `revision ${auditId} of ${entityType} ${entityId} holds no snapshot`);
  }
  return row.after;
}
