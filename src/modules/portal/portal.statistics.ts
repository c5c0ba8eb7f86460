import type { Db } from '../../db/client.ts';
import type { BarItem, Series } from '../../web/charts/charts.tsx';
import type { MapTile } from '../../web/charts/tile-map.tsx';
import {
  aggregateIncidents,
  emptyFilters,
  filtersQueryString,
  hasFilters,
  type IncidentFilters,
  prepareSearch,
} from '../search/index.ts';
import { addMonths, computeMonthlySeries, type MonthlySeriesPoint, monthsBetween } from '../stats/index.ts';
import { groupSeries } from './pages/home.tsx';
import { regionTiles } from './pages/regions.tsx';
import type { MonthSeries } from './pages/statistics.tsx';
import { latestCountedMonth } from './portal.figures.ts';
import type { Region, Taxonomy } from './portal.schemas.ts';
import type { Labels } from './portal.views.tsx';

export type StatisticsData = {
  years: string[];
  months: MonthSeries;
  legalShown: boolean;
  categories: BarItem[];
  tiles: MapTile[];
  regionCounts: Map<string, number>;
  regionItems: BarItem[];
  comparison: { year: number; months: string[]; series: Series[] } | null;
  approximate: boolean;
};

/**
 * The figures of the statistics page under one filter, all through the same aggregation as the
 * list's facets (so a bar and the list it links to agree). New legal cases come from the cases and
 * are shown only when the filter has nothing but years.
 */
export async function statisticsData(
  db: Db,
  filters: IncidentFilters,
  context: { labels: Labels; taxonomy: Taxonomy; regions: Region[]; today: Date },
): Promise<StatisticsData> {
  const { labels, taxonomy, regions } = context;
  const { lang } = labels;
  const [search, everything, latest] = await Promise.all([
    prepareSearch(db, filters),
    prepareSearch(db, emptyFilters()),
    latestCountedMonth(db, context.today),
  ]);
  const chosenYears = [...filters.year].sort((a, b) => a - b);
  const lastYear = chosenYears.at(-1) ?? Number((latest ?? context.today.toISOString()).slice(0, 4));
  const range: [string, string] =
    chosenYears.length > 0
      ? [`${chosenYears[0]}-01`, `${lastYear}-12`]
      : latest
        ? [addMonths(latest, -23), latest]
        : [`${lastYear}-01`, `${lastYear}-12`];
  const comparisonSearch = { ...search, filters: { ...filters, year: [lastYear - 1, lastYear], month: [] } };
  const legalShown = !hasFilters({ ...filters, year: [] });
  const [aggregation, allYears, comparison, legal] = await Promise.all([
    aggregateIncidents(db, search, ['month_group', 'category', 'region']),
    aggregateIncidents(db, everything, ['year']),
    aggregateIncidents(db, comparisonSearch, ['month']),
    legalShown ? computeMonthlySeries(db, range[0], range[1]) : Promise.resolve(null),
  ]);

  const months = monthsBetween(range[0], range[1]);
  const monthGroups = aggregation.counts.get('month_group') ?? new Map<string, number>();
  const figures: MonthlySeriesPoint[] = months.map((month, index) => {
    const rights = monthGroups.get(`${month}:rights`) ?? 0;
    const information = monthGroups.get(`${month}:information`) ?? 0;
    const legalCount = legal?.[index]?.legal ?? 0;
    return { month, rights, information, legal: legalCount, total: rights + information + legalCount };
  });

  const listHref = (extra: Partial<IncidentFilters>) =>
    `/${lang}/incidents${filtersQueryString({ ...filters, ...extra })}`;
  const categoryCounts = aggregation.counts.get('category') ?? new Map<string, number>();
  const categories = taxonomy.categories
    .filter((category) => category.group === 'rights' || category.group === 'information')
    .map((category) => ({
      key: category.code,
      label: labels.category(category.code),
      value: categoryCounts.get(category.code) ?? 0,
      href: listHref({ category: [category.code] }),
    }));
  const regionCounts = aggregation.counts.get('region') ?? new Map<string, number>();
  const regionItems = regions
    .filter((region) => region.tile || (regionCounts.get(region.code) ?? 0) > 0)
    .map((region) => ({
      key: region.code,
      label: labels.region(region.code),
      value: regionCounts.get(region.code) ?? 0,
      href: listHref({ region: [region.code] }),
    }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));

  const monthCounts = comparison.counts.get('month') ?? new Map<string, number>();
  const monthNumbers = Array.from({ length: 12 }, (_, index) => String(index + 1).padStart(2, '0'));
  const comparisonSeries: Series[] = [lastYear, lastYear - 1].map((year) => ({
    key: String(year),
    label: String(year),
    values: monthNumbers.map((number) => monthCounts.get(`${year}-${number}`) ?? 0),
  }));

  return {
    years: [...(allYears.counts.get('year') ?? new Map<string, number>()).keys()].sort().reverse(),
    months: { months, series: groupSeries(figures, lang, legalShown) },
    legalShown,
    categories,
    tiles: regionTiles(regions, regionCounts, labels),
    regionCounts,
    regionItems,
    comparison: { year: lastYear, months: monthNumbers, series: comparisonSeries },
    approximate: !aggregation.exact || !comparison.exact,
  };
}
