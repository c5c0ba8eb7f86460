import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertActor, insertIncident } from '../../../test/factories.ts';
import { countingMonths, otherScript, prepareSearch, queryWords } from './search.query.ts';
import { aggregateIncidents, facetIncidents, listIncidentIds, streamIncidentIds } from './search.repo.ts';
import {
  emptyFilters,
  filtersQueryString,
  type IncidentFilters,
  incidentFiltersSchema,
} from './search.schemas.ts';

let database: TestDatabase;
const ids: Record<string, string> = {};

const filters = (input: Record<string, unknown>): IncidentFilters => incidentFiltersSchema.parse(input);
const search = (input: Record<string, unknown>) => prepareSearch(database.db, filters(input));
const find = async (input: Record<string, unknown>, sort: 'newest' | 'oldest' | 'relevance' = 'newest') =>
  listIncidentIds(database.db, await search(input), { sort, offset: 0, limit: 100 });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const kaidarova = await insertActor(db, { name: 'Zhanna Kaidarova', variants: ['Жанна Кайдарова'] });
  const hidden = await insertActor(db, { name: 'Secret Witness', kind: 'journalist' });
  const police = await insertActor(db, { name: 'City police department', kind: 'police' });
  ids.ru = await insertIncident(db, {
    date: '2024-05-13',
    region: 'almaty_city',
    categories: ['detention', 'obstruction'],
    title: { ru: 'Журналистку задержали у здания суда' },
    summary: { ru: 'Полиция задержала журналистку во время съёмки.' },
    victims: [{ actorId: kaidarova }, { actorId: hidden, anonymous: true }],
    perpetrators: [police],
    articles: ['CAO-667'],
  });
  ids.en = await insertIncident(db, {
    date: '2024-04-02',
    region: 'astana',
    categories: ['attack'],
    title: { en: 'Camera operator attacked outside the akimat' },
    summary: { en: 'Two men attacked a camera crew.' },
  });
  ids.kk = await insertIncident(db, {
    date: '2023-11-20',
    region: 'turkistan',
    categories: ['info_refusal'],
    title: { kk: 'Әкімдік тілшінің сұрауына жауап бермеді' },
  });
  ids.summaryOnly = await insertIncident(db, {
    date: '2024-06-01',
    region: 'astana',
    categories: ['threat'],
    title: { en: 'Threats by phone' },
    summary: { en: 'The caller attacked her reporting in insults.' },
  });
  ids.restricted = await insertIncident(db, {
    date: '2024-05-20',
    region: 'abai',
    visibility: 'restricted',
    categories: ['threat'],
    title: { en: 'Restricted story about Kaidarova attacked' },
    victims: [{ actorId: kaidarova }],
  });
  ids.draft = await insertIncident(db, {
    date: '2024-05-21',
    status: 'draft',
    categories: ['attack'],
    title: { en: 'Draft: camera operator attacked' },
  });
  ids.historic = await insertIncident(db, {
    date: '2017-03-01',
    region: 'south_kazakhstan',
    categories: ['blocking'],
    title: { ru: 'Заблокирован сайт газеты' },
  });
});
afterAll(async () => {
  await database.close();
});

describe('queries', () => {
  it('keeps only letters and digits of a query, so it never reaches to_tsquery as an operator', () => {
    expect(queryWords("журналист & !'x' | (Y2) <-> z:*")).toEqual(['журналист', 'x', 'y2', 'z']);
    expect(queryWords(undefined)).toEqual([]);
  });

  it('turns years and months into counting months', () => {
    expect(countingMonths({ year: [2024], month: [] })).toHaveLength(12);
    expect(countingMonths({ year: [2024], month: ['2024-05', '2023-01'] })).toEqual(['2024-05']);
    expect(countingMonths({ year: [], month: [] })).toBeNull();
  });

  it('reads lists as repeated keys or commas and writes them back in one order', () => {
    const parsed = filters({ region: ['astana', 'abai,almaty_city'], year: '2024', q: '  ' });
    expect(parsed.region).toEqual(['astana', 'abai', 'almaty_city']);
    expect(parsed.year).toEqual([2024]);
    expect(parsed.q).toBeUndefined();
    expect(filtersQueryString(parsed)).toBe('?year=2024&region=astana&region=abai&region=almaty_city');
    expect(incidentFiltersSchema.safeParse({ year: '20x4' }).success).toBe(false);
    expect(incidentFiltersSchema.safeParse({ victim_kind: 'alien' }).success).toBe(false);
  });
});

