import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSharedDir, type ExpectedFact, scoreFacts, scoreSeeds } from './evaluate.ts';
import { parsedReportSchema } from './importer.schemas.ts';
import { analyseReport } from './parse-report.ts';

// The four real reports in ../shared/seeds/ are read from there, never copied into the repository.
type SeedFacts = { reports: Array<{ file: string; month: string; facts: ExpectedFact[] }> };
const seedFacts: SeedFacts = JSON.parse(
  fs.readFileSync(path.join(defaultSharedDir, 'seed-facts.json'), 'utf8'),
);
const read = (file: string) => fs.readFileSync(path.join(defaultSharedDir, file), 'utf8');
const parsed = new Map(seedFacts.reports.map((seed) => [seed.file, analyseReport(read(seed.file))]));
const analysis = (prefix: string) => {
  const found = [...parsed.entries()].find(([file]) => path.basename(file).startsWith(prefix));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found[1];
};

describe('the seed reports', () => {
  it.each(seedFacts.reports.map((seed) => [path.basename(seed.file), seed] as const))(
    '%s: states exactly the facts a reader finds in it',
    (_name, seed) => {
      const { report } = parsed.get(seed.file) ?? analysis('none');
      expect(report.month).toBe(seed.month);
      const score = scoreFacts(seed.facts, report.facts);
      expect(score.missing).toEqual([]);
      expect(score.extra).toEqual([]);
      expect(score.f1).toBe(1);
    },
  );

  it('scores F1 = 1 overall', () => {
    expect(scoreSeeds().overall.f1).toBe(1);
  });

  it('gives every fact a span over the words that state it', () => {
    for (const [file, { report, text }] of parsed) {
      for (const fact of report.facts) {
        const stated = text.slice(fact.span[0], fact.span[1]);
        expect(stated.length, `${file} ${JSON.stringify(fact)}`).toBeGreaterThan(0);
        if (fact.type !== 'money' && fact.count >= 3) {
          // the count is written in digits or in words at the start of its span
          expect(/^\d/.test(stated) ? stated.startsWith(String(fact.count)) : /^\p{L}/u.test(stated)).toBe(
            true,
          );
        }
        if (fact.type === 'money') expect(stated).toMatch(/tenge|тенге/i);
      }
    }
  });

  it('reads the extra details of the legal block and the judicial acts', () => {
    const september = analysis('000').report.facts;
    expect(september).toContainEqual(
      expect.objectContaining({ scope: 'month', category: 'criminal', count: 4, in_court: 0 }),
    );
    expect(september).toContainEqual(
      expect.objectContaining({ scope: 'ytd', category: 'criminal', count: 44, in_court: 12 }),
    );
    const february = analysis('001').report.facts;
    expect(february).toContainEqual(
      expect.objectContaining({ type: 'judicial_acts', count: 5, appeal: 1, for_media: 3 }),
    );
    expect(february).toContainEqual(
      expect.objectContaining({ type: 'money', scope: 'period', period: { from: '2018-01', to: '2018-02' } }),
    );
  });

  it('reads the metadata of each report', () => {
    expect(analysis('000').report).toMatchObject({
      month: '2020-09',
      published: '2020-09-01',
      language: 'en',
      format: 'it_reports',
    });
    expect(analysis('001').report).toMatchObject({
      month: '2018-02',
      published: '2018-02-01',
      format: 'it_reports',
    });
    expect(analysis('002').report).toMatchObject({
      month: '2024-05',
      published: '2024-07-16',
      format: 'recorded',
    });
    expect(analysis('003').report).toMatchObject({
      month: '2019-03',
      published: '2019-03-29',
      format: 'appeal',
    });
    for (const { report } of parsed.values()) expect(parsedReportSchema.safeParse(report).success).toBe(true);
  });

  it('splits each report into its items, dated close to the report month', () => {
    const counts = ['000', '001', '002', '003'].map((prefix) => analysis(prefix).report.items.length);
    expect(counts).toEqual([5, 4, 13, 9]);
    for (const { report } of parsed.values()) {
      const month = report.month ?? '';
      let previousEnd = -1;
      for (const item of report.items) {
        expect(item.span[0]).toBeGreaterThan(previousEnd);
        previousEnd = item.span[1];
        const monthsAway = monthsBetween(item.date.slice(0, 7), month);
        expect(Math.abs(monthsAway), `${item.title} ${item.date}`).toBeLessThanOrEqual(3);
        expect(item.categories.length).toBeGreaterThan(0);
      }
      // A monthly report is about its month; an appeal gathers events of several months.
      const inMonth = report.items.filter((item) => item.date.startsWith(month)).length;
      if (report.format !== 'appeal') expect(inMonth / report.items.length).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('resolves places, people, articles and amounts in the items', () => {
    const september = analysis('000').report.items;
    expect(september[1]).toMatchObject({ date: '2020-09-25', region: 'east_kazakhstan' });
    expect(september[1]?.people.map((person) => person.name)).toContain('Khadisha Akayeva');
    const may = analysis('002').report.items;
    const trial = may.find((item) => item.articles.some((article) => article.code === 'CAO-456-2'));
    expect(trial?.amounts).toContainEqual(expect.objectContaining({ tenge: 73_840, kind: 'fine' }));
    expect(trial?.region).toBe('almaty_city');
    const requalified = may.find((item) => item.articles.some((article) => article.code === 'CC-419'));
    expect(requalified?.articles.map((article) => article.code)).toEqual(['CC-419', 'CC-274']);
    const appeal = analysis('003').report.items;
    expect(appeal[1]?.date).toBe(appeal[0]?.date);
    expect(appeal[3]?.amounts).toContainEqual(expect.objectContaining({ mci: 20, kind: 'fine' }));
  });

  it('flags what it tolerated', () => {
    const codes = (prefix: string) => analysis(prefix).report.flags.map((flag) => flag.code);
    expect(codes('000')).toContain('typo');
    expect(codes('001')).toEqual(
      expect.arrayContaining(['glued_words', 'name_variants', 'ambiguous_figure']),
    );
    expect(
      analysis('001')
        .report.flags.filter((flag) => flag.code === 'name_variants')
        .map((flag) => flag.message),
    ).toContainEqual(expect.stringMatching(/Kaydarova.*Kaidarova|Kaidarova.*Kaydarova/));
    expect(codes('002')).toContain('sum_mismatch');
    expect(codes('003')).toContain('name_variants');
  });
});

function monthsBetween(from: string, to: string): number {
  const [fromYear = 0, fromMonth = 0] = from.split('-').map(Number);
  const [toYear = 0, toMonth = 0] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + toMonth - fromMonth;
}
