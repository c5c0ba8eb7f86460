/**
 * The counting rules of DESIGN section 4, written as the methodology reads. This module is pure: it
 * takes plain arrays of incidents and cases and returns the `stats --json` figures. It is the
 * reference implementation; the SQL in stats.repo.ts must give the same numbers (a property test
 * checks this on random data), and every figure can be traced back to its records (`recordsBehind`).
 */

import type { CaseKind, Instance, Outcome, RecordStatus } from '../../db/types.ts';
import {
  caseKinds,
  type countedIncidentGroups,
  type LegalRole,
  type TaxonomyGroup,
} from '../../domain/vocabularies.ts';
import { monthOf, type Period, type ScopeName, scopeNames, scopePeriod } from './periods.ts';

export { caseKinds, countedIncidentGroups } from '../../domain/vocabularies.ts';
export type IncidentGroup = (typeof countedIncidentGroups)[number];

export type TaxonomyCategory = {
  code: string;
  group: TaxonomyGroup;
  legalRole: LegalRole | null;
};

export type CountingIncident = {
  id: string;
  status: RecordStatus;
  /** 'YYYY-MM': the month the incident is counted in (DESIGN 4.2). */
  countedIn: string;
  categories: readonly string[];
};

export type CountingCaseEvent = {
  date: string;
  kind: string;
  instance: Instance | null;
  outcome: Outcome | null;
  awarded: number | null;
};

export type CountingCase = {
  id: string;
  status: RecordStatus;
  kind: CaseKind;
  subjects: readonly string[];
  claimNonPecuniary: number | null;
  events: readonly CountingCaseEvent[];
};

export type KindFigures = { count: number; in_court: number };

export type ScopeFigures = {
  groups: { rights: number; information: number; legal: number; total: number };
  /** Every code of the `rights` and `information` groups, zeros included. */
  categories: Record<string, number>;
  legal: {
    criminal: KindFigures;
    civil: KindFigures;
    administrative: KindFigures;
    /** Every subject code of the `legal` group, zeros included. */
    subjects: Record<string, number>;
  };
  judicial_acts: { first: number; appeal: number; cassation: number; total: number; for_media: number };
  money: { claims_non_pecuniary: number; collected_by_courts: number };
};

export type StatsJson = {
  month: string;
  scope: Record<ScopeName, ScopeFigures>;
};

const within = (date: string, period: Period) => date >= period.from && date <= period.to;

/** Rule 1: only published records count. Drafts, records under review and archived ones never do. */
export const counts = (record: { status: RecordStatus }) => record.status === 'published';

/** Rule 4: a case counts once, in the month of its earliest event (it is "new" then, "ongoing" after). */
export function countingDate(legalCase: Pick<CountingCase, 'events'>): string | null {
  let earliest: string | null = null;
  for (const event of legalCase.events) if (earliest === null || event.date < earliest) earliest = event.date;
  return earliest;
}

export function countingMonth(legalCase: Pick<CountingCase, 'events'>): string | null {
  const date = countingDate(legalCase);
  return date === null ? null : monthOf(date);
}

/** Rule 2: the incidents counted in a period (published, counting month inside it). */
export function incidentsCountedIn(incidents: readonly CountingIncident[], period: Period) {
  return incidents.filter(
    (incident) =>
      counts(incident) && incident.countedIn >= period.fromMonth && incident.countedIn <= period.toMonth,
  );
}

/** Rule 4: the cases that are new in a period. */
export function casesNewIn(cases: readonly CountingCase[], period: Period) {
  return cases.filter((legalCase) => {
    const date = countingDate(legalCase);
    return counts(legalCase) && date !== null && within(date, period);
  });
}

/** Rule 4: a counted case is "in court" when it has an event with an instance dated by the period's end. */
export function isInCourt(legalCase: CountingCase, period: Period): boolean {
  return legalCase.events.some((event) => event.instance !== null && event.date <= period.to);
}

export type JudicialAct = { caseId: string; event: CountingCaseEvent };

/** Rule 6: decisions dated in the period, of every published case, new or ongoing. */
export function judicialActsIn(cases: readonly CountingCase[], period: Period): JudicialAct[] {
  return cases
    .filter(counts)
    .flatMap((legalCase) =>
      legalCase.events
        .filter((event) => event.kind === 'decision' && within(event.date, period))
        .map((event) => ({ caseId: legalCase.id, event })),
    );
}

