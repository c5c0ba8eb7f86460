import type { Db } from '../../db/client.ts';
import type { LegalRole } from '../../domain/vocabularies.ts';
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
    legalRole: LegalRole | null;
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
      .map((article) => ({
        code: article.code,
        law: article.law,
        number: article.number,
        names: article.names,
      }))
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

/**
 * Of the given drafts, those an editor sent back: the latest status change of each was a return
 * from review by someone other than `userId` (an author who withdraws their own is not returned).
 */
export async function returnedDrafts(
  db: Db,
  entityType: 'incident' | 'case',
  ids: readonly string[],
  userId: number,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('audit_log')
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', ids)
    .where('action', '=', `${entityType}.transition`)
    .select(['entity_id', 'user_id', 'before', 'after'])
    .distinctOn('entity_id')
    .orderBy('entity_id')
    .orderBy('id', 'desc')
    .execute();
  return new Set(
    rows
      .filter(
        (row) =>
          row.user_id !== userId && statusOf(row.before) === 'in_review' && statusOf(row.after) === 'draft',
      )
      .map((row) => row.entity_id),
  );
}

function statusOf(snapshot: unknown): string | undefined {
  if (!snapshot || typeof snapshot !== 'object' || !('status' in snapshot)) return undefined;
  return typeof snapshot.status === 'string' ? snapshot.status : undefined;
}

/** The ids of the records published last, newest first. */
export async function recentlyPublishedIds(db: Db, limit: number) {
  const [incidents, cases] = await Promise.all([
    db
      .selectFrom('incidents')
      .where('status', '=', 'published')
      .orderBy('published_at', (ob) => ob.desc().nullsLast())
      .orderBy('id')
      .limit(limit)
      .select('id')
      .execute(),
    db
      .selectFrom('cases')
      .where('status', '=', 'published')
      .orderBy('published_at', (ob) => ob.desc().nullsLast())
      .orderBy('id')
      .limit(limit)
      .select('id')
      .execute(),
  ]);
  return { incidents: incidents.map((row) => row.id), cases: cases.map((row) => row.id) };
}
