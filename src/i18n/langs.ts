import { type Lang, langs } from '../domain/vocabularies.ts';

export { type Lang, langs };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (langs as readonly string[]).includes(value);
}

/** Text stored in the data in any subset of the three languages. */
export type LocalizedText = Partial<Record<Lang, string>>;

/** The reader's language first, then the others, so a record written only in Russian still shows. */
export function pickText(
  text: LocalizedText | null | undefined,
  lang: Lang,
): { text: string; lang: Lang } | null {
  if (!text) return null;
  const order: Lang[] = [lang, ...langs.filter((other) => other !== lang)];
  for (const candidate of order) {
    const value = text[candidate];
    if (value && value.trim() !== '') return { text: value, lang: candidate };
  }
  return null;
}

/** BCP 47 tags for Intl. */
export const intlLocale: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };
