import type { ComponentChildren } from 'preact';
import { actorKinds, isCodeOf } from '../../domain/vocabularies.ts';
import { translator } from '../../i18n/define.ts';
import { formatDate, formatMonth, formatNumber, pluralize } from '../../i18n/format.ts';
import { type Lang, type LocalizedText, pickText } from '../../i18n/langs.ts';
import { actorKindLabels } from '../actors/index.ts';
import type { Count } from '../search/index.ts';
import { caseLabels, isCaseLabel } from './portal.labels.ts';
import { portalMessages } from './portal.messages.ts';
import type { CaseSummary, IncidentSummary, Region, Taxonomy } from './portal.schemas.ts';

const lawNames: Record<Lang, Record<Taxonomy['legal_articles'][number]['law'], string>> = {
  en: {
    CC: 'Criminal Code',
    CAO: 'Administrative Code',
    CPC: 'Criminal Procedure Code',
    CIVC: 'Civil Code',
    CONST: 'Constitution',
  },
  ru: { CC: 'УК', CAO: 'КоАП', CPC: 'УПК', CIVC: 'ГК', CONST: 'Конституция' },
  kk: { CC: 'ҚК', CAO: 'ӘҚБтК', CPC: 'ҚПК', CIVC: 'АК', CONST: 'Конституция' },
};

/** The name of a month without its year: "May", "май", "мамыр". */
export function monthName(monthNumber: string, lang: Lang): string {
  const words = formatMonth(`2000-${monthNumber}`, lang).split(' ');
  return (lang === 'kk' ? words.at(-1) : words[0]) ?? monthNumber;
}

/** Names of codes in the reader's language: data labels from the database, code lists from catalogs. */
export type Labels = {
  lang: Lang;
  category: (code: string) => string;
  group: (code: string) => string;
  region: (code: string | null) => string;
  article: (code: string) => string;
  kind: (code: string) => string;
  caseTerm: (code: string) => string;
};

export function makeLabels(lang: Lang, taxonomy: Taxonomy, regions: Region[]): Labels {
  const text = (labels: LocalizedText | undefined, fallback: string) =>
    pickText(labels, lang)?.text ?? fallback;
  const categories = new Map(taxonomy.categories.map((category) => [category.code, category.labels]));
  const groups = new Map(taxonomy.groups.map((group) => [group.code as string, group.labels]));
  const regionLabels = new Map(regions.map((region) => [region.code, region.labels]));
  const articles = new Map(taxonomy.legal_articles.map((article) => [article.code, article]));
  const t = translator(portalMessages, lang);
  const caseTerms = translator(caseLabels, lang);
  return {
    lang,
    category: (code) => text(categories.get(code), code),
    group: (code) => text(groups.get(code), code),
    region: (code) => (code === null || code === '' ? t('noRegion') : text(regionLabels.get(code), code)),
    article: (code) => {
      const article = articles.get(code);
      if (!article) return code;
      const name = text(article.names, '');
      return `${lawNames[lang][article.law]} ${article.number}${name ? ` (${name})` : ''}`;
    },
    kind: (code) => (isCodeOf(actorKinds, code) ? actorKindLabels[lang][code] : code),
    caseTerm: (code) => (isCaseLabel(code) ? caseTerms(code) : code),
  };
}

/** A text from the data, marked with its language when it is not the page's. */
export function DataText({ text, lang }: { text: LocalizedText | null | undefined; lang: Lang }) {
  const picked = pickText(text, lang);
  if (!picked) return null;
  return picked.lang === lang ? picked.text : <span lang={picked.lang}>{picked.text}</span>;
}

export function textOf(text: LocalizedText | null | undefined, lang: Lang): string {
  return pickText(text, lang)?.text ?? '';
}

/** '2024-05-13' as a date, '2024-05' as its month. */
export function DateText({ value, lang }: { value: string; lang: Lang }) {
  return (
    <time dateTime={value}>{value.length === 7 ? formatMonth(value, lang) : formatDate(value, lang)}</time>
  );
}

export function formatCount(count: Count, lang: Lang): string {
  const t = translator(portalMessages, lang);
  const n = formatNumber(count.exact ? count.value : roundEstimate(count.value), lang);
  const form = pluralize(count.value, lang, {
    one: t('countOne', { n }),
    few: t('countFew', { n }),
    many: t('countMany', { n }),
    other: t('countOther', { n }),
  });
  return count.exact ? form : `≈ ${form}`;
}

