import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArb, monthArb, registryArb, testTaxonomy, unpublishedArb } from './counting.arbitraries.ts';
import {
  type CountingCase,
  type CountingIncident,
  computeScopeFigures,
  computeStats,
  countingMonth,
  parseFigure,
  recordsBehind,
  type ScopeFigures,
} from './counting.ts';
import { addMonths, monthsBetween, periodOf, scopePeriod } from './periods.ts';

const taxonomy = testTaxonomy;
const incident = (fields: Partial<CountingIncident> & { id: string }): CountingIncident => ({
  status: 'published',
  countedIn: '2024-05',
  categories: ['obstruction'],
  ...fields,
});
const legalCase = (fields: Partial<CountingCase> & { id: string }): CountingCase => ({
  status: 'published',
  kind: 'civil',
  subjects: [],
  claimNonPecuniary: null,
  events: [{ date: '2024-05-10', kind: 'filed', instance: null, outcome: null, awarded: null }],
  ...fields,
});
const may = periodOf('2024-05', '2024-05');

describe('the counting rules (DESIGN 4), one by one', () => {
  it('rule 1: only published records count', () => {
    const incidents = (['draft', 'in_review', 'published', 'archived'] as const).map((status) =>
      incident({ id: status, status }),
    );
    const figures = computeScopeFigures(taxonomy, incidents, [], may);
    expect(figures.groups.rights).toBe(1);
    expect(recordsBehind(taxonomy, incidents, [], may, { kind: 'group', group: 'rights' }).incidents).toEqual(
      ['published'],
    );
  });

  it('rule 2: an incident counts in its counting month only', () => {
    const incidents = [
      incident({ id: 'a', countedIn: '2024-04' }),
      incident({ id: 'b', countedIn: '2024-05' }),
    ];
    expect(computeScopeFigures(taxonomy, incidents, [], may).groups.rights).toBe(1);
    expect(computeScopeFigures(taxonomy, incidents, [], scopePeriod('2024-05', 'ytd')).groups.rights).toBe(2);
  });

  it('rule 3: a group counts distinct incidents; its categories may add up to more; context never counts', () => {
    const incidents = [
      incident({ id: 'a', categories: ['attack', 'threat'] }),
      incident({ id: 'b', categories: ['threat', 'info_refusal'] }),
      incident({ id: 'c', categories: ['ranking'] }),
    ];
    const figures = computeScopeFigures(taxonomy, incidents, [], may);
    expect(figures.groups).toEqual({ rights: 2, information: 1, legal: 0, total: 3 });
    expect(figures.categories.threat).toBe(2);
    expect(figures.categories.attack).toBe(1);
    expect(figures.categories.blocking).toBe(0);
    expect(figures.categories).not.toHaveProperty('ranking');
  });

  it('rule 4: a case counts once, in the month of its earliest event; later events never add', () => {
    const cases = [
      legalCase({
        id: 'new-in-april',
        kind: 'criminal',
        events: [
          { date: '2024-05-21', kind: 'measure', instance: null, outcome: null, awarded: null },
          { date: '2024-04-01', kind: 'investigation_opened', instance: null, outcome: null, awarded: null },
        ],
      }),
      legalCase({ id: 'new-in-may', kind: 'criminal', subjects: ['criminal_false_information'] }),
    ];
    expect(countingMonth(cases[0] as CountingCase)).toBe('2024-04');
    const figures = computeScopeFigures(taxonomy, [], cases, may);
    expect(figures.legal.criminal).toEqual({ count: 1, in_court: 0 });
    expect(figures.groups.legal).toBe(1);
    expect(figures.legal.subjects.criminal_false_information).toBe(1);
    expect(figures.legal.subjects.civil_honor_dignity).toBe(0);
  });

  it("rule 4: in_court counts the kind's cases with an event with an instance by the end of the period", () => {
    const cases = [
      legalCase({
        id: 'heard-in-june',
        events: [
          { date: '2024-05-02', kind: 'filed', instance: null, outcome: null, awarded: null },
          { date: '2024-06-03', kind: 'hearing', instance: 'first', outcome: null, awarded: null },
        ],
      }),
      legalCase({
        id: 'heard-in-may',
        events: [{ date: '2024-05-02', kind: 'hearing', instance: 'first', outcome: null, awarded: null }],
      }),
    ];
    expect(computeScopeFigures(taxonomy, [], cases, may).legal.civil).toEqual({ count: 2, in_court: 1 });
    expect(computeScopeFigures(taxonomy, [], cases, scopePeriod('2024-06', 'ytd')).legal.civil).toEqual({
      count: 2,
      in_court: 2,
    });
  });

  it('rule 5: the total is rights + information + legal', () => {
    const figures = computeScopeFigures(
      taxonomy,
      [incident({ id: 'a', categories: ['attack', 'info_refusal'] })],
      [legalCase({ id: 'c' })],
      may,
    );
    expect(figures.groups).toEqual({ rights: 1, information: 1, legal: 1, total: 3 });
  });

  it('rule 6: judicial acts are decisions in the period by instance (supreme goes to cassation), of every case', () => {
    const decision = (
      date: string,
      instance: CountingCase['events'][number]['instance'],
      outcome: 'for_media' | null,
    ) => ({
      date,
      kind: 'decision',
      instance,
      outcome,
      awarded: null,
    });
    const cases = [
      legalCase({
        id: 'old-case',
        events: [
          { date: '2019-01-10', kind: 'filed', instance: null, outcome: null, awarded: null },
          decision('2024-05-03', 'first', 'for_media'),
          decision('2024-05-20', 'appeal', null),
          decision('2024-05-21', 'supreme', 'for_media'),
          decision('2024-05-22', 'cassation', null),
          decision('2024-06-01', 'first', null),
          { date: '2024-05-23', kind: 'hearing', instance: 'first', outcome: null, awarded: null },
        ],
      }),
      legalCase({ id: 'draft', status: 'draft', events: [decision('2024-05-03', 'first', 'for_media')] }),
    ];
    expect(computeScopeFigures(taxonomy, [], cases, may).judicial_acts).toEqual({
      first: 1,
      appeal: 1,
      cassation: 2,
      total: 4,
      for_media: 2,
    });
  });

  it('rule 7: claims of the civil cases that count; awards of the decisions dated in the period', () => {
    const cases = [
      legalCase({ id: 'civil-new', claimNonPecuniary: 10_000_000 }),
      legalCase({ id: 'criminal-new', kind: 'criminal', claimNonPecuniary: 99 }),
      legalCase({
        id: 'civil-old',
        claimNonPecuniary: 5_000_000,
        events: [
          { date: '2023-11-01', kind: 'filed', instance: null, outcome: null, awarded: null },
          {
            date: '2024-05-15',
            kind: 'decision',
            instance: 'first',
            outcome: 'against_media',
            awarded: 300_000,
          },
        ],
      }),
    ];
    expect(computeScopeFigures(taxonomy, [], cases, may).money).toEqual({
      claims_non_pecuniary: 10_000_000,
      collected_by_courts: 300_000,
    });
  });

  it('names every figure by its path and refuses unknown ones', () => {
    expect(parseFigure('groups.rights', taxonomy)).toEqual({ kind: 'group', group: 'rights' });
    expect(parseFigure('categories.info_refusal', taxonomy)).toEqual({
      kind: 'category',
      code: 'info_refusal',
    });
    expect(parseFigure('legal.civil.in_court', taxonomy)).toEqual({
      kind: 'legal_kind',
      caseKind: 'civil',
      inCourt: true,
    });
    expect(parseFigure('legal.subjects.civil_honor_dignity', taxonomy)).toEqual({
      kind: 'legal_subject',
      code: 'civil_honor_dignity',
    });
    expect(parseFigure('judicial_acts.for_media', taxonomy)).toEqual({
      kind: 'judicial_acts',
      column: 'for_media',
    });
    expect(parseFigure('money.collected_by_courts', taxonomy)).toEqual({
      kind: 'money',
      column: 'collected_by_courts',
    });
    for (const bad of [
      '',
      'groups',
      'groups.context',
      'categories.ranking',
      'categories.civil',
      'legal.civil',
      'money.x',
      'groups.rights.x',
    ]) {
      expect(parseFigure(bad, taxonomy), bad).toBeNull();
    }
  });
});

