import type { Fact } from './facts.ts';
import type { MonthFigures, ScopeFigures } from './importer.schemas.ts';

/**
 * Sets the figures a report states beside the figures the database computes for its month. Pure: the
 * figures come in with the shape of `stats --json`. A stated figure the database cannot compute (a
 * fine, last month's figure, a whole year) is listed as not comparable rather than dropped.
 */
export type ReconciliationRow = {
  scope: string;
  figure: string;
  stated: number;
  computed: number | null;
  status: 'agrees' | 'differs' | 'not_comparable';
  span: [number, number];
};

const scopeNames = ['month', 'ytd', 'same_period_last_year'] as const;
type ScopeName = (typeof scopeNames)[number];

function isScopeName(scope: string): scope is ScopeName {
  return (scopeNames as readonly string[]).includes(scope);
}

/** The figures' scope a fact speaks of; a labelled period is comparable when it is the month or the year to date. */
function scopeOf(fact: Fact, month: string): ScopeName | null {
  if (isScopeName(fact.scope)) return fact.scope;
  // A yearly page's year, read in December, is the year to date.
  if (fact.scope === 'year' && fact.period?.from === `${month.slice(0, 4)}-01` && fact.period.to === month)
    return 'ytd';
  if (fact.scope === 'period' && fact.period?.to === month) {
    if (fact.period.from === month) return 'month';
    if (fact.period.from === `${month.slice(0, 4)}-01`) return 'ytd';
  }
  return null;
}

function countFigure(figures: ScopeFigures, category: string): number | null {
  if (category === 'total' || category === 'rights' || category === 'information' || category === 'legal') {
    return figures.groups[category === 'total' ? 'total' : category];
  }
  if (category === 'criminal' || category === 'civil' || category === 'administrative')
    return figures.legal[category].count;
  return figures.legal.subjects[category] ?? figures.categories[category] ?? null;
}

export function reconcileFacts(facts: readonly Fact[], figures: MonthFigures): ReconciliationRow[] {
  const rows: ReconciliationRow[] = [];
  for (const fact of facts) {
    const scopeName = scopeOf(fact, figures.month);
    const scoped = scopeName ? figures.scope[scopeName] : null;
    const label =
      fact.scope === 'period' && fact.period ? `${fact.period.from}..${fact.period.to}` : fact.scope;
    const add = (figure: string, stated: number, computed: number | null) => {
      rows.push({
        scope: label,
        figure,
        stated,
        computed,
        status: computed === null ? 'not_comparable' : computed === stated ? 'agrees' : 'differs',
        span: fact.span,
      });
    };
    if (fact.type === 'count') {
      add(fact.category, fact.count, scoped ? countFigure(scoped, fact.category) : null);
      if (fact.in_court !== undefined) {
        const kind =
          fact.category === 'criminal' || fact.category === 'civil' || fact.category === 'administrative'
            ? fact.category
            : null;
        add(`${fact.category} in court`, fact.in_court, scoped && kind ? scoped.legal[kind].in_court : null);
      }
    } else if (fact.type === 'judicial_acts') {
      add('judicial acts', fact.count, scoped?.judicial_acts.total ?? null);
      if (fact.for_media !== undefined)
        add('judicial acts for the media', fact.for_media, scoped?.judicial_acts.for_media ?? null);
      if (fact.appeal !== undefined)
        add('judicial acts on appeal', fact.appeal, scoped?.judicial_acts.appeal ?? null);
      if (fact.cassation !== undefined)
        add('judicial acts in cassation', fact.cassation, scoped?.judicial_acts.cassation ?? null);
    } else {
      const computed =
        scoped && (fact.kind === 'claims_non_pecuniary' || fact.kind === 'collected_by_courts')
          ? scoped.money[fact.kind]
          : null;
      add(`money ${fact.kind}`, fact.tenge, computed);
    }
  }
  return rows;
}
