import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { RecordStatus } from '../../db/types.ts';
import type { LocalizedText } from '../../i18n/langs.ts';
import { chunked } from '../../lib/batch.ts';
import { guardFormula } from '../../lib/csv.ts';
import { parseInput } from '../../lib/input.ts';
import { loadReferenceData } from '../../lib/reference-data.ts';
import { type ActorRecord, loadActorRecords, loadActorViews, toPublicActor } from '../actors/index.ts';
import {
  type CaseEvent,
  type CaseRecord,
  categoryCode,
  daySchema,
  loadCaseRecords,
  loadCaseViews,
  type PublicCase,
  recordStatuses,
  toPublicCase,
} from '../cases/index.ts';
import {
  type IncidentRecord,
  loadIncidentRecords,
  loadIncidentViews,
  type PublicIncident,
  toPublicIncident,
} from '../incidents/index.ts';
import { regionCodes } from './interchange.schemas.ts';

export const exportOptionsSchema = z.strictObject({
  format: z.enum(['jsonl', 'csv']).default('jsonl'),
  /** Only what the public may see, through the same presenters as the portal. */
  public: z.boolean().default(false),
  status: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
      z.array(z.enum(recordStatuses)),
    )
    .optional(),
  /** Incidents dated, and cases with an event, on or after this day. */
  from: daySchema.optional(),
  to: daySchema.optional(),
  region: z.enum(regionCodes).optional(),
  category: categoryCode.optional(),
});
export type ExportOptions = z.input<typeof exportOptionsSchema>;
type Options = z.output<typeof exportOptionsSchema>;

export type ExportCounts = { actors: number; cases: number; incidents: number };
type Sink = (chunk: string) => void | Promise<void>;

const pageSize = 500;

/**
 * Writes the records as interchange lines (actors, then cases, then incidents, each by id) or as
 * CSV (one row per incident). The default is lossless, for administrators: importing it into an
 * empty database and exporting again gives the same bytes. `public` gives only what the public may
 * see: the output of the public presenters, nothing else.
 */
export async function exportRecords(db: Db, input: ExportOptions, sink: Sink): Promise<ExportCounts> {
  const options = parseInput(exportOptionsSchema, input);
  const statuses = options.public
    ? (options.status ?? ['published']).filter((status) => status === 'published')
    : options.status;
  const incidentIds = await selectIncidentIds(db, options, statuses);
  const filtered = Boolean(
    options.status || options.from || options.to || options.region || options.category,
  );
  const caseIds = options.category || options.region ? [] : await selectCaseIds(db, options, statuses);
  const counts: ExportCounts = { actors: 0, cases: 0, incidents: 0 };

  // Restricted incidents have no id in public; they come last, in an order of their own, so that
  // their place among the open incidents gives nothing away.
  const restricted: string[][] = [];
  if (options.format === 'csv') {
    await sink(stringify([options.public ? publicCsvColumns : csvColumns]));
    for (const page of chunked(incidentIds, pageSize)) {
      const rows = options.public
        ? inOrder(page, await loadIncidentViews(db, page)).flatMap((view) => {
            const presented = toPublicIncident(view);
            if (presented?.restricted) restricted.push(publicCsvRow(presented).cells);
            return presented && !presented.restricted ? [publicCsvRow(presented)] : [];
          })
        : inOrder(page, await loadIncidentRecords(db, page)).map(csvRow);
      counts.incidents += rows.length;
      if (rows.length) await sink(stringify(rows.map((row) => row.cells.map(guardFormula))));
    }
    restricted.sort((a, b) => a.join('\t').localeCompare(b.join('\t')));
    counts.incidents += restricted.length;
    if (restricted.length) await sink(stringify(restricted.map((cells) => cells.map(guardFormula))));
    return counts;
  }

  const actorIds = await selectActorIds(db, options, filtered, incidentIds, caseIds);
  for (const page of chunked(actorIds, pageSize)) {
    const lines = options.public
      ? inOrder(page, await loadActorViews(db, page)).flatMap((view) => {
          const presented = toPublicActor(view);
          return presented
            ? [{ id: view.id, line: actorLine({ ...presented, merged_into: null, version: 0 }) }]
            : [];
        })
      : inOrder(page, await loadActorRecords(db, page)).map((record) => ({
          id: record.id,
          line: actorLine(record),
        }));
    counts.actors += await writeLines(sink, lines);
  }
  const reference = await loadReferenceData(db);
  for (const page of chunked(caseIds, pageSize)) {
    const lines = options.public
      ? inOrder(page, await loadCaseViews(db, page, reference)).flatMap((view) => {
          const presented = toPublicCase(view);
          return presented ? [{ id: view.id, line: publicCaseLine(presented) }] : [];
        })
      : inOrder(page, await loadCaseRecords(db, page)).map((record) => ({
          id: record.id,
          line: caseLine(record),
        }));
    counts.cases += await writeLines(sink, lines);
  }
  const restrictedLines: string[] = [];
  for (const page of chunked(incidentIds, pageSize)) {
    const lines = options.public
      ? inOrder(page, await loadIncidentViews(db, page)).flatMap((view) => {
          const presented = toPublicIncident(view);
          if (presented?.restricted) restrictedLines.push(JSON.stringify(publicIncidentLine(presented)));
          return presented && !presented.restricted
            ? [{ id: view.id, line: publicIncidentLine(presented) }]
            : [];
        })
      : inOrder(page, await loadIncidentRecords(db, page)).map((record) => ({
          id: record.id,
          line: incidentLine(record),
        }));
    counts.incidents += await writeLines(sink, lines);
  }
  restrictedLines.sort();
  counts.incidents += restrictedLines.length;
  if (restrictedLines.length) await sink(`${restrictedLines.join('\n')}\n`);
  return counts;
}

