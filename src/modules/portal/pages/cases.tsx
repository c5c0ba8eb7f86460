import { caseKinds } from '../../../domain/vocabularies.ts';
import { translator } from '../../../i18n/define.ts';
import { formatMonth, formatNumber } from '../../../i18n/format.ts';
import { pickText } from '../../../i18n/langs.ts';
import { Layout, type PageFrame } from '../../../web/layout.tsx';
import { portalMessages } from '../portal.messages.ts';
import type { CaseDetail, CaseSummary } from '../portal.schemas.ts';
import {
  CaseItem,
  DataText,
  DateText,
  Fact,
  formatTenge,
  type Labels,
  Pagination,
  textOf,
} from '../portal.views.tsx';

export { caseKinds } from '../../../domain/vocabularies.ts';

export function CasesPage({
  frame,
  labels,
  kind,
  cases,
  page,
  pages,
  total,
}: {
  frame: PageFrame;
  labels: Labels;
  kind: (typeof caseKinds)[number] | undefined;
  cases: CaseSummary[];
  page: number;
  pages: number;
  total: number;
}) {
  const { lang } = frame;
  const t = translator(portalMessages, lang);
  const base = `/${lang}/cases`;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    if (kind) params.set('kind', kind);
    if (target > 1) params.set('page', String(target));
    const text = params.toString();
    return text ? `${base}?${text}` : base;
  };
  return (
    <Layout frame={frame}>
      <h1>{t('casesTitle')}</h1>
      <p>{t('casesIntro')}</p>
      <form method="get" action={base} class="filter-row">
        <div class="field">
          <label for="kind">{t('caseKind')}</label>
          <select id="kind" name="kind">
            <option value="">{t('allKinds')}</option>
            {caseKinds.map((option) => (
              <option key={option} value={option} selected={option === kind}>
                {labels.caseTerm(option)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('show')}</button>
      </form>
      <h2>
        {t('results')}: {formatNumber(total, lang)}
      </h2>
      {cases.length === 0 ? (
        <p>{t('noCases')}</p>
      ) : (
        <ol class="incident-list">
          {cases.map((legalCase) => (
            <CaseItem key={legalCase.id} legalCase={legalCase} labels={labels} />
          ))}
        </ol>
      )}
      <Pagination lang={lang} page={page} pages={pages} hrefFor={hrefFor} />
    </Layout>
  );
}

export function caseTitle(legalCase: CaseDetail, labels: Labels): string {
  return textOf(legalCase.title, labels.lang) || labels.caseTerm(legalCase.kind);
}

export function CasePage({
  frame,
  labels,
  legalCase,
}: {
  frame: PageFrame;
  labels: Labels;
  legalCase: CaseDetail;
}) {
  const { lang } = frame;
  const t = translator(portalMessages, lang);
  const summary = pickText(legalCase.summary, lang);
  return (
    <Layout frame={frame}>
      <article class="record">
        <h1>{caseTitle(legalCase, labels)}</h1>
        <dl class="facts">
          <Fact term={t('caseKind')}>{labels.caseTerm(legalCase.kind)}</Fact>
          <Fact term={t('caseOutcome')}>{labels.caseTerm(legalCase.outcome)}</Fact>
          {legalCase.first_event ? (
            <Fact term={t('countedIn')}>
              {t('caseCountsIn', { month: formatMonth(legalCase.first_event.slice(0, 7), lang) })}
            </Fact>
          ) : null}
          <Fact term={t('region')}>{legalCase.region ? labels.region(legalCase.region) : null}</Fact>
          <Fact term={t('caseCourt')}>{legalCase.court}</Fact>
          {legalCase.subjects.length > 0 ? (
            <Fact term={t('caseSubjects')}>
              {legalCase.subjects.map((code) => labels.category(code)).join('; ')}
            </Fact>
          ) : null}
          {legalCase.legal_articles.length > 0 ? (
            <Fact term={t('legalArticles')}>
              {legalCase.legal_articles.map((code) => labels.article(code)).join('; ')}
            </Fact>
          ) : null}
          {legalCase.claim_non_pecuniary !== null ? (
            <Fact term={t('claimNonPecuniary')}>{formatTenge(legalCase.claim_non_pecuniary, lang)}</Fact>
          ) : null}
          {legalCase.claim_other !== null ? (
            <Fact term={t('claimOther')}>{formatTenge(legalCase.claim_other, lang)}</Fact>
          ) : null}
        </dl>
        {summary ? (
          <div class="summary-text" lang={summary.lang === lang ? undefined : summary.lang}>
            {summary.text.split(/\n{2,}/).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        ) : null}
        {legalCase.parties.length > 0 ? (
          <section aria-labelledby="parties">
            <h2 id="parties">{t('caseParties')}</h2>
            <ul>
              {legalCase.parties.map((party) => (
                <li key={`${party.id}-${party.role}`}>
                  {labels.caseTerm(party.role)}:{' '}
                  <a href={`/${lang}/actors/${encodeURIComponent(party.id)}`}>{party.name}</a> (
                  {labels.kind(party.kind)})
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="timeline">
          <h2 id="timeline">{t('caseTimeline')}</h2>
          <ol class="timeline">
            {legalCase.events.map((event, index) => (
              <li key={`${event.date}-${index}`}>
                <DateText value={event.date} lang={lang} />
                {' — '}
                <strong>{labels.caseTerm(event.kind)}</strong>
                {event.instance ? ` (${labels.caseTerm(`instance_${event.instance}`)})` : ''}
                {event.outcome ? `: ${labels.caseTerm(event.outcome)}` : ''}
                {event.court ? `. ${t('caseCourt')}: ${event.court}` : ''}
                <ul class="plain">
                  {event.awarded !== null ? (
                    <li>
                      {t('awarded')}: {formatTenge(event.awarded, lang)}
                    </li>
                  ) : null}
                  {event.collected !== null ? (
                    <li>
                      {t('collected')}: {formatTenge(event.collected, lang)}
                    </li>
                  ) : null}
                  {event.fine_tenge !== null || event.fine_mci !== null ? (
                    <li>
                      {t('fine')}:{' '}
                      {[
                        event.fine_tenge !== null ? formatTenge(event.fine_tenge, lang) : '',
                        event.fine_mci !== null
                          ? t('fineMci', { n: formatNumber(event.fine_mci, lang) })
                          : '',
                      ]
                        .filter(Boolean)
                        .join(' / ')}
                    </li>
                  ) : null}
                  {event.bail !== null ? (
                    <li>
                      {t('bail')}: {formatTenge(event.bail, lang)}
                    </li>
                  ) : null}
                  {event.articles.length > 0 ? (
                    <li>
                      {t('requalifiedTo')}: {event.articles.map((code) => labels.article(code)).join('; ')}
                    </li>
                  ) : null}
                  {pickText(event.note, lang) ? (
                    <li>
                      <DataText text={event.note} lang={lang} />
                    </li>
                  ) : null}
                </ul>
              </li>
            ))}
          </ol>
        </section>
        {legalCase.incidents.length > 0 ? (
          <section aria-labelledby="incidents">
            <h2 id="incidents">{t('linkedIncidents')}</h2>
            <ul>
              {legalCase.incidents.map((incident) => (
                <li key={incident.id}>
                  <DateText value={incident.date} lang={lang} />:{' '}
                  <a href={`/${lang}/incidents/${encodeURIComponent(incident.id)}`}>
                    <DataText text={incident.title} lang={lang} />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p class="hint">
          <a href={`/api/v1/cases/${encodeURIComponent(legalCase.id)}`}>{t('recordData')}</a>
        </p>
      </article>
    </Layout>
  );
}
