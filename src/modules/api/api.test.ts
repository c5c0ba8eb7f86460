import SwaggerParser from '@apidevtools/swagger-parser';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertPublicRecords, secrets } from '../../../test/public-records.ts';
import { loadConfig } from '../../config.ts';
import { buildServer } from '../../server.tsx';

let database: TestDatabase;
let app: FastifyInstance;
let ids: Awaited<ReturnType<typeof insertPublicRecords>>;

const build = (env: Record<string, string> = {}) =>
  buildServer(
    {
      config: loadConfig({ PUBLIC_URL: 'https://sozwatch.example', ...env }),
      db: database.db,
      engine: database.engine,
      now: () => new Date('2024-07-15T10:00:00Z'),
    },
    { logger: false },
  );

beforeAll(async () => {
  database = await createTestDatabase();
  ids = await insertPublicRecords(database.db);
  app = await build();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

describe('the OpenAPI document', () => {
  it('is generated from the schemas, valid, and documents /api/v1 only, with the security of each operation', async () => {
    const response = await get('/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy();
    const paths = Object.keys(document.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/incidents',
        '/api/v1/incidents/{id}',
        '/api/v1/incidents/facets',
        '/api/v1/incidents.csv',
        '/api/v1/cases/{id}',
        '/api/v1/actors/{id}',
        '/api/v1/stats/monthly',
        '/api/v1/taxonomy',
        '/api/v1/regions',
      ]),
    );
    expect(paths.every((path) => path.startsWith('/api/v1'))).toBe(true);
    // Public operations need nothing; the editorial ones need a signed-in session.
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const operation of Object.values(operations as Record<string, { security: unknown }>)) {
        expect(operation.security, path).toEqual(
          path.startsWith('/api/v1/editorial') ? [{ session: [] }] : [],
        );
      }
    }
    const parameters = document.paths['/api/v1/incidents'].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(parameters).toEqual(
      expect.arrayContaining(['q', 'year', 'region', 'category', 'victim_kind', 'page']),
    );
  });
});

describe('reading', () => {
  it('lists incidents of a filter with the total and pages', async () => {
    const response = await get('/api/v1/incidents?region=almaty_city,astana&per_page=1');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.meta).toEqual({ page: 1, per_page: 1, total: { value: 2, exact: true }, pages: 2 });
    expect(body.data[0]).toMatchObject({
      id: 'inc-main',
      date: '2024-05-13',
      counted_in: '2024-05',
      region: 'almaty_city',
      categories: ['detention', 'obstruction'],
      victims: [{ id: 'actor-kaidarova', name: 'Zhanna Kaidarova', kind: 'journalist' }],
    });
  });

  it('returns one incident, case and actor, and sends a merged actor on', async () => {
    const incident = (await get('/api/v1/incidents/inc-main')).json().data;
    expect(incident.sources).toEqual([
      { url: 'https://news.example/report', outlet: 'Demo Weekly', title: null },
    ]);
    expect(incident.cases).toEqual([expect.objectContaining({ id: 'case-honor', kind: 'civil' })]);
    const restricted = (await get(`/api/v1/incidents/${ids.restrictedPublicId}`)).json().data;
    expect(restricted).toMatchObject({
      restricted: true,
      date: '2024-05',
      title: null,
      summary: null,
      victims: [],
    });
    const legalCase = (await get('/api/v1/cases/case-honor')).json().data;
    expect(legalCase.events.map((event: { kind: string }) => event.kind)).toEqual([
      'filed',
      'decision',
      'decision',
    ]);
    expect(legalCase.claim_non_pecuniary).toBe(10_000_000);
    const actor = (await get('/api/v1/actors/actor-kaidarova')).json().data;
    expect(actor.incident_count).toBe(1);
    const merged = await get('/api/v1/actors/actor-merged');
    expect(merged.statusCode).toBe(301);
    expect(merged.headers.location).toBe('/api/v1/actors/actor-kaidarova');
  });

  it('finds actors by a name in another script', async () => {
    const body = (await get(`/api/v1/actors?q=${encodeURIComponent('Кайдарова')}`)).json();
    expect(body.data.map((actor: { id: string }) => actor.id)).toEqual(['actor-kaidarova']);
  });

  it('gives the figures, the facets and the reference data', async () => {
    const monthly = (await get('/api/v1/stats/monthly?from=2024-02&to=2024-05')).json().data;
    expect(monthly).toEqual([
      { month: '2024-02', rights: 0, information: 0, legal: 1, total: 1 },
      { month: '2024-03', rights: 0, information: 0, legal: 0, total: 0 },
      { month: '2024-04', rights: 1, information: 0, legal: 0, total: 1 },
      { month: '2024-05', rights: 2, information: 0, legal: 0, total: 2 },
    ]);
    const stats = (await get('/api/v1/stats?month=2024-05')).json();
    expect(stats.month).toBe('2024-05');
    expect(stats.scope.month.groups).toEqual({ rights: 2, information: 0, legal: 0, total: 2 });
    expect(stats.scope.ytd.groups).toEqual({ rights: 3, information: 0, legal: 1, total: 4 });
    expect(stats.scope.month.categories.murder).toBe(0);
    expect((await get('/api/v1/stats?month=2024-13')).json().error.field).toBe('month');
    const counts = (await get('/api/v1/stats/incidents?year=2024&by=region,group')).json();
    expect(counts.total).toEqual({ value: 3, exact: true });
    expect(counts.counts.group).toEqual([{ value: 'rights', count: 3 }]);
    const facets = (await get('/api/v1/incidents/facets?region=astana')).json();
    expect(facets.facets.region).toEqual(
      expect.arrayContaining([
        { value: 'astana', count: 1 },
        { value: 'almaty_city', count: 1 },
      ]),
    );
    const taxonomy = (await get('/api/v1/taxonomy')).json().data;
    expect(
      taxonomy.categories.find((category: { code: string }) => category.code === 'attack'),
    ).toMatchObject({
      group: 'rights',
      labels: { ru: 'Нападение (физическое насилие)' },
    });
    const regions = (await get('/api/v1/regions')).json().data;
    expect(regions.find((region: { code: string }) => region.code === 'south_kazakhstan')).toMatchObject({
      successors: ['turkistan', 'shymkent'],
      tile: null,
    });
    expect(regions.find((region: { code: string }) => region.code === 'astana').former_names).toHaveLength(1);
  });
});

