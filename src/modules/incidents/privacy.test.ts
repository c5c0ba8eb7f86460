import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import {
  expectNoLeaks,
  findLeaks,
  type PlantedRecords,
  type PublicOutput,
  plantPrivateMarkers,
  privateMarkers,
  publicControlMarker,
} from '../../../test/leak-scan.ts';
import { loadReferenceData } from '../../lib/reference-data.ts';
import { getPublicActor, listPublicActors, loadActorViews, toPublicActor } from '../actors/index.ts';
import { getPublicCase, listPublicCases, loadCaseViews, toPublicCase } from '../cases/index.ts';
import { exportToString } from '../interchange/index.ts';
import { getPublicIncident, listPublicIncidents, loadIncidentViews, toPublicIncident } from './index.ts';

let database: TestDatabase;
let planted: PlantedRecords;

beforeAll(async () => {
  database = await createTestDatabase();
  planted = await plantPrivateMarkers(database.db);
});
afterAll(async () => {
  await database.close();
});

const json = (name: string, value: unknown): PublicOutput => ({ name, body: JSON.stringify(value) });

async function everyPublicOutput(): Promise<PublicOutput[]> {
  const { db } = database;
  const ids = async (table: 'incidents' | 'cases' | 'actors') =>
    (await db.selectFrom(table).select('id').execute()).map((row) => row.id);
  const [incidentIds, caseIds, actorIds] = await Promise.all([ids('incidents'), ids('cases'), ids('actors')]);
  const outputs: PublicOutput[] = [];
  for (const view of (await loadIncidentViews(db, incidentIds)).values()) {
    outputs.push(json(`toPublicIncident(${view.id})`, toPublicIncident(view)));
    outputs.push(json(`getPublicIncident(${view.id})`, await getPublicIncident(db, view.id)));
  }
  for (const view of (await loadCaseViews(db, caseIds, await loadReferenceData(db))).values()) {
    outputs.push(json(`toPublicCase(${view.id})`, toPublicCase(view)));
    outputs.push(json(`getPublicCase(${view.id})`, await getPublicCase(db, view.id)));
  }
  for (const view of (await loadActorViews(db, actorIds)).values()) {
    outputs.push(json(`toPublicActor(${view.id})`, toPublicActor(view)));
    outputs.push(json(`getPublicActor(${view.id})`, await getPublicActor(db, view.id)));
  }
  outputs.push(json('listPublicIncidents()', await listPublicIncidents(db)));
  outputs.push(json('listPublicIncidents(month)', await listPublicIncidents(db, { counted_in: '2024-05' })));
  outputs.push(json('listPublicCases()', await listPublicCases(db)));
  outputs.push(json('listPublicActors()', await listPublicActors(db)));
  for (const format of ['jsonl', 'csv'] as const) {
    const { text } = await exportToString(db, { format, public: true });
    outputs.push({ name: `export --public --format ${format}`, body: text });
  }
  return outputs;
}

describe('privacy', () => {
  it('keeps every private field out of every public output', async () => {
    expectNoLeaks(await everyPublicOutput());
  });

  it('really stores the markers: the editorial export holds them', async () => {
    const { text } = await exportToString(database.db, { format: 'jsonl' });
    const leaks = findLeaks([{ name: 'editorial export', body: text }]).map((leak) => leak.field);
    expect(leaks).toEqual(
      expect.arrayContaining(Object.keys(privateMarkers).filter((key) => key !== 'anonymousVictimVariant')),
    );
    expect(findLeaks([{ name: 'x', body: `… ${privateMarkers.caseEditorialNote} …` }])).toHaveLength(1);
  });

  it('shows a restricted incident only by its month, region and categories', async () => {
    const view = (await loadIncidentViews(database.db, [planted.restrictedIncidentId])).get(
      planted.restrictedIncidentId,
    );
    expect(view && toPublicIncident(view)).toEqual({
      restricted: true,
      month: '2024-05',
      region: 'almaty_city',
      categories: ['attack'],
    });
    expect(await getPublicIncident(database.db, planted.restrictedIncidentId)).toBeNull();
  });

  it('names no anonymous victim, and no confidential source, in a public incident', async () => {
    const presented = await getPublicIncident(database.db, planted.publicIncidentId);
    expect(presented?.title).toEqual({ en: publicControlMarker });
    expect(presented?.victims).toEqual([
      { anonymous: true, kind: 'journalist' },
      { actor_id: expect.any(String), name: 'Leak Scan Named Victim', kind: 'journalist' },
    ]);
    expect(presented?.sources).toEqual([
      { url: 'https://public.example/article', outlet: 'Leak Scan Gazette', title: null },
    ]);
    expect(presented?.links).toEqual([]);
    expect(presented?.cases).toEqual([planted.publicCaseId]);
  });

  it('never lets a search or a filter reveal what a restricted incident or an anonymous victim hides', async () => {
    const { db } = database;
    expect((await listPublicIncidents(db, { q: privateMarkers.restrictedTitle })).total).toBe(0);
    expect((await listPublicIncidents(db, { q: privateMarkers.restrictedLocality })).total).toBe(0);
    expect((await listPublicIncidents(db, { case: planted.publicCaseId })).total).toBe(1);
    expect((await listPublicActors(db, { q: privateMarkers.anonymousVictimName })).total).toBe(0);
    expect((await listPublicActors(db, { q: privateMarkers.restrictedVictim })).total).toBe(0);
    const anonymous = await db
      .selectFrom('actors')
      .where('name', '=', privateMarkers.anonymousVictimName)
      .select('id')
      .executeTakeFirstOrThrow();
    expect((await listPublicIncidents(db, { actor: anonymous.id })).total).toBe(0);
    expect(await getPublicActor(db, anonymous.id)).toBeNull();
  });

  it('never lets dates or order give away a restricted incident’s day or id', async () => {
    const { db } = database;
    const restrictedEntries = async (day: string) =>
      (await listPublicIncidents(db, { from: day, to: day })).items.filter((item) => item.restricted).length;
    // Any day of its month finds it, or none does: only the month is public.
    expect(await restrictedEntries('2024-05-07')).toBe(1);
    expect(await restrictedEntries('2024-05-06')).toBe(1);
    expect(await restrictedEntries('2024-06-07')).toBe(0);
    const items = (await listPublicIncidents(db, { counted_in: '2024-05' })).items;
    expect(items.at(-1)?.restricted).toBe(true);
    const exported = (await exportToString(db, { format: 'jsonl', public: true })).text.trim().split('\n');
    expect(exported.at(-1)).toBe(
      '{"type":"incident","counted_in":"2024-05","region":"almaty_city","categories":["attack"],"status":"published","visibility":"restricted"}',
    );
  });

  it('shows only published records', async () => {
    expect(await getPublicIncident(database.db, planted.draftIncidentId)).toBeNull();
    expect(await getPublicCase(database.db, planted.draftCaseId)).toBeNull();
    const publicCase = await getPublicCase(database.db, planted.publicCaseId);
    expect(publicCase?.incidents).toEqual([planted.publicIncidentId]);
  });
});
