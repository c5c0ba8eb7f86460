import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userContext } from '../../../test/context.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { createActor, getActor, listActors, resolveActorRefs, suggestActors, updateActor } from './index.ts';

let database: TestDatabase;
let monitor: ServiceContext;
let lawyer: ServiceContext;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  monitor = await userContext(database.db, 'monitor', { displayName: 'Monitor One' });
  lawyer = await userContext(database.db, 'lawyer');
  const people: Array<[string, string, string[], string]> = [
    ['kaidarova', 'Dilyara Kaidarova', ['Кайдарова Диляра'], 'citizen'],
    ['toiken', 'Sania Toiken', [], 'journalist'],
    ['aidasheva', 'Asel Aidasheva', [], 'private_person'],
    ['kaldarbek', 'Maksat Kaldarbek', [], 'citizen'],
    ['outlet', 'Steppe Herald', ['Степной вестник'], 'media_outlet'],
  ];
  for (const [key, name, variants, kind] of people) {
    ids[key] = (await createActor(monitor, { name, variants, kind: kind as 'citizen' })).id;
  }
});
afterAll(async () => {
  await database.close();
});

describe('actors', () => {
  it('creates an actor with its spellings and keys, audited', async () => {
    const actor = await getActor(monitor, ids.kaidarova ?? '');
    expect(actor).toMatchObject({ name: 'Dilyara Kaidarova', variants: ['Кайдарова Диляра'], version: 1 });
    const names = await database.db
      .selectFrom('actor_names')
      .where('actor_id', '=', actor.id)
      .orderBy('id')
      .select(['name', 'match_key'])
      .execute();
    expect(names).toEqual([
      { name: 'Dilyara Kaidarova', match_key: 'diliara kaidarova' },
      { name: 'Кайдарова Диляра', match_key: 'kaidarova diliara' },
    ]);
    const audit = await database.db
      .selectFrom('audit_log')
      .where('entity_id', '=', actor.id)
      .select('action')
      .execute();
    expect(audit).toEqual([{ action: 'actor.create' }]);
  });

  it('refuses a stale update, naming who changed the actor', async () => {
    const actor = await createActor(monitor, { name: 'Demo Editor Person', kind: 'editor' });
    await updateActor(monitor, { id: actor.id, version: 1, variants: ['Demo Editor Persona'] });
    await expect(updateActor(lawyer, { id: actor.id, version: 1, name: 'Other' })).rejects.toThrow(
      /changed by Monitor One .*version 1, the record is now version 2/,
    );
  });

  it.each([
    ['Kaydarova', 'kaidarova'],
    ['Кайдарова', 'kaidarova'],
    ['Kaid', 'kaidarova'],
    ['Toyken', 'toiken'],
    ['Тойкен', 'toiken'],
    ['Adasheva', 'aidasheva'],
    ['Aydasheva', 'aidasheva'],
    ['Степной', 'outlet'],
  ])('suggests the right actor for "%s" across scripts and spellings', async (typed, expected) => {
    const suggestions = await suggestActors(database.db, typed, 5);
    expect(suggestions[0]?.id).toBe(ids[expected]);
    expect(suggestions[0]?.score).toBeGreaterThan(0.3);
  });

  it('suggests nothing for nonsense, and matches short input by word start', async () => {
    expect(await suggestActors(database.db, 'qwxyz', 5)).toEqual([]);
    expect(await suggestActors(database.db, '  ', 5)).toEqual([]);
    const short = await suggestActors(database.db, 'To', 5);
    expect(short.map((s) => s.id)).toContain(ids.toiken);
  });

  it('resolves references by exact name and kind, creating only what is new', async () => {
    const [existing, created, again] = await resolveActorRefs(monitor, [
      { name: 'Sania Toiken', kind: 'journalist' },
      { name: 'Brand New Person', kind: 'journalist' },
      { name: 'Brand New Person', kind: 'journalist' },
    ]);
    expect(existing).toBe(ids.toiken);
    expect(created).toBe(again);
    const [otherKind] = await resolveActorRefs(monitor, [{ name: 'Sania Toiken', kind: 'blogger' }]);
    expect(otherKind).not.toBe(ids.toiken);
  });

  it('lists with a transliteration-aware filter', async () => {
    const list = await listActors(monitor, { q: 'Kaydarova' });
    expect(list.items.map((a) => a.id)).toEqual([ids.kaidarova]);
    expect(list.items[0]?.usage).toEqual({ incidents: 0, cases: 0, public: 0 });
  });
});
