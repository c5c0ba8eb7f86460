/**
 * Record dates are a day ('2024-05-13') or, when the day is unknown, a month ('2024-05'). The
 * database stores the first day of the month with a precision flag.
 */
export type DatePrecision = 'day' | 'month';

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthPattern = /^(\d{4})-(\d{2})$/;

export function isRealDay(value: string): boolean {
  const match = dayPattern.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isRealMonth(value: string): boolean {
  const match = monthPattern.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12 && Number(match[1]) >= 1900;
}

export function isDayOrMonth(value: string): boolean {
  return isRealDay(value) || isRealMonth(value);
}

/** '2024-05' → { date: '2024-05-01', precision: 'month' }; '2024-05-13' → day precision. */
export function toStoredDate(value: string): { date: string; precision: DatePrecision } {
  return isRealMonth(value) ? { date: `${value}-01`, precision: 'month' } : { date: value, precision: 'day' };
}

export function fromStoredDate(date: string, precision: DatePrecision): string {
  return precision === 'month' ? date.slice(0, 7) : date;
}

/** The first day of the month of a day or month string. */
export function monthStart(value: string): string {
  return `${value.slice(0, 7)}-01`;
}
