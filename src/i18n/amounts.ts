import { pluralize } from './format.ts';
import type { Lang } from './langs.ts';

/**
 * Amounts of tenge as the reports write them: digits per group with the group's word, so
 * 78,100,000 is "78 million 100 thousand tenge", "78 миллионов 100 тысяч тенге",
 * "78 миллион 100 мың теңге". Russian words agree with their number (Intl.PluralRules);
 * Kazakh and English keep one form after a numeral.
 */
type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const scales: Array<{ size: number; words: Record<Lang, Forms> }> = [
  {
    size: 1_000_000_000,
    words: {
      en: { other: 'billion' },
      ru: { one: 'миллиард', few: 'миллиарда', many: 'миллиардов', other: 'миллиарда' },
      kk: { other: 'миллиард' },
    },
  },
  {
    size: 1_000_000,
    words: {
      en: { other: 'million' },
      ru: { one: 'миллион', few: 'миллиона', many: 'миллионов', other: 'миллиона' },
      kk: { other: 'миллион' },
    },
  },
  {
    size: 1_000,
    words: {
      en: { other: 'thousand' },
      ru: { one: 'тысяча', few: 'тысячи', many: 'тысяч', other: 'тысячи' },
      kk: { other: 'мың' },
    },
  },
];

export const currencyWord: Record<Lang, string> = { en: 'tenge', ru: 'тенге', kk: 'теңге' };

export function amountInWords(tenge: number, lang: Lang): string {
  if (!Number.isSafeInteger(tenge) || tenge < 0) throw new RangeError(`not an amount of tenge: ${tenge}`);
  const parts: string[] = [];
  let rest = tenge;
  for (const scale of scales) {
    const count = Math.floor(rest / scale.size);
    rest %= scale.size;
    if (count > 0) parts.push(`${count} ${pluralize(count, lang, scale.words[lang])}`);
  }
  if (rest > 0 || parts.length === 0) parts.push(String(rest));
  return `${parts.join(' ')} ${currencyWord[lang]}`;
}