describe('downloads', () => {
  it('gives the CSV of exactly the records the list shows for the same filter', async () => {
    const filter = 'year=2024&category=detention,attack,threat';
    const listed = (await get(`/api/v1/incidents?${filter}`))
      .json()
      .data.map((row: { id: string }) => row.id);
    const response = await get(`/api/v1/incidents.csv?${filter}&lang=ru`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="incidents-2024-07-15.csv"');
    const rows: Array<Record<string, string>> = parse(response.body, { columns: true, bom: true });
    expect(rows.map((row) => row.id)).toEqual(listed);
    // The download follows the order chosen on the list.
    for (const sort of ['oldest', 'relevance'] as const) {
      const query = sort === 'relevance' ? `${filter}&q=journalist` : filter;
      const listedSorted = (await get(`/api/v1/incidents?${query}&sort=${sort}`))
        .json()
        .data.map((row: { id: string }) => row.id);
      const sorted = await get(`/api/v1/incidents.csv?${query}&lang=ru&sort=${sort}`);
      const sortedRows: Array<Record<string, string>> = parse(sorted.body, { columns: true, bom: true });
      expect(
        sortedRows.map((row) => row.id),
        sort,
      ).toEqual(listedSorted);
      if (sort === 'oldest') expect(listedSorted).toEqual([...listed].reverse());
    }
    expect(rows[1]).toMatchObject({
      id: ids.restrictedPublicId,
      date: '2024-05',
      region_name: 'Абайская область',
      title: '',
      restricted: 'yes',
    });
    expect(rows[0]).toMatchObject({
      id: 'inc-main',
      url: 'https://sozwatch.example/ru/incidents/inc-main',
      title: 'Журналистку задержали у здания суда',
      category_names:
        'Задержание журналистов и блогеров; Воспрепятствование законной профессиональной деятельности',
    });
  });

  it('gives the same records as one JSON array', async () => {
    const response = await get('/api/v1/incidents.json?q=attacked&lang=en');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const records = JSON.parse(response.body);
    expect(records.map((record: { id: string }) => record.id)).toEqual(['inc-attack']);
    expect(records[0].url).toBe('https://sozwatch.example/en/incidents/inc-attack');
  });
});

describe('privacy', () => {
  it('no answer of the API or the downloads carries a confidential field', async () => {
    const urls = [
      '/api/v1/incidents?per_page=100',
      '/api/v1/incidents/inc-main',
      `/api/v1/incidents/${ids.restrictedPublicId}`,
      '/api/v1/incidents.csv',
      '/api/v1/incidents.json',
      '/api/v1/incidents/facets',
      '/api/v1/cases',
      '/api/v1/cases/case-honor',
      '/api/v1/actors',
      '/api/v1/actors/actor-kaidarova',
      '/api/v1/actors/actor-outlet',
      '/api/v1/stats/incidents?by=victim_kind,perpetrator_kind,article',
    ];
    for (const url of urls) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      for (const secret of secrets) expect(response.body, `${url} carries ${secret}`).not.toContain(secret);
    }
    for (const url of [
      '/api/v1/incidents/inc-draft',
      '/api/v1/cases/case-draft',
      '/api/v1/actors/actor-anonymous',
      '/api/v1/actors/actor-restricted',
    ]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});

describe('HTTP behaviour', () => {
  it('answers errors as {"error":{code,message,field}} with the right status', async () => {
    const missing = await get('/api/v1/incidents/nowhere');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'not_found', message: 'no published incident nowhere', field: 'id' },
    });
    const invalid = await get('/api/v1/incidents?victim_kind=alien');
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error).toMatchObject({ code: 'validation_failed', field: 'victim_kind.0' });
    const deep = await get('/api/v1/incidents?page=900&per_page=100');
    expect(deep.statusCode).toBe(422);
    expect(deep.json().error.field).toBe('page');
    const span = await get('/api/v1/stats/monthly?from=2024-05&to=2023-01');
    expect(span.json().error).toMatchObject({ code: 'validation_failed', field: 'to' });
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('sends ETag and Cache-Control, and 304 when the ETag still matches', async () => {
    const first = await get('/api/v1/taxonomy');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^"/);
    const again = await get('/api/v1/taxonomy', { 'if-none-match': tag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('allows cross-origin reads', async () => {
    const response = await get('/api/v1/regions', { origin: 'https://elsewhere.example' });
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/incidents',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('GET');
  });

  it('limits the rate per client as configured', async () => {
    const limited = await build({ API_RATE_LIMIT_MAX: '3', API_RATE_LIMIT_WINDOW_SECONDS: '60' });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index += 1) statuses.push((await limited.inject('/api/v1')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await limited.inject('/api/v1');
      expect(refused.json().error.code).toBe('rate_limited');
      expect(refused.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