export async function exportToString(
  db: Db,
  options: ExportOptions,
): Promise<{ text: string; counts: ExportCounts }> {
  const parts: string[] = [];
  const counts = await exportRecords(db, options, (chunk) => void parts.push(chunk));
  return { text: parts.join(''), counts };
}

/** The loaded records in the order of their ids (the database's order, by id). */
function inOrder<T>(ids: readonly string[], loaded: ReadonlyMap<string, T>): T[] {
  return ids.flatMap((id) => {
    const value = loaded.get(id);
    return value === undefined ? [] : [value];
  });
}

async function writeLines(sink: Sink, lines: Array<{ id: string; line: object }>) {
  if (lines.length) await sink(`${lines.map((entry) => JSON.stringify(entry.line)).join('\n')}\n`);
  return lines.length;
}

async function selectIncidentIds(db: Db, options: Options, statuses: RecordStatus[] | undefined) {
  if (statuses && statuses.length === 0) return [];
  let query = db.selectFrom('incidents').select('id');
  if (statuses) query = query.where('status', 'in', statuses);
  const { from, to } = options;
  if (options.public && (from || to)) {
    // A restricted incident is public only by its month: dates select it by its counting month.
    query = query.where((eb) =>
      eb.or([
        eb.and([
          eb('visibility', '=', 'public'),
          ...(from ? [eb('date', '>=', from)] : []),
          ...(to ? [eb('date', '<=', to)] : []),
        ]),
        eb.and([
          eb('visibility', '=', 'restricted'),
          ...(from ? [eb('counted_in', '>=', `${from.slice(0, 7)}-01`)] : []),
          ...(to ? [eb('counted_in', '<=', `${to.slice(0, 7)}-01`)] : []),
        ]),
      ]),
    );
  } else {
    if (from) query = query.where('date', '>=', from);
    if (to) query = query.where('date', '<=', to);
  }
  if (options.region) query = query.where('region_code', '=', options.region);
  if (options.category) {
    const category = options.category;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_categories')
          .whereRef('incident_categories.incident_id', '=', 'incidents.id')
          .where('incident_categories.category_code', '=', category)
          .select(sql`1`.as('one')),
      ),
    );
  }
  return (await query.orderBy(sql`id collate "C"`).execute()).map((row) => row.id);
}

async function selectCaseIds(db: Db, options: Options, statuses: RecordStatus[] | undefined) {
  if (statuses && statuses.length === 0) return [];
  let query = db.selectFrom('cases').select('id');
  if (statuses) query = query.where('status', 'in', statuses);
  if (options.from || options.to) {
    const { from, to } = options;
    query = query.where((eb) => {
      let events = eb.selectFrom('case_events').whereRef('case_events.case_id', '=', 'cases.id');
      if (from) events = events.where('case_events.date', '>=', from);
      if (to) events = events.where('case_events.date', '<=', to);
      return eb.exists(events.select(sql`1`.as('one')));
    });
  }
  return (await query.orderBy(sql`id collate "C"`).execute()).map((row) => row.id);
}

