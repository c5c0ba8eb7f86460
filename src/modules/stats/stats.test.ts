import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertCase, insertIncident } from '../../../test/factories.ts';
import { monthArb, type Registry, registryArb } from './counting.arbitraries.ts';
import { computeStats, parseFigure, recordsBehind, type TaxonomyCategory } from './counting.ts';
import { monthsBetween, scopeNames, scopePeriod } from './periods.ts';
import { loadTaxonomy } from './stats.repo.ts';
import { computeMonthlySeries, computeMonthStats, listRecordsBehind } from './stats.service.ts';

let database: TestDatabase;
let taxonomy: TaxonomyCategory[];
beforeAll(async () => {
  database = await createTestDatabase();
  taxonomy = await loadTaxonomy(database.db);
});
afterAll(async () => {
  await database.close();
});

async function replaceRegistry({ incidents, cases }: Registry) {
  const { db } = database;
  await db.deleteFrom('incidents').execute();
  await db.deleteFrom('cases').execute();
  for (const incident of incidents) {
    await insertIncident(db, {
      id: incident.id,
      date: `${incident.countedIn}-15`,
      countedIn: incident.countedIn,
      status: incident.status,
      categories: [...incident.categories],
    });
  }
  for (const legalCase of cases) {
    await insertCase(db, {
      id: legalCase.id,
      kind: legalCase.kind,
      status: legalCase.status,
      subjects: [...legalCase.subjects],
      claimNonPecuniary: legalCase.claimNonPecuniary ?? undefined,
      events: legalCase.events.map((event) => ({
        date: event.date,
        kind: event.kind,
        instance: event.instance ?? undefined,
        outcome: event.outcome ?? undefined,
        awarded: event.awarded ?? undefined,
      })),
    });
  }
}

describe('the SQL figures', () => {
  it('equal the reference implementation on random registries, and so do the records behind them', async () => {
    await fc.assert(
      fc.asyncProperty(registryArb(), monthArb, async (registry, month) => {
        await replaceRegistry(registry);
        const fromSql = await computeMonthStats(database.db, month);
        expect(fromSql).toEqual(computeStats(taxonomy, registry.incidents, registry.cases, month));

        // The year to date is the sum of its months in the series as well.
        const series = await computeMonthlySeries(database.db, `${month.slice(0, 4)}-01`, month);
        const sum = (key: 'rights' | 'information' | 'legal' | 'total') =>
          series.reduce((total, point) => total + point[key], 0);
        expect({
          rights: sum('rights'),
          information: sum('information'),
          legal: sum('legal'),
          total: sum('total'),
        }).toEqual(fromSql.scope.ytd.groups);

        for (const figure of [
          'groups.information',
          'legal.civil.in_court',
          'judicial_acts.appeal',
          'money.collected_by_courts',
        ]) {
          const ref = parseFigure(figure, taxonomy);
          if (!ref) throw new Error(figure);
          const scope = scopeNames[figure.length % 3] ?? 'ytd';
          const expected = recordsBehind(
            taxonomy,
            registry.incidents,
            registry.cases,
            scopePeriod(month, scope),
            ref,
          );
          const listed = await listRecordsBehind(database.db, month, scope, figure);
          expect(
            listed.incidents.map((record) => (record.visibility === 'public' ? record.id : '')).sort(),
          ).toEqual(expected.incidents);
          expect(listed.cases.map((record) => record.id).sort()).toEqual(expected.cases);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 25) },
    );
  });

  it('gives a series with every month, zeros included', async () => {
    await replaceRegistry({ incidents: [], cases: [] });
    await insertIncident(database.db, { date: '2024-03-02', categories: ['attack', 'blocking'] });
    const series = await computeMonthlySeries(database.db, '2024-01', '2024-04');
    expect(series.map((point) => point.month)).toEqual(monthsBetween('2024-01', '2024-04'));
    expect(series[2]).toEqual({ month: '2024-03', rights: 1, information: 1, legal: 0, total: 2 });
    expect(series[0]?.total).toBe(0);
  });

  it('refuses a bad month, scope or figure with one clear error', async () => {
    await expect(computeMonthStats(database.db, '2024-13')).rejects.toThrow(
      'month: expected a month as YYYY-MM',
    );
    await expect(
      listRecordsBehind(database.db, '2024-05', 'week' as 'month', 'groups.rights'),
    ).rejects.toThrow('scope: expected one of month, ytd, same_period_last_year');
    await expect(listRecordsBehind(database.db, '2024-05', 'month', 'groups.context')).rejects.toThrow(
      'figure: no such figure "groups.context"',
    );
  });
});

describe('the records behind a figure', () => {
  it('show only public-safe fields, and only month, region and categories of a restricted incident', async () => {
    await replaceRegistry({ incidents: [], cases: [] });
    await insertIncident(database.db, {
      id: 'open-one',
      date: '2024-05-13',
      categories: ['threat'],
      title: { en: 'A reporter was threatened', ru: 'Репортёру угрожали' },
      correspondent: 'Secret Correspondent',
      sources: [{ url: 'https://example.org/secret', confidential: true, correspondent: 'Hidden Person' }],
    });
    await insertIncident(database.db, {
      id: 'restricted-one',
      date: '2024-05-20',
      visibility: 'restricted',
      region: 'aktobe',
      categories: ['threat', 'attack'],
      title: { en: 'A restricted title' },
    });
    await insertIncident(database.db, {
      id: 'draft-one',
      date: '2024-05-20',
      status: 'draft',
      categories: ['threat'],
    });
    const listed = await listRecordsBehind(database.db, '2024-05', 'month', 'categories.threat');
    expect(listed.incidents).toEqual([
      {
        visibility: 'public',
        id: 'open-one',
        date: '2024-05-13',
        datePrecision: 'day',
        title: { en: 'A reporter was threatened', ru: 'Репортёру угрожали' },
        regionCode: 'almaty_city',
        categories: ['threat'],
      },
      { visibility: 'restricted', month: '2024-05', regionCode: 'aktobe', categories: ['attack', 'threat'] },
    ]);
    const text = JSON.stringify(listed);
    for (const secret of [
      'Secret Correspondent',
      'Hidden Person',
      'example.org/secret',
      'restricted-one',
      'A restricted title',
      'draft-one',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
