import { describe, expect, it } from 'vitest';
import type { Fact } from './facts.ts';
import type { MonthFigures, ScopeFigures } from './importer.schemas.ts';
import { reconcileFacts } from './reconcile.ts';

function emptyScope(): ScopeFigures {
  return {
    groups: { rights: 0, information: 0, legal: 0, total: 0 },
    categories: { attack: 0, info_refusal: 0 },
    legal: {
      criminal: { count: 0, in_court: 0 },
      civil: { count: 0, in_court: 0 },
      administrative: { count: 0, in_court: 0 },
      subjects: { civil_honor_dignity: 0 },
    },
    judicial_acts: { first: 0, appeal: 0, cassation: 0, total: 0, for_media: 0 },
    money: { claims_non_pecuniary: 0, collected_by_courts: 0 },
  };
}

const span: [number, number] = [0, 1];

describe('reconcileFacts', () => {
  const figures: MonthFigures = {
    month: '2020-09',
    scope: { month: emptyScope(), ytd: emptyScope(), same_period_last_year: emptyScope() },
  };
  figures.scope.month.groups.rights = 22;
  figures.scope.month.categories.info_refusal = 9;
  figures.scope.month.legal.criminal = { count: 4, in_court: 1 };
  figures.scope.month.judicial_acts = { first: 4, appeal: 1, cassation: 0, total: 5, for_media: 2 };
  figures.scope.ytd.legal.subjects.civil_honor_dignity = 42;
  figures.scope.ytd.money.claims_non_pecuniary = 78_100_000;

  it('sets each stated figure beside the computed one', () => {
    const facts: Fact[] = [
      { type: 'count', scope: 'month', category: 'rights', count: 22, span },
      { type: 'count', scope: 'month', category: 'info_refusal', count: 10, span },
      { type: 'count', scope: 'month', category: 'criminal', count: 4, in_court: 0, span },
      { type: 'judicial_acts', scope: 'month', count: 5, for_media: 2, appeal: 1, span },
      { type: 'count', scope: 'ytd', category: 'civil_honor_dignity', count: 42, span },
      { type: 'money', scope: 'ytd', kind: 'claims_non_pecuniary', tenge: 78_100_000, span },
    ];
    const rows = reconcileFacts(facts, figures).map(({ scope, figure, stated, computed, status }) => [
      scope,
      figure,
      stated,
      computed,
      status,
    ]);
    expect(rows).toEqual([
      ['month', 'rights', 22, 22, 'agrees'],
      ['month', 'info_refusal', 10, 9, 'differs'],
      ['month', 'criminal', 4, 4, 'agrees'],
      ['month', 'criminal in court', 0, 1, 'differs'],
      ['month', 'judicial acts', 5, 5, 'agrees'],
      ['month', 'judicial acts for the media', 2, 2, 'agrees'],
      ['month', 'judicial acts on appeal', 1, 1, 'agrees'],
      ['ytd', 'civil_honor_dignity', 42, 42, 'agrees'],
      ['ytd', 'money claims_non_pecuniary', 78_100_000, 78_100_000, 'agrees'],
    ]);
  });

  it('compares a labelled period that is the year to date, and lists the rest as not comparable', () => {
    const facts: Fact[] = [
      {
        type: 'money',
        scope: 'period',
        period: { from: '2020-01', to: '2020-09' },
        kind: 'claims_non_pecuniary',
        tenge: 78_100_000,
        span,
      },
      {
        type: 'money',
        scope: 'period',
        period: { from: '2020-01', to: '2020-03' },
        kind: 'collected_by_courts',
        tenge: 5,
        span,
      },
      {
        type: 'count',
        scope: 'period',
        period: { from: '2020-08', to: '2020-08' },
        category: 'rights',
        count: 14,
        span,
      },
      { type: 'money', scope: 'month', kind: 'fine', tenge: 73_840, span },
      { type: 'count', scope: 'month', category: 'no_such_code', count: 1, span },
    ];
    expect(reconcileFacts(facts, figures).map((row) => row.status)).toEqual([
      'agrees',
      'not_comparable',
      'not_comparable',
      'not_comparable',
      'not_comparable',
    ]);
  });
});
