import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { AppError } from '../../lib/errors.ts';
import type { Suggestion } from './categories.ts';
import { type Fact, FigureReader } from './facts.ts';
import { buildItems, type DraftItem } from './items.ts';
import { type Paragraph, splitParagraphs, splitSentences } from './layout.ts';
import { type ReportFormat, type ReportLanguage, readMetadata } from './metadata.ts';
import { differentSpelling, sameSurname } from './names.ts';
import type { ReportFlag } from './report-flags.ts';
import { assignRoles } from './roles.ts';
import { decodeReport, MAX_REPORT_BYTES, repairText } from './source-text.ts';

/** A span [start, end) in the input text, in UTF-16 code units (JavaScript string offsets). */
export type Span = [number, number];

export type ParsedPerson = { name: string; kind: string | null; variants: string[]; spans: Span[] };
export type ParsedItem = {
  index: number;
  span: Span;
  title: string;
  date: string;
  date_precision: 'day' | 'month';
  section: string | null;
  dates: Array<{ date: string; until?: string; precision: 'day' | 'month'; span: Span }>;
  people: ParsedPerson[];
  outlets: Array<{ name: string; span: Span }>;
  places: Array<{ name: string; region: string; span: Span }>;
  region: string | null;
  locality: string | null;
  articles: Array<{ code: string; span: Span }>;
  amounts: Array<{
    tenge?: number;
    mci?: number;
    usd?: number;
    kind: 'fine' | 'bail' | 'claim' | 'award' | null;
    span: Span;
  }>;
  urls: Array<{ url: string; span: Span }>;
  categories: Suggestion[];
};

export type ParsedReport = {
  month: string | null;
  published: string | null;
  language: ReportLanguage;
  format: ReportFormat | null;
  title: string | null;
  facts: Fact[];
  items: ParsedItem[];
  flags: ReportFlag[];
};

export type Analysis = { report: ParsedReport; recognised: boolean; text: string };

/** Parses the text of a report (already decoded; HTML already turned into text). Pure, no I/O. */
export function analyseReport(input: string): Analysis {
  const source = repairText(input);
  const flags: ReportFlag[] = [...source.flags];
  const paragraphs = splitParagraphs(source.text);
  const meta = readMetadata(paragraphs, source.text, flags);
  const reportMonth = meta.month ?? meta.published?.slice(0, 7) ?? '2000-01';
  const lang = meta.language;
  const roles = assignRoles(paragraphs, {
    bodyStart: meta.bodyStart,
    format: meta.format,
    lang,
    reportMonth,
  });

  const year = reportMonth.slice(0, 4);
  const reader = new FigureReader({
    reportMonth,
    lang,
    flags,
    defaultScope:
      meta.format === 'annual'
        ? { scope: 'year', period: { from: `${year}-01`, to: `${year}-12` } }
        : { scope: 'month' },
  });
  for (const [index, paragraph] of paragraphs.entries()) {
    const role = roles[index];
    if (role !== 'figure' && role !== 'lead') continue;
    const previousRole = roles[index - 1];
    reader.readParagraph(paragraph, {
      lead: role === 'lead',
      listItem: paragraph.bullet && (previousRole === 'figure' || previousRole === 'lead'),
    });
  }
  reader.checkSums();
  const facts = dropCutOff(reader.facts, source.text, paragraphs, flags);
  if (facts.length === 0 && meta.format && meta.format !== 'appeal') {
    flags.push({ code: 'no_figures', message: 'no figure statements found' });
  }

  const drafts = buildItems(source.text, paragraphs, roles, { format: meta.format, reportMonth, lang });
  flagNameVariants(drafts, flags);

  const map = (start: number, end: number): Span => source.toOriginal(start, end);
  const report: ParsedReport = {
    month: meta.month,
    published: meta.published,
    language: meta.language,
    format: meta.format,
    title: meta.title,
    facts: facts.map((fact) => ({ ...fact, span: map(fact.span[0], fact.span[1]) })),
    items: drafts.map((draft, index) => toParsedItem(draft, index, map)),
    flags: flags.map((flag) =>
      flag.span ? { ...flag, span: mapFlagSpan(flag, source.text, input, map) } : flag,
    ),
  };
  return { report, recognised: meta.recognised || facts.length > 0, text: input };
}

/**
 * A page that ends in the middle of a sentence was cut off (an excerpt, a broken download): its last
 * sentence may continue ("- 6 criminal" could be "- 6 criminal charges, 2 in court"), so no figure is
 * read from it.
 */
