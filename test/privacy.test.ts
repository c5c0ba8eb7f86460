import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { exportToString } from '../src/modules/interchange/index.ts';
import { buildServer } from '../src/server.tsx';
import { createTestDatabase, type TestDatabase } from './database.ts';
import {
  expectNoLeaks,
  findLeaks,
  type PlantedRecords,
  type PublicOutput,
  plantPrivateMarkers,
  privateMarkers,
  publicControlMarker,
} from './leak-scan.ts';

/**
 * The privacy leak scan on the live public side: every answer of the API (/api/v1) and every page
 * of the portal that shows records, as a visitor gets them over HTTP, and `export --public`. Records
 * carry a marker in every private field (leak-scan.ts); none may come out.
 */
let database: TestDatabase;
let planted: PlantedRecords;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  planted = await plantPrivateMarkers(database.db);
  app = await buildServer(
    {
      config: loadConfig({ PUBLIC_URL: 'https://sozwatch.example' }),
      db: database.db,
      engine: database.engine,
      now: () => new Date('2024-07-15T10:00:00Z'),
    },
    { logger: false },
  );
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function fetchText(url: string): Promise<PublicOutput> {
  const response = await app.inject({ url, headers: { accept: 'text/html,application/json' } });
  expect(response.statusCode, url).toBeLessThan(400);
  return { name: url, body: response.body };
}

async function apiData<T>(url: string): Promise<T> {
  const response = await app.inject({ url });
  expect(response.statusCode, url).toBe(200);
  return response.json().data as T;
}

/** Every public answer about the planted records, found the way a visitor finds them: from the lists. */
async function everyPublicOutput(): Promise<PublicOutput[]> {
  const outputs: PublicOutput[] = [];
  const incidents = await apiData<Array<{ id: string }>>('/api/v1/incidents?per_page=100');
  const cases = await apiData<Array<{ id: string }>>('/api/v1/cases?per_page=100');
  const actors = await apiData<Array<{ id: string }>>('/api/v1/actors?per_page=100');
  expect(incidents.length).toBeGreaterThan(1);
  expect(cases.length).toBeGreaterThan(0);
  const lists = [
    '/api/v1/incidents?per_page=100',
    '/api/v1/incidents?month=2024-05',
    '/api/v1/incidents/facets',
    '/api/v1/incidents.csv',
    '/api/v1/incidents.json',
    '/api/v1/cases?per_page=100',
    '/api/v1/actors?per_page=100',
    '/api/v1/stats?month=2024-05',
    '/api/v1/stats/incidents?year=2024&by=region,category,victim_kind,perpetrator_kind',
    '/en/incidents',
    '/en/incidents?month=2024-05',
    '/en/cases',
    '/en/actors',
    '/en/statistics',
    '/en/feed.xml',
    '/sitemap.xml',
    '/ru',
  ];
  for (const url of lists) outputs.push(await fetchText(url));
  for (const { id } of incidents) {
    outputs.push(await fetchText(`/api/v1/incidents/${encodeURIComponent(id)}`));
    outputs.push(await fetchText(`/en/incidents/${encodeURIComponent(id)}`));
  }
  for (const { id } of cases) {
    outputs.push(await fetchText(`/api/v1/cases/${encodeURIComponent(id)}`));
    outputs.push(await fetchText(`/en/cases/${encodeURIComponent(id)}`));
  }
  for (const { id } of actors) {
    outputs.push(await fetchText(`/api/v1/actors/${encodeURIComponent(id)}`));
    outputs.push(await fetchText(`/en/actors/${encodeURIComponent(id)}`));
  }
  for (const format of ['jsonl', 'csv'] as const) {
    const { text } = await exportToString(database.db, { format, public: true });
    outputs.push({ name: `export --public --format ${format}`, body: text });
  }
  return outputs;
}

