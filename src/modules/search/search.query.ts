import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { matchKeyOf } from '../actors/index.ts';
import type { FilterDimension, IncidentFilters } from './search.schemas.ts';

/** A filter made ready for SQL: the words of q as a tsquery and the actors whose names match q. */
export type PreparedSearch = {
  filters: IncidentFilters;
  words: string[];
  /** Actors (survivors of merges) whose spellings are similar to q; their incidents match q too. */
  matchedActors: string[];
};

const MAX_WORDS = 8;
const MAX_MATCHED_ACTORS = 20;

/** Letters and digits only: what reaches to_tsquery can never be an operator. */
export function queryWords(q: string | undefined): string[] {
  if (!q) return [];
  return (
    q
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, MAX_WORDS);
}

/**
 * Each word may match in any language: Russian and English stems, the word as written (names and
 * localities, `simple`), or its Kazakh stem (sozwatch_kazakh_stem, how Kazakh text is indexed,
 * migration 0009), so журналистерге finds журналист and Маричеваның finds the name Маричева. Words
 * are all required.
 */
export function tsqueryOf(words: string[]): RawBuilder<unknown> {
  const perWord = words.map((word) => {
    const forms = [
      sql`to_tsquery('russian', ${word}) || to_tsquery('english', ${word}) || to_tsquery('simple', ${word}) || to_tsquery('simple', sozwatch_kazakh_stem(${word}))`,
    ];
    const other = otherScript(word);
    if (other !== null) {
      forms.push(
        sql`to_tsquery('russian', ${other}) || to_tsquery('english', ${other}) || to_tsquery('simple', ${other}) || to_tsquery('simple', sozwatch_kazakh_stem(${other}))`,
      );
    }
    return sql`(${sql.join(forms, sql` || `)})`;
  });
  return sql`(${sql.join(perWord, sql` && `)})`;
}

/*
 * Names of outlets and places are written in both scripts: Азаттық in Kazakh text, Azattyq in
 * English. A query word in one script also matches its spelling in the other, in the romanization
 * that English-language reporting on Kazakhstan uses (қ q, ы y, ж zh, ш sh, ғ gh, ң ng). Kazakh
 * letters with no Latin counterpart of their own lose their marks (ә a, ө o, ү ұ u, і i). The way
 * back takes the digraphs first and reads y as ы and q as қ. Names of people are matched by their
 * match keys instead (matchActorNames), which also know other spellings.
 */
const cyrillicToLatin: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'gh',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ng',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  і: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
const latinToCyrillic: Array<[RegExp, string]> = [
  [/shch/g, 'щ'],
  [/zh/g, 'ж'],
  [/kh/g, 'х'],
  [/ts/g, 'ц'],
  [/ch/g, 'ч'],
  [/sh/g, 'ш'],
  [/gh/g, 'ғ'],
  [/yu/g, 'ю'],
  [/ya/g, 'я'],
  [/yo/g, 'ё'],
];
const latinLetters: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'к',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'һ',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'у',
  x: 'кс',
  y: 'ы',
  z: 'з',
};

/** The word in the other script, or null when it is not wholly Cyrillic or wholly Latin letters. */
export function otherScript(word: string): string | null {
  if (/^[а-яёәғқңөұүһі]+$/u.test(word)) {
    return [...word].map((letter) => cyrillicToLatin[letter] ?? letter).join('');
  }
  if (/^[a-z]{3,}$/.test(word)) {
    let cyrillic = word;
    for (const [digraph, letter] of latinToCyrillic) cyrillic = cyrillic.replace(digraph, letter);
    return [...cyrillic].map((letter) => latinLetters[letter] ?? letter).join('');
  }
  return null;
}

/**
 * Actors (survivors of merges) with a spelling similar to `text`: trigram word similarity of its
 * match key on the stored keys of every known spelling (GIN index actor_names_match_key_trgm).
 */
export async function matchActorNames(db: Db, text: string, limit = MAX_MATCHED_ACTORS): Promise<string[]> {
  const key = await matchKeyOf(db, queryWords(text).join(' '));
  if (key.length < 3) return [];
  const rows = await sql<{ id: string }>`
    select distinct coalesce(a.merged_into, a.id) as id
    from actor_names n join actors a on a.id = n.actor_id
    where ${key} <% n.match_key
    limit ${limit}`.execute(db);
  return rows.rows.map((row) => row.id);
}

/**
 * The words of q that can match: a stop word of the Russian or English configuration ("в", "и",
 * "the") is in no document's Russian or English lexemes, so requiring it would make "и журналист"
 * find nothing; it is dropped, as a search engine drops it.
 */
async function searchableWords(db: Db, words: string[]): Promise<string[]> {
  if (words.length === 0) return [];
  const result = await sql<{ word: string }>`
    select w as word from unnest(${words}::text[]) with ordinality u(w, n)
    where numnode(to_tsquery('russian', w)) > 0 and numnode(to_tsquery('english', w)) > 0
    order by n`.execute(db);
  return result.rows.map((row) => row.word);
}

export async function prepareSearch(db: Db, filters: IncidentFilters): Promise<PreparedSearch> {
  const words = await searchableWords(db, queryWords(filters.q));
  const matchedActors = words.length > 0 ? await matchActorNames(db, words.join(' ')) : [];
  return { filters, words, matchedActors };
}

/** The same search with one filter dimension cleared: facets count the alternatives to a choice. */
export function withoutDimension(search: PreparedSearch, dimension: FilterDimension): PreparedSearch {
  return { ...search, filters: { ...search.filters, [dimension]: [] } };
}