describe('full-text search', () => {
  it('stems Russian and English words', async () => {
    expect(await find({ q: 'журналистки' })).toEqual([ids.ru]);
    expect(await find({ q: 'задержание журналистки' })).toEqual([]);
    expect(await find({ q: 'задержали журналистку' })).toEqual([ids.ru]);
    expect(await find({ q: 'attacks camera' })).toEqual([ids.en]);
  });

  it('matches Kazakh words in any of their forms', async () => {
    expect(await find({ q: 'әкімдік' })).toEqual([ids.kk]);
    expect(await find({ q: 'әкімдіктен' })).toEqual([ids.kk]);
    expect(await find({ q: 'тілші' })).toEqual([ids.kk]);
    expect(await find({ q: 'тілшілерге сұрау' })).toEqual([ids.kk]);
    expect(await find({ q: 'тілшісі' })).toEqual([ids.kk]);
  });

  it('finds a name in its Kazakh case forms', async () => {
    expect(await find({ q: 'Кайдарованың' })).toEqual([ids.ru]);
    expect(await find({ q: 'Кайдароваға' })).toEqual([ids.ru]);
  });

  it('finds a named actor in any script and spelling, but never an anonymous one', async () => {
    expect(await find({ q: 'Кайдарова' })).toEqual([ids.ru]);
    expect(await find({ q: 'Kaydarova' })).toEqual([ids.ru]);
    expect(await find({ q: 'Secret Witness' })).toEqual([]);
  });

  it('never finds the text of a restricted incident or a draft', async () => {
    expect(await find({ q: 'restricted story' })).toEqual([]);
    expect(await find({ q: 'draft' })).toEqual([]);
    expect(await find({ category: 'threat' })).toEqual([ids.summaryOnly, ids.restricted]);
  });

  it('walks month by month to the same matches as one query, in both directions', async () => {
    for (const q of ['attacked', 'журналистку', 'Кайдарова', 'threats']) {
      for (const sort of ['newest', 'oldest', 'relevance'] as const) {
        const prepared = await search({ q });
        const options = { sort, offset: 0, limit: 10 };
        expect(await listIncidentIds(database.db, prepared, options, 0), `${q} ${sort}`).toEqual(
          await listIncidentIds(database.db, prepared, options, Number.POSITIVE_INFINITY),
        );
      }
    }
    const second = { sort: 'newest', offset: 1, limit: 1 } as const;
    expect(await listIncidentIds(database.db, await search({ q: 'attacked' }), second, 0)).toEqual([ids.en]);
  });

  it('finds words within a year, whether the matches are read from the index or walked month by month', async () => {
    const countedNextYear = await insertIncident(database.db, {
      date: '2022-12-30',
      countedIn: '2023-03',
      region: 'astana',
      categories: ['censorship'],
      title: { en: 'Censored broadcast at the year end' },
    });
    try {
      for (const input of [
        { q: 'censored', year: '2023' },
        { q: 'censored', year: '2022' },
        { q: 'censored broadcast', month: '2023-03' },
      ]) {
        const prepared = await search(input);
        const options = { sort: 'newest', offset: 0, limit: 10 } as const;
        const walked = await listIncidentIds(database.db, prepared, options, 0);
        expect(walked, JSON.stringify(input)).toEqual(
          await listIncidentIds(database.db, prepared, options, Number.POSITIVE_INFINITY),
        );
        expect(walked).toEqual(input.year === '2022' ? [] : [countedNextYear]);
        expect((await aggregateIncidents(database.db, prepared, ['all'])).total.value).toBe(walked.length);
      }
    } finally {
      // The other tests count this file's records: take it out of the public read model again.
      await sql`update incidents set status = 'draft' where id = ${countedNextYear}`.execute(database.db);
    }
  });

  it('ranks a title match above a summary match when asked for relevance', async () => {
    expect(await find({ q: 'attacked' }, 'relevance')).toEqual([ids.en, ids.summaryOnly]);
    expect(await find({ q: 'attacked' }, 'newest')).toEqual([ids.summaryOnly, ids.en]);
  });
});

