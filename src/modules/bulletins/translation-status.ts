import { type Lang, type LocalizedText, langs } from '../../i18n/langs.ts';
import type { BulletinInput } from './assemble.ts';

/**
 * How many of a bulletin's own texts (introduction, section notes, item titles and summaries) are
 * written in some language but not in this one: a reader of that language would get another
 * language's paragraph there. Restricted items carry no text of their own and are skipped.
 */
export function translationGaps(input: BulletinInput): Record<Lang, number> {
  const texts: LocalizedText[] = [input.introduction, ...Object.values(input.sectionNotes)];
  for (const item of input.items) {
    const { snapshot } = item;
    if (snapshot.type === 'incident' && snapshot.restricted) continue;
    texts.push(snapshot.title, snapshot.summary);
  }
  const written = (text: LocalizedText, lang: Lang) => (text[lang] ?? '').trim() !== '';
  const gaps = Object.fromEntries(langs.map((lang) => [lang, 0])) as Record<Lang, number>;
  for (const text of texts) {
    if (!langs.some((lang) => written(text, lang))) continue;
    for (const lang of langs) if (!written(text, lang)) gaps[lang] += 1;
  }
  return gaps;
}
