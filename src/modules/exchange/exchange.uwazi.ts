import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Lang, LocalizedText } from '../../i18n/langs.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { actorKinds } from '../actors/index.ts';
import { type ImportReport, importParsed, lineError, parseInterchangeObjects } from '../interchange/index.ts';
import * as repo from './exchange.repo.ts';

/**
 * Uwazi (HURIDOCS) exports a collection as CSV: `Title`, `Date added`, `Template`, then the
 * template's properties by their labels (multi-select values joined by `|`), then `Documents`,
 * `Attachments` and `Published`. We read the properties a violations template has; any other column
 * is an error naming it, so that nothing is dropped without a word.
 */
const columnRoles: Record<string, Role> = {
  title: 'title',
  date: 'date',
  'date of violation': 'date',
  'date of incident': 'date',
  'event date': 'date',
  'type of violation': 'categories',
  category: 'categories',
  categories: 'categories',
  region: 'region',
  city: 'locality',
  locality: 'locality',
  victim: 'victims',
  victims: 'victims',
  'victim type': 'victim_kind',
  perpetrator: 'perpetrators',
  perpetrators: 'perpetrators',
  'perpetrator type': 'perpetrator_kind',
  summary: 'summary',
  description: 'summary',
  source: 'sources',
  sources: 'sources',
  link: 'sources',
  language: 'language',
  // Uwazi's own columns: about the Uwazi entity, not the incident.
  'date added': 'ignored',
  'date modified': 'ignored',
  template: 'ignored',
  geolocation: 'ignored',
  documents: 'ignored',
  attachments: 'ignored',
  published: 'ignored',
};
type Role =
  | 'title'
  | 'date'
  | 'categories'
  | 'region'
  | 'locality'
  | 'victims'
  | 'victim_kind'
  | 'perpetrators'
  | 'perpetrator_kind'
  | 'summary'
  | 'sources'
  | 'language'
  | 'ignored';

const normalize = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');
const listOf = (value: string) =>
  value
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** A day from the date formats Uwazi writes (by its settings) and people type. */
export function uwaziDay(value: string): string | null {
  const text = value.trim();
  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  const [year, month, day] = yearFirst
    ? [yearFirst[1], yearFirst[2], yearFirst[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : [];
  if (!year || !month || !day) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** Finds a code by itself or by its label in any language, ignoring case. */
function lookup(rows: ReadonlyArray<{ code: string; labels: LocalizedText }>) {
  const index = new Map<string, string>();
  for (const row of rows) {
    index.set(normalize(row.code), row.code);
    for (const label of Object.values(row.labels)) if (label) index.set(normalize(label), row.code);
  }
  return (value: string) => index.get(normalize(value)) ?? index.get(normalize(value).replaceAll(' ', '_'));
}

function actorKind(value: string, fallback: string): string | null {
  if (value.trim() === '') return fallback;
  const code = normalize(value).replaceAll(' ', '_');
  return (actorKinds as readonly string[]).includes(code) ? code : null;
}

/**
 * Reads an Uwazi CSV export into draft incidents (one transaction, through the interchange import,
 * so the same checks apply). Ids are made from the title and the date, so importing the file twice
 * changes nothing. Nothing is published: editors review the drafts.
 */
export async function importUwaziCsv(
  ctx: ServiceContext,
  file: string,
  options: { lang: Lang },
): Promise<ImportReport> {
  const name = path.basename(file);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'bad_request',
      `${file}: cannot read (${error instanceof Error ? error.message : error})`,
    );
  }
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info`, csv-parse returns each record with where it was read; its types do not say so.
    records = parse(text, { bom: true, info: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    throw new AppError(
      'validation_failed',
      `${name}: not a CSV file (${error instanceof Error ? error.message : error})`,
    );
  }
  const [header, ...rows] = records;
  if (!header) throw new AppError('validation_failed', `${name}: the file is empty`);
  const roles = header.record.map((column) => {
    const role = columnRoles[normalize(column)];
    if (!role) {
      throw lineError(name, 1, column, `unknown column; known: ${Object.keys(columnRoles).join(', ')}`);
    }
    return role;
  });
  for (const required of ['title', 'date', 'categories'] as const) {
    if (!roles.includes(required)) throw lineError(name, 1, required, 'a column is missing');
  }
  const { regions, categories } = await repo.regionsAndCategories(ctx.db);
  const regionCode = lookup(regions);
  const categoryCode = lookup(categories.filter((category) => category.group_code !== 'legal'));

  const objects = rows.map(({ record, info }) => {
    const line = info.lines;
    const cell = (role: Role) =>
      roles.flatMap((candidate, index) => (candidate === role ? [record[index] ?? ''] : [])).join('|');
    const column = (role: Role) => header.record[roles.indexOf(role)] ?? role;
    const title = cell('title').trim();
    if (!title) throw lineError(name, line, column('title'), 'required');
    const date = uwaziDay(cell('date'));
    if (!date)
      throw lineError(name, line, column('date'), `not a date: "${cell('date')}" (YYYY-MM-DD or DD.MM.YYYY)`);
    const codes = listOf(cell('categories')).map((value) => {
      const code = categoryCode(value);
      if (!code) throw lineError(name, line, column('categories'), `no category "${value}"`);
      return code;
    });
    if (codes.length === 0) throw lineError(name, line, column('categories'), 'at least one category');
    const regionValue = cell('region').trim();
    const region = regionValue ? regionCode(regionValue) : undefined;
    if (regionValue && !region) throw lineError(name, line, column('region'), `no region "${regionValue}"`);
    const victimKind = actorKind(cell('victim_kind'), 'journalist');
    if (!victimKind)
      throw lineError(name, line, column('victim_kind'), `no actor kind "${cell('victim_kind')}"`);
    const perpetratorKind = actorKind(cell('perpetrator_kind'), 'unknown');
    if (!perpetratorKind) {
      throw lineError(name, line, column('perpetrator_kind'), `no actor kind "${cell('perpetrator_kind')}"`);
    }
    const languageValue = normalize(cell('language'));
    const lang = (['kk', 'ru', 'en'] as const).find((code) => code === languageValue) ?? options.lang;
    const summary = cell('summary').trim();
    const locality = cell('locality').trim();
    return {
      type: 'incident',
      id: `uwazi-${createHash('sha256').update(`${title}\n${date}`).digest('hex').slice(0, 12)}`,
      date,
      categories: [...new Set(codes)],
      ...(region ? { region } : {}),
      ...(locality ? { locality } : {}),
      title: { [lang]: title },
      ...(summary ? { summary: { [lang]: summary } } : {}),
      victims: listOf(cell('victims')).map((victim) => ({ name: victim, kind: victimKind })),
      perpetrators: listOf(cell('perpetrators')).map((perpetrator) => ({
        name: perpetrator,
        kind: perpetratorKind,
      })),
      sources: cell('sources')
        .split(/[\s|]+/)
        .filter((url) => url !== '')
        .map((url) => ({ url })),
      status: 'draft',
    };
  });
  return importParsed(ctx, parseInterchangeObjects(objects, name));
}
