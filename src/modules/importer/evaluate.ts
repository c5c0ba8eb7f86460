import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Fact } from './facts.ts';
import { analyseReport } from './parse-report.ts';
import { decodeReport } from './source-text.ts';

/**
 * Scores the facts the parser extracts against the facts a person read off the same reports
 * (`../shared/seed-facts.json`). Facts match on type, scope, category or kind and value; spans are
 * ignored. Where the expected fact states a detail (for_media, appeal, in_court ...), the extracted
 * one must state the same; details the expected fact leaves out are not held against the parser.
 */
export type ExpectedFact = {
  type: 'count' | 'money' | 'judicial_acts';
  scope: string;
  category?: string;
  kind?: string;
  count?: number;
  tenge?: number;
  in_court?: number;
  for_media?: number;
  appeal?: number;
  cassation?: number;
};

export type Score = {
  expected: number;
  extracted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  missing: ExpectedFact[];
  extra: Fact[];
};

const details = ['in_court', 'for_media', 'appeal', 'cassation'] as const;

function matches(expected: ExpectedFact, fact: Fact): boolean {
  if (expected.type !== fact.type || expected.scope !== fact.scope) return false;
  if (fact.type === 'count') {
    if (expected.category !== fact.category || expected.count !== fact.count) return false;
  } else if (fact.type === 'money') {
    if (expected.kind !== fact.kind || expected.tenge !== fact.tenge) return false;
  } else if (expected.count !== fact.count) {
    return false;
  }
  const stated = fact as Partial<Record<(typeof details)[number], number>>;
  return details.every((detail) => expected[detail] === undefined || expected[detail] === stated[detail]);
}

export function scoreFacts(expected: ExpectedFact[], extracted: Fact[]): Score {
  const unmatched = [...extracted];
  const missing: ExpectedFact[] = [];
  for (const want of expected) {
    const index = unmatched.findIndex((fact) => matches(want, fact));
    if (index >= 0) unmatched.splice(index, 1);
    else missing.push(want);
  }
  const matched = expected.length - missing.length;
  return summarise(expected.length, extracted.length, matched, missing, unmatched);
}

function summarise(
  expected: number,
  extracted: number,
  matched: number,
  missing: ExpectedFact[],
  extra: Fact[],
): Score {
  // A report that states no figures, read as stating none, is read perfectly.
  const precision = extracted === 0 ? (expected === 0 ? 1 : 0) : matched / extracted;
  const recall = expected === 0 ? (extracted === 0 ? 1 : 0) : matched / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { expected, extracted, matched, precision, recall, f1, missing, extra };
}

export type SeedScore = { file: string; month: string | null; expectedMonth: string; score: Score };

type SeedFacts = { reports: Array<{ file: string; month: string; facts: ExpectedFact[] }> };

/** The shared folder beside the repository (`../shared`), where the seeds and their facts live. */
export const defaultSharedDir = fileURLToPath(new URL('../../../../shared/', import.meta.url));

type Annotated = { file: string; month: string; facts: ExpectedFact[] };

/** Parses each annotated report (paths relative to `baseDir`) and scores it, with the total over all facts. */
export function scoreReports(
  annotated: readonly Annotated[],
  baseDir: string,
): { rows: SeedScore[]; overall: Score } {
  const rows = annotated.map((entry) => {
    const decoded = decodeReport(fs.readFileSync(path.join(baseDir, entry.file)));
    if ('error' in decoded) throw new Error(`${entry.file}: ${decoded.error}`);
    const report = analyseReport(decoded.text).report;
    return {
      file: entry.file,
      month: report.month,
      expectedMonth: entry.month,
      score: scoreFacts(entry.facts, report.facts),
    };
  });
  const sum = (pick: (score: Score) => number) => rows.reduce((total, row) => total + pick(row.score), 0);
  const overall = summarise(
    sum((score) => score.expected),
    sum((score) => score.extracted),
    sum((score) => score.matched),
    rows.flatMap((row) => row.score.missing),
    rows.flatMap((row) => row.score.extra),
  );
  return { rows, overall };
}

/** The seed reports against `seed-facts.json`. */
export function scoreSeeds(sharedDir: string = defaultSharedDir): { rows: SeedScore[]; overall: Score } {
  const seedFacts: SeedFacts = JSON.parse(fs.readFileSync(path.join(sharedDir, 'seed-facts.json'), 'utf8'));
  return scoreReports(seedFacts.reports, sharedDir);
}

/** The real archive excerpts (`../shared/archive`) against `archive-facts.json`. */
export function scoreArchive(sharedDir: string = defaultSharedDir): { rows: SeedScore[]; overall: Score } {
  const archiveFacts: SeedFacts = JSON.parse(
    fs.readFileSync(path.join(sharedDir, 'archive-facts.json'), 'utf8'),
  );
  return scoreReports(archiveFacts.reports, sharedDir);
}

const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The reports written in our own words (fixtures/) against fixtures/expected.json. */
export function scoreFixtures(): { rows: SeedScore[]; overall: Score } {
  const expected: Record<string, Omit<Annotated, 'file'>> = JSON.parse(
    fs.readFileSync(path.join(fixturesDir, 'expected.json'), 'utf8'),
  );
  return scoreReports(
    Object.entries(expected).map(([file, entry]) => ({ file, month: entry.month, facts: entry.facts })),
    fixturesDir,
  );
}

export function formatScoreTable(rows: SeedScore[], overall: Score): string {
  const header = ['report', 'month', 'expected', 'extracted', 'matched', 'precision', 'recall', 'F1'];
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(44) : cell.padStart(9))).join(' ');
  const number = (value: number) => value.toFixed(3);
  const out = [line(header)];
  for (const row of rows) {
    const month =
      row.month === row.expectedMonth ? (row.month ?? '-') : `${row.month ?? '-'}≠${row.expectedMonth}`;
    const { score } = row;
    out.push(
      line([
        shortName(path.basename(row.file)),
        month,
        `${score.expected}`,
        `${score.extracted}`,
        `${score.matched}`,
        number(score.precision),
        number(score.recall),
        number(score.f1),
      ]),
    );
  }
  out.push(
    line([
      'overall',
      '',
      `${overall.expected}`,
      `${overall.extracted}`,
      `${overall.matched}`,
      number(overall.precision),
      number(overall.recall),
      number(overall.f1),
    ]),
  );
  for (const missing of overall.missing) out.push(`missing: ${JSON.stringify(missing)}`);
  for (const extra of overall.extra) {
    const { span: _span, ...fact } = extra;
    out.push(`extra:   ${JSON.stringify(fact)}`);
  }
  return out.join('\n');
}

/** Long archive names ("2024-07_violations-of-freedom-of-speech-in-kazakhstan-july-2024.txt") cut to fit the table. */
function shortName(name: string): string {
  return name.length <= 44 ? name : `${name.slice(0, 41)}...`;
}