/** Every actor when nothing is filtered; else the actors the exported records name. */
async function selectActorIds(
  db: Db,
  options: Options,
  filtered: boolean,
  incidentIds: string[],
  caseIds: string[],
) {
  if (!filtered && !options.public) {
    return (await db.selectFrom('actors').select('id').orderBy(sql`id collate "C"`).execute()).map(
      (row) => row.id,
    );
  }
  const ids = new Set<string>();
  for (const page of chunked(incidentIds, 1000)) {
    const rows = await db
      .selectFrom('incident_actors')
      .where('incident_id', 'in', page)
      .select('actor_id')
      .execute();
    for (const row of rows) ids.add(row.actor_id);
  }
  for (const page of chunked(caseIds, 1000)) {
    const rows = await db
      .selectFrom('case_parties')
      .where('case_id', 'in', page)
      .select('actor_id')
      .execute();
    for (const row of rows) ids.add(row.actor_id);
  }
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Drops what is empty (null, false, [], {}), so that lines stay short and defaults stay implicit. */
function compact(line: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(line).filter(([, value]) => {
      if (value === null || value === undefined || value === false) return false;
      if (Array.isArray(value)) return value.length > 0;
      return typeof value !== 'object' || Object.keys(value).length > 0;
    }),
  );
}

const textOrNothing = (text: LocalizedText) => (Object.keys(text).length ? text : undefined);

export function actorLine(record: ActorRecord) {
  return compact({
    type: 'actor',
    id: record.id,
    kind: record.kind,
    name: record.name,
    names: textOrNothing(record.names),
    description: textOrNothing(record.description),
    variants: record.variants,
    merged_into: record.merged_into,
    demo: record.is_demo,
  });
}

function eventLine(event: CaseEvent) {
  return compact({
    date: event.date,
    kind: event.kind,
    instance: event.instance,
    outcome: event.outcome,
    awarded: event.awarded,
    collected: event.collected,
    fine_tenge: event.fine_tenge,
    fine_mci: event.fine_mci,
    bail: event.bail,
    articles: event.articles,
    court: event.court,
    note: textOrNothing(event.note),
  });
}

export function caseLine(record: CaseRecord) {
  return compact({
    type: 'case',
    id: record.id,
    kind: record.kind,
    subjects: record.subjects,
    legal_articles: record.legal_articles,
    title: textOrNothing(record.title),
    summary: textOrNothing(record.summary),
    region: record.region,
    court: record.court,
    parties: record.parties.map((party) => ({
      name: party.name,
      kind: party.kind,
      role: party.role,
      actor: party.actor_id,
    })),
    claim_non_pecuniary: record.claim_non_pecuniary,
    claim_other: record.claim_other,
    outcome: record.outcome === 'pending' ? null : record.outcome,
    status: record.status,
    events: record.events.map(eventLine),
    editorial_note: record.editorial_note,
    demo: record.is_demo,
  });
}

export function incidentLine(record: IncidentRecord) {
  return compact({
    type: 'incident',
    id: record.id,
    date: record.date,
    counted_in: record.counted_in,
    region: record.region,
    locality: record.locality,
    categories: record.categories,
    victims: record.victims.map((victim) =>
      compact({ name: victim.name, kind: victim.kind, anonymous: victim.anonymous, actor: victim.actor_id }),
    ),
    perpetrators: record.perpetrators.map((p) => ({ name: p.name, kind: p.kind, actor: p.actor_id })),
    legal_articles: record.legal_articles,
    cases: record.cases,
    links: record.links,
    title: record.title,
    summary: textOrNothing(record.summary),
    sources: record.sources.map((source) => compact({ ...source })),
    status: record.status,
    visibility: record.visibility,
    correspondent: record.correspondent,
    editorial_note: record.editorial_note,
    demo: record.is_demo,
  });
}

function publicCaseLine(presented: PublicCase) {
  return compact({
    type: 'case',
    id: presented.id,
    kind: presented.kind,
    subjects: presented.subjects,
    legal_articles: presented.legal_articles,
    title: textOrNothing(presented.title),
    summary: textOrNothing(presented.summary),
    region: presented.region,
    court: presented.court,
    parties: presented.parties.map((party) => ({
      name: party.name,
      kind: party.kind,
      role: party.role,
      actor: party.actor_id,
    })),
    claim_non_pecuniary: presented.money.claim_non_pecuniary,
    claim_other: presented.money.claim_other,
    outcome: presented.outcome === 'pending' ? null : presented.outcome,
    status: 'published',
    events: presented.events.map(eventLine),
    demo: presented.is_demo,
  });
}

