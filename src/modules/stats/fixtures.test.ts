import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertMay2024 } from '../../../test/fixtures/may-2024.ts';
import { insertSeptember2020 } from '../../../test/fixtures/september-2020.ts';
import type { ScopeFigures, StatsJson } from './counting.ts';
import { computeMonthStats, listRecordsBehind } from './stats.service.ts';

/**
 * Invented data sets whose figures come out exactly as the seed reports print them, checked by hand
 * and against ../shared/seed-facts.json.
 */
let database: TestDatabase;
let may: StatsJson;
let september: StatsJson;
beforeAll(async () => {
  database = await createTestDatabase();
  await insertMay2024(database.db);
  await insertSeptember2020(database.db);
  may = await computeMonthStats(database.db, '2024-05');
  september = await computeMonthStats(database.db, '2020-09');
});
afterAll(async () => {
  await database.close();
});

describe('May 2024', () => {
  it('gives 22 on rights; 13 on information, 10 of them refusals; 10 legal: 1 criminal, 6 civil, 3 administrative', () => {
    const month = may.scope.month;
    expect(month.groups).toEqual({ rights: 22, information: 13, legal: 10, total: 45 });
    expect(month.categories.info_refusal).toBe(10);
    expect(month.categories.censorship).toBe(5);
    expect(month.legal.criminal.count).toBe(1);
    expect(month.legal.civil.count).toBe(6);
    expect(month.legal.administrative).toEqual({ count: 3, in_court: 1 });
    expect(month.legal.subjects.civil_copyright).toBe(1);
  });

  it('lists the records behind a figure: ten refusals, and the ten new cases without the ongoing ones', async () => {
    const refusals = await listRecordsBehind(database.db, '2024-05', 'month', 'categories.info_refusal');
    expect(refusals.incidents).toHaveLength(10);
    const legal = await listRecordsBehind(database.db, '2024-05', 'month', 'groups.legal');
    expect(legal.cases.map((record) => record.id)).toHaveLength(10);
    expect(legal.cases.map((record) => record.id)).not.toContain('may24-case-11');
  });
});

describe('September 2020', () => {
  it('gives the month: 4 criminal (none in court), 2 civil (1 on honour and dignity), 5 administrative', () => {
    const { legal } = september.scope.month;
    expect(legal.criminal).toEqual({ count: 4, in_court: 0 });
    expect(legal.civil.count).toBe(2);
    expect(legal.subjects.civil_honor_dignity).toBe(1);
    expect(legal.administrative.count).toBe(5);
  });

  it('gives the year to date: 44 criminal (12 in court), 51 civil (42 on honour and dignity), 25 administrative', () => {
    const { legal } = september.scope.ytd;
    expect(legal.criminal).toEqual({ count: 44, in_court: 12 });
    expect(legal.civil.count).toBe(51);
    expect(legal.subjects.civil_honor_dignity).toBe(42);
    expect(legal.administrative.count).toBe(25);
  });

  it('gives 78,100,000 tenge claimed and 935,993 collected, and 5 judicial acts, 2 for the media', () => {
    expect(september.scope.ytd.money).toEqual({
      claims_non_pecuniary: 78_100_000,
      collected_by_courts: 935_993,
    });
    expect(september.scope.month.judicial_acts).toEqual({
      first: 4,
      appeal: 1,
      cassation: 0,
      total: 5,
      for_media: 2,
    });
  });
});

type SeedFact =
  | { type: 'count'; scope: string; category: string; count: number; in_court?: number }
  | { type: 'money'; scope: string; kind: 'claims_non_pecuniary' | 'collected_by_courts'; tenge: number }
  | { type: 'judicial_acts'; scope: string; count: number; for_media?: number };

function figureOf(figures: ScopeFigures, fact: SeedFact): unknown {
  if (fact.type === 'money') return figures.money[fact.kind];
  if (fact.type === 'judicial_acts')
    return { count: figures.judicial_acts.total, for_media: figures.judicial_acts.for_media };
  const { category } = fact;
  if (category === 'rights' || category === 'information' || category === 'legal' || category === 'total') {
    return figures.groups[category];
  }
  if (category === 'criminal' || category === 'civil' || category === 'administrative')
    return figures.legal[category].count;
  return figures.categories[category] ?? figures.legal.subjects[category];
}

describe('the facts in ../shared/seed-facts.json', () => {
  const file = path.resolve('../shared/seed-facts.json');
  const reports = (
    JSON.parse(fs.readFileSync(file, 'utf8')) as { reports: Array<{ month: string; facts: SeedFact[] }> }
  ).reports;

  it.each(['2024-05', '2020-09'])('all hold for %s', (month) => {
    const stats = month === '2024-05' ? may : september;
    const facts = reports.find((report) => report.month === month)?.facts ?? [];
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      const scope = fact.scope === 'ytd' ? stats.scope.ytd : stats.scope.month;
      const expected =
        fact.type === 'money'
          ? fact.tenge
          : fact.type === 'judicial_acts'
            ? { count: fact.count, for_media: fact.for_media }
            : fact.count;
      expect(figureOf(scope, fact), JSON.stringify(fact)).toEqual(expected);
    }
  });
});
