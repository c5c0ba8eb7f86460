import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { parseInput } from '../../lib/input.ts';
import { type PublicActor, toPublicActor } from './actors.present.ts';
import { loadActorViews } from './actors.repo.ts';
import { actorKinds } from './actors.schemas.ts';
import { matchKeyOf } from './match-key.ts';

export const publicActorFiltersSchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(actorKinds).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(50),
});
export type PublicActorFilters = z.input<typeof publicActorFiltersSchema>;

/** The condition that an actor is named somewhere public (see `actorUsage`). */
const namedInPublic = sql<boolean>`(
  exists (select 1 from incident_actors ia join incidents i on i.id = ia.incident_id
    where ia.actor_id = actors.id and i.status = 'published' and i.visibility = 'public'
      and (ia.role = 'perpetrator' or not ia.anonymous))
  or exists (select 1 from case_parties cp join cases c on c.id = cp.case_id
    where cp.actor_id = actors.id and c.status = 'published'))`;

/** Actors the public may see, by name. */
export async function listPublicActors(db: Db, filters: PublicActorFilters = {}) {
  const parsed = parseInput(publicActorFiltersSchema, filters);
  let query = db.selectFrom('actors').where('merged_into', 'is', null).where(namedInPublic);
  if (parsed.kind) query = query.where('kind', '=', parsed.kind);
  const key = parsed.q ? await matchKeyOf(db, parsed.q) : '';
  if (key) {
    query = query.where(
      sql<boolean>`exists (select 1 from actor_names an where an.actor_id = actors.id
        and (an.match_key like ${`%${key}%`} or an.match_key % ${key}))`,
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select('id')
    .orderBy('name')
    .orderBy('id')
    .limit(parsed.page_size)
    .offset((parsed.page - 1) * parsed.page_size)
    .execute();
  const views = await loadActorViews(
    db,
    rows.map((row) => row.id),
  );
  const items: PublicActor[] = rows.flatMap((row) => {
    const view = views.get(row.id);
    const presented = view ? toPublicActor(view) : null;
    return presented ? [presented] : [];
  });
  return { items, total: Number(total.n), page: parsed.page, page_size: parsed.page_size };
}

export async function getPublicActor(db: Db, id: string): Promise<PublicActor | null> {
  const view = (await loadActorViews(db, [id])).get(id);
  return view ? toPublicActor(view) : null;
}