/** Estimates keep two significant digits: more would claim a precision they do not have. */
export function roundEstimate(value: number): number {
  if (value < 100) return value;
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

export function truncate(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function IncidentItem({
  incident,
  labels,
  headingLevel = 3,
}: {
  incident: IncidentSummary;
  labels: Labels;
  headingLevel?: 2 | 3;
}) {
  const { lang } = labels;
  const t = translator(portalMessages, lang);
  const href = `/${lang}/incidents/${encodeURIComponent(incident.id)}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const summary = pickText(incident.summary, lang);
  return (
    <li class="incident-item">
      <Heading class="incident-title">
        <a href={href}>
          {incident.restricted ? t('restrictedTitle') : <DataText text={incident.title} lang={lang} />}
        </a>
      </Heading>
      <p class="meta">
        <DateText value={incident.date} lang={lang} />
        {' · '}
        {labels.region(incident.region)}
        {showLocality(incident.locality, labels.region(incident.region)) ? `, ${incident.locality}` : ''}
      </p>
      <ul class="tags" aria-label={t('categories')}>
        {incident.categories.map((code) => (
          <li key={code}>{labels.category(code)}</li>
        ))}
      </ul>
      {summary ? (
        <p class="summary" lang={summary.lang === lang ? undefined : summary.lang}>
          {truncate(summary.text, 280)}
        </p>
      ) : null}
      {incident.victims.length > 0 ? (
        <p class="actors">
          {t('victims')}:{' '}
          {incident.victims.map((actor, index) => (
            <span key={actor.id}>
              {index > 0 ? ', ' : ''}
              <a href={`/${lang}/actors/${encodeURIComponent(actor.id)}`}>{actor.name}</a>
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

export function IncidentList({ incidents, labels }: { incidents: IncidentSummary[]; labels: Labels }) {
  return (
    <ol class="incident-list">
      {incidents.map((incident) => (
        <IncidentItem key={incident.id} incident={incident} labels={labels} />
      ))}
    </ol>
  );
}

export function CaseItem({
  legalCase,
  labels,
}: {
  legalCase: CaseSummary & { role?: string };
  labels: Labels;
}) {
  const { lang } = labels;
  const t = translator(portalMessages, lang);
  const title = textOf(legalCase.title, lang) || labels.caseTerm(legalCase.kind);
  return (
    <li class="case-item">
      <h3 class="incident-title">
        <a href={`/${lang}/cases/${encodeURIComponent(legalCase.id)}`}>{title}</a>
      </h3>
      <p class="meta">
        {labels.caseTerm(legalCase.kind)}
        {legalCase.role ? ` · ${t('role')}: ${labels.caseTerm(legalCase.role)}` : ''}
        {' · '}
        {t('caseOutcome')}: {labels.caseTerm(legalCase.outcome)}
        {legalCase.last_event ? (
          <>
            {' · '}
            {t('lastActivity')}: <DateText value={legalCase.last_event} lang={lang} />
          </>
        ) : null}
      </p>
      {legalCase.subjects.length > 0 ? (
        <ul class="tags" aria-label={t('caseSubjects')}>
          {legalCase.subjects.map((code) => (
            <li key={code}>{labels.category(code)}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function Pagination({
  lang,
  page,
  pages,
  hrefFor,
}: {
  lang: Lang;
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}) {
  const t = translator(portalMessages, lang);
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('paginationLabel')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              {t('previousPage')}
            </a>
          </li>
        ) : null}
        <li aria-current="page">
          {t('pageOf', { page: formatNumber(page, lang), pages: formatNumber(pages, lang) })}
        </li>
        {page < pages ? (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              {t('nextPage')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** A term and its value, skipped when there is no value. */
export function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  if (children === null || children === undefined || children === '' || children === false) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function formatTenge(value: number, lang: Lang): string {
  return `${formatNumber(value, lang)} ₸`;
}

/** A locality is shown beside its region unless it only repeats it ("Алматы, Алматы" for the city). */
export function showLocality(locality: string | null | undefined, regionLabel: string): locality is string {
  if (!locality) return false;
  const key = (text: string) => text.trim().toLocaleLowerCase().replace(/ё/g, 'е');
  return key(locality) !== key(regionLabel);
}
