import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../db/client.ts';
import { type Lang, pickText } from '../../i18n/langs.ts';
import { guardFormula } from '../../lib/csv.ts';
import { type IncidentSummary, type Labels, loadIncidentSummaries } from '../portal/index.ts';
import { listIncidentIds, type PreparedSearch, type SortOrder, streamIncidentIds } from '../search/index.ts';

/** A download holds at most this many records; the bulk export of the CLI has no limit. */
export const EXPORT_LIMIT = 100_000;
const BATCH = 1000;

export const csvColumns = [
  'id',
  'url',
  'date',
  'counted_in',
  'region',
  'region_name',
  'locality',
  'categories',
  'category_names',
  'victims',
  'perpetrators',
  'title',
  'summary',
  'text_lang',
  'restricted',
] as const;

function csvRow(incident: IncidentSummary, labels: Labels, origin: string): string[] {
  const { lang } = labels;
  const title = pickText(incident.title, lang);
  const summary = pickText(incident.summary, lang);
  const names = (actors: IncidentSummary['victims']) =>
    actors.map((actor) => `${actor.name} (${labels.kind(actor.kind)})`).join('; ');
  const cells = [
    incident.id,
    `${origin}/${lang}/incidents/${encodeURIComponent(incident.id)}`,
    incident.date,
    incident.counted_in,
    incident.region ?? '',
    incident.region ? labels.region(incident.region) : '',
    incident.locality ?? '',
    incident.categories.join('; '),
    incident.categories.map((code) => labels.category(code)).join('; '),
    names(incident.victims),
    names(incident.perpetrators),
    title?.text ?? '',
    summary?.text ?? '',
    title?.lang ?? summary?.lang ?? '',
    incident.restricted ? 'yes' : 'no',
  ];
  return cells.map(guardFormula);
}

/** The records in the order of the list the reader was looking at. */
async function* summaries(
  db: Db,
  search: PreparedSearch,
  sort: SortOrder,
): AsyncGenerator<IncidentSummary[]> {
  if (sort === 'relevance') {
    // Ranking covers the list's own candidates (the newest SEARCH_CANDIDATES matches), page by page.
    for (let offset = 0; offset < EXPORT_LIMIT; offset += BATCH) {
      const ids = await listIncidentIds(db, search, { sort, offset, limit: BATCH });
      if (ids.length === 0) return;
      yield await loadIncidentSummaries(db, ids);
      if (ids.length < BATCH) return;
    }
    return;
  }
  const options = { batchSize: BATCH, max: EXPORT_LIMIT, oldestFirst: sort === 'oldest' };
  for await (const ids of streamIncidentIds(db, search, options)) {
    yield await loadIncidentSummaries(db, ids);
  }
}

/** "Download what you see" as CSV: every record of the filter, newest first, with a BOM for spreadsheets. */
export function incidentsCsv(
  db: Db,
  search: PreparedSearch,
  labels: Labels,
  origin: string,
  sort: SortOrder = 'newest',
): Readable {
  return Readable.from(
    (async function* () {
      yield `\uFEFF${stringify([[...csvColumns]])}`;
      for await (const batch of summaries(db, search, sort)) {
        yield stringify(batch.map((incident) => csvRow(incident, labels, origin)));
      }
    })(),
  );
}

/** The same records as one JSON array of the API's incident summaries. */
export function incidentsJson(
  db: Db,
  search: PreparedSearch,
  lang: Lang,
  origin: string,
  sort: SortOrder = 'newest',
): Readable {
  return Readable.from(
    (async function* () {
      yield '[';
      let first = true;
      for await (const batch of summaries(db, search, sort)) {
        for (const incident of batch) {
          const url = `${origin}/${lang}/incidents/${encodeURIComponent(incident.id)}`;
          yield `${first ? '' : ','}\n${JSON.stringify({ ...incident, url })}`;
          first = false;
        }
      }
      yield '\n]\n';
    })(),
  );
}
