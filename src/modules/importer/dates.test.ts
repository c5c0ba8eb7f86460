import { describe, expect, it } from 'vitest';
import { datedLabel, findDates, resolveYear } from './dates.ts';

const first = (text: string, reportMonth: string) => findDates(text, reportMonth)[0];

describe('dates in an item, resolved against the report month', () => {
  it.each([
    ['On September 25 the police came', '2020-09', '2020-09-25', undefined],
    ['May 10. A judge ruled', '2024-05', '2024-05-10', undefined],
    ['on 19-21.05.2018 a forum took place', '2018-05', '2018-05-19', '2018-05-21'],
    ['On May 15-16, hundreds gathered', '2024-05', '2024-05-15', '2024-05-16'],
    ['articles of February 1 and 8', '2018-02', '2018-02-01', '2018-02-08'],
    ['since the case was opened on December 12, 2023', '2024-05', '2023-12-12', undefined],
    ['published on 3rd of March', '2016-03', '2016-03-03', undefined],
    ['it happened on March 3rd', '2016-03', '2016-03-03', undefined],
    ['25 сентября полицейские задержали', '2020-09', '2020-09-25', undefined],
    ['19–21 мая прошёл форум', '2018-05', '2018-05-19', '2018-05-21'],
    ['10 мая. Суд вынес решение', '2024-05', '2024-05-10', undefined],
    ['решение от 25.09.2020 года', '2020-09', '2020-09-25', undefined],
    ['on 2021-04-14 the court', '2021-04', '2021-04-14', undefined],
    ['1 september 2020', '2020-09', '2020-09-01', undefined],
  ])('%s', (text, reportMonth, date, until) => {
    const found = first(text, reportMonth);
    expect(found?.date).toBe(date);
    expect(found?.precision).toBe('day');
    expect(found?.until).toBe(until);
    expect(found ? text.slice(found.start, found.end).length : 0).toBeGreaterThan(0);
  });

  it.each([
    ['At the end of February, she filed a suit', '2018-02', '2018-02'],
    ['In early May investigators changed the charge', '2024-05', '2024-05'],
    ['в конце февраля она подала иск', '2018-02', '2018-02'],
    ['the report for May 2024', '2024-07', '2024-05'],
  ])('month only: %s', (text, reportMonth, month) => {
    const found = first(text, reportMonth);
    expect(found).toMatchObject({ date: month, precision: 'month' });
  });

  it('takes the year of a date without one from the report, across the turn of the year', () => {
    expect(resolveYear(12, undefined, '2020-01')).toBe(2019);
    expect(resolveYear(1, undefined, '2020-12')).toBe(2021);
    expect(resolveYear(6, undefined, '2020-09')).toBe(2020);
    expect(resolveYear(10, undefined, '2020-09')).toBe(2020);
    expect(resolveYear(3, 2016, '2020-09')).toBe(2016);
  });

  it('does not read the verb "may" or impossible days as dates', () => {
    expect(findDates('this data may be restricted, 12 may change', '2024-05')).toEqual([]);
    expect(findDates('on February 30 nothing happened', '2024-02')).toEqual([]);
    expect(findDates('Article 456-2 and 14 friends', '2024-02')).toEqual([]);
  });

  it('recognises a date label at the start of a paragraph only', () => {
    expect(datedLabel.test('May 10. The editor said')).toBe(true);
    expect(datedLabel.test('10 мая. Редактор сказал')).toBe(true);
    expect(datedLabel.test('19-21.05.2018 – a forum')).toBe(true);
    expect(datedLabel.test('On May 10 the editor said')).toBe(false);
    expect(datedLabel.test('14 апреля сотрудники полиции')).toBe(false);
  });
});
