import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertCase, insertIncident } from '../../../test/factories.ts';
import { caseEventKinds, codeOf } from '../../domain/vocabularies.ts';
import { eventArb, monthArb, type Registry, registryArb, statuses } from './counting.arbitraries.ts';
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

  it('stay equal to it after records change: status, month, categories, events, subjects (the triggers keep up)', async () => {
    const change = fc.record({
      status: fc.constantFrom(...statuses),
      month: monthArb,
      categories: fc.uniqueArray(fc.constantFrom('attack', 'threat', 'info_refusal', 'ranking'), {
        maxLength: 2,
      }),
      subjects: fc.uniqueArray(fc.constantFrom('civil_honor_dignity', 'civil_privacy'), { maxLength: 2 }),
      event: eventArb,
      pick: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(
        registryArb({ incidents: 8, cases: 6 }),
        fc.array(change, { minLength: 1, maxLength: 6 }),
        monthArb,
        async (generated, changes, month) => {
          const registry = structuredClone(generated);
          await replaceRegistry(registry);
          const { db } = database;
          for (const [index, each] of changes.entries()) {
            const incident = registry.incidents[each.pick % Math.max(1, registry.incidents.length)];
            const legalCase = registry.cases[each.pick % Math.max(1, registry.cases.length)];
            if (incident && index % 2 === 0) {
              incident.status = each.status;
              incident.countedIn = each.month;
              incident.categories = each.categories;
              await db
                .updateTable('incidents')
                .set({ status: each.status, counted_in: `${each.month}-01` })
                .where('id', '=', incident.id)
                .execute();
              await db.deleteFrom('incident_categories').where('incident_id', '=', incident.id).execute();
              if (each.categories.length > 0) {
                await db
                  .insertInto('incident_categories')
                  .values(each.categories.map((code) => ({ incident_id: incident.id, category_code: code })))
                  .execute();
              }
            }
            if (legalCase) {
              legalCase.status = each.status;
              legalCase.subjects = each.subjects;
              await db
                .updateTable('cases')
                .set({ status: each.status })
                .where('id', '=', legalCase.id)
                .execute();
              await db.deleteFrom('case_subjects').where('case_id', '=', legalCase.id).execute();
              if (each.subjects.length > 0) {
                await db
                  .insertInto('case_subjects')
                  .values(each.subjects.map((code) => ({ case_id: legalCase.id, category_code: code })))
                  .execute();
              }
              // Move one event to another date, and add one.
              const rows = await db
                .selectFrom('case_events')
                .select(['id', 'date'])
                .where('case_id', '=', legalCase.id)
                .orderBy('id')
                .execute();
              const moved = rows[each.pick % rows.length];
              const movedEvent = legalCase.events[each.pick % rows.length];
              if (moved && movedEvent) {
                await db
                  .updateTable('case_events')
                  .set({ date: each.event.date })
                  .where('id', '=', moved.id)
                  .execute();
                legalCase.events = legalCase.events.map((event) =>
                  event === movedEvent ? { ...event, date: each.event.date } : event,
                );
              }
              await db
                .insertInto('case_events')
                .values({
                  case_id: legalCase.id,
                  ...each.event,
                  kind: codeOf(caseEventKinds, each.event.kind, 'event kind'),
                  collected: null,
                  fine_tenge: null,
                  fine_mci: null,
                  bail: null,
                  court: null,
                })
                .execute();
              legalCase.events = [...legalCase.events, each.event];
            }
          }
          expect(await computeMonthStats(db, month)).toEqual(
            computeStats(taxonomy, registry.incidents, registry.cases, month),
          );
        },
      ),
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
