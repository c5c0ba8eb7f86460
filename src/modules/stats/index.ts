export { type Comparison, compareWithLastYear, describeComparison } from './comparison.ts';
export {
  computeStats,
  countingMonth,
  type FigureRef,
  type ScopeFigures,
  type StatsJson,
  type TaxonomyCategory,
} from './counting.ts';
export { addMonths, monthsBetween, parseMonth, type ScopeName, scopeNames, scopePeriod } from './periods.ts';
export { loadLabels as loadFigureLabels, loadTaxonomy } from './stats.repo.ts';
export { figureName } from './stats.routes.tsx';
export {
  computeMonthlySeries,
  computeMonthStats,
  listRecordsBehind,
  type MonthlySeriesPoint,
  type PublicCaseRecord,
  type PublicIncidentRecord,
  type RecordsBehindFigure,
} from './stats.service.ts';
