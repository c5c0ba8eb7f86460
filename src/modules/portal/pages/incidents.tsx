import { translator } from '../../../i18n/define.ts';
import { formatMonth, formatNumber } from '../../../i18n/format.ts';
import type { Lang } from '../../../i18n/langs.ts';
import { Layout, type PageFrame } from '../../../web/layout.tsx';
import {
  type AggregateDimension,
  type Aggregation,
  actorKinds,
  type Count,
  type FilterDimension,
  filtersQueryString,
  hasFilters,
  type IncidentFilters,
  type IncidentListQuery,
  SEARCH_CANDIDATES,
} from '../../search/index.ts';
import { type PortalMessage, portalMessages } from '../portal.messages.ts';
import type { IncidentSummary, Region, Taxonomy } from '../portal.schemas.ts';
import { formatCount, IncidentList, type Labels, Pagination, roundEstimate } from '../portal.views.tsx';

export const listFacets = [
  'year',
  'month',
  'region',
  'category',
  'victim_kind',
  'perpetrator_kind',
  'article',
] as const satisfies ReadonlyArray<AggregateDimension & FilterDimension>;

const facetTitles: Record<(typeof listFacets)[number], PortalMessage> = {
  year: 'facetYear',
  month: 'facetMonth',
  region: 'facetRegion',
  category: 'facetCategory',
  victim_kind: 'facetVictimKind',
  perpetrator_kind: 'facetPerpetratorKind',
  article: 'facetArticle',
};

type Option = { value: string; label: string; count: number };

