export { type FoundArticle, findArticles } from './articles.ts';
export { benchParseReports, type ParseBench } from './bench.ts';
export {
  type CategoryCode,
  groupOfCategory,
  type Suggestion,
  suggestCategories,
} from './categories.ts';
export { type FoundPerson, findPeople } from './entities.ts';
export {
  type ExpectedFact,
  formatScoreTable,
  type Score,
  scoreArchive,
  scoreFacts,
  scoreFixtures,
  scoreSeeds,
} from './evaluate.ts';
export type { Fact, FactScope, MoneyKind } from './facts.ts';
export { runImportReport, runParseReport } from './importer.cli.ts';
export { type MonthFigures, monthFiguresSchema, parsedReportSchema } from './importer.schemas.ts';
export {
  type ComputeFigures,
  draftId,
  type ImportedReport,
  importReports,
  type ReportToImport,
} from './importer.service.ts';
export { nameKey } from './names.ts';
export { parseAmount, parseCount, parseDigits } from './numbers.ts';
export {
  analyseReport,
  type ParsedItem,
  type ParsedReport,
  parseReport,
  parseReportFile,
  readReportFile,
} from './parse-report.ts';
export { type FoundPlace, findPlaces } from './places.ts';
export { type ReconciliationRow, reconcileFacts } from './reconcile.ts';
