/**
 * Shared pieces of the report patterns. JavaScript's \b only knows ASCII letters, so word edges are
 * written as look-arounds on Unicode letters and digits; every pattern using them needs the `u` flag.
 */
export const B = '(?<![\\p{L}\\p{N}])';
export const E = '(?![\\p{L}\\p{N}])';

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
  list.map((source) => new RegExp(`^(?:${source})$`, 'iu')),
);

/** Any month name in English, Russian or Kazakh, as a non-capturing group with word edges. */
export const MONTH = `${B}(?:${[...enMonths, ...ruMonths, ...kkMonths].join('|')})${E}`;

/** 1..12 for a month name in any of the three languages, or null. */
export function monthNumber(word: string): number | null {
  const clean = word.trim();
  for (const list of monthMatchers) {
    const index = list.findIndex((pattern) => pattern.test(clean));
    if (index >= 0) return index + 1;
  }
  return null;
}

export const monthsEnglish = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 'YYYY-MM' of a year and a 1-based month. */
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function shiftMonth(month: string, delta: number): string {
  const [year, number] = month.split('-').map(Number);
  const index = (year ?? 0) * 12 + (number ?? 1) - 1 + delta;
  return monthKey(Math.floor(index / 12), (index % 12) + 1);
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export type Lang = 'en' | 'ru' | 'kk';

/** Builds a Unicode, case-insensitive pattern from pieces. */
export function re(source: string, flags = 'iu'): RegExp {
  return new RegExp(source, flags);
}
