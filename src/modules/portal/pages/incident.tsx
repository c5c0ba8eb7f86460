import { translator } from '../../../i18n/define.ts';
import { formatMonth } from '../../../i18n/format.ts';
import { pickText } from '../../../i18n/langs.ts';
import { Layout, type PageFrame } from '../../../web/layout.tsx';
import { emptyFilters, filtersQueryString, type IncidentFilters } from '../../search/index.ts';
import { portalMessages } from '../portal.messages.ts';
import type { IncidentDetail } from '../portal.schemas.ts';
import { DataText, DateText, Fact, type Labels, showLocality, textOf } from '../portal.views.tsx';

export function incidentTitle(incident: IncidentDetail, labels: Labels): string {
  const t = translator(portalMessages, labels.lang);
  return incident.restricted ? t('restrictedTitle') : textOf(incident.title, labels.lang) || incident.id;
}

export function IncidentPage({
  frame,
  labels,
  incident,
}: {
  frame: PageFrame;
  labels: Labels;
  incident: IncidentDetail;
}) {
  const { lang } = frame;
  const t = translator(portalMessages, lang);
  const summary = pickText(incident.summary, lang);
  const listOf = (extra: Partial<IncidentFilters>) =>
    `/${lang}/incidents${filtersQueryString({ ...emptyFilters(), ...extra })}`;
  return (
    <Layout frame={frame}>
      <article class="record">
        <h1>{incident.restricted ? t('restrictedTitle') : <DataText text={incident.title} lang={lang} />}</h1>
        {incident.restricted ? <p class="notice">{t('restrictedNote')}</p> : null}
        <dl class="facts">
          <Fact term={t('date')}>
            <DateText value={incident.date} lang={lang} />
          </Fact>
          {incident.counted_in !== incident.date.slice(0, 7) ? (
            <Fact term={t('countedIn')}>{formatMonth(incident.counted_in, lang)}</Fact>
          ) : null}
          <Fact term={t('region')}>
            {incident.region ? (
              <a href={`/${lang}/regions/${incident.region}`}>{labels.region(incident.region)}</a>
            ) : null}
          </Fact>
          <Fact term={t('locality')}>
            {showLocality(incident.locality, incident.region ? labels.region(incident.region) : '')
              ? incident.locality
              : null}
          </Fact>
          <Fact term={t('categories')}>
            <ul class="tags">
              {incident.categories.map((code) => (
                <li key={code}>
                  <a href={listOf({ category: [code] })}>{labels.category(code)}</a>
                </li>
              ))}
            </ul>
          </Fact>
          {incident.victims.length > 0 ? (
            <Fact term={t('victims')}>
              <ul class="plain">
                {incident.victims.map((actor) => (
                  <li key={actor.id}>
                    <a href={`/${lang}/actors/${encodeURIComponent(actor.id)}`}>{actor.name}</a> (
                    {labels.kind(actor.kind)})
                  </li>
                ))}
              </ul>
            </Fact>
          ) : null}
          {incident.perpetrators.length > 0 ? (
            <Fact term={t('perpetrators')}>
              <ul class="plain">
                {incident.perpetrators.map((actor) => (
                  <li key={actor.id}>
                    <a href={`/${lang}/actors/${encodeURIComponent(actor.id)}`}>{actor.name}</a> (
                    {labels.kind(actor.kind)})
                  </li>
                ))}
              </ul>
            </Fact>
          ) : null}
          {incident.legal_articles.length > 0 ? (
            <Fact term={t('legalArticles')}>
              <ul class="plain">
                {incident.legal_articles.map((code) => (
                  <li key={code}>
                    <a href={listOf({ article: [code] })}>{labels.article(code)}</a>
                  </li>
                ))}
              </ul>
            </Fact>
          ) : null}
        </dl>
        {summary ? (
          <div class="summary-text" lang={summary.lang === lang ? undefined : summary.lang}>
            {summary.text.split(/\n{2,}/).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        ) : null}
        {incident.sources.length > 0 ? (
          <section aria-labelledby="sources">
            <h2 id="sources">{t('sources')}</h2>
            <ul>
              {incident.sources.map((source) => {
                const text = [source.outlet, source.title].filter(Boolean).join(': ') || source.url || '';
                return (
                  <li key={`${source.url}-${text}`}>
                    {source.url && /^https?:\/\//.test(source.url) ? (
                      <a href={source.url} rel="nofollow noopener">
                        {text}
                      </a>
                    ) : (
                      text
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
        {incident.cases.length > 0 ? (
          <section aria-labelledby="cases">
            <h2 id="cases">{t('relatedCases')}</h2>
            <ul>
              {incident.cases.map((legalCase) => (
                <li key={legalCase.id}>
                  <a href={`/${lang}/cases/${encodeURIComponent(legalCase.id)}`}>
                    {textOf(legalCase.title, lang) || labels.caseTerm(legalCase.kind)}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {incident.linked_incidents.length > 0 ? (
          <section aria-labelledby="linked">
            <h2 id="linked">{t('linkedIncidents')}</h2>
            <ul>
              {incident.linked_incidents.map((linked) => (
                <li key={linked.id}>
                  <DateText value={linked.date} lang={lang} />:{' '}
                  <a href={`/${lang}/incidents/${encodeURIComponent(linked.id)}`}>
                    <DataText text={linked.title} lang={lang} />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p class="hint">
          <a href={`/api/v1/incidents/${encodeURIComponent(incident.id)}`}>{t('recordData')}</a>
        </p>
      </article>
    </Layout>
  );
}
