import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSharedDir, scoreArchive } from './evaluate.ts';
import { type ParsedReport, parseReport } from './parse-report.ts';
import { decodeReport } from './source-text.ts';

/**
 * The real archive excerpts in ../shared/archive (2014–2024, every format): their stated figures
 * against ../shared/archive-facts.json, their months and formats, and the items of the 2017–2022
 * excerpts, whose figures lie beyond the excerpt.
 */
const archiveDir = path.join(defaultSharedDir, 'archive');
const annotated: { reports: Array<{ file: string; month: string; facts: unknown[] }> } = JSON.parse(
  fs.readFileSync(path.join(defaultSharedDir, 'archive-facts.json'), 'utf8'),
);

function parsed(name: string): ParsedReport {
  const file = fs.readdirSync(archiveDir).find((candidate) => candidate.startsWith(name));
  if (!file) throw new Error(`no archive excerpt ${name}`);
  const decoded = decodeReport(fs.readFileSync(path.join(archiveDir, file)));
  if ('error' in decoded) throw new Error(decoded.error);
  return parseReport(decoded.text);
}

describe('the real archive excerpts', () => {
  it('states its figures with F1 >= 0.95 against archive-facts.json', () => {
    const { overall } = scoreArchive();
    expect(overall.expected).toBe(84);
    expect(overall.f1).toBeGreaterThanOrEqual(0.95);
  });

  it.each(annotated.reports.map((entry) => [path.basename(entry.file), entry.month] as const))(
    '%s is read as a report on %s, and a page of figures is never an appeal',
    (file, month) => {
      const report = parsed(file.replace(/\.txt$/, ''));
      expect(report.month).toBe(month);
      expect(report.format).not.toBe('appeal');
      expect(report.format).not.toBeNull();
    },
  );

  it('reads the yearly statistics page as a year', () => {
    const report = parsed('2019-annual');
    expect(report.format).toBe('annual');
    expect(new Set(report.facts.map((fact) => fact.scope))).toEqual(new Set(['year']));
  });
});

describe('items of the 2017–2022 excerpts keep their dates and names', () => {
  // Each row: an excerpt, and one item it must contain (date, a person, an outlet, a region).
  it.each([
    ['2017-10', { date: '2017-10', person: 'Сейтказы Матаев' }],
    ['2017-10', { date: '2017-10', person: 'Саната Урналиева', outlet: 'Азаттык' }],
    ['2017-12', { date: '2017-12-04', person: 'Seytkazy Mataev', outlet: 'KazTAG' }],
    ['2018-01', { date: '2018-01-08', person: 'Yevgeny Shultais', outlet: 'pavon.kz', region: 'pavlodar' }],
    [
      '2018-04',
      { date: '2018-04-12', person: 'Akmaral Tobylova', outlet: 'Radio Azattyk', region: 'almaty_city' },
    ],
    ['2019-07', { date: '2019-07-22', person: 'Sergey Duvanov', outlet: 'KazTAG', region: 'almaty_city' }],
    ['2022-02', { date: '2022-02', person: 'Tamara Vaal', outlet: 'Vlast' }],
    ['2022-07', { date: '2022-07-03', person: 'Makhambet Abzhan', region: 'astana' }],
    ['2022-07', { date: '2022-07-06', person: 'Dzhokhar Utebekov' }],
  ] as const)('%s: %o', (name, want: { date: string; person: string; outlet?: string; region?: string }) => {
    const report = parsed(name);
    const item = report.items.find(
      (candidate) =>
        candidate.date === want.date && candidate.people.some((person) => person.name === want.person),
    );
    expect(item, `${want.person} on ${want.date}`).toBeDefined();
    if (want.outlet) expect(item?.outlets.map((outlet) => outlet.name)).toContain(want.outlet);
    if (want.region) expect(item?.region).toBe(want.region);
  });

  it('keeps a possessive off a name ("A. Tobolova\'s brother")', () => {
    const names = parsed('2018-04').items.flatMap((item) => item.people.flatMap((person) => person.variants));
    expect(names).toContain('A. Tobolova');
    expect(names.some((name) => /['’]s$/u.test(name))).toBe(false);
  });
});
