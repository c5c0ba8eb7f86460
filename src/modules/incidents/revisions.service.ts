import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { allRoles, requireRoles } from '../../lib/record-policy.ts';
import { listRevisions, type Revision } from '../../lib/revisions.ts';
import { type ActorView, existingActorIds, restoreActorRevision } from '../actors/index.ts';
import { type CaseView, existingCaseIds, restoreCaseRevision } from '../cases/index.ts';
import { existingIncidentIds } from './incidents.repo.ts';
import type { IncidentView } from './incidents.schemas.ts';
import { restoreIncidentRevision } from './incidents.service.ts';

export const recordEntities = ['incident', 'case', 'actor'] as const;
export type RecordEntity = (typeof recordEntities)[number];

/** The revision history of a record: its audit entries, newest first, each with its diff. */
export async function listRecordRevisions(
  ctx: ServiceContext,
  entity: RecordEntity,
  id: string,
): Promise<Revision[]> {
  requireRoles(ctx, allRoles, 'read revisions');
  const exists =
    entity === 'incident'
      ? await existingIncidentIds(ctx.db, [id])
      : entity === 'case'
        ? await existingCaseIds(ctx.db, [id])
        : await existingActorIds(ctx.db, [id]);
  if (exists.size === 0) throw new AppError('not_found', `no ${entity} ${id}`);
  return listRevisions(ctx.db, entity, id);
}

/**
 * Restores the snapshot of one revision as a new change: audited, version moved on, status kept.
 * It lives with incidents because they sit on top of cases and actors.
 */
export async function restoreRevision(
  ctx: ServiceContext,
  entity: 'incident',
  id: string,
  auditId: number,
): Promise<IncidentView>;
export async function restoreRevision(
  ctx: ServiceContext,
  entity: 'case',
  id: string,
  auditId: number,
): Promise<CaseView>;
export async function restoreRevision(
  ctx: ServiceContext,
  entity: 'actor',
  id: string,
  auditId: number,
): Promise<ActorView>;
export async function restoreRevision(
  ctx: ServiceContext,
  entity: RecordEntity,
  id: string,
  auditId: number,
): Promise<IncidentView | CaseView | ActorView>;
export async function restoreRevision(
  ctx: ServiceContext,
  entity: RecordEntity,
  id: string,
  auditId: number,
) {
  if (entity === 'incident') return restoreIncidentRevision(ctx, id, auditId);
  if (entity === 'case') return restoreCaseRevision(ctx, id, auditId);
  return restoreActorRevision(ctx, id, auditId);
}
