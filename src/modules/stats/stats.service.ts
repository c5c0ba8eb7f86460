import type { Db } from '../../db/client.ts';
import type { CaseKind } from '../../db/types.ts';
import type { LocalizedText } from '../../i18n/langs.ts';
import { AppError } from '../../lib/errors.ts';
import { type FigureRef, parseFigure, type ScopeFigures, type StatsJson } from './counting.ts';
import { monthsBetween, parseMonth, periodOf, type ScopeName, scopeNames, scopePeriod } from './periods.ts';
import { loadTaxonomy, queryMonthlyGroups, queryRecordsBehind, queryScopeFigures } from './stats.repo.ts';

/** The figures of a month, its year to date and the same period last year (DESIGN 7, `stats --json`). */
export async function computeMonthStats(db: Db, month: string): Promise<StatsJson> {
  parseMonth(month);
  const taxonomy = await loadTaxonomy(db);
  const scopes = await Promise.all(
    scopeNames.map(
      async (name) => [name, await queryScopeFigures(db, taxonomy, scopePeriod(month, name))] as const,
    ),
  );
  return { month, scope: Object.fromEntries(scopes) as Record<ScopeName, ScopeFigures> };
}

export type MonthlySeriesPoint = {
  month: string;
  rights: number;
  information: number;
  legal: number;
  total: number;
};

/** The group figures of every month from `fromMonth` to `toMonth`, zeros included, for charts. */
export async function computeMonthlySeries(
  db: Db,
  fromMonth: string,
  toMonth: string,
): Promise<MonthlySeriesPoint[]> {
  parseMonth(fromMonth, 'from');
  parseMonth(toMonth, 'to');
  if (fromMonth > toMonth)
    throw new AppError('validation_failed', 'from: must not be after to', { field: 'from' });
  const rows = new Map(
    (await queryMonthlyGroups(db, periodOf(fromMonth, toMonth))).map((row) => [row.month, row]),
  );
  return monthsBetween(fromMonth, toMonth).map((month) => {
    const row = rows.get(month) ?? { rights: 0, information: 0, legal: 0 };
    return {
      month,
      rights: row.rights,
      information: row.information,
      legal: row.legal,
      total: row.rights + row.information + row.legal,
    };
  });
}

/** What the public may see of an incident behind a figure. A restricted one shows only month, region and categories. */
export type PublicIncidentRecord =
  | {
      visibility: 'public';
      id: string;
      date: string;
      datePrecision: 'day' | 'month';
      title: LocalizedText;
      regionCode: string | null;
      categories: string[];
    }
  | { visibility: 'restricted'; month: string; regionCode: string | null; categories: string[] };

export type PublicCaseRecord = {
  id: string;
  kind: CaseKind;
  title: LocalizedText;
  regionCode: string | null;
  /** The date of the case's earliest event, when it counted as new. */
  firstDate: string | null;
};

export type RecordsBehindFigure = {
  month: string;
  scope: ScopeName;
  figure: string;
  from: string;
  to: string;
  incidents: PublicIncidentRecord[];
  cases: PublicCaseRecord[];
};

export function checkScope(value: string): ScopeName {
  const scope = scopeNames.find((name) => name === value);
  if (!scope) {
    throw new AppError(
      'validation_failed',
      `scope: expected one of ${scopeNames.join(', ')}, got "${value}"`,
      {
        field: 'scope',
      },
    );
  }
  return scope;
}

export async function checkFigure(db: Db, figure: string): Promise<FigureRef> {
  const ref = parseFigure(figure, await loadTaxonomy(db));
  if (!ref)
    throw new AppError('validation_failed', `figure: no such figure "${figure}"`, { field: 'figure' });
  return ref;
}

/**
 * Opens a figure: the published records behind it, with public-safe fields only. Never a victim's
 * name, a source, a correspondent or an editorial note: this only selects the fields listed here.
 */
export async function listRecordsBehind(
  db: Db,
  month: string,
  scope: ScopeName,
  figure: string,
): Promise<RecordsBehindFigure> {
  parseMonth(month);
  const period = scopePeriod(month, checkScope(scope));
  const ids = await queryRecordsBehind(db, period, await checkFigure(db, figure));
  const [incidentRows, caseRows] = await Promise.all([
    ids.incidents.length === 0
      ? []
      : db
          .selectFrom('incidents')
          .where('id', 'in', ids.incidents)
          .where('status', '=', 'published')
          .select((eb) => [
            'id',
            'date',
            'date_precision',
            'counted_in',
            'title',
            'region_code',
            'visibility',
            eb
              .selectFrom('incident_categories')
              .whereRef('incident_categories.incident_id', '=', 'incidents.id')
              .select((sub) => sub.fn.agg<string[]>('array_agg', ['category_code']).as('codes'))
              .as('categories'),
          ])
          .orderBy('date')
          .orderBy('id')
          .execute(),
    ids.cases.length === 0
      ? []
      : db
          .selectFrom('cases')
          .where('id', 'in', ids.cases)
          .where('status', '=', 'published')
          .select((eb) => [
            'id',
            'kind',
            'title',
            'region_code',
            eb
              .selectFrom('case_events')
              .whereRef('case_events.case_id', '=', 'cases.id')
              .select((sub) => sub.fn.min<string>('date').as('first'))
              .as('first_date'),
          ])
          .orderBy('id')
          .execute(),
  ]);
  const incidents: PublicIncidentRecord[] = incidentRows.map((row) => {
    const categories = [...(row.categories ?? [])].sort();
    if (row.visibility === 'restricted') {
      return {
        visibility: 'restricted',
        month: row.counted_in.slice(0, 7),
        regionCode: row.region_code,
        categories,
      };
    }
    return {
      visibility: 'public',
      id: row.id,
      date: row.date_precision === 'month' ? row.date.slice(0, 7) : row.date,
      datePrecision: row.date_precision,
      title: row.title,
      regionCode: row.region_code,
      categories,
    };
  });
  const cases: PublicCaseRecord[] = caseRows
    .map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      regionCode: row.region_code,
      firstDate: row.first_date ?? null,
    }))
    .sort((a, b) => (a.firstDate ?? '').localeCompare(b.firstDate ?? '') || a.id.localeCompare(b.id));
  return { month, scope, figure, from: period.from, to: period.to, incidents, cases };
}