function facetOptions(
  dimension: (typeof listFacets)[number],
  facets: Aggregation,
  filters: IncidentFilters,
  labels: Labels,
  taxonomy: Taxonomy,
  regions: Region[],
): Option[] {
  const counts = facets.counts.get(dimension) ?? new Map<string, number>();
  const selected = new Set(filters[dimension].map(String));
  let values: Array<readonly [string, string]>;
  switch (dimension) {
    case 'year':
    case 'month':
      values = [...new Set([...counts.keys(), ...selected])]
        .sort()
        .reverse()
        .map((value) => [value, dimension === 'month' ? formatMonth(value, labels.lang) : value] as const);
      break;
    case 'region':
      values = regions.map((region) => [region.code, labels.region(region.code)] as const);
      break;
    case 'category':
      values = taxonomy.categories
        .filter((category) => category.group !== 'legal')
        .map((category) => [category.code, labels.category(category.code)] as const);
      break;
    case 'victim_kind':
    case 'perpetrator_kind':
      values = actorKinds.map((kind) => [kind, labels.kind(kind)] as const);
      break;
    case 'article':
      values = taxonomy.legal_articles.map(
        (article) => [article.code, labels.article(article.code)] as const,
      );
      break;
  }
  const options = values
    .map(([value, label]) => ({ value, label, count: counts.get(value) ?? 0 }))
    .filter((option) => option.count > 0 || selected.has(option.value));
  if (dimension === 'year' || dimension === 'month') return options;
  return options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function FacetFieldset({
  dimension,
  options,
  filters,
  lang,
  approximate,
}: {
  dimension: (typeof listFacets)[number];
  options: Option[];
  filters: IncidentFilters;
  lang: Lang;
  approximate: boolean;
}) {
  const t = translator(portalMessages, lang);
  const selected = new Set(filters[dimension].map(String));
  if (options.length === 0) return null;
  return (
    <fieldset class="facet">
      <legend>{t(facetTitles[dimension])}</legend>
      <ul>
        {options.map((option) => {
          const id = `f-${dimension}-${option.value}`;
          const count = approximate
            ? `≈ ${formatNumber(roundEstimate(option.count), lang)}`
            : formatNumber(option.count, lang);
          return (
            <li key={option.value}>
              <input
                type="checkbox"
                id={id}
                name={dimension}
                value={option.value}
                checked={selected.has(option.value)}
              />
              <label for={id}>
                {option.label} <span class="count">({count})</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function IncidentsPage({
  frame,
  labels,
  query,
  incidents,
  total,
  pages,
  facets,
  taxonomy,
  regions,
}: {
  frame: PageFrame;
  labels: Labels;
  query: IncidentListQuery;
  incidents: IncidentSummary[];
  total: Count;
  pages: number;
  facets: Aggregation;
  taxonomy: Taxonomy;
  regions: Region[];
}) {
  const { lang } = frame;
  const t = translator(portalMessages, lang);
  const filters: IncidentFilters = query;
  const activeFilters = listFacets.reduce((sum, dimension) => sum + filters[dimension].length, 0);
  const base = `/${lang}/incidents`;
  const sortParams: Record<string, string> = query.sort === 'newest' ? {} : { sort: query.sort };
  const hrefFor = (page: number) =>
    `${base}${filtersQueryString(filters, { ...sortParams, ...(page > 1 ? { page } : {}) })}`;
  const download = (format: 'csv' | 'json') =>
    `/api/v1/incidents.${format}${filtersQueryString(filters, { lang, ...sortParams })}`;
  return (
    <Layout frame={frame}>
      <h1>{t('incidentsTitle')}</h1>
      <p>{t('incidentsIntro')}</p>
      <form method="get" action={base} class="incident-search">
        <div class="search-row">
          <div class="field">
            <label for="q">{t('searchLabel')}</label>
            <input
              type="search"
              id="q"
              name="q"
              value={query.q ?? ''}
              aria-describedby="q-hint"
              maxLength={200}
            />
            <span id="q-hint" class="hint">
              {t('searchHint')}
            </span>
          </div>
          <div class="field">
            <label for="sort">{t('sortLabel')}</label>
            <select id="sort" name="sort">
              <option value="newest" selected={query.sort === 'newest'}>
                {t('sortNewest')}
              </option>
              <option value="oldest" selected={query.sort === 'oldest'}>
                {t('sortOldest')}
              </option>
              <option value="relevance" selected={query.sort === 'relevance'}>
                {t('sortRelevance')}
              </option>
            </select>
          </div>
          <button type="submit">{t('searchButton')}</button>
        </div>
        <div class="list-layout">
          {/* Folded on a phone so that the results come first; style.css keeps it open on wider screens. */}
          <details class="filters">
            <summary>
              <h2 class="filters-heading">
                {t('filtersHeading')}
                {activeFilters > 0 ? ` (${formatNumber(activeFilters, lang)})` : ''}
              </h2>
            </summary>
            {listFacets.map((dimension) => (
              <FacetFieldset
                key={dimension}
                dimension={dimension}
                options={facetOptions(dimension, facets, filters, labels, taxonomy, regions)}
                filters={filters}
                lang={lang}
                approximate={!facets.exact}
              />
            ))}
            {[
              ...filters.group.map((group) => ['group', group]),
              ...filters.actor.map((actor) => ['actor', actor]),
            ].map(([name, value]) => (
              <input key={`${name}-${value}`} type="hidden" name={name} value={value} />
            ))}
            {filters.from ? <input type="hidden" name="from" value={filters.from} /> : null}
            {filters.to ? <input type="hidden" name="to" value={filters.to} /> : null}
            <p>
              <button type="submit">{t('applyFilters')}</button>
            </p>
            {hasFilters(filters) ? (
              <p>
                <a href={base}>{t('clearFilters')}</a>
              </p>
            ) : null}
            {!facets.exact ? <p class="hint">{t('approximateNote')}</p> : null}
          </details>
          <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">
              {t('results')}: <span class="result-count">{formatCount(total, lang)}</span>
            </h2>
            {query.q && total.value > SEARCH_CANDIDATES ? (
              <p class="hint">{t('searchCap', { n: formatNumber(SEARCH_CANDIDATES, lang) })}</p>
            ) : null}
            {incidents.length === 0 ? (
              <p>{t('noResults')}</p>
            ) : (
              <IncidentList incidents={incidents} labels={labels} />
            )}
            <Pagination lang={lang} page={query.page} pages={pages} hrefFor={hrefFor} />
            <section class="downloads" aria-labelledby="downloads-heading">
              <h2 id="downloads-heading" class="small-heading">
                {t('downloadHeading')}
              </h2>
              <ul>
                <li>
                  <a href={download('csv')} class="download-csv" download>
                    {t('downloadCsv')}
                  </a>
                </li>
                <li>
                  <a href={download('json')} class="download-json" download>
                    {t('downloadJson')}
                  </a>
                </li>
              </ul>
              <p class="hint">{t('downloadNote')}</p>
            </section>
          </section>
        </div>
      </form>
    </Layout>
  );
}