/** Rule 6: `cassation` also takes `supreme`; a decision with no instance recorded is a first-instance one. */
export function instanceColumn(instance: Instance | null): 'first' | 'appeal' | 'cassation' {
  if (instance === 'appeal') return 'appeal';
  if (instance === 'cassation' || instance === 'supreme') return 'cassation';
  return 'first';
}

export function computeScopeFigures(
  taxonomy: readonly TaxonomyCategory[],
  incidents: readonly CountingIncident[],
  cases: readonly CountingCase[],
  period: Period,
): ScopeFigures {
  const groupOf = new Map(taxonomy.map((category) => [category.code, category.group]));

  // Rule 3: a category's figure is the number of incidents carrying it; a group's is the number of
  // distinct incidents with at least one of its categories. `context` is never counted.
  const counted = incidentsCountedIn(incidents, period);
  const categories: Record<string, number> = {};
  for (const category of taxonomy) {
    if (category.group === 'rights' || category.group === 'information') categories[category.code] = 0;
  }
  const groupFigure = (group: IncidentGroup) =>
    counted.filter((incident) => incident.categories.some((code) => groupOf.get(code) === group)).length;
  for (const incident of counted) {
    for (const code of new Set(incident.categories)) {
      if (code in categories) categories[code] = (categories[code] ?? 0) + 1;
    }
  }

  // Rule 4: the legal figures come from new cases.
  const newCases = casesNewIn(cases, period);
  const kindFigures = (kind: CaseKind): KindFigures => {
    const ofKind = newCases.filter((legalCase) => legalCase.kind === kind);
    return {
      count: ofKind.length,
      in_court: ofKind.filter((legalCase) => isInCourt(legalCase, period)).length,
    };
  };
  const subjects: Record<string, number> = {};
  for (const category of taxonomy) {
    if (category.group === 'legal' && category.legalRole === 'subject') subjects[category.code] = 0;
  }
  for (const legalCase of newCases) {
    for (const code of new Set(legalCase.subjects)) {
      if (code in subjects) subjects[code] = (subjects[code] ?? 0) + 1;
    }
  }

  // Rule 6: judicial acts.
  const acts = judicialActsIn(cases, period);
  const judicial_acts = { first: 0, appeal: 0, cassation: 0, total: acts.length, for_media: 0 };
  for (const act of acts) {
    judicial_acts[instanceColumn(act.event.instance)] += 1;
    if (act.event.outcome === 'for_media') judicial_acts.for_media += 1;
  }

  // Rule 7: money.
  const money = {
    claims_non_pecuniary: sum(
      newCases
        .filter((legalCase) => legalCase.kind === 'civil')
        .map((legalCase) => legalCase.claimNonPecuniary),
    ),
    collected_by_courts: sum(acts.map((act) => act.event.awarded)),
  };

  const rights = groupFigure('rights');
  const information = groupFigure('information');
  const legal = newCases.length;
  return {
    // Rule 5: the total is the sum of the three group figures.
    groups: { rights, information, legal, total: rights + information + legal },
    categories,
    legal: {
      criminal: kindFigures('criminal'),
      civil: kindFigures('civil'),
      administrative: kindFigures('administrative'),
      subjects,
    },
    judicial_acts,
    money,
  };
}

/** The figures of a month, its year to date and the same period of last year. */
export function computeStats(
  taxonomy: readonly TaxonomyCategory[],
  incidents: readonly CountingIncident[],
  cases: readonly CountingCase[],
  month: string,
): StatsJson {
  const scope = Object.fromEntries(
    scopeNames.map((name) => [
      name,
      computeScopeFigures(taxonomy, incidents, cases, scopePeriod(month, name)),
    ]),
  ) as Record<ScopeName, ScopeFigures>;
  return { month, scope };
}

function sum(values: ReadonlyArray<number | null>): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

/**
 * A figure is named by its path in a scope's JSON: 'groups.rights', 'categories.info_refusal',
 * 'legal.civil.count', 'legal.civil.in_court', 'legal.subjects.civil_honor_dignity',
 * 'judicial_acts.appeal', 'money.collected_by_courts'.
 */
export type FigureRef =
  | { kind: 'group'; group: IncidentGroup | 'legal' | 'total' }
  | { kind: 'category'; code: string }
  | { kind: 'legal_kind'; caseKind: CaseKind; inCourt: boolean }
  | { kind: 'legal_subject'; code: string }
  | { kind: 'judicial_acts'; column: 'first' | 'appeal' | 'cassation' | 'total' | 'for_media' }
  | { kind: 'money'; column: 'claims_non_pecuniary' | 'collected_by_courts' };

