import type { Db } from '../../db/client.ts';

/** SQL of the importer: which records exist already, reference codes, and the draft rows. */
export async function existingIncidentIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('incidents').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

export async function legalArticleCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('legal_articles').select('code').execute();
  return new Set(rows.map((row) => row.code));
}

/** MCI values by the date they took effect, newest first. */
export async function mciValues(db: Db): Promise<Array<{ validFrom: string; tenge: number }>> {
  const rows = await db
    .selectFrom('mci_values')
    .select(['valid_from', 'tenge'])
    .orderBy('valid_from', 'desc')
    .execute();
  return rows.map((row) => ({ validFrom: row.valid_from, tenge: Number(row.tenge) }));
}

export type DraftIncident = {
  id: string;
  date: string;
  datePrecision: 'day' | 'month';
  countedIn: string;
  region: string | null;
  locality: string | null;
  title: Record<string, string>;
  summary: Record<string, string>;
  provenance: unknown;
  categories: string[];
  articles: string[];
  sources: Array<{ url: string }>;
  createdBy: number | null;
};

export async function insertDraftIncident(db: Db, draft: DraftIncident) {
  await db
    .insertInto('incidents')
    .values({
      id: draft.id,
      date: draft.date,
      date_precision: draft.datePrecision,
      counted_in: draft.countedIn,
      region_code: draft.region,
      locality: draft.locality,
      title: JSON.stringify(draft.title),
      summary: JSON.stringify(draft.summary),
      status: 'draft',
      provenance: JSON.stringify(draft.provenance),
      correspondent: null,
      editorial_note: null,
      created_by: draft.createdBy,
      published_at: null,
    })
    .execute();
  await db
    .insertInto('incident_categories')
    .values(draft.categories.map((code) => ({ incident_id: draft.id, category_code: code })))
    .execute();
  if (draft.articles.length > 0) {
    await db
      .insertInto('incident_legal_articles')
      .values(draft.articles.map((code) => ({ incident_id: draft.id, article_code: code })))
      .execute();
  }
  if (draft.sources.length > 0) {
    await db
      .insertInto('incident_sources')
      .values(
        draft.sources.map((source, position) => ({
          incident_id: draft.id,
          position,
          url: source.url,
          outlet: null,
          title: null,
          correspondent: null,
          note: null,
        })),
      )
      .execute();
  }
}
