import { translator } from '../../i18n/define.ts';
import { formatDate, formatMonth } from '../../i18n/format.ts';
import { type Lang, type LocalizedText, pickText } from '../../i18n/langs.ts';
import { appealMessages } from './appeals.messages.ts';

export type DraftIncident = {
  id: string;
  date: string;
  datePrecision: 'day' | 'month';
  region: LocalizedText | null;
  locality: string | null;
  title: LocalizedText;
  summary: LocalizedText;
};

/** Newest first, as the foundation's appeals list their facts; ties keep a stable order by id. */
export function orderForDraft(incidents: readonly DraftIncident[]): DraftIncident[] {
  return [...incidents].sort((a, b) =>
    a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1,
  );
}

/**
 * One numbered fact per incident: its date, its place, and its summary (else its title) in `lang`.
 * A text found only in another language is kept and marked for translation, so nothing is lost.
 */
export function draftFact(incident: DraftIncident, number: number, lang: Lang): string {
  const t = translator(appealMessages, lang);
  const when =
    incident.datePrecision === 'month' ? formatMonth(incident.date, lang) : formatDate(incident.date, lang);
  const place = [incident.locality, pickText(incident.region, lang)?.text].filter(Boolean).join(', ');
  const picked = pickText(incident.summary, lang) ?? pickText(incident.title, lang);
  const text = picked
    ? picked.lang === lang
      ? picked.text
      : `${t('draftUntranslated', { lang: t(`langName_${picked.lang}`) })} ${picked.text}`
    : incident.id;
  const sentence = text.trim().replace(/\s+/g, ' ');
  return `${number}. ${when}${place ? `, ${place}` : ''}. ${sentence}`;
}

/** The first draft of an appeal's text: an opening, the numbered facts, and a closing request. */
export function draftAppealText(incidents: readonly DraftIncident[], lang: Lang): string {
  const t = translator(appealMessages, lang);
  const facts = orderForDraft(incidents).map((incident, index) => draftFact(incident, index + 1, lang));
  return [t('draftIntro'), ...facts, t('draftClosing')].join('\n\n');
}
