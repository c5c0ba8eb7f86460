import { translator } from '../../../i18n/define.ts';
import { formatMonth } from '../../../i18n/format.ts';
import { type BarItem, BarTable, ColumnChart, type Series } from '../../../web/charts/charts.tsx';
import { type MapTile, TileMap } from '../../../web/charts/tile-map.tsx';
import { Layout, type PageFrame } from '../../../web/layout.tsx';
import { filtersQueryString, hasFilters, type IncidentFilters } from '../../search/index.ts';
import { portalMessages } from '../portal.messages.ts';
import type { Region, Taxonomy } from '../portal.schemas.ts';
import { type Labels, monthName } from '../portal.views.tsx';
import { HistoricRegions } from './regions.tsx';

export type MonthSeries = { months: string[]; series: Series[] };

/** Short axis labels: the month's number, and the year under each January and the first column. */
export function monthAxisLabels(months: string[]): string[] {
  const every = months.length > 12 ? 3 : 1;
  return months.map((month, index) => {
    if (index % every !== 0) return '';
    const [year, number] = month.split('-');
    return index === 0 || number === '01' ? `${number}/${year?.slice(2)}` : (number ?? '');
  });
}

export function StatisticsPage({
  frame,
  labels,
  filters,
  years,
  taxonomy,
  regions,
  months,
  legalShown,
  categories,
  tiles,
  regionCounts,
  regionItems,
  comparison,
  approximate,
}: {
  frame: PageFrame;
  labels: Labels;
  filters: IncidentFilters;
  years: string[];
  taxonomy: Taxonomy;
  regions: Region[];
  months: MonthSeries;
  legalShown: boolean;
  categories: BarItem[];
  tiles: MapTile[];
  regionCounts: Map<string, number>;
  regionItems: BarItem[];
  comparison: { year: number; months: string[]; series: Series[] } | null;
  approximate: boolean;
}) {
  const { lang } = frame;
  const t = translator(portalMessages, lang);
  const base = `/${lang}/statistics`;
  const listHref = `/${lang}/incidents${filtersQueryString(filters)}`;
  const monthNames = (list: string[]) => list.map((month) => formatMonth(month, lang));
  return (
    <Layout frame={frame}>
      <h1>{t('statisticsTitle')}</h1>
      <p>{t('statisticsIntro')}</p>
      <form method="get" action={base} class="filter-row">
        <div class="field">
          <label for="stat-year">{t('facetYear')}</label>
          <select id="stat-year" name="year">
            <option value="">—</option>
            {years.map((year) => (
              <option key={year} value={year} selected={filters.year.map(String).includes(year)}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="stat-region">{t('facetRegion')}</label>
          <select id="stat-region" name="region">
            <option value="">—</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code} selected={filters.region.includes(region.code)}>
                {labels.region(region.code)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="stat-category">{t('facetCategory')}</label>
          <select id="stat-category" name="category">
            <option value="">—</option>
            {taxonomy.categories
              .filter((category) => category.group === 'rights' || category.group === 'information')
              .map((category) => (
                <option
                  key={category.code}
                  value={category.code}
                  selected={filters.category.includes(category.code)}
                >
                  {labels.category(category.code)}
                </option>
              ))}
          </select>
        </div>
        <button type="submit">{t('show')}</button>
        {hasFilters(filters) ? <a href={base}>{t('clearFilters')}</a> : null}
      </form>
      <p>
        <a href={listHref}>{t('figuresOpen')}</a>
      </p>
      {approximate ? <p class="hint">{t('approximateNote')}</p> : null}
      <section aria-labelledby="chart-months" class="chart-section">
        <h2 id="chart-months">{t('chartMonths')}</h2>
        <ColumnChart
          lang={lang}
          title={t('chartMonths')}
          labels={monthNames(months.months)}
          axisLabels={monthAxisLabels(months.months)}
          series={months.series}
          layout="stacked"
          columnHeader={t('monthColumn')}
        />
        {!legalShown ? <p class="hint">{t('legalNotFiltered')}</p> : null}
      </section>
      <section aria-labelledby="chart-categories" class="chart-section">
        <h2 id="chart-categories">{t('chartCategories')}</h2>
        <BarTable
          lang={lang}
          title={t('chartCategories')}
          nameHeader={t('categoryColumn')}
          valueHeader={t('incidentsColumn')}
          items={categories}
          approximate={approximate}
        />
      </section>
      <section aria-labelledby="chart-regions" class="chart-section">
        <h2 id="chart-regions">{t('chartRegions')}</h2>
        <TileMap lang={lang} title={t('chartRegions')} tiles={tiles} />
        <HistoricRegions
          regions={regions}
          counts={regionCounts}
          labels={labels}
          hrefFor={(code) => `/${lang}/incidents${filtersQueryString({ ...filters, region: [code] })}`}
        />
        <BarTable
          lang={lang}
          title={t('chartRegions')}
          nameHeader={t('regionColumn')}
          valueHeader={t('incidentsColumn')}
          items={regionItems}
          approximate={approximate}
        />
      </section>
      {comparison ? (
        <section aria-labelledby="chart-years" class="chart-section">
          <h2 id="chart-years">
            {t('chartYears', { year: comparison.year, previous: comparison.year - 1 })}
          </h2>
          <ColumnChart
            lang={lang}
            title={t('chartYears', { year: comparison.year, previous: comparison.year - 1 })}
            labels={comparison.months.map((month) => monthName(month, lang))}
            axisLabels={comparison.months}
            series={comparison.series}
            layout="grouped"
            columnHeader={t('monthColumn')}
          />
        </section>
      ) : null}
    </Layout>
  );
}