export function hasTextQuery(search: PreparedSearch): boolean {
  return search.words.length > 0;
}

/** First days of the counting months a year and month filter allow; null when neither is set. */
export function countingMonths(filters: Pick<IncidentFilters, 'year' | 'month'>): string[] | null {
  const byYear = filters.year.flatMap((year) =>
    Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`),
  );
  let months: string[] | null = null;
  if (filters.year.length > 0) months = byYear;
  if (filters.month.length > 0) {
    months = months === null ? filters.month : filters.month.filter((month) => months?.includes(month));
  }
  return months === null ? null : [...new Set(months)].sort();
}

/**
 * The text condition: the document matches every word, or a matched actor is named. With a year
 * or month filter, the document must also hold one of the counting-month lexemes ('c202405',
 * migration 0009): the GIN index then intersects the words with the period itself, which costs a
 * few milliseconds where intersecting its matches with the bitmap of a year's hundred thousand rows
 * costs a hundred (measured at 1M on PostgreSQL).
 */
export function textCondition(
  search: PreparedSearch,
  options: { withMonths: boolean } = { withMonths: true },
): RawBuilder<SqlBool> {
  const document = sql<SqlBool>`s.document @@ ${tsqueryOf(search.words)}`;
  const text =
    search.matchedActors.length === 0
      ? document
      : sql<SqlBool>`(${document} or s.actor_ids && ${search.matchedActors}::text[])`;
  const months = countingMonths(search.filters);
  if (months === null || !options.withMonths) return text;
  const lexemes = months.map((month) => `c${month.replace('-', '')}`);
  return sql<SqlBool>`(${text} and s.document @@ to_tsquery('simple', ${lexemes.join(' | ')}))`;
}

/**
 * The WHERE condition of a filter over `incident_search s`. Every condition is indexable: the
 * counting month and region by btree, the values by one GIN index over the arrays, and the text by
 * the GIN index over the document.
 */
export function filterCondition(
  search: PreparedSearch,
  options: { withText?: boolean; arraysAsFilters?: boolean; onlyPeriodAndRegion?: boolean } = {},
): RawBuilder<SqlBool> {
  const { filters } = search;
  const parts: RawBuilder<SqlBool>[] = [];
  if (search.words.length > 0 && options.withText !== false && !options.onlyPeriodAndRegion) {
    parts.push(
      options.arraysAsFilters
        ? sql<SqlBool>`(${textCondition(search, { withMonths: false })}) is true`
        : textCondition(search),
    );
  }
  const months = countingMonths(filters);
  if (months !== null) {
    parts.push(sql<SqlBool>`s.counted_in = any(${months.map((month) => `${month}-01`)}::date[])`);
  }
  if (filters.region.length > 0) parts.push(sql<SqlBool>`s.region_code = any(${filters.region}::text[])`);
  const arrays = [
    ['groups', filters.group],
    ['categories', filters.category],
    ['victim_kinds', filters.victim_kind],
    ['perpetrator_kinds', filters.perpetrator_kind],
    ['articles', filters.article],
    ['actor_ids', filters.actor],
  ] as const;
  if (options.onlyPeriodAndRegion)
    return parts.length === 0 ? sql<SqlBool>`true` : sql.join(parts, sql` and `);
  for (const [column, values] of arrays) {
    if (values.length === 0) continue;
    const overlaps = sql<SqlBool>`${sql.ref(`s.${column}`)} && ${[...values]}::text[]`;
    // "is true" hides the condition (and the text's, above) from the GIN indexes: applied to the
    // few rows of a period and region, it costs less than the index's bitmap of a common value (a
    // third of the table) or a common word.
    parts.push(options.arraysAsFilters ? sql<SqlBool>`(${overlaps}) is true` : overlaps);
  }
  if (filters.from) parts.push(sql<SqlBool>`s.sort_date >= ${filters.from}::date`);
  if (filters.to) parts.push(sql<SqlBool>`s.sort_date <= ${filters.to}::date`);
  if (parts.length === 0) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** Filters of one value that the rollup answers beside a slice: its rows count each such value. */
const rollupValueDimensions = ['victim_kind', 'perpetrator_kind', 'article'] as const;

/**
 * How the rollup answers a filter exactly, or null when it cannot. The filter may hold the counting
 * period, regions, at most one category or one group (the slice; '' is every incident) and at most
 * one value of a victim kind, a perpetrator kind or an article: its rows (dimension, slice, period,
 * region, value) count exactly the incidents that carry both. Under such a value the rollup knows
 * the totals by period and region, and, with no slice, the counts by category or group (each is a
 * slice of its own); any other dimension needs the rows themselves.
 */
export type RollupPlan = {
  slice: string;
  value: { dimension: (typeof rollupValueDimensions)[number]; value: string } | null;
};

export function rollupPlan(search: PreparedSearch, dimensions: readonly string[]): RollupPlan | null {
  const { filters } = search;
  if (search.words.length > 0 || filters.actor.length > 0 || filters.from || filters.to) return null;
  const slices = [...filters.category, ...filters.group];
  const values = rollupValueDimensions.flatMap((dimension) =>
    filters[dimension].map((value) => ({ dimension, value })),
  );
  if (slices.length > 1 || values.length > 1) return null;
  const slice = slices[0] ?? '';
  const value = values[0] ?? null;
  if (value !== null) {
    const answerable = (dimension: string) =>
      ['all', 'year', 'month', 'region'].includes(dimension) ||
      ((dimension === 'category' || dimension === 'group') && slice === '');
    if (!dimensions.every(answerable)) return null;
  }
  return { slice, value };
}