describe('filters', () => {
  it('combines dimensions with and, values with or', async () => {
    expect(await find({ region: 'astana,almaty_city', year: '2024' }, 'oldest')).toEqual([
      ids.en,
      ids.ru,
      ids.summaryOnly,
    ]);
    expect(await find({ region: 'astana', category: 'attack' })).toEqual([ids.en]);
    expect(await find({ victim_kind: 'journalist' })).toEqual([ids.ru]);
    expect(await find({ perpetrator_kind: 'police', article: 'CAO-667' })).toEqual([ids.ru]);
    // A restricted incident sorts on the first day of its month: its day is not public.
    expect(await find({ month: '2024-05' })).toEqual([ids.ru, ids.restricted]);
    expect(await find({ from: '2024-05-02', to: '2024-05-31' })).toEqual([ids.ru]);
    expect(await find({ group: 'information' })).toEqual([ids.kk, ids.historic]);
  });

  it('streams every match in batches, newest first', async () => {
    const batches: string[][] = [];
    for await (const batch of streamIncidentIds(database.db, await search({}), { batchSize: 2 })) {
      batches.push(batch);
    }
    expect(batches.map((batch) => batch.length)).toEqual([2, 2, 2]);
    expect(batches.flat()).toEqual(await find({}));
    expect(batches.flat()).not.toContain(ids.draft);
  });
});

describe('names in both scripts', () => {
  it('finds a name written in Latin by its Cyrillic spelling, and the other way round', async () => {
    // An invented local paper, named in Kazakh in one record and in English in another.
    const latin = await insertIncident(database.db, {
      date: '2022-02-03',
      region: 'west_kazakhstan',
      categories: ['censorship'],
      title: { en: 'Tasqala Habary reporter kept out of a hearing (test data)' },
    });
    const cyrillic = await insertIncident(database.db, {
      date: '2022-02-10',
      region: 'west_kazakhstan',
      categories: ['censorship'],
      title: { kk: 'Тасқала хабары тілшісіне қоқан-лоққы (сынақ деректері)' },
    });
    expect((await find({ q: 'тасқала' })).sort()).toEqual([latin, cyrillic].sort());
    expect((await find({ q: 'Tasqala' })).sort()).toEqual([latin, cyrillic].sort());
    expect(otherScript('азаттық')).toBe('azattyq');
    expect(otherScript('almaty')).toBe('алматы');
    expect(otherScript('x2')).toBeNull();
  });
});

