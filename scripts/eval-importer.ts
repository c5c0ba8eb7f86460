/**
 * npm run eval:importer: scores the facts the importer extracts from ../shared/seeds/ against
 * ../shared/seed-facts.json (precision, recall and F1 per report and overall), then measures the
 * parse speed; the fixtures written in our own words are scored the same way. Exits non-zero when an
 * overall F1 is below 1.
 */
import {
  benchParseReports,
  formatScoreTable,
  scoreFixtures,
  scoreSeeds,
} from '../src/modules/importer/index.ts';

const { rows, overall } = scoreSeeds();
process.stdout.write(
  `Seed reports (../shared/seeds against ../shared/seed-facts.json)\n${formatScoreTable(rows, overall)}\n\n`,
);
const fixtures = scoreFixtures();
process.stdout.write(
  `Reports written in our own words (src/modules/importer/fixtures)\n${formatScoreTable(fixtures.rows, fixtures.overall)}\n\n`,
);
const bench = benchParseReports();
process.stdout.write(
  `parse speed: ${bench.reportsPerSecond} reports/s wall-clock (${bench.cpuReportsPerSecond}/s of CPU time), ${bench.megabytesPerSecond} MB/s; ${bench.parses} parses of ${bench.reports} seed reports in ${bench.milliseconds} ms\n`,
);
if (overall.f1 < 1 || fixtures.overall.f1 < 1) process.exitCode = 1;
