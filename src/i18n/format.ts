import { intlLocale, type Lang } from './langs.ts';

const monthNames: Record<Lang, string[]> = {
  en: [
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
  ],
  ru: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  kk: [
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
  ],
};

/** Russian dates need the genitive month ("13 мая"); Kazakh and English keep the base form. */
const monthNamesGenitiveRu = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

function parts(isoDate: string): { year: number; month: number; day: number | null } {
  const [year, month, day] = isoDate.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 1, day: day ?? null };
}

/** "May 2024", "май 2024", "2024 жылғы мамыр". Written by hand: ICU's kk data is incomplete. */
export function formatMonth(yearMonth: string, lang: Lang, options: { capitalize?: boolean } = {}): string {
  const { year, month } = parts(yearMonth);
  const name = monthNames[lang][month - 1] ?? '';
  const text = lang === 'kk' ? `${year} жылғы ${name}` : `${name} ${year}`;
  return options.capitalize ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** "13 May 2024", "13 мая 2024 г.", "2024 жылғы 13 мамыр". A month-only date prints as its month. */
export function formatDate(isoDate: string, lang: Lang): string {
  const { year, month, day } = parts(isoDate);
  if (day === null) return formatMonth(isoDate, lang);
  if (lang === 'ru') return `${day} ${monthNamesGenitiveRu[month - 1]} ${year} г.`;
  if (lang === 'kk') return `${year} жылғы ${day} ${monthNames.kk[month - 1]}`;
  return `${day} ${monthNames.en[month - 1]} ${year}`;
}

// Built once per language: building an Intl formatter costs far more than using it, and a page of
// figures formats hundreds of numbers (this was half the home page's time).
const numberFormats = new Map<Lang, Intl.NumberFormat>();
const pluralRules = new Map<Lang, Intl.PluralRules>();

export function formatNumber(value: number, lang: Lang): string {
  // Below a thousand no language groups digits: the common case (a page's counts, a hundred or more
  // of them on the home and statistics pages) skips Intl, which costs about two microseconds a call.
  if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[lang]);
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** Picks the plural form for `count` with Intl.PluralRules (ru has one/few/many, kk and en one/other). */
export function pluralize(
  count: number,
  lang: Lang,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(intlLocale[lang]);
    pluralRules.set(lang, rules);
  }
  const rule = rules.select(count);
  return forms[rule] ?? forms.other;
}
