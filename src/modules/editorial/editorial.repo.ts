import type { Db } from '../../db/client.ts';
import type { LocalizedText } from '../../i18n/langs.ts';

/**
 * The reference tables the forms offer as choices (taxonomy, regions, legal articles). Read-only:
 * records are written by their own modules' services.
 */
export type ReferenceData = {
  groups: Array<{ code: string; labels: LocalizedText }>;
  categories: Array<{
    code: string;
    group: string;
    legalRole: 'kind' | 'subject' | null;
    legalKind: string | null;
    labels: LocalizedText;
  }>;
  regions: Array<{ code: string; labels: LocalizedText; historic: boolean }>;
  articles: Array<{ code: string; law: string; number: string; names: LocalizedText }>;
};

export async function loadReferenceData(db: Db): Promise<ReferenceData> {
  const [groups, categories, regions, articles] = await Promise.all([
    db.selectFrom('taxonomy_groups').select(['code', 'labels']).orderBy('position').execute(),
    db
      .selectFrom('categories')
      .innerJoin('taxonomy_groups', 'taxonomy_groups.code', 'categories.group_code')
      .where('categories.active', '=', true)
      .select([
        'categories.code',
        'categories.group_code',
        'categories.legal_role',
        'categories.legal_kind',
        'categories.labels',
      ])
      .orderBy('taxonomy_groups.position')
      .orderBy('categories.position')
      .execute(),
    db.selectFrom('regions').select(['code', 'labels', 'valid_to']).orderBy('code').execute(),
    db.selectFrom('legal_articles').select(['code', 'law', 'number', 'names']).orderBy('code').execute(),
  ]);
  return {
    groups: groups.map((group) => ({ code: group.code, labels: group.labels })),
    categories: categories.map((category) => ({
      code: category.code,
      group: category.group_code,
      legalRole: category.legal_role,
      legalKind: category.legal_kind,
      labels: category.labels,
    })),
    regions: regions.map((region) => ({
      code: region.code,
      labels: region.labels,
      historic: region.valid_to !== null,
    })),
    articles: articles
      .map((article) => ({ code: article.code, law: article.law, number: article.number, names: article.names }))
      .sort(byLawAndNumber),
  };
}

const lawOrder = ['CONST', 'CC', 'CPC', 'CAO', 'CIVC'];

function byLawAndNumber(a: { law: string; number: string }, b: { law: string; number: string }) {
  return (
    lawOrder.indexOf(a.law) - lawOrder.indexOf(b.law) ||
    a.number.localeCompare(b.number, 'en', { numeric: true })
  );
}
