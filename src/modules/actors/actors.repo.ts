import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { chunked, groupBy, unique } from '../../lib/batch.ts';
import { normalizeLocalized } from '../../lib/localized.ts';
import type { ActorKind, ActorRecord, ActorView, ActorWrite } from './actors.schemas.ts';
import { matchKeyOf } from './match-key.ts';

/** Every spelling of an actor (its name, its name in each language, its variants); the database keys each. */
function nameRows(write: ActorWrite) {
  const names = unique([write.name, ...Object.values(write.names), ...write.variants]);
  return names.map((name) => ({ actor_id: write.id, name }));
}

export async function insertActors(trx: Db, writes: readonly ActorWrite[], now: Date) {
  for (const batch of chunked(writes)) {
    await trx
      .insertInto('actors')
      .values(
        batch.map((write) => ({
          id: write.id,
          kind: write.kind,
          name: write.name,
          names: JSON.stringify(write.names),
          description: JSON.stringify(write.description),
          merged_into: null,
          is_demo: write.is_demo,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  for (const batch of chunked(writes.flatMap(nameRows), 2000)) {
    await trx.insertInto('actor_names').values(batch).execute();
  }
  // Merges point at other actors, which may be in the same batch: set them once every row exists.
  for (const write of writes.filter((w) => w.merged_into !== null)) {
    await trx
      .updateTable('actors')
      .set({ merged_into: write.merged_into })
      .where('id', '=', write.id)
      .execute();
  }
}

/** Rewrites an actor's fields and spellings, and moves its version on by one. */
export async function updateActorRow(trx: Db, write: ActorWrite, now: Date) {
  await trx
    .updateTable('actors')
    .set((eb) => ({
      kind: write.kind,
      name: write.name,
      names: JSON.stringify(write.names),
      description: JSON.stringify(write.description),
      merged_into: write.merged_into,
      is_demo: write.is_demo,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', write.id)
    .execute();
  await trx.deleteFrom('actor_names').where('actor_id', '=', write.id).execute();
  await trx.insertInto('actor_names').values(nameRows(write)).execute();
}

export async function bumpActorVersion(trx: Db, id: string, now: Date) {
  await trx
    .updateTable('actors')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
}

export async function lockActor(trx: Db, id: string) {
  return trx
    .selectFrom('actors')
    .where('id', '=', id)
    .select(['id', 'version', 'merged_into'])
    .forUpdate()
    .executeTakeFirst();
}

export async function loadActorRecords(db: Db, ids: readonly string[]): Promise<Map<string, ActorRecord>> {
  const out = new Map<string, ActorRecord>();
  for (const batch of chunked(unique(ids), 1000)) {
    if (batch.length === 0) continue;
    const rows = await db.selectFrom('actors').where('id', 'in', batch).selectAll().execute();
    const names = await db
      .selectFrom('actor_names')
      .where('actor_id', 'in', batch)
      .orderBy('id')
      .select(['actor_id', 'name'])
      .execute();
    const namesByActor = groupBy(names, (n) => n.actor_id);
    for (const row of rows) {
      const localized = normalizeLocalized(row.names);
      const known = new Set([row.name, ...Object.values(localized)]);
      out.set(row.id, {
        id: row.id,
        kind: row.kind as ActorKind,
        name: row.name,
        names: localized,
        description: normalizeLocalized(row.description),
        variants: (namesByActor.get(row.id) ?? []).filter((n) => !known.has(n.name)).map((n) => n.name),
        merged_into: row.merged_into,
        is_demo: row.is_demo,
        version: row.version,
      });
    }
  }
  return out;
}

export async function loadActorViews(db: Db, ids: readonly string[]): Promise<Map<string, ActorView>> {
  const records = await loadActorRecords(db, ids);
  const out = new Map<string, ActorView>();
  if (records.size === 0) return out;
  const present = [...records.keys()];
  const times = await db
    .selectFrom('actors')
    .where('id', 'in', present)
    .select(['id', 'created_at', 'updated_at'])
    .execute();
  const mergedFrom = await db
    .selectFrom('actors')
    .where('merged_into', 'in', present)
    .orderBy('id')
    .select(['id', 'merged_into'])
    .execute();
  const usage = await actorUsage(db, present);
  const mergedByTarget = groupBy(mergedFrom, (m) => m.merged_into ?? '');
  for (const time of times) {
    const record = records.get(time.id);
    if (!record) continue;
    out.set(time.id, {
      ...record,
      created_at: new Date(time.created_at).toISOString(),
      updated_at: new Date(time.updated_at).toISOString(),
      merged_from: (mergedByTarget.get(time.id) ?? []).map((m) => m.id),
      usage: usage.get(time.id) ?? { incidents: 0, cases: 0, public: 0 },
    });
  }
  return out;
}

/**
 * How often each actor appears. `public` counts only what the public may see: a perpetrator or a
 * named victim of a published public incident, or a party to a published case. An actor who only
 * appears as an anonymous victim, or only in restricted incidents, has no public appearance.
 */
export async function actorUsage(db: Db, ids: readonly string[]) {
  const out = new Map<string, ActorView['usage']>();
  if (ids.length === 0) return out;
  const rows = await sql<{ actor_id: string; incidents: number; cases: number; public: number }>`
    select actor_id,
      count(*) filter (where source = 'incident')::int as incidents,
      count(*) filter (where source = 'case')::int as cases,
      count(*) filter (where is_public)::int as public
    from (
      select ia.actor_id, 'incident' as source,
        (i.status = 'published' and i.visibility = 'public' and (ia.role = 'perpetrator' or not ia.anonymous)) as is_public
      from incident_actors ia join incidents i on i.id = ia.incident_id
      where ia.actor_id in (${sql.join(ids)})
      union all
      select cp.actor_id, 'case', c.status = 'published'
      from case_parties cp join cases c on c.id = cp.case_id
      where cp.actor_id in (${sql.join(ids)})
    ) appearances
    group by actor_id`.execute(db);
  for (const row of rows.rows) {
    out.set(row.actor_id, { incidents: row.incidents, cases: row.cases, public: row.public });
  }
  return out;
}

/** Follows merges to the surviving actor of each id (a merged actor points at its survivor). */
export async function resolveSurvivors(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>(ids.map((id) => [id, id]));
  let pending = unique(ids);
  for (let depth = 0; depth < 20 && pending.length > 0; depth++) {
    const rows = await db
      .selectFrom('actors')
      .where('id', 'in', pending)
      .where('merged_into', 'is not', null)
      .select(['id', 'merged_into'])
      .execute();
    if (rows.length === 0) break;
    const step = new Map(rows.map((row) => [row.id, row.merged_into ?? row.id]));
    for (const [original, current] of out) {
      const next = step.get(current);
      if (next) out.set(original, next);
    }
    pending = unique(rows.map((row) => row.merged_into ?? row.id));
  }
  return out;
}

export const nameKindKey = (name: string, kind: string) => `${kind}\u0000${name}`;

/**
 * Actors by exact name (any spelling) and kind, resolved to survivors of merges. When several
 * actors carry the name, the one whose main name it is wins, then the lowest id, so the choice is
 * the same on every run.
 */
export async function findActorsByNameKind(
  db: Db,
  refs: ReadonlyArray<{ name: string; kind: string }>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const names = unique(refs.map((ref) => ref.name));
  const candidates: Array<{ name: string; kind: string; id: string; main: boolean }> = [];
  for (const batch of chunked(names, 1000)) {
    if (batch.length === 0) continue;
    const rows = await db
      .selectFrom('actor_names')
      .innerJoin('actors', 'actors.id', 'actor_names.actor_id')
      .where('actor_names.name', 'in', batch)
      .select(['actor_names.name as spelling', 'actors.kind', 'actors.id', 'actors.name'])
      .execute();
    for (const row of rows) {
      candidates.push({ name: row.spelling, kind: row.kind, id: row.id, main: row.name === row.spelling });
    }
  }
  candidates.sort((a, b) => Number(b.main) - Number(a.main) || a.id.localeCompare(b.id));
  for (const candidate of candidates) {
    const key = nameKindKey(candidate.name, candidate.kind);
    if (!out.has(key)) out.set(key, candidate.id);
  }
  const survivors = await resolveSurvivors(db, [...out.values()]);
  for (const [key, id] of out) out.set(key, survivors.get(id) ?? id);
  return out;
}

export async function existingActorIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const batch of chunked(unique(ids), 1000)) {
    if (batch.length === 0) continue;
    const rows = await db.selectFrom('actors').where('id', 'in', batch).select('id').execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/**
 * Spellings close to what was typed, by trigram similarity of the match keys (whole-name similarity
 * or the typed text matching part of a name). Short input matches the start of a word instead.
 */
export async function findSimilarNames(db: Db, key: string, limit: number) {
  const score = sql<number>`greatest(similarity(actor_names.match_key, ${key}), word_similarity(${key}, actor_names.match_key))`;
  let query = db
    .selectFrom('actor_names')
    .innerJoin('actors', 'actors.id', 'actor_names.actor_id')
    .select(['actor_names.actor_id', 'actor_names.name as matched', score.as('score')]);
  if (key.length < 3) {
    query = query.where((eb) =>
      eb.or([
        eb('actor_names.match_key', 'like', `${key}%`),
        eb('actor_names.match_key', 'like', `% ${key}%`),
      ]),
    );
  } else {
    query = query.where(
      sql<boolean>`(actor_names.match_key % ${key} or ${key} <% actor_names.match_key or actor_names.match_key like ${`%${key}%`})`,
    );
  }
  return query.orderBy('score', 'desc').orderBy('actor_names.actor_id').limit(limit).execute();
}

export async function listActorIds(
  db: Db,
  filters: { q?: string; kind?: ActorKind; include_merged?: boolean; page: number; page_size: number },
) {
  let query = db.selectFrom('actors');
  if (!filters.include_merged) query = query.where('merged_into', 'is', null);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  const key = filters.q ? await matchKeyOf(db, filters.q) : '';
  if (key) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('actor_names')
          .whereRef('actor_names.actor_id', '=', 'actors.id')
          .where(sql<boolean>`(actor_names.match_key like ${`%${key}%`} or actor_names.match_key % ${key})`)
          .select(sql`1`.as('one')),
      ),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select('id')
    .orderBy('name')
    .orderBy('id')
    .limit(filters.page_size)
    .offset((filters.page - 1) * filters.page_size)
    .execute();
  return { ids: rows.map((row) => row.id), total: Number(total.n) };
}
