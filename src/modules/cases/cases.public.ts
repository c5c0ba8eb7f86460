import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { parseInput } from '../../lib/input.ts';
import { loadReferenceData } from '../../lib/reference-data.ts';
import { recordId } from '../actors/index.ts';
import { type PublicCase, toPublicCase } from './cases.present.ts';
import { listCaseIds, loadCaseViews } from './cases.repo.ts';
import { caseKinds, categoryCode, daySchema } from './cases.schemas.ts';

export const publicCaseFiltersSchema = z.strictObject({
  kind: z.enum(caseKinds).optional(),
  subject: categoryCode.optional(),
  actor: recordId.optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(50),
});
export type PublicCaseFilters = z.input<typeof publicCaseFiltersSchema>;

/** Published cases as the public sees them. */
export async function listPublicCases(db: Db, filters: PublicCaseFilters = {}) {
  const parsed = parseInput(publicCaseFiltersSchema, filters);
  const { ids, total } = await listCaseIds(db, { ...parsed, status: ['published'] });
  const views = await loadCaseViews(db, ids, await loadReferenceData(db));
  const items: PublicCase[] = ids.flatMap((id) => {
    const view = views.get(id);
    const presented = view ? toPublicCase(view) : null;
    return presented ? [presented] : [];
  });
  return { items, total, page: parsed.page, page_size: parsed.page_size };
}

export async function getPublicCase(db: Db, id: string): Promise<PublicCase | null> {
  const view = (await loadCaseViews(db, [id], await loadReferenceData(db))).get(id);
  return view ? toPublicCase(view) : null;
}
