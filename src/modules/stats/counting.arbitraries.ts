import fc from 'fast-check';
import type { CaseKind, Instance, Outcome, RecordStatus } from '../../db/types.ts';
import type { CountingCase, CountingCaseEvent, CountingIncident, TaxonomyCategory } from './counting.ts';

/**
 * Random registries for the property tests: a small taxonomy slice, months around a year boundary,
 * every status, events in any order. Shared by the pure tests and the SQL-versus-pure test.
 */
export const testTaxonomy: TaxonomyCategory[] = [
  { code: 'attack', group: 'rights', legalRole: null },
  { code: 'threat', group: 'rights', legalRole: null },
  { code: 'obstruction', group: 'rights', legalRole: null },
  { code: 'censorship', group: 'rights', legalRole: null },
  { code: 'info_refusal', group: 'information', legalRole: null },
  { code: 'blocking', group: 'information', legalRole: null },
  { code: 'cyberattack', group: 'information', legalRole: null },
  { code: 'ranking', group: 'context', legalRole: null },
  { code: 'legislation', group: 'context', legalRole: null },
  { code: 'criminal', group: 'legal', legalRole: 'kind' },
  { code: 'civil', group: 'legal', legalRole: 'kind' },
  { code: 'administrative', group: 'legal', legalRole: 'kind' },
  { code: 'criminal_false_information', group: 'legal', legalRole: 'subject' },
  { code: 'civil_honor_dignity', group: 'legal', legalRole: 'subject' },
  { code: 'civil_privacy', group: 'legal', legalRole: 'subject' },
  { code: 'administrative_false_information', group: 'legal', legalRole: 'subject' },
];

const incidentCodes = testTaxonomy.filter((c) => c.group !== 'legal').map((c) => c.code);
const subjectCodes = testTaxonomy.filter((c) => c.legalRole === 'subject').map((c) => c.code);

export const statuses: RecordStatus[] = ['draft', 'in_review', 'published', 'archived'];
const status = fc.constantFrom<RecordStatus>(...statuses);
/** Mostly published, so that figures are not all zero. */
const likelyPublished = fc.oneof(
  { weight: 3, arbitrary: fc.constant<RecordStatus>('published') },
  { weight: 1, arbitrary: status },
);

export const monthArb = fc
  .record({ year: fc.integer({ min: 2023, max: 2024 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

const dateArb = fc
  .record({
    year: fc.integer({ min: 2022, max: 2024 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

export const eventArb: fc.Arbitrary<CountingCaseEvent> = fc.record({
  date: dateArb,
  kind: fc.constantFrom(
    'filed',
    'investigation_opened',
    'hearing',
    'decision',
    'decision',
    'appeal',
    'in_force',
  ),
  instance: fc.option(fc.constantFrom<Instance>('first', 'appeal', 'cassation', 'supreme'), { nil: null }),
  outcome: fc.option(
    fc.constantFrom<Outcome>('for_media', 'against_media', 'partial', 'dismissed', 'settled', 'pending'),
    { nil: null },
  ),
  awarded: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
});

export const incidentArb = (withStatus: fc.Arbitrary<RecordStatus> = likelyPublished) =>
  fc.record({
    status: withStatus,
    countedIn: monthArb,
    categories: fc.uniqueArray(fc.constantFrom(...incidentCodes), { minLength: 1, maxLength: 3 }),
  });

export const caseArb = (withStatus: fc.Arbitrary<RecordStatus> = likelyPublished) =>
  fc.record({
    status: withStatus,
    kind: fc.constantFrom<CaseKind>('criminal', 'civil', 'administrative'),
    subjects: fc.uniqueArray(fc.constantFrom(...subjectCodes), { maxLength: 2 }),
    claimNonPecuniary: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }),
    events: fc.array(eventArb, { minLength: 1, maxLength: 4 }),
  });

export type Registry = { incidents: CountingIncident[]; cases: CountingCase[] };

const withIds = <T extends object>(prefix: string, records: T[]) =>
  records.map((record, index) => ({ ...record, id: `${prefix}-${String(index).padStart(3, '0')}` }));

export const registryArb = (size = { incidents: 30, cases: 12 }): fc.Arbitrary<Registry> =>
  fc.record({
    incidents: fc.array(incidentArb(), { maxLength: size.incidents }).map((list) => withIds('inc', list)),
    cases: fc.array(caseArb(), { maxLength: size.cases }).map((list) => withIds('case', list)),
  });

/** Records that must never change a figure: drafts and records under review. */
export const unpublishedArb: fc.Arbitrary<Registry> = fc.record({
  incidents: fc
    .array(incidentArb(fc.constantFrom<RecordStatus>('draft', 'in_review')), { maxLength: 10 })
    .map((list) => withIds('draft-inc', list)),
  cases: fc
    .array(caseArb(fc.constantFrom<RecordStatus>('draft', 'in_review')), { maxLength: 5 })
    .map((list) => withIds('draft-case', list)),
});