function dropCutOff(facts: Fact[], text: string, paragraphs: Paragraph[], flags: ReportFlag[]): Fact[] {
  const last = paragraphs[paragraphs.length - 1];
  if (!last || /[.!?;:»"”)\]…]\s*$/u.test(text.trimEnd())) return facts;
  // A table row ("Administrative charges - 17", "... – 90, for the media – 41") needs no full stop.
  if (/\s[-–—]\s*\d+(?:\s+\p{L}+)?$/u.test(last.text.trim())) return facts;
  const sentences = splitSentences(last.text, last.start);
  let cut = sentences[sentences.length - 1]?.start ?? last.start;
  // Cut inside an aside ("45 charges of slander (23 of them carried over: ..."): the figure before
  // the bracket is whole.
  const open = text.lastIndexOf('(');
  if (open > cut && text.indexOf(')', open) < 0) cut = open;
  const kept = facts.filter((fact) => fact.span[1] <= cut);
  if (kept.length < facts.length) {
    flags.push({
      code: 'truncated',
      message: 'the text ends in the middle of a sentence: figures in that last sentence are not read',
      span: [cut, text.length],
    });
  }
  return kept;
}

// Flags from the repair step already point into the input; the others point into the repaired text.
function mapFlagSpan(
  flag: ReportFlag,
  repaired: string,
  input: string,
  map: (s: number, e: number) => Span,
): Span {
  const span = flag.span ?? [0, 0];
  if (flag.code === 'typo' || flag.code === 'glued_words' || repaired === input) return span;
  return map(span[0], span[1]);
}

export function parseReport(input: string): ParsedReport {
  return analyseReport(input).report;
}

function toParsedItem(
  draft: DraftItem,
  index: number,
  map: (start: number, end: number) => Span,
): ParsedItem {
  const span = (found: { start: number; end: number }) => map(found.start, found.end);
  return {
    index,
    span: map(draft.start, draft.end),
    title: draft.title,
    date: draft.date,
    date_precision: draft.datePrecision,
    section: draft.section,
    dates: draft.dates.map((date) => ({
      date: date.date,
      ...(date.until ? { until: date.until } : {}),
      precision: date.precision,
      span: span(date),
    })),
    people: groupPeople(draft.people, span),
    outlets: draft.outlets.map((outlet) => ({ name: outlet.name, span: span(outlet) })),
    places: draft.places.map((place) => ({ name: place.name, region: place.region, span: span(place) })),
    region: draft.region,
    locality: draft.locality,
    articles: draft.articles.map((article) => ({ code: article.code, span: span(article) })),
    amounts: draft.amounts.map((amount) => ({
      ...(amount.currency === 'KZT'
        ? { tenge: amount.value }
        : amount.currency === 'MCI'
          ? { mci: amount.value }
          : { usd: amount.value }),
      kind: amount.kind,
      span: span(amount),
    })),
    urls: draft.urls.map((url) => ({ url: url.url, span: span(url) })),
    categories: draft.categories,
  };
}

function surname(name: string): string {
  const parts = name
    .replace(/\s+\p{Lu}\.$/u, '')
    .split(/[\s.]+/)
    .filter(Boolean);
  return parts[parts.length - 1] ?? name;
}

/** One entry per person in an item: "Shara Turmagambetova" and "S. Turmagambetova" are one. */
function groupPeople(
  people: DraftItem['people'],
  span: (found: { start: number; end: number }) => Span,
): ParsedPerson[] {
  const grouped: Array<ParsedPerson & { last: string }> = [];
  for (const person of people) {
    const last = surname(person.name);
    const same = grouped.find(
      (other) => sameSurname(other.last, last) && compatibleFirst(other.name, person.name),
    );
    if (same) {
      if (!same.variants.includes(person.name)) same.variants.push(person.name);
      if (person.name.split(' ').length > same.name.split(' ').length && !/\p{Lu}\./u.test(person.name))
        same.name = person.name;
      same.kind ??= person.kind;
      same.spans.push(span(person));
    } else {
      grouped.push({
        name: person.name,
        kind: person.kind,
        variants: [person.name],
        spans: [span(person)],
        last,
      });
    }
  }
  return grouped.map(({ last: _last, ...person }) => person);
}

/** First names agree when one is missing or an initial of the other. */
function compatibleFirst(a: string, b: string): boolean {
  const first = (name: string) => (name.split(/\s+/).length > 1 ? (name.split(/\s+/)[0] ?? '') : '');
  const x = first(a).replace(/\.$/, '');
  const y = first(b).replace(/\.$/, '');
  if (!x || !y) return true;
  return x[0]?.toLowerCase() === y[0]?.toLowerCase();
}

function flagNameVariants(items: DraftItem[], flags: ReportFlag[]) {
  const spellings: Array<{ surnames: string[]; start: number; end: number }> = [];
  for (const person of items.flatMap((item) => item.people)) {
    const last = surname(person.name);
    const group = spellings.find((other) => other.surnames.some((known) => sameSurname(known, last)));
    if (!group) spellings.push({ surnames: [last], start: person.start, end: person.end });
    else if (group.surnames.every((known) => differentSpelling(known, last))) group.surnames.push(last);
  }
  for (const group of spellings) {
    if (group.surnames.length < 2) continue;
    flags.push({
      code: 'name_variants',
      message: `one name spelt several ways: ${group.surnames.join(', ')}`,
      span: [group.start, group.end],
    });
  }
}

export type ReportFile = { path: string; text: string; sha256: string; flags: ReportFlag[] };

/** Reads a report file, or fails with one line naming the file: empty, binary, too large, not a report. */
export async function readReportFile(path: string): Promise<ReportFile> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory())
      throw new AppError('bad_request', `${path}: a directory, not a report file`, { field: path });
    if (stat.size > MAX_REPORT_BYTES) {
      throw new AppError(
        'payload_too_large',
        `${path}: too large (${stat.size} bytes; a report is at most ${MAX_REPORT_BYTES} bytes)`,
        { field: path },
      );
    }
    bytes = await fs.readFile(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new AppError('bad_request', `${path}: ${reason}`, { field: path, cause: error });
  }
  const decoded = decodeReport(bytes);
  if ('error' in decoded) throw new AppError('bad_request', `${path}: ${decoded.error}`, { field: path });
  return {
    path,
    text: decoded.text,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    flags: decoded.flags,
  };
}

/** Reads and parses one file; a file that is not a monitoring report is an error naming it. */
export async function parseReportFile(path: string): Promise<{ file: ReportFile; report: ParsedReport }> {
  const file = await readReportFile(path);
  const analysis = analyseReport(file.text);
  if (!analysis.recognised) {
    throw new AppError(
      'bad_request',
      `${path}: not a monitoring report (no report title, organization, figures or format wording found)`,
      {
        field: path,
      },
    );
  }
  const report = { ...analysis.report, flags: [...file.flags, ...analysis.report.flags] };
  return { file, report };
}
