import type { Lang } from './langs.ts';

/**
 * A catalog is written once in English, which fixes its keys; the Russian and Kazakh catalogs must
 * have exactly the same keys, or the type check fails. Each module keeps its own catalog beside its
 * code (`*.messages.ts`), so two pieces of work never edit one big file.
 */
export function defineMessages<const Keys extends string>(catalogs: {
  en: Record<Keys, string>;
  ru: NoInfer<Record<Keys, string>>;
  kk: NoInfer<Record<Keys, string>>;
}): Record<Lang, Record<Keys, string>> {
  return catalogs;
}

/** Replaces {name} placeholders. Values are inserted as text; escaping is the renderer's job. */
export function interpolate(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

export type Translator<Keys extends string> = (key: Keys, values?: Record<string, string | number>) => string;

export function translator<Keys extends string>(
  catalogs: Record<Lang, Record<Keys, string>>,
  lang: Lang,
): Translator<Keys> {
  const catalog = catalogs[lang];
  return (key, values) => interpolate(catalog[key], values);
}
