import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { parseInput } from '../../lib/input.ts';
import { recordId } from '../actors/index.ts';
import { categoryCode, daySchema } from '../cases/index.ts';
import { type PublicIncident, type PublicOpenIncident, toPublicIncident } from './incidents.present.ts';
import { listIncidentIds, loadIncidentViews } from './incidents.repo.ts';
import { monthSchema } from './incidents.schemas.ts';

export const publicIncidentFiltersSchema = z.strictObject({
  from: daySchema.optional(),
  to: daySchema.optional(),
  counted_in: monthSchema.optional(),
  region: z.string().max(50).optional(),
  category: categoryCode.optional(),
  actor: recordId.optional(),
  case: recordId.optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(50),
});
export type PublicIncidentFilters = z.input<typeof publicIncidentFiltersSchema>;

/**
 * Published incidents as the public sees them, for the portal and the public API, newest counting
 * month first. A filter that would say something about a restricted incident's hidden content (a
 * text search, a person, a case) leaves restricted incidents out; dates match a restricted incident
 * only by its month, and it is listed after the open incidents of its month; a person filter never
 * matches an anonymous victim.
 */
export async function listPublicIncidents(db: Db, filters: PublicIncidentFilters = {}) {
  const parsed = parseInput(publicIncidentFiltersSchema, filters);
  const revealing = Boolean(parsed.q || parsed.actor || parsed.case);
  const { ids, total } = await listIncidentIds(db, {
    ...parsed,
    status: ['published'],
    ...(revealing ? { visibility: 'public' as const } : {}),
    namedActorOnly: true,
    monthOnlyForRestricted: true,
  });
  const views = await loadIncidentViews(db, ids);
  const items: PublicIncident[] = ids.flatMap((id) => {
    const view = views.get(id);
    const presented = view ? toPublicIncident(view) : null;
    return presented ? [presented] : [];
  });
  return { items, total, page: parsed.page, page_size: parsed.page_size };
}

/** One published public incident, or null (unpublished, restricted or unknown alike). */
export async function getPublicIncident(db: Db, id: string): Promise<PublicOpenIncident | null> {
  const view = (await loadIncidentViews(db, [id])).get(id);
  const presented = view ? toPublicIncident(view) : null;
  return presented && !presented.restricted ? presented : null;
}
