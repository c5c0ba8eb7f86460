/**
 * Shared pieces of the report patterns. JavaScript's \b only knows ASCII letters, so word edges are
 * written as look-arounds on Unicode letters and digits; every pattern using them needs the `u` flag.
 */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';

/*
 * The letters of the scripts that reports are written in: Latin with its extensions (the Kazakh Latin
 * alphabet of 2021 among them), Greek, and Cyrillic with its supplement (Kazakh's ә ғ қ ң ө ұ ү һ і).
 * Patterns are written with \p{L} and \p{N}; `re` compiles them with these ranges instead. The whole
 * Unicode letter class under the case-insensitive flag costs V8 about a millisecond to build each
 * time it appears, and the importer's patterns name it four hundred times: most of the time a
 * one-file parse-report spent was building classes for scripts no report uses.
 */
const LETTER_RANGES =
  'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02AF\\u0370-\\u03FF\\u0400-\\u052F\\u1E00-\\u1EFF';
const DIGIT_RANGES = '0-9';

/** A pattern's source with \p{L} and \p{N} (inside or outside a character class) as the ranges above. */
export function narrowClasses(source: string): string {
  let out = '';
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      const next = source.slice(index, index + 5);
      const ranges = next === '\\p{L}' ? LETTER_RANGES : next === '\\p{N}' ? DIGIT_RANGES : null;
      if (ranges !== null) {
        out += inClass ? ranges : `[${ranges}]`;
        index += 4;
      } else {
        out += source.slice(index, index + 2);
        index += 1;
      }
      continue;
    }
    if (char === '[' && !inClass) inClass = true;
    else if (char === ']' && inClass) inClass = false;
    out += char;
  }
  return out;
}

const enMonths = [
  'jan(?:uary|\\.)?',
  'feb(?:ruary|\\.)?',
  'mar(?:ch|\\.)?',
  'apr(?:il|\\.)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust|\\.)?',
  'sep(?:t(?:ember)?|\\.)?',
  'oct(?:ober|\\.)?',
  'nov(?:ember|\\.)?',
  'dec(?:ember|\\.)?',
];
// Russian month names in every case the reports use (январь, января, январе, январю, в мае, мая ...).
const ruMonths = [
  'январ[ьяеюё]',
  'феврал[ьяеюё]',
  'март[ауе]?',
  'апрел[ьяеюё]',
  'ма[йяюе]',
  'июн[ьяеюё]',
  'июл[ьяеюё]',
  'август[ауе]?',
  'сентябр[ьяеюё]',
  'октябр[ьяеюё]',
  'ноябр[ьяеюё]',
  'декабр[ьяеюё]',
];
// Kazakh month names take case endings (қыркүйекте, мамырда), hence the open tail.
const kkMonths = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
].map((stem) => `${stem}\\p{L}{0,5}`);

const monthMatchers = [enMonths, ruMonths, kkMonths].map((list) =>
  list.map((source) => new RegExp(narrowClasses(`^(?:${source})$`), 'iu')),
);

/**
 * Any month name in English, Russian or Kazakh, as a non-capturing group that ends at a word edge.
 * Where a pattern begins with it, write `${B}` before it.
 */
export const MONTH = `(?:${[...enMonths, ...ruMonths, ...kkMonths].join('|')})${E}`;

/** 1..12 for a month name in any of the three languages, or null. */
export function monthNumber(word: string): number | null {
  const clean = word.trim();
  for (const list of monthMatchers) {
    const index = list.findIndex((pattern) => pattern.test(clean));
    if (index >= 0) return index + 1;
  }
  return null;
}

/** 'YYYY-MM' of a year and a 1-based month. */
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type { Lang } from '../../i18n/langs.ts';

const wordCharacter = new RegExp(`[${LETTER_RANGES}${DIGIT_RANGES}]`, 'u');

/**
 * A pattern that must start at a word edge. A leading look-behind makes V8 try the whole pattern at
 * every position (ten times slower on these texts), so the edge is checked on each match instead.
 */
export class WordStartRegExp extends RegExp {
  private readonly scanner: RegExp;
  private readonly edge: RegExp;

  constructor(source: string, flags?: string, edge: RegExp = wordCharacter) {
    const narrowed = narrowClasses(source);
    super(narrowed, flags);
    this.edge = edge;
    this.scanner = new RegExp(narrowed, this.flags.includes('g') ? this.flags : `${this.flags}g`);
  }

  private atWord(code: number, char: string): boolean {
    if (code < 128) {
      const lower = code | 0x20;
      return (
        (lower >= 0x61 && lower <= 0x7a) ||
        (code >= 0x30 && code <= 0x39) ||
        (code === 0x2e && this.edge !== wordCharacter)
      );
    }
    return this.edge.test(char);
  }

  /** The next match at or after `from` that starts at an edge. */
  next(text: string, from: number): RegExpExecArray | null {
    const scanner = this.scanner;
    scanner.lastIndex = from;
    for (;;) {
      const match = scanner.exec(text);
      if (!match) return null;
      if (match.index === 0 || !this.atWord(text.charCodeAt(match.index - 1), text[match.index - 1] ?? ''))
        return match;
      scanner.lastIndex = match.index + 1;
    }
  }

  override exec(text: string): RegExpExecArray | null {
    const stateful = this.global || this.sticky;
    const match = this.next(text, stateful ? this.lastIndex : 0);
    if (stateful) this.lastIndex = match ? this.scanner.lastIndex : 0;
    return match;
  }
}

/** Every match of a pattern in a text (String.prototype.matchAll would rebuild a WordStartRegExp on each call). */
export function matchesOf(regex: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  if (regex instanceof WordStartRegExp) {
    let from = 0;
    for (;;) {
      const match = regex.next(text, from);
      if (!match) return found;
      found.push(match);
      from = match.index + Math.max(1, match[0].length);
    }
  }
  const scanner = regex.global ? regex : new RegExp(regex.source, `${regex.flags}g`);
  scanner.lastIndex = 0;
  for (let match = scanner.exec(text); match; match = scanner.exec(text)) {
    found.push(match);
    if (match[0].length === 0) scanner.lastIndex++;
  }
  return found;
}

/** Builds a Unicode, case-insensitive pattern from pieces; one that begins with `${B}` checks that edge itself. */
export function re(source: string, flags = 'iu'): RegExp {
  return source.startsWith(B)
    ? new WordStartRegExp(source.slice(B.length), flags)
    : new RegExp(narrowClasses(source), flags);
}
