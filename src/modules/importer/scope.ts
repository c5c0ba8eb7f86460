import { B, E, MONTH, monthKey, monthNumber, re } from './patterns.ts';
import type { ReportFlag } from './report-flags.ts';

/**
 * The period a figure speaks of: the report's month, the year to date, the same period of last
 * year, a whole year, or another labelled period ("January-March"), as a sentence names it.
 */
export type FactScope = 'month' | 'ytd' | 'same_period_last_year' | 'year' | 'period';
export type Period = { from: string; to: string };
export type ScopeMark = { scope: FactScope; period?: Period };

const ytdPattern = re(
  `since the (?:beginning|start) of (?:the |this )?(?:year|\\d{4})|from the (?:beginning|start) of (?:the |this )?year|year[- ]to[- ]date|since january|с начала (?:\\d{4}\\s+)?(?:года|текущего года|\\d{4})|с начала года|с января|жыл басынан`,
);
const firstMonthsPattern = re(
  `(?:in|over|for|during) the first (\\p{L}+|\\d+) months(?: of (\\d{4}))?|за (?:первые )?(\\p{L}+|\\d+) месяц\\p{L}*(?: (\\d{4}))?`,
);
const rangePattern = re(
  `${B}(?:from\\s+|с\\s+)?(${MONTH})\\s*(?:[-–—]|\\s+to\\s+|\\s+through\\s+|\\s+по\\s+)\\s*(${MONTH})(?:\\s+(\\d{4}))?`,
);
export const samePeriodPattern = re(
  `same period (?:of |in )?(?:the )?(?:last|previous|prior) year|same period (?:of |in )?\\d{4}|last year's same period|аналогичн\\p{L}* период\\p{L}* (?:прошлого|предыдущего|\\d{4}) года|(?:тот же|этот же) период прошлого года`,
);
const monthPattern = re(`${B}(?:in|during|for|в|во|за)\\s+(${MONTH})(?:\\s+(\\d{4}))?`);
const yearPattern = re(
  `${B}(?:in|during|for|в|за)\\s+(\\d{4})(?:\\s+(?:год\\p{L}*|году))?${E}(?!\\s*${MONTH})`,
);

const wordNumbers: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  двух: 2,
  два: 2,
  трех: 3,
  трёх: 3,
  три: 3,
  четырех: 4,
  четырёх: 4,
  пяти: 5,
  пять: 5,
  шести: 6,
  семи: 7,
  восьми: 8,
  девяти: 9,
  десяти: 10,
  одиннадцати: 11,
  двенадцати: 12,
};

function yearOfReport(reportMonth: string): number {
  return Number(reportMonth.slice(0, 4));
}

/** The scope a sentence names for its figures, or null when it names none. */
export function explicitScope(text: string, reportMonth: string, flags?: ReportFlag[]): ScopeMark | null {
  if (ytdPattern.test(text)) return { scope: 'ytd' };
  const first = firstMonthsPattern.exec(text);
  if (first) {
    const raw = (first[1] ?? first[3] ?? '').toLowerCase();
    const months = /^\d+$/.test(raw) ? Number(raw) : wordNumbers[raw];
    const year = Number(first[2] ?? first[4] ?? yearOfReport(reportMonth));
    if (months && months >= 1 && months <= 12) {
      const to = monthKey(year, months);
      return to === reportMonth
        ? { scope: 'ytd' }
        : { scope: 'period', period: { from: monthKey(year, 1), to } };
    }
  }
  const range = rangePattern.exec(text);
  if (range) {
    const from = monthNumber(range[1] ?? '');
    const to = monthNumber(range[2] ?? '');
    if (from && to && from <= to) {
      const year = Number(range[3] ?? yearOfReport(reportMonth));
      const period = { from: monthKey(year, from), to: monthKey(year, to) };
      if (period.to !== reportMonth) {
        flags?.push({
          code: 'month_label_mismatch',
          message: `figures labelled "${range[0].trim()}" in a report on ${reportMonth}`,
        });
      }
      return { scope: 'period', period };
    }
  }
  if (samePeriodPattern.test(text)) return { scope: 'same_period_last_year' };
  const month = monthPattern.exec(text);
  if (month) {
    const number = monthNumber(month[1] ?? '');
    if (number) {
      const stated = monthKey(Number(month[2] ?? yearOfReport(reportMonth)), number);
      const sameMonth = month[2] ? stated === reportMonth : stated.slice(5) === reportMonth.slice(5);
      if (sameMonth) return { scope: 'month' };
      flags?.push({
        code: 'month_label_mismatch',
        message: `figures labelled "${month[0].trim()}" in a report on ${reportMonth}`,
      });
      return { scope: 'period', period: { from: stated, to: stated } };
    }
  }
  const year = yearPattern.exec(text);
  if (year) {
    const value = Number(year[1]);
    if (value >= 1990 && value <= 2100)
      return { scope: 'year', period: { from: `${value}-01`, to: `${value}-12` } };
  }
  return null;
}
