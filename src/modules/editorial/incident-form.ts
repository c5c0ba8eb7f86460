import { type LocalizedText, langs } from '../../i18n/langs.ts';
import type { IncidentView } from '../incidents/index.ts';
import { checked, compactRows, type FormBody, listOf, textOf } from './editorial.form.ts';

/**
 * The incident form, both ways: a record as the form's values (dotted names), and the posted
 * values as the incidents service's input. The form never carries cases and links: those have
 * their own page, and an update that leaves them out keeps them.
 */
export const actorRowKeys = ['name'] as const;
export const sourceRowKeys = ['url', 'outlet', 'correspondent'] as const;

export function incidentValues(incident: IncidentView): FormBody {
  const values: Record<string, string | string[]> = {
    date: incident.date,
    counted_in: incident.counted_in === incident.date.slice(0, 7) ? '' : incident.counted_in,
    region: incident.region ?? '',
    locality: incident.locality ?? '',
    categories: incident.categories,
    legal_articles: incident.legal_articles,
    visibility: incident.visibility,
    correspondent: incident.correspondent ?? '',
    editorial_note: incident.editorial_note ?? '',
    version: String(incident.version),
  };
  Object.assign(
    values,
    localizedValues('title', incident.title),
    localizedValues('summary', incident.summary),
  );
  incident.victims.forEach((victim, index) => {
    Object.assign(values, actorRowValues(`victims.${index}`, victim));
    if (victim.anonymous) values[`victims.${index}.anonymous`] = 'on';
  });
  incident.perpetrators.forEach((perpetrator, index) => {
    Object.assign(values, actorRowValues(`perpetrators.${index}`, perpetrator));
  });
  incident.sources.forEach((source, index) => {
    values[`sources.${index}.url`] = source.url ?? '';
    values[`sources.${index}.outlet`] = source.outlet ?? '';
    values[`sources.${index}.correspondent`] = source.correspondent ?? '';
    if (source.confidential) values[`sources.${index}.confidential`] = 'on';
  });
  return values;
}

export function localizedValues(prefix: string, text: LocalizedText): Record<string, string> {
  return Object.fromEntries(langs.map((lang) => [`${prefix}.${lang}`, text[lang] ?? '']));
}

export function actorRowValues(
  prefix: string,
  actor: { actor_id: string; name: string; kind: string },
): Record<string, string> {
  return {
    [`${prefix}.name`]: actor.name,
    [`${prefix}.kind`]: actor.kind,
    [`${prefix}.actor_id`]: actor.actor_id,
    [`${prefix}.actor_name`]: actor.name,
  };
}

/** Drops the blank spare rows and numbers the rest from 0, before validation and re-rendering. */
export function compactIncidentValues(values: FormBody): FormBody {
  let out = compactRows(values, 'victims', actorRowKeys);
  out = compactRows(out, 'perpetrators', actorRowKeys);
  return compactRows(out, 'sources', sourceRowKeys);
}

export function localizedOf(values: FormBody, prefix: string): LocalizedText {
  const text: LocalizedText = {};
  for (const lang of langs) {
    const value = textOf(values, `${prefix}.${lang}`);
    if (value) text[lang] = value;
  }
  return text;
}

/**
 * A row naming an actor: the id it was loaded with while its name is unchanged, else the typed
 * name and kind (matched exactly, or created, by the service).
 */
export function actorRefOf(values: FormBody, prefix: string) {
  const name = textOf(values, `${prefix}.name`);
  const actorId = textOf(values, `${prefix}.actor_id`);
  if (actorId && name === textOf(values, `${prefix}.actor_name`)) return { actor_id: actorId };
  const kind = textOf(values, `${prefix}.kind`);
  return { name, ...(kind ? { kind } : {}) };
}

export function rowIndexes(values: FormBody, group: string): number[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${group}\\.(\\d+)\\.`);
  for (const name of Object.keys(values)) {
    const match = pattern.exec(name);
    if (match?.[1] !== undefined) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

const orNull = (value: string) => (value === '' ? null : value);

/** The posted (compacted) form as the service's input; the schema check comes after. */
export function incidentInputOf(values: FormBody) {
  return {
    date: textOf(values, 'date'),
    counted_in: orNull(textOf(values, 'counted_in')),
    region: orNull(textOf(values, 'region')),
    locality: orNull(textOf(values, 'locality')),
    categories: listOf(values, 'categories'),
    victims: rowIndexes(values, 'victims').map((index) => ({
      ...actorRefOf(values, `victims.${index}`),
      anonymous: checked(values, `victims.${index}.anonymous`),
    })),
    perpetrators: rowIndexes(values, 'perpetrators').map((index) =>
      actorRefOf(values, `perpetrators.${index}`),
    ),
    legal_articles: listOf(values, 'legal_articles'),
    sources: rowIndexes(values, 'sources').map((index) => {
      const field = (key: string) => orNull(textOf(values, `sources.${index}.${key}`));
      return {
        url: field('url'),
        outlet: field('outlet'),
        correspondent: field('correspondent'),
        confidential: checked(values, `sources.${index}.confidential`),
      };
    }),
    title: localizedOf(values, 'title'),
    summary: localizedOf(values, 'summary'),
    visibility: textOf(values, 'visibility') || 'public',
    correspondent: orNull(textOf(values, 'correspondent')),
    editorial_note: orNull(textOf(values, 'editorial_note')),
  };
}

/**
 * The form field a problem belongs to: an item of a checkbox group to its group, a whole row (a
 * victim listed twice, a source with nothing in it) to the row's first input.
 */
export function incidentFieldName(path: string): string {
  const item = /^(categories|legal_articles)\.\d+$/.exec(path);
  if (item?.[1]) return item[1];
  const row = /^(victims|perpetrators)\.(\d+)$/.exec(path);
  if (row) return `${row[1]}.${row[2]}.name`;
  const source = /^sources\.(\d+)$/.exec(path);
  if (source) return `sources.${source[1]}.url`;
  return path;
}