/** Every figure that adds up over months (in_court does not: it depends on the end of the period). */
function additiveFigures(figures: ScopeFigures): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const [key, value] of Object.entries(figures.groups)) flat[`groups.${key}`] = value;
  for (const [key, value] of Object.entries(figures.categories)) flat[`categories.${key}`] = value;
  for (const kind of ['criminal', 'civil', 'administrative'] as const)
    flat[`legal.${kind}.count`] = figures.legal[kind].count;
  for (const [key, value] of Object.entries(figures.legal.subjects)) flat[`legal.subjects.${key}`] = value;
  for (const [key, value] of Object.entries(figures.judicial_acts)) flat[`judicial_acts.${key}`] = value;
  for (const [key, value] of Object.entries(figures.money)) flat[`money.${key}`] = value;
  return flat;
}

describe('properties of the counting rules', () => {
  it('the year to date equals the sum of its months, for every additive figure', () => {
    fc.assert(
      fc.property(registryArb(), monthArb, ({ incidents, cases }, month) => {
        const ytd = additiveFigures(computeStats(taxonomy, incidents, cases, month).scope.ytd);
        const summed: Record<string, number> = {};
        for (const each of monthsBetween(`${month.slice(0, 4)}-01`, month)) {
          for (const [key, value] of Object.entries(
            additiveFigures(computeScopeFigures(taxonomy, incidents, cases, periodOf(each, each))),
          )) {
            summed[key] = (summed[key] ?? 0) + value;
          }
        }
        expect(ytd).toEqual(summed);
      }),
      { numRuns: 200 },
    );
  });

  it('a group is never less than its largest category', () => {
    fc.assert(
      fc.property(registryArb(), monthArb, ({ incidents, cases }, month) => {
        for (const figures of Object.values(computeStats(taxonomy, incidents, cases, month).scope)) {
          for (const group of ['rights', 'information'] as const) {
            const codes = taxonomy
              .filter((category) => category.group === group)
              .map((category) => category.code);
            expect(figures.groups[group]).toBeGreaterThanOrEqual(
              Math.max(...codes.map((code) => figures.categories[code] ?? 0)),
            );
          }
          const legalParts = [
            figures.legal.criminal.count,
            figures.legal.civil.count,
            figures.legal.administrative.count,
            ...Object.values(figures.legal.subjects),
          ];
          expect(figures.groups.legal).toBeGreaterThanOrEqual(Math.max(...legalParts));
          for (const kind of ['criminal', 'civil', 'administrative'] as const) {
            expect(figures.legal[kind].count).toBeGreaterThanOrEqual(figures.legal[kind].in_court);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('drafts and records under review never change a figure', () => {
    fc.assert(
      fc.property(registryArb(), unpublishedArb, monthArb, (registry, unpublished, month) => {
        const before = computeStats(taxonomy, registry.incidents, registry.cases, month);
        const after = computeStats(
          taxonomy,
          [...registry.incidents, ...unpublished.incidents],
          [...registry.cases, ...unpublished.cases],
          month,
        );
        expect(after).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });

  it("the order of a case's events never matters", () => {
    fc.assert(
      fc.property(
        registryArb(),
        monthArb,
        fc.infiniteStream(fc.nat()),
        ({ incidents, cases }, month, seeds) => {
          const shuffled = cases.map((each) => {
            const events = [...each.events];
            for (let index = events.length - 1; index > 0; index -= 1) {
              const other = (seeds.next().value as number) % (index + 1);
              [events[index], events[other]] = [
                events[other] as (typeof events)[number],
                events[index] as (typeof events)[number],
              ];
            }
            return { ...each, events };
          });
          expect(computeStats(taxonomy, incidents, shuffled, month)).toEqual(
            computeStats(taxonomy, incidents, cases, month),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('changing an ongoing case never changes the month in which it counted', () => {
    fc.assert(
      fc.property(
        caseArb(fc.constant('published')),
        fc.array(
          fc.record({
            afterDays: fc.integer({ min: 0, max: 900 }),
            kind: fc.constantFrom('hearing', 'decision', 'appeal'),
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        fc.nat(),
        (generated, additions, dropIndex) => {
          const original: CountingCase = { ...generated, id: 'case' };
          const month = countingMonth(original);
          if (month === null) return;
          const first = [...original.events].sort((a, b) => a.date.localeCompare(b.date))[0];
          if (!first) return;
          const later = additions.map(({ afterDays, kind }) => ({
            date: new Date(Date.parse(first.date) + afterDays * 86_400_000).toISOString().slice(0, 10),
            kind,
            instance: 'first' as const,
            outcome: 'partial' as const,
            awarded: 1000,
          }));
          // Add later events, and drop one event other than the earliest.
          const others = original.events.filter((event) => event !== first);
          others.splice(dropIndex % (others.length + 1), 1);
          const changed: CountingCase = {
            ...original,
            kind: original.kind,
            events: [first, ...others, ...later],
          };
          expect(countingMonth(changed)).toBe(month);
          const period = periodOf(month, month);
          const before = computeScopeFigures(taxonomy, [], [original], period);
          const after = computeScopeFigures(taxonomy, [], [changed], period);
          expect(after.groups.legal).toBe(before.groups.legal);
          expect(after.legal[original.kind].count).toBe(before.legal[original.kind].count);
          // ...and it is not counted again in any later month.
          for (let offset = 1; offset <= 30; offset += 1) {
            const next = addMonths(month, offset);
            expect(computeScopeFigures(taxonomy, [], [changed], periodOf(next, next)).groups.legal).toBe(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every count figure equals the number of records behind it', () => {
    fc.assert(
      fc.property(registryArb(), monthArb, ({ incidents, cases }, month) => {
        const period = scopePeriod(month, 'ytd');
        const figures = computeScopeFigures(taxonomy, incidents, cases, period);
        const behind = (figure: string) => {
          const ref = parseFigure(figure, taxonomy);
          if (!ref) throw new Error(figure);
          const records = recordsBehind(taxonomy, incidents, cases, period, ref);
          return records.incidents.length + records.cases.length;
        };
        expect(behind('groups.rights')).toBe(figures.groups.rights);
        expect(behind('groups.total')).toBe(
          figures.groups.rights +
            figures.groups.information -
            overlap(incidents, period) +
            figures.groups.legal,
        );
        expect(behind('categories.info_refusal')).toBe(figures.categories.info_refusal);
        expect(behind('legal.civil.in_court')).toBe(figures.legal.civil.in_court);
        expect(behind('legal.subjects.civil_honor_dignity')).toBe(figures.legal.subjects.civil_honor_dignity);
      }),
      { numRuns: 100 },
    );
  });
});

/** Incidents in both counted groups appear once in the list behind the total but count in both groups. */
function overlap(incidents: CountingIncident[], period: ReturnType<typeof periodOf>) {
  const groupOf = new Map(taxonomy.map((category) => [category.code, category.group]));
  return incidents.filter(
    (each) =>
      each.status === 'published' &&
      each.countedIn >= period.fromMonth &&
      each.countedIn <= period.toMonth &&
      each.categories.some((code) => groupOf.get(code) === 'rights') &&
      each.categories.some((code) => groupOf.get(code) === 'information'),
  ).length;
}