describe('counting', () => {
  it('answers period and region filters from the rollup, exactly', async () => {
    const aggregation = await aggregateIncidents(database.db, await search({ year: '2024' }), [
      'region',
      'category',
      'month_group',
      'year',
    ]);
    expect(aggregation.strategy).toBe('rollup');
    expect(aggregation.total).toEqual({ value: 4, exact: true });
    expect(Object.fromEntries(aggregation.counts.get('region') ?? [])).toEqual({
      almaty_city: 1,
      astana: 2,
      abai: 1,
    });
    expect(aggregation.counts.get('category')?.get('threat')).toBe(2);
    expect(aggregation.counts.get('month_group')?.get('2024-05:rights')).toBe(2);
  });

  it('counts other filters exactly while they are small', async () => {
    const aggregation = await aggregateIncidents(database.db, await search({ q: 'attacked' }), ['region']);
    expect(aggregation.strategy).toBe('exact');
    expect(aggregation.total).toEqual({ value: 2, exact: true });
    expect(aggregation.counts.get('region')?.get('astana')).toBe(2);
  });

  it('estimates large selections from a sample and says so', async () => {
    const aggregation = await aggregateIncidents(
      database.db,
      await search({ category: 'threat,attack,detention' }),
      ['region'],
      {
        exact: 2,
        sampleRows: 1_000_000,
      },
    );
    expect(aggregation.strategy).toBe('sample');
    expect(aggregation.exact).toBe(false);
    expect(aggregation.total.exact).toBe(false);
    expect(aggregation.total.value).toBe(4);
  });

  it('answers one category or one group from the rollup too, exactly', async () => {
    const byCategory = await aggregateIncidents(database.db, await search({ category: 'threat' }), [
      'region',
    ]);
    expect(byCategory.strategy).toBe('rollup');
    expect(Object.fromEntries(byCategory.counts.get('region') ?? [])).toEqual({ astana: 1, abai: 1 });
    const byGroup = await aggregateIncidents(database.db, await search({ group: 'rights', year: '2024' }), [
      'month',
    ]);
    expect(byGroup.strategy).toBe('rollup');
    expect(byGroup.total.value).toBe(4);
    expect(byGroup.counts.get('month')?.get('2024-05')).toBe(2);
  });

  it('answers one value of a victim kind, perpetrator kind or article from the rollup, as the rows do', async () => {
    const asObject = (aggregation: Awaited<ReturnType<typeof aggregateIncidents>>) =>
      Object.fromEntries(
        [...aggregation.counts].map(([dimension, values]) => [dimension, Object.fromEntries(values)]),
      );
    const cases: Array<[Record<string, unknown>, Array<'year' | 'month' | 'region' | 'category' | 'group'>]> =
      [
        [{ victim_kind: 'journalist' }, ['year', 'month', 'region', 'category', 'group']],
        [{ perpetrator_kind: 'police', year: '2024' }, ['month', 'region', 'category']],
        [{ article: 'CAO-667', region: 'almaty_city' }, ['year', 'group']],
        [{ victim_kind: 'journalist', category: 'detention', year: '2024' }, ['month', 'region']],
      ];
    let counted = 0;
    for (const [input, dimensions] of cases) {
      const rollup = await aggregateIncidents(database.db, await search(input), dimensions);
      expect(rollup.strategy).toBe('rollup');
      // A date bound keeps the same incidents but takes the rollup out of play: the rows are read.
      const rows = await aggregateIncidents(
        database.db,
        await search({ ...input, from: '1900-01-01' }),
        dimensions,
      );
      expect(rows.strategy).toBe('exact');
      expect(rollup.total).toEqual(rows.total);
      expect(asObject(rollup)).toEqual(asObject(rows));
      counted += rollup.total.value;
    }
    expect(counted).toBeGreaterThan(3);
    // Under a value and a slice, a category facet needs the rows themselves.
    const mixed = await aggregateIncidents(
      database.db,
      await search({ victim_kind: 'journalist', category: 'detention' }),
      ['category'],
    );
    expect(mixed.strategy).toBe('exact');
  });

  it('gives the same facets with four filters, whichever way each count is taken', async () => {
    const dimensions = ['year', 'month', 'region', 'category', 'victim_kind', 'perpetrator_kind'] as const;
    const input = { year: '2024', region: 'almaty_city', category: 'detention', victim_kind: 'journalist' };
    const fast = await facetIncidents(database.db, await search(input), [...dimensions]);
    const rows = await facetIncidents(database.db, await search({ ...input, from: '1900-01-01' }), [
      ...dimensions,
    ]);
    expect(fast.total).toEqual(rows.total);
    expect(fast.total.value).toBe(1);
    for (const dimension of dimensions) {
      expect(Object.fromEntries(fast.counts.get(dimension) ?? [])).toEqual(
        Object.fromEntries(rows.counts.get(dimension) ?? []),
      );
    }
  });

  it('counts a filtered dimension without its own filter, so the alternatives show', async () => {
    const facets = await facetIncidents(database.db, await search({ region: 'astana' }), [
      'region',
      'category',
    ]);
    expect(facets.total.value).toBe(2);
    expect(facets.counts.get('region')?.get('almaty_city')).toBe(1);
    expect(facets.counts.get('category')?.get('detention')).toBeUndefined();
  });

  it('agrees with a plain count over the registry tables, and follows edits', async () => {
    const db = database.db;
    const plain = async () => {
      const rows = await sql<{ region: string; n: number }>`
        select i.region_code as region, count(*) as n from incidents i
        where i.status = 'published' group by 1`.execute(db);
      return Object.fromEntries(rows.rows.map((row) => [row.region, Number(row.n)]));
    };
    const rollup = async () =>
      Object.fromEntries(
        (await aggregateIncidents(db, await prepareSearch(db, emptyFilters()), ['region'])).counts.get(
          'region',
        ) ?? [],
      );
    expect(await rollup()).toEqual(await plain());
    await db
      .updateTable('incidents')
      .set({ status: 'published' })
      .where('id', '=', ids.draft ?? '')
      .execute();
    await db
      .updateTable('incidents')
      .set({ region_code: 'shymkent' })
      .where('id', '=', ids.en ?? '')
      .execute();
    await db
      .deleteFrom('incidents')
      .where('id', '=', ids.historic ?? '')
      .execute();
    expect(await rollup()).toEqual(await plain());
    expect(await find({ q: 'draft' })).toEqual([ids.draft]);
  });
});
