import { describe, expect, it } from 'vitest';
import type { Fact } from './facts.ts';
import { parseReport } from './parse-report.ts';

/** A small report in our own words: a title, a publication date, and the given figure lines. */
function report(title: string, published: string, ...lines: string[]) {
  return parseReport([title, '', published, '', ...lines.flatMap((line) => [line, ''])].join('\n'));
}

const plain = (facts: Fact[]) => facts.map(({ span: _span, ...fact }) => fact);

describe('figure statements in their many phrasings', () => {
  it('a legal block with zero lines, "of them" children and a lead that only names its period', () => {
    const { facts, month } = report(
      'Freedom of speech violations in Kazakhstan, November 2019',
      '3 december 2019',
      'In November, 3 court decisions were issued in cases on protection of honour and dignity. None of them was in favour of the media.',
      'The following charges were brought against journalists and citizens:',
      '- No criminal charges.',
      '- 6 lawsuits in civil proceedings, 5 of them for protection of honour, dignity and business reputation;',
      '- 1 administrative charge.',
      'Since the beginning of the year:',
      '- 9 criminal charges (4 of them in court);',
      '- 31 lawsuits in civil proceedings.',
      'The total of claims for moral damage was KZT 14.5 million; the courts ordered the media to pay 600 thousand tenge.',
    );
    expect(month).toBe('2019-11');
    expect(plain(facts)).toEqual([
      { type: 'judicial_acts', scope: 'month', count: 3, for_media: 0 },
      { type: 'count', scope: 'month', category: 'criminal', count: 0 },
      { type: 'count', scope: 'month', category: 'civil', count: 6 },
      { type: 'count', scope: 'month', category: 'civil_honor_dignity', count: 5 },
      { type: 'count', scope: 'month', category: 'administrative', count: 1 },
      { type: 'count', scope: 'ytd', category: 'criminal', count: 9, in_court: 4 },
      { type: 'count', scope: 'ytd', category: 'civil', count: 31 },
      { type: 'money', scope: 'ytd', kind: 'claims_non_pecuniary', tenge: 14_500_000 },
      { type: 'money', scope: 'ytd', kind: 'collected_by_courts', tenge: 600_000 },
    ]);
  });

  it('an overview with "of these" and a comparison in brackets', () => {
    const { facts, format } = report(
      'Violations of freedom of speech in Kazakhstan April 2023',
      '12 may 2023',
      'In April, 30 incidents were registered. Of these, 12 concern violations of the rights of journalists and media (15 in March); 6 concern accusations against journalists and citizens over published materials; 12 relate to the right to receive and disseminate information.',
      'Among the events in April:',
      'April 4. A reporter in Taraz was not let into a press conference of the akim.',
    );
    expect(format).toBe('overview');
    expect(plain(facts)).toEqual([
      { type: 'count', scope: 'month', category: 'total', count: 30 },
      { type: 'count', scope: 'month', category: 'rights', count: 12 },
      {
        type: 'count',
        scope: 'period',
        period: { from: '2023-03', to: '2023-03' },
        category: 'rights',
        count: 15,
      },
      { type: 'count', scope: 'month', category: 'legal', count: 6 },
      { type: 'count', scope: 'month', category: 'information', count: 12 },
    ]);
  });

  it('Russian: judicial acts with the favourable ones after a dash, a year-to-date lead and a comparison with last year', () => {
    const { facts, language } = report(
      'Нарушения свободы слова в Казахстане. Июль 2022',
      '10 августа 2022',
      'В июле вынесено 7 судебных актов по делам о защите чести и достоинства, в пользу СМИ и журналистов – 3.',
      'С начала года:',
      '- 14 уголовных обвинений, из них 9 в суде;',
      '- 2 административных обвинения.',
      'С начала года зафиксировано 95 сообщений о нарушениях прав журналистов (в аналогичном периоде прошлого года – 70).',
    );
    expect(language).toBe('ru');
    expect(plain(facts)).toEqual([
      { type: 'judicial_acts', scope: 'month', count: 7, for_media: 3 },
      { type: 'count', scope: 'ytd', category: 'criminal', count: 14, in_court: 9 },
      { type: 'count', scope: 'ytd', category: 'administrative', count: 2 },
      { type: 'count', scope: 'ytd', category: 'rights', count: 95 },
      { type: 'count', scope: 'same_period_last_year', category: 'rights', count: 70 },
    ]);
  });

  it('a report covering two months takes the later one, and a wrongly labelled figure is flagged', () => {
    const parsed = report(
      'Violations of freedom of speech in Kazakhstan January-February 2021',
      '5 march 2021',
      'Claims for compensation of non-pecuniary damage in January-March amounted to 3 million tenge.',
    );
    expect(parsed.month).toBe('2021-02');
    expect(plain(parsed.facts)).toEqual([
      {
        type: 'money',
        scope: 'period',
        period: { from: '2021-01', to: '2021-03' },
        kind: 'claims_non_pecuniary',
        tenge: 3_000_000,
      },
    ]);
    expect(parsed.flags.map((flag) => flag.code)).toContain('month_label_mismatch');
  });

  it('judicial acts by instance, "of which" details, and courts that award', () => {
    const { facts } = report(
      'Violations of freedom of speech in Kazakhstan October 2019',
      '2 november 2019',
      'In October 2019, 9 judicial acts were issued in honour and dignity cases (including 2 appellate and 1 by the court of cassation). 4 of which were in favor of the media.',
      'The following charges were brought:',
      '- 5 criminal charges, 2 of which are in court.',
      'Claims for moral damage reached 12 million tenge. The courts awarded 400 thousand tenge.',
    );
    expect(plain(facts)).toEqual([
      { type: 'judicial_acts', scope: 'month', count: 9, appeal: 2, cassation: 1, for_media: 4 },
      { type: 'count', scope: 'month', category: 'criminal', count: 5, in_court: 2 },
      { type: 'money', scope: 'month', kind: 'claims_non_pecuniary', tenge: 12_000_000 },
      { type: 'money', scope: 'month', kind: 'collected_by_courts', tenge: 400_000 },
    ]);
  });

  it('takes no figure from an item narrative nor from counts of other things', () => {
    const { facts } = report(
      'Violations of freedom of speech in Kazakhstan March 2022',
      '4 april 2022',
      'It reports:',
      '- A court fined a blogger.',
      'On March 9, a court in Aktau fined blogger Nurlan Dauletov 120 thousand tenge for a post; he has 14 friends who shared it and 3 journalists covered the hearing.',
    );
    expect(facts).toEqual([]);
  });
});
