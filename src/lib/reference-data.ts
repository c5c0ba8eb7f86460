import type { Db } from '../db/client.ts';
import type { LegalRole, TaxonomyGroup } from '../domain/vocabularies.ts';
import type { ErrorDetail } from './errors.ts';

/** The reference tables that validation of records needs, read once per operation. */
export type ReferenceData = {
  categories: Map<
    string,
    {
      group: TaxonomyGroup;
      legalRole: LegalRole | null;
      legalKind: string | null;
    }
  >;
  articles: Set<string>;
  regions: Map<string, { validFrom: string | null; validTo: string | null }>;
  /** MCI values, newest first. */
  mci: Array<{ validFrom: string; tenge: number }>;
};

export async function loadReferenceData(db: Db): Promise<ReferenceData> {
  const [categories, articles, regions, mci] = await Promise.all([
    db.selectFrom('categories').select(['code', 'group_code', 'legal_role', 'legal_kind']).execute(),
    db.selectFrom('legal_articles').select('code').execute(),
    db.selectFrom('regions').select(['code', 'valid_from', 'valid_to']).execute(),
    db.selectFrom('mci_values').select(['valid_from', 'tenge']).orderBy('valid_from', 'desc').execute(),
  ]);
  return {
    categories: new Map(
      categories.map((row) => [
        row.code,
        { group: row.group_code, legalRole: row.legal_role, legalKind: row.legal_kind },
      ]),
    ),
    articles: new Set(articles.map((row) => row.code)),
    regions: new Map(regions.map((row) => [row.code, { validFrom: row.valid_from, validTo: row.valid_to }])),
    mci: mci.map((row) => ({ validFrom: row.valid_from, tenge: row.tenge })),
  };
}

/** The MCI value in force on a day ('20 MCI' converts by the date of the decision). */
export function mciOn(reference: Pick<ReferenceData, 'mci'>, day: string): number | null {
  return reference.mci.find((row) => row.validFrom <= day)?.tenge ?? null;
}

/**
 * Why a region code does not fit a date, or null when it does. Regions changed (South Kazakhstan
 * became Turkistan and Shymkent in 2018; Abai, Zhetysu and Ulytau began in 2022), and a record
 * keeps the region valid on its date. A month-precision date fits when any day of the month does.
 */
export function regionProblem(
  reference: Pick<ReferenceData, 'regions'>,
  code: string,
  date: { first: string; last: string },
): ErrorDetail | null {
  const region = reference.regions.get(code);
  if (!region) return { key: 'unknownRegion', params: { code } };
  if (region.validFrom && date.last < region.validFrom) {
    return { key: 'regionNotYet', params: { code, date: date.first, from: region.validFrom } };
  }
  if (region.validTo && date.first > region.validTo) {
    return { key: 'regionEnded', params: { code, date: date.first, to: region.validTo } };
  }
  return null;
}
