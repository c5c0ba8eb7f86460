import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userContext } from '../../../test/context.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { createActor, getActor, suggestActors } from '../actors/index.ts';
import { createCase, getCase } from '../cases/index.ts';
import { createIncident, getIncident, mergeActors, splitActor } from './index.ts';

let database: TestDatabase;
let editor: ServiceContext;
let monitor: ServiceContext;
let survivor: string;
let duplicate: string;
let third: string;
const incidents: string[] = [];
const cases: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  editor = await userContext(database.db, 'editor');
  monitor = await userContext(database.db, 'monitor');
  survivor = (await createActor(monitor, { name: 'Sania Toiken', kind: 'journalist' })).id;
  duplicate = (await createActor(monitor, { name: 'Sania Toyken', kind: 'journalist' })).id;
  third = (await createActor(monitor, { name: 'S. Toiken', kind: 'journalist' })).id;
  const base = { date: '2019-03-11', categories: ['detention'], title: { en: 'x' } };
  incidents.push((await createIncident(monitor, { ...base, victims: [{ actor_id: survivor }] })).id);
  incidents.push(
    (await createIncident(monitor, { ...base, victims: [{ actor_id: duplicate, anonymous: true }] })).id,
  );
  incidents.push(
    (
      await createIncident(monitor, {
        ...base,
        victims: [{ actor_id: survivor }, { actor_id: duplicate, anonymous: true }],
      })
    ).id,
  );
  const events = [{ date: '2019-03-12', kind: 'decision' as const, instance: 'first' as const }];
  cases.push(
    (
      await createCase(monitor, {
        kind: 'administrative',
        events,
        parties: [{ actor_id: duplicate, role: 'accused' }],
      })
    ).id,
  );
  cases.push(
    (
      await createCase(monitor, {
        kind: 'administrative',
        events,
        parties: [
          { actor_id: survivor, role: 'accused' },
          { actor_id: duplicate, role: 'accused' },
        ],
      })
    ).id,
  );
});
afterAll(async () => {
  await database.close();
});

const victimsOf = async (id: string) =>
  (await getIncident(editor, id)).victims.map((v) => [
    v.actor_id === survivor ? 'survivor' : v.actor_id === duplicate ? 'duplicate' : v.actor_id,
    v.anonymous,
  ]);
const partiesOf = async (id: string) =>
  (await getCase(editor, id)).parties.map((p) =>
    p.actor_id === survivor ? 'survivor' : p.actor_id === duplicate ? 'duplicate' : p.actor_id,
  );

describe('merging and splitting actors', () => {
  it('is for editors', async () => {
    await expect(mergeActors(monitor, { survivor_id: survivor, merged_id: duplicate })).rejects.toMatchObject(
      {
        code: 'forbidden',
      },
    );
    await expect(mergeActors(editor, { survivor_id: survivor, merged_id: survivor })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('moves every link to the survivor, keeping the stricter privacy, with history', async () => {
    const versions = await Promise.all(incidents.map(async (id) => (await getIncident(editor, id)).version));
    const result = await mergeActors(editor, { survivor_id: survivor, merged_id: duplicate });
    expect(result.incidents).toEqual([...incidents.slice(1)].sort());
    expect(result.merged.merged_into).toBe(survivor);
    expect(result.survivor.merged_from).toEqual([duplicate]);
    expect(await victimsOf(incidents[0] ?? '')).toEqual([['survivor', false]]);
    expect(await victimsOf(incidents[1] ?? '')).toEqual([['survivor', true]]);
    // Both were victims of one incident; the duplicate was anonymous, so the survivor is now too.
    expect(await victimsOf(incidents[2] ?? '')).toEqual([['survivor', true]]);
    expect(await partiesOf(cases[0] ?? '')).toEqual(['survivor']);
    expect(await partiesOf(cases[1] ?? '')).toEqual(['survivor']);
    expect((await getIncident(editor, incidents[0] ?? '')).version).toBe(versions[0]);
    expect((await getIncident(editor, incidents[1] ?? '')).version).toBe((versions[1] ?? 0) + 1);
    const actions = await database.db
      .selectFrom('audit_log')
      .where('action', 'like', '%merge')
      .select(['action', 'entity_id'])
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'actor.merge',
      'actor.merge',
      'case.actor_merge',
      'case.actor_merge',
      'incident.actor_merge',
      'incident.actor_merge',
    ]);
    // The merged spelling still finds the survivor.
    expect((await suggestActors(database.db, 'Sania Toyken', 3))[0]?.id).toBe(survivor);
    await expect(mergeActors(editor, { survivor_id: survivor, merged_id: duplicate })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('splits again, putting back exactly the links that moved', async () => {
    const result = await splitActor(editor, duplicate);
    expect(result.merged.merged_into).toBeNull();
    expect(await victimsOf(incidents[0] ?? '')).toEqual([['survivor', false]]);
    expect(await victimsOf(incidents[1] ?? '')).toEqual([['duplicate', true]]);
    expect(await victimsOf(incidents[2] ?? '')).toEqual([
      ['survivor', false],
      ['duplicate', true],
    ]);
    expect(await partiesOf(cases[0] ?? '')).toEqual(['duplicate']);
    expect(await partiesOf(cases[1] ?? '')).toEqual(['survivor', 'duplicate']);
    expect((await getActor(editor, duplicate)).merged_into).toBeNull();
    await expect(splitActor(editor, duplicate)).rejects.toMatchObject({ code: 'not_found' });
    const splits = await database.db
      .selectFrom('audit_log')
      .where('action', 'like', '%split')
      .select('action')
      .execute();
    expect(splits).toHaveLength(6);
  });

  it('undoes merges from the last one back', async () => {
    await mergeActors(editor, { survivor_id: survivor, merged_id: duplicate });
    await mergeActors(editor, { survivor_id: third, merged_id: survivor });
    expect(await victimsOf(incidents[1] ?? '')).toEqual([[third, true]]);
    expect((await suggestActors(database.db, 'Sania Toyken', 3))[0]?.id).toBe(third);
    await expect(splitActor(editor, duplicate)).rejects.toThrow(`split ${survivor} first`);
    await splitActor(editor, survivor);
    await splitActor(editor, duplicate);
    expect(await victimsOf(incidents[2] ?? '')).toEqual([
      ['survivor', false],
      ['duplicate', true],
    ]);
  });
});
