/**
 * npm run eval:importer: scores the facts the importer extracts against the facts a person read off
 * the same reports (precision, recall and F1 per report and overall): the seeds (../shared/seeds
 * against seed-facts.json), the real archive excerpts (../shared/archive against archive-facts.json)
 * and the reports written in our own words; then measures the parse speed. Exits non-zero when the
 * seeds or our own reports score below 1, or the archive below 0.95.
 */
import {
  benchParseReports,
  formatScoreTable,
  scoreArchive,
  scoreFixtures,
  scoreSeeds,
} from '../src/modules/importer/index.ts';

const goals = { seeds: 1, archive: 0.95, fixtures: 1 };

const seeds = scoreSeeds();
process.stdout.write(
  `Seed reports (../shared/seeds against ../shared/seed-facts.json), goal F1 = ${goals.seeds}\n${formatScoreTable(seeds.rows, seeds.overall)}\n\n`,
);
const archive = scoreArchive();
process.stdout.write(
  `Real archive excerpts (../shared/archive against ../shared/archive-facts.json), goal F1 >= ${goals.archive}\n${formatScoreTable(archive.rows, archive.overall)}\n\n`,
);
const fixtures = scoreFixtures();
process.stdout.write(
  `Reports written in our own words (src/modules/importer/fixtures), goal F1 = ${goals.fixtures}\n${formatScoreTable(fixtures.rows, fixtures.overall)}\n\n`,
);
const total = [seeds, archive, fixtures].reduce(
  (sum, { overall }) => ({
    expected: sum.expected + overall.expected,
    extracted: sum.extracted + overall.extracted,
    matched: sum.matched + overall.matched,
  }),
  { expected: 0, extracted: 0, matched: 0 },
);
const precision = total.matched / total.extracted;
const recall = total.matched / total.expected;
process.stdout.write(
  `all reports: ${total.expected} expected, ${total.extracted} extracted, ${total.matched} matched; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${((2 * precision * recall) / (precision + recall)).toFixed(3)}\n\n`,
);
const bench = benchParseReports();
process.stdout.write(
  `parse speed: ${bench.reportsPerSecond} reports/s wall-clock (${bench.cpuReportsPerSecond}/s of CPU time), ${bench.megabytesPerSecond} MB/s; ${bench.parses} parses of ${bench.reports} seed reports in ${bench.milliseconds} ms\n`,
);
if (
  seeds.overall.f1 < goals.seeds ||
  archive.overall.f1 < goals.archive ||
  fixtures.overall.f1 < goals.fixtures
)
  process.exitCode = 1;