export function parseFigure(figure: string, taxonomy: readonly TaxonomyCategory[]): FigureRef | null {
  const [head, second, third, extra] = figure.split('.');
  if (extra !== undefined || second === undefined) return null;
  const category = taxonomy.find((entry) => entry.code === (head === 'legal' ? third : second));
  if (head === 'groups' && third === undefined) {
    if (second === 'rights' || second === 'information' || second === 'legal' || second === 'total') {
      return { kind: 'group', group: second };
    }
  }
  if (head === 'categories' && third === undefined && category) {
    if (category.group === 'rights' || category.group === 'information')
      return { kind: 'category', code: second };
  }
  if (head === 'legal') {
    const caseKind = caseKinds.find((kind) => kind === second);
    if (caseKind && (third === 'count' || third === 'in_court')) {
      return { kind: 'legal_kind', caseKind, inCourt: third === 'in_court' };
    }
    if (second === 'subjects' && category?.group === 'legal' && category.legalRole === 'subject' && third) {
      return { kind: 'legal_subject', code: third };
    }
  }
  if (head === 'judicial_acts' && third === undefined) {
    if (
      second === 'first' ||
      second === 'appeal' ||
      second === 'cassation' ||
      second === 'total' ||
      second === 'for_media'
    ) {
      return { kind: 'judicial_acts', column: second };
    }
  }
  if (head === 'money' && third === undefined) {
    if (second === 'claims_non_pecuniary' || second === 'collected_by_courts')
      return { kind: 'money', column: second };
  }
  return null;
}

/** The records behind a figure: incident ids, case ids, or (for judicial acts) the cases of the decisions. */
export type RecordsBehind = { incidents: string[]; cases: string[] };

export function recordsBehind(
  taxonomy: readonly TaxonomyCategory[],
  incidents: readonly CountingIncident[],
  cases: readonly CountingCase[],
  period: Period,
  figure: FigureRef,
): RecordsBehind {
  const groupOf = new Map(taxonomy.map((category) => [category.code, category.group]));
  const counted = incidentsCountedIn(incidents, period);
  const newCases = casesNewIn(cases, period);
  const ids = <T extends { id: string }>(records: T[]) => records.map((record) => record.id).sort();
  const actCases = (acts: JudicialAct[]) => [...new Set(acts.map((act) => act.caseId))].sort();
  switch (figure.kind) {
    case 'group': {
      const inGroup = (group: IncidentGroup) => (incident: CountingIncident) =>
        incident.categories.some((code) => groupOf.get(code) === group);
      if (figure.group === 'legal') return { incidents: [], cases: ids(newCases) };
      if (figure.group === 'total') {
        return {
          incidents: ids(
            counted.filter((incident) => inGroup('rights')(incident) || inGroup('information')(incident)),
          ),
          cases: ids(newCases),
        };
      }
      return { incidents: ids(counted.filter(inGroup(figure.group))), cases: [] };
    }
    case 'category':
      return {
        incidents: ids(counted.filter((incident) => incident.categories.includes(figure.code))),
        cases: [],
      };
    case 'legal_kind':
      return {
        incidents: [],
        cases: ids(
          newCases.filter(
            (legalCase) =>
              legalCase.kind === figure.caseKind && (!figure.inCourt || isInCourt(legalCase, period)),
          ),
        ),
      };
    case 'legal_subject':
      return {
        incidents: [],
        cases: ids(newCases.filter((legalCase) => legalCase.subjects.includes(figure.code))),
      };
    case 'judicial_acts': {
      const acts = judicialActsIn(cases, period).filter((act) =>
        figure.column === 'total'
          ? true
          : figure.column === 'for_media'
            ? act.event.outcome === 'for_media'
            : instanceColumn(act.event.instance) === figure.column,
      );
      return { incidents: [], cases: actCases(acts) };
    }
    case 'money':
      if (figure.column === 'claims_non_pecuniary') {
        return {
          incidents: [],
          cases: ids(
            newCases.filter(
              (legalCase) => legalCase.kind === 'civil' && (legalCase.claimNonPecuniary ?? 0) > 0,
            ),
          ),
        };
      }
      return {
        incidents: [],
        cases: actCases(judicialActsIn(cases, period).filter((act) => (act.event.awarded ?? 0) > 0)),
      };
  }
}