describe('privacy of the public side (API, portal, public export)', () => {
  it('keeps every private field out of every public answer, and shows the public control marker', async () => {
    const outputs = await everyPublicOutput();
    expectNoLeaks(outputs);
    expect(outputs.some((output) => output.body.includes(publicControlMarker))).toBe(true);
  });

  it('really stores the markers: the editorial export holds them', async () => {
    const { text } = await exportToString(database.db, { format: 'jsonl' });
    const leaks = findLeaks([{ name: 'editorial export', body: text }]).map((leak) => leak.field);
    expect(leaks).toEqual(
      expect.arrayContaining(Object.keys(privateMarkers).filter((key) => key !== 'anonymousVictimVariant')),
    );
  });

  it('shows a restricted incident only by its month, region and categories, under another id', async () => {
    const items = await apiData<Array<Record<string, unknown>>>('/api/v1/incidents?month=2024-05');
    const restricted = items.filter((item) => item.restricted === true);
    expect(restricted).toHaveLength(1);
    expect(restricted[0]).toMatchObject({ date: '2024-05', region: 'almaty_city', categories: ['attack'] });
    expect(restricted[0]?.title ?? null).toBeNull();
    expect(restricted[0]?.id).not.toBe(planted.restrictedIncidentId);
    expect((await app.inject({ url: `/api/v1/incidents/${planted.restrictedIncidentId}` })).statusCode).toBe(
      404,
    );
  });

  it('names no anonymous victim, and no confidential source, in a public incident', async () => {
    const incident = await apiData<{
      victims: Array<Record<string, unknown>>;
      sources: Array<Record<string, unknown>>;
    }>(`/api/v1/incidents/${planted.publicIncidentId}`);
    // The anonymous victim is not listed at all: the public side shows the named one only.
    expect(incident.victims).toEqual([
      expect.objectContaining({ name: 'Leak Scan Named Victim', kind: 'journalist' }),
    ]);
    expect(incident.sources).toEqual([
      { url: 'https://public.example/article', outlet: 'Leak Scan Gazette', title: null },
    ]);
  });

  it('never lets a search or a filter reveal what a restricted incident or an anonymous victim hides', async () => {
    const total = async (url: string) => (await app.inject({ url })).json().meta.total.value as number;
    const actorsFound = async (url: string) => ((await app.inject({ url })).json().data as unknown[]).length;
    expect(await total(`/api/v1/incidents?q=${privateMarkers.restrictedTitle}`)).toBe(0);
    expect(await total(`/api/v1/incidents?q=${privateMarkers.restrictedLocality}`)).toBe(0);
    expect(await actorsFound(`/api/v1/actors?q=${privateMarkers.anonymousVictimName}`)).toBe(0);
    expect(await actorsFound(`/api/v1/actors?q=${privateMarkers.restrictedVictim}`)).toBe(0);
    const anonymous = await database.db
      .selectFrom('actors')
      .where('name', '=', privateMarkers.anonymousVictimName)
      .select('id')
      .executeTakeFirstOrThrow();
    expect(await total(`/api/v1/incidents?actor=${anonymous.id}`)).toBe(0);
    expect((await app.inject({ url: `/api/v1/actors/${anonymous.id}` })).statusCode).toBe(404);
  });

  it('never lets dates give away a restricted incident’s day', async () => {
    const restrictedOn = async (day: string) =>
      (await apiData<Array<{ restricted?: boolean }>>(`/api/v1/incidents?from=${day}&to=${day}`)).filter(
        (item) => item.restricted,
      ).length;
    // Any day of its month finds it, or none does: only the month is public.
    expect(await restrictedOn('2024-05-07')).toBe(await restrictedOn('2024-05-06'));
    expect(await restrictedOn('2024-06-07')).toBe(0);
  });

  it('shows only published records', async () => {
    expect((await app.inject({ url: `/api/v1/incidents/${planted.draftIncidentId}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/cases/${planted.draftCaseId}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/cases/${planted.publicCaseId}` })).statusCode).toBe(200);
  });
});
