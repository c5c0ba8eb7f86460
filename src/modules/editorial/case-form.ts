import { langs } from '../../i18n/langs.ts';
import type { CaseEvent, CaseView } from '../cases/index.ts';
import { compactRows, type FormBody, listOf, numberOf, textOf } from './editorial.form.ts';
import {
  actorRefOf,
  actorRowKeys,
  actorRowValues,
  localizedOf,
  localizedValues,
  rowIndexes,
} from './incident-form.ts';

/**
 * The case form and the timeline's event forms, both ways. The case form carries the first event
 * only when the case is new; later events are added, changed and removed on the timeline, each
 * change saving the whole list of events with the case's version.
 */
export function caseValues(record: CaseView): FormBody {
  const values: Record<string, string | string[]> = {
    kind: record.kind,
    subjects: record.subjects,
    legal_articles: record.legal_articles,
    region: record.region ?? '',
    court: record.court ?? '',
    claim_non_pecuniary: record.claim_non_pecuniary === null ? '' : String(record.claim_non_pecuniary),
    claim_other: record.claim_other === null ? '' : String(record.claim_other),
    outcome: record.outcome,
    editorial_note: record.editorial_note ?? '',
    version: String(record.version),
  };
  Object.assign(values, localizedValues('title', record.title), localizedValues('summary', record.summary));
  record.parties.forEach((party, index) => {
    Object.assign(values, actorRowValues(`parties.${index}`, party));
    values[`parties.${index}.role`] = party.role;
  });
  return values;
}

export function compactCaseValues(values: FormBody): FormBody {
  return compactRows(values, 'parties', actorRowKeys);
}

const orNull = (value: string) => (value === '' ? null : value);
const amount = (values: FormBody, name: string) => numberOf(values, name) ?? null;

export function caseInputOf(values: FormBody, options: { withFirstEvent: boolean }) {
  return {
    kind: textOf(values, 'kind'),
    subjects: listOf(values, 'subjects'),
    legal_articles: listOf(values, 'legal_articles'),
    title: localizedOf(values, 'title'),
    summary: localizedOf(values, 'summary'),
    region: orNull(textOf(values, 'region')),
    court: orNull(textOf(values, 'court')),
    claim_non_pecuniary: amount(values, 'claim_non_pecuniary'),
    claim_other: amount(values, 'claim_other'),
    outcome: textOf(values, 'outcome') || 'pending',
    editorial_note: orNull(textOf(values, 'editorial_note')),
    parties: rowIndexes(values, 'parties').map((index) => ({
      ...actorRefOf(values, `parties.${index}`),
      role: textOf(values, `parties.${index}.role`),
    })),
    ...(options.withFirstEvent ? { events: [eventInputOf(values, 'events.0')] } : {}),
  };
}

/**
 * One event as typed into its form: fields named `events.<index>.*` for an event of the record,
 * `new.*` for the one being added.
 */
export function eventInputOf(values: FormBody, prefix: string) {
  const name = (field: string) => `${prefix}.${field}`;
  return {
    date: textOf(values, name('date')),
    kind: textOf(values, name('kind')),
    instance: orNull(textOf(values, name('instance'))),
    outcome: orNull(textOf(values, name('outcome'))),
    awarded: amount(values, name('awarded')),
    collected: amount(values, name('collected')),
    fine_tenge: amount(values, name('fine_tenge')),
    fine_mci: amount(values, name('fine_mci')),
    bail: amount(values, name('bail')),
    articles: listOf(values, name('articles')),
    court: orNull(textOf(values, name('court'))),
    note: localizedOf(values, name('note')),
  };
}

/** An event of the record as the values of its form. */
export function eventValues(event: CaseEvent, index: number): Record<string, string | string[]> {
  const name = (field: string) => `events.${index}.${field}`;
  const number = (value: number | null) => (value === null ? '' : String(value));
  const values: Record<string, string | string[]> = {
    [name('date')]: event.date,
    [name('kind')]: event.kind,
    [name('instance')]: event.instance ?? '',
    [name('outcome')]: event.outcome ?? '',
    [name('awarded')]: number(event.awarded),
    [name('collected')]: number(event.collected),
    [name('fine_tenge')]: number(event.fine_tenge),
    [name('fine_mci')]: number(event.fine_mci),
    [name('bail')]: number(event.bail),
    [name('articles')]: event.articles,
    [name('court')]: event.court ?? '',
  };
  for (const lang of langs) values[name(`note.${lang}`)] = event.note[lang] ?? '';
  return values;
}

/** Every event of the case in its form's values, for the timeline page. */
export function timelineValues(record: CaseView): FormBody {
  const values: Record<string, string | string[]> = { version: String(record.version) };
  for (const [index, event] of record.events.entries()) Object.assign(values, eventValues(event, index));
  return values;
}

/** The problems of the event being added (the last of the list sent) belong to the `new.*` fields. */
export function newEventFieldName(newIndex: number): (path: string) => string {
  const prefix = `events.${newIndex}`;
  return (path) => {
    const name = caseFieldName(path);
    return name === prefix || name.startsWith(`${prefix}.`) ? `new${name.slice(prefix.length)}` : name;
  };
}

export function caseFieldName(path: string): string {
  const item = /^(subjects|legal_articles)\.\d+$/.exec(path);
  if (item?.[1]) return item[1];
  const party = /^parties\.(\d+)$/.exec(path);
  if (party) return `parties.${party[1]}.name`;
  const articles = /^(events\.\d+\.articles)\.\d+$/.exec(path);
  if (articles?.[1]) return articles[1];
  const event = /^events\.(\d+)$/.exec(path);
  if (event) return `events.${event[1]}.date`;
  return path;
}
