import { formatNumber, pluralize } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/langs.ts';

/**
 * Rule 8 of DESIGN 4: a figure against the same period of last year. "N times more" from a ratio of
 * 1.1 (N rounded down to one decimal, as the reports do: 9 against 7 is 1.2 times), "N% less" up to a
 * ratio of 0.9 (N rounded to a whole percent), "almost unchanged" in between, and nothing when last
 * year's figure is 0. Integer arithmetic only, so 11 against 10 is exactly 1.1.
 */
export type Comparison =
  | { kind: 'times_more'; times: number }
  | { kind: 'percent_less'; percent: number }
  | { kind: 'almost_unchanged' }
  | { kind: 'none' };

export function compareWithLastYear(current: number, lastYear: number): Comparison {
  if (lastYear <= 0) return { kind: 'none' };
  if (current * 10 >= lastYear * 11)
    return { kind: 'times_more', times: Math.floor((current * 10) / lastYear) / 10 };
  if (current * 10 <= lastYear * 9) {
    return { kind: 'percent_less', percent: Math.round(((lastYear - current) * 100) / lastYear) };
  }
  return { kind: 'almost_unchanged' };
}

/** "1.2 times more", "в 1,2 раза больше", "1,2 есе көп"; "33% less"; "almost unchanged"; '' for none. */
export function describeComparison(comparison: Comparison, lang: Lang): string {
  switch (comparison.kind) {
    case 'none':
      return '';
    case 'almost_unchanged':
      return { en: 'almost unchanged', ru: 'почти без изменений', kk: 'іс жүзінде өзгерген жоқ' }[lang];
    case 'percent_less':
      return {
        en: `${comparison.percent}% less`,
        ru: `на ${comparison.percent}% меньше`,
        kk: `${comparison.percent}% аз`,
      }[lang];
    case 'times_more': {
      const times = formatNumber(comparison.times, lang);
      if (lang === 'en') return `${times} times more`;
      if (lang === 'kk') return `${times} есе көп`;
      return `в ${times} ${pluralize(comparison.times, 'ru', { one: 'раз', few: 'раза', many: 'раз', other: 'раза' })} больше`;
    }
  }
}
