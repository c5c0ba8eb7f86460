import { formatDate, formatMonth, pluralize } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/langs.ts';

/**
 * Picks the form of a counted noun written as `one:…|few:…|many:…|other:…` in a catalog, with
 * Intl.PluralRules: 1 сообщение, 2 сообщения, 5 сообщений, 21 сообщение; 1 report, 2 reports.
 */
export function countedNoun(forms: string, count: number, lang: Lang): string {
  const parsed: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (const part of forms.split('|')) {
    const colon = part.indexOf(':');
    parsed[part.slice(0, colon) as Intl.LDMLPluralRule] = part.slice(colon + 1);
  }
  return pluralize(count, lang, { ...parsed, other: parsed.other ?? '' });
}

const ruPrepositional = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];

/** The month as each phrase of the bulletin needs it. */
export function monthPhrases(month: string, lang: Lang) {
  const year = month.slice(0, 4);
  const index = Number(month.slice(5, 7)) - 1;
  const monthOnly = formatMonth(month, lang)
    .replace(/^\d{4} жылғы /, '')
    .replace(/ \d{4}$/, '');
  return {
    /** "May 2024", "Май 2024", "2024 жылғы мамыр". */
    title: formatMonth(month, lang, { capitalize: true }),
    /** After "in": "May 2024", "мае 2024 года", "2024 жылғы мамыр". */
    inMonthYear: lang === 'ru' ? `${ruPrepositional[index]} ${year} года` : formatMonth(month, lang),
    /** After "for": "May 2024", "май 2024 года", "2024 жылғы мамыр". */
    forMonthYear: lang === 'ru' ? `${formatMonth(month, 'ru')} года` : formatMonth(month, lang),
    /** The month alone after "in": "May", "мае", "мамыр". */
    inMonth: lang === 'ru' ? (ruPrepositional[index] ?? '') : monthOnly,
    year,
  };
}

/** "May 10", "10 мая", "10 мамыр": the date of an item within its month. */
export function dayAndMonth(isoDate: string, lang: Lang): string {
  const full = formatDate(isoDate, lang);
  if (lang === 'kk') return full.replace(/^\d{4} жылғы /, '');
  const withoutYear = full.replace(/ \d{4}( г\.)?$/, '');
  if (lang === 'en') {
    const [day, name] = withoutYear.split(' ');
    return `${name} ${day}`;
  }
  return withoutYear;
}