function publicIncidentLine(presented: PublicIncident) {
  if (presented.restricted) {
    return compact({
      type: 'incident',
      counted_in: presented.month,
      region: presented.region,
      categories: presented.categories,
      status: 'published',
      visibility: 'restricted',
    });
  }
  return compact({
    type: 'incident',
    id: presented.id,
    date: presented.date,
    counted_in: presented.counted_in,
    region: presented.region,
    locality: presented.locality,
    categories: presented.categories,
    victims: presented.victims.map((victim) =>
      'anonymous' in victim
        ? { kind: victim.kind, anonymous: true }
        : { name: victim.name, kind: victim.kind, actor: victim.actor_id },
    ),
    perpetrators: presented.perpetrators.map((p) => ({ name: p.name, kind: p.kind, actor: p.actor_id })),
    legal_articles: presented.legal_articles,
    cases: presented.cases,
    links: presented.links,
    title: presented.title,
    summary: textOrNothing(presented.summary),
    sources: presented.sources.map((source) => compact({ ...source })),
    status: 'published',
    visibility: 'public',
    demo: presented.is_demo,
  });
}

const csvColumns = [
  'id',
  'date',
  'counted_in',
  'region',
  'locality',
  'categories',
  'victims',
  'perpetrators',
  'legal_articles',
  'cases',
  'links',
  'title_kk',
  'title_ru',
  'title_en',
  'summary_kk',
  'summary_ru',
  'summary_en',
  'sources',
  'status',
  'visibility',
  'correspondent',
  'editorial_note',
  'demo',
];
const publicCsvColumns = csvColumns.filter(
  (column) => column !== 'correspondent' && column !== 'editorial_note',
);

const joined = (values: readonly string[]) => values.join('; ');

function csvRow(record: IncidentRecord) {
  return {
    id: record.id,
    cells: [
      record.id,
      record.date,
      record.counted_in,
      record.region ?? '',
      record.locality ?? '',
      joined(record.categories),
      joined(record.victims.map((v) => `${v.name} (${v.kind}${v.anonymous ? ', anonymous' : ''})`)),
      joined(record.perpetrators.map((p) => `${p.name} (${p.kind})`)),
      joined(record.legal_articles),
      joined(record.cases),
      joined(record.links),
      record.title.kk ?? '',
      record.title.ru ?? '',
      record.title.en ?? '',
      record.summary.kk ?? '',
      record.summary.ru ?? '',
      record.summary.en ?? '',
      joined(
        record.sources.map((s) =>
          [s.url, s.outlet, s.title, s.correspondent, s.confidential ? 'confidential' : null]
            .filter(Boolean)
            .join(' | '),
        ),
      ),
      record.status,
      record.visibility,
      record.correspondent ?? '',
      record.editorial_note ?? '',
      record.is_demo ? 'yes' : '',
    ],
  };
}

function publicCsvRow(presented: PublicIncident) {
  if (presented.restricted) {
    const cells = publicCsvColumns.map(() => '');
    cells[publicCsvColumns.indexOf('counted_in')] = presented.month;
    cells[publicCsvColumns.indexOf('region')] = presented.region ?? '';
    cells[publicCsvColumns.indexOf('categories')] = joined(presented.categories);
    cells[publicCsvColumns.indexOf('status')] = 'published';
    cells[publicCsvColumns.indexOf('visibility')] = 'restricted';
    return { id: '', cells };
  }
  return {
    id: presented.id,
    cells: [
      presented.id,
      presented.date,
      presented.counted_in,
      presented.region ?? '',
      presented.locality ?? '',
      joined(presented.categories),
      joined(
        presented.victims.map((v) => ('anonymous' in v ? `(anonymous, ${v.kind})` : `${v.name} (${v.kind})`)),
      ),
      joined(presented.perpetrators.map((p) => `${p.name} (${p.kind})`)),
      joined(presented.legal_articles),
      joined(presented.cases),
      joined(presented.links),
      presented.title.kk ?? '',
      presented.title.ru ?? '',
      presented.title.en ?? '',
      presented.summary.kk ?? '',
      presented.summary.ru ?? '',
      presented.summary.en ?? '',
      joined(presented.sources.map((s) => [s.url, s.outlet, s.title].filter(Boolean).join(' | '))),
      'published',
      'public',
      presented.is_demo ? 'yes' : '',
    ],
  };
}
