import { describe, expect, it } from 'vitest';
import { compareWithLastYear, describeComparison } from './comparison.ts';

describe('rule 8: comparison with the same period last year', () => {
  it.each([
    [9, 7, { kind: 'times_more', times: 1.2 }],
    [11, 10, { kind: 'times_more', times: 1.1 }],
    [33, 30, { kind: 'times_more', times: 1.1 }],
    [82, 55, { kind: 'times_more', times: 1.4 }],
    [20, 10, { kind: 'times_more', times: 2 }],
    [109, 100, { kind: 'almost_unchanged' }],
    [100, 100, { kind: 'almost_unchanged' }],
    [91, 100, { kind: 'almost_unchanged' }],
    [9, 10, { kind: 'percent_less', percent: 10 }],
    [4, 6, { kind: 'percent_less', percent: 33 }],
    [0, 5, { kind: 'percent_less', percent: 100 }],
    [5, 0, { kind: 'none' }],
    [0, 0, { kind: 'none' }],
  ])('%i against %i', (current, lastYear, expected) => {
    expect(compareWithLastYear(current, lastYear)).toEqual(expected);
  });

  it('says it in each language, with Russian number agreement', () => {
    expect(describeComparison(compareWithLastYear(9, 7), 'en')).toBe('1.2 times more');
    expect(describeComparison(compareWithLastYear(9, 7), 'ru')).toBe('в 1,2 раза больше');
    expect(describeComparison(compareWithLastYear(9, 7), 'kk')).toBe('1,2 есе көп');
    expect(describeComparison(compareWithLastYear(20, 10), 'ru')).toBe('в 2 раза больше');
    expect(describeComparison(compareWithLastYear(50, 10), 'ru')).toBe('в 5 раз больше');
    expect(describeComparison(compareWithLastYear(210, 10), 'ru')).toBe('в 21 раз больше');
    expect(describeComparison(compareWithLastYear(4, 6), 'en')).toBe('33% less');
    expect(describeComparison(compareWithLastYear(4, 6), 'ru')).toBe('на 33% меньше');
    expect(describeComparison(compareWithLastYear(4, 6), 'kk')).toBe('33% аз');
    expect(describeComparison(compareWithLastYear(10, 10), 'en')).toBe('almost unchanged');
    expect(describeComparison(compareWithLastYear(10, 0), 'en')).toBe('');
  });
});
