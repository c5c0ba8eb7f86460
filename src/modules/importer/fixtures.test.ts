import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ExpectedFact, scoreFacts } from './evaluate.ts';
import { parsedReportSchema } from './importer.schemas.ts';
import { analyseReport, parseReport } from './parse-report.ts';
import { decodeReport } from './source-text.ts';

// Reports written in our own words for the formats and the language the seeds lack.
const folder = fileURLToPath(new URL('./fixtures/', import.meta.url));
type Expected = Record<string, { month: string; format: string; language: string; facts: ExpectedFact[] }>;
const expected: Expected = JSON.parse(fs.readFileSync(path.join(folder, 'expected.json'), 'utf8'));

function load(name: string) {
  const decoded = decodeReport(fs.readFileSync(path.join(folder, name)));
  if ('error' in decoded) throw new Error(decoded.error);
  return analyseReport(decoded.text);
}

describe('reports in the other formats and in Russian', () => {
  it.each(Object.entries(expected))('%s: metadata and facts', (name, want) => {
    const { report, recognised } = load(name);
    expect(recognised).toBe(true);
    expect(report).toMatchObject({ month: want.month, format: want.format, language: want.language });
    const score = scoreFacts(want.facts, report.facts);
    expect(score.missing).toEqual([]);
    expect(score.extra).toEqual([]);
    expect(parsedReportSchema.safeParse(report).success).toBe(true);
  });

  it('Digest: one item per line, with places, articles, MCI fines and dates', () => {
    const { items } = load('digest-2016-03.txt').report;
    expect(items.map((item) => item.date)).toEqual([
      '2016-03-03',
      '2016-03-09',
      '2016-03-15',
      '2016-03-21',
      '2016-03-28',
    ]);
    expect(items.map((item) => item.region)).toEqual(['zhambyl', 'kostanay', 'atyrau', 'almaty_city', null]);
    expect(items[3]?.articles.map((article) => article.code)).toEqual(['CAO-456-2']);
    expect(items[3]?.amounts).toContainEqual(expect.objectContaining({ mci: 50, kind: 'fine' }));
    expect(items[4]?.categories.map((suggestion) => suggestion.code)).toEqual(
      expect.arrayContaining(['blocking', 'cyberattack']),
    );
  });

  it('Overview: the comparison with the previous month, and no item from a themed statistic', () => {
    const { report } = load('overview-2023-06.txt');
    expect(report.facts).toContainEqual(
      expect.objectContaining({
        scope: 'period',
        period: { from: '2023-05', to: '2023-05' },
        category: 'rights',
        count: 23,
      }),
    );
    expect(report.items.map((item) => item.date)).toEqual(['2023-06-02', '2023-06-14', '2023-06-27']);
    expect(report.items[2]?.amounts).toContainEqual(expect.objectContaining({ tenge: 500_000 }));
  });

  it('tolerates escapes, typos, run-together words, a wrong month label and a name spelt two ways', () => {
    const { report } = load('it-reports-escaped-2019-05.txt');
    const codes = report.flags.map((flag) => flag.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'literal_escapes',
        'typo',
        'glued_words',
        'month_label_mismatch',
        'name_variants',
      ]),
    );
    expect(report.facts).toContainEqual(
      expect.objectContaining({
        type: 'money',
        scope: 'period',
        period: { from: '2019-01', to: '2019-03' },
        tenge: 1_500_000,
      }),
    );
    expect(report.items).toHaveLength(2);
  });

  it('flags lines that do not add up and lists that end in "and others"', () => {
    const html = load('recorded-2024-03.html').report.flags;
    expect(html.map((flag) => flag.code)).toEqual(expect.arrayContaining(['sum_mismatch', 'and_others']));
    expect(html.find((flag) => flag.message.includes('legal total'))?.message).toContain(
      '= 5, but the legal total is 4',
    );
    expect(load('ru-recorded-2024-10.txt').report.flags.map((flag) => flag.code)).toContain('and_others');
  });

  it('HTML: spans point into the text of the page', () => {
    const decoded = decodeReport(fs.readFileSync(path.join(folder, 'recorded-2024-03.html')));
    if ('error' in decoded) throw new Error(decoded.error);
    const report = parseReport(decoded.text);
    for (const fact of report.facts) {
      if (fact.type === 'count')
        expect(decoded.text.slice(...fact.span)).toMatch(new RegExp(`^${fact.count}\\b`));
    }
  });

  it('Russian items: dates, regions and people', () => {
    const { items } = load('ru-it-reports-2021-04.txt').report;
    expect(items.map((item) => [item.date, item.region])).toEqual([
      ['2021-04-14', 'west_kazakhstan'],
      ['2021-04-22', 'east_kazakhstan'],
    ]);
    expect(items[1]?.amounts).toContainEqual(expect.objectContaining({ mci: 20, kind: 'fine' }));
    expect(items[1]?.articles.map((article) => article.code)).toEqual(['CAO-456-2']);
  });

  it('guesses the format from the month when the wording is missing, and says so', () => {
    const text = [
      'Violations of freedom of speech in Kazakhstan, October 2015',
      '',
      '2 november 2015',
      '',
      '- On October 6 a reporter in Oral was pushed out of a court hall.',
    ].join('\n');
    const report = parseReport(text);
    expect(report.format).toBe('digest');
    expect(report.flags.map((flag) => flag.code)).toContain('format_guessed');
    expect(report.items[0]).toMatchObject({ date: '2015-10-06', region: 'west_kazakhstan' });
  });
});
