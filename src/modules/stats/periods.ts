import { AppError } from '../../lib/errors.ts';

/** A counting period: whole months, from the first day of `fromMonth` to the last day of `toMonth`. */
export type Period = { fromMonth: string; toMonth: string; from: string; to: string };

export type ScopeName = 'month' | 'ytd' | 'same_period_last_year';
export const scopeNames: readonly ScopeName[] = ['month', 'ytd', 'same_period_last_year'];

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Checks 'YYYY-MM' and returns it, or throws one clear error naming the field. */
export function parseMonth(value: string, field = 'month'): string {
  const match = monthPattern.exec(value);
  if (!match || Number(match[1]) < 1900) {
    throw new AppError('validation_failed', `${field}: expected a month as YYYY-MM, got "${value}"`, {
      field,
    });
  }
  return value;
}

export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year ?? 0, monthNumber ?? 1, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

export function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = (year ?? 0) * 12 + (monthNumber ?? 1) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const months: string[] = [];
  for (let month = fromMonth; month <= toMonth; month = addMonths(month, 1)) months.push(month);
  return months;
}

export function periodOf(fromMonth: string, toMonth: string): Period {
  return { fromMonth, toMonth, from: `${fromMonth}-01`, to: lastDayOfMonth(toMonth) };
}

/**
 * DESIGN 4: a period is one month, or the year to date (1 January to the end of the month);
 * "same period last year" is the year to date one year earlier.
 */
export function scopePeriod(month: string, scope: ScopeName): Period {
  const year = Number(month.slice(0, 4));
  switch (scope) {
    case 'month':
      return periodOf(month, month);
    case 'ytd':
      return periodOf(`${year}-01`, month);
    case 'same_period_last_year':
      return periodOf(`${year - 1}-01`, `${year - 1}${month.slice(4)}`);
  }
}

/** The month ('YYYY-MM') of an ISO date. */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7);
