import { translator } from '../../../i18n/define.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { pickText } from '../../../i18n/langs.ts';
import { Layout, type PageFrame } from '../../../web/layout.tsx';
import { emptyFilters, filtersQueryString } from '../../search/index.ts';
import { portalMessages } from '../portal.messages.ts';
import type { ActorDetail, ActorSummary } from '../portal.schemas.ts';
import { CaseItem, DataText, Fact, IncidentList, type Labels, Pagination } from '../portal.views.tsx';

export function ActorsPage({
  frame,
  labels,
  q,
  actors,
  page,
  hasMore,
}: {
  frame: PageFrame;
  labels: Labels;
  q: string | undefined;
  actors: ActorSummary[];
  page: number;
  hasMore: boolean;
}) {
  const { lang } = frame;
  const t = translator(portalMessages, lang);
  const base = `/${lang}/actors`;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (target > 1) params.set('page', String(target));
    const text = params.toString();
    return text ? `${base}?${text}` : base;
  };
  return (
    <Layout frame={frame}>
      <h1>{t('actorsTitle')}</h1>
      <p>{t('actorsIntro')}</p>
      <form method="get" action={base} class="filter-row">
        <div class="field">
          <label for="actor-q">{t('actorSearchLabel')}</label>
          <input type="search" id="actor-q" name="q" value={q ?? ''} maxLength={200} />
        </div>
        <button type="submit">{t('searchButton')}</button>
      </form>
      {actors.length === 0 ? (
        <p>{t('noActors')}</p>
      ) : (
        <ul class="actor-list">
          {actors.map((actor) => (
            <li key={actor.id}>
              <a href={`${base}/${encodeURIComponent(actor.id)}`}>{actor.name}</a> ({labels.kind(actor.kind)})
            </li>
          ))}
        </ul>
      )}
      <Pagination lang={lang} page={page} pages={hasMore ? page + 1 : page} hrefFor={hrefFor} />
    </Layout>
  );
}

export function ActorPage({
  frame,
  labels,
  actor,
}: {
  frame: PageFrame;
  labels: Labels;
  actor: ActorDetail;
}) {
  const { lang } = frame;
  const t = translator(portalMessages, lang);
  const localName = pickText(actor.names, lang);
  const description = pickText(actor.description, lang);
  const allIncidents = `/${lang}/incidents${filtersQueryString({ ...emptyFilters(), actor: [actor.id] })}`;
  return (
    <Layout frame={frame}>
      <article class="record">
        <h1>{localName?.text ?? actor.name}</h1>
        <dl class="facts">
          <Fact term={t('actorKind')}>{labels.kind(actor.kind)}</Fact>
          {actor.spellings.length > 0 || (localName && localName.text !== actor.name) ? (
            <Fact term={t('alsoWritten')}>
              {[...new Set([actor.name, ...actor.spellings])]
                .filter((name) => name !== localName?.text)
                .join('; ')}
            </Fact>
          ) : null}
        </dl>
        {description ? (
          <p>
            <DataText text={actor.description} lang={lang} />
          </p>
        ) : null}
        {actor.incident_count > 0 ? (
          <section aria-labelledby="actor-incidents">
            <h2 id="actor-incidents">
              {t('actorIncidents')} ({formatNumber(actor.incident_count, lang)})
            </h2>
            <IncidentList incidents={actor.incidents} labels={labels} />
            {actor.incident_count > actor.incidents.length ? (
              <p>
                <a href={allIncidents}>
                  {t('actorAllIncidents', { n: formatNumber(actor.incident_count, lang) })}
                </a>
              </p>
            ) : null}
          </section>
        ) : null}
        {actor.cases.length > 0 ? (
          <section aria-labelledby="actor-cases">
            <h2 id="actor-cases">{t('actorCases')}</h2>
            <ol class="incident-list">
              {actor.cases.map((legalCase) => (
                <CaseItem key={`${legalCase.id}-${legalCase.role}`} legalCase={legalCase} labels={labels} />
              ))}
            </ol>
          </section>
        ) : null}
        <p class="hint">
          <a href={`/api/v1/actors/${encodeURIComponent(actor.id)}`}>{t('recordData')}</a>
        </p>
      </article>
    </Layout>
  );
}
