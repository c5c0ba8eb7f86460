import { B, E, lastDayOfMonth, MONTH, matchesOf, monthKey, monthNumber, re } from './patterns.ts';

/**
 * Dates in the text of an item, resolved against the month the report covers: "On September 25",
 * "May 10.", "25 сентября", "19-21.05.2018", "May 15-16", "February 1 and 8", "at the end of February".
 */
export type FoundDate = {
  /** 'YYYY-MM-DD', or 'YYYY-MM' when only the month is stated. */
  date: string;
  precision: 'day' | 'month';
  /** The last day of a range ("19-21.05.2018"), or the second of a pair ("February 1 and 8"). */
  until?: string;
  start: number;
  end: number;
};

type Pattern = { regex: RegExp; read: (match: RegExpExecArray, reportMonth: string) => FoundDate | null };

const link = '\\s*(?:-|–|—|and|&|и)\\s*';
const ordinal = '(?:st|nd|rd|th)?';

const patterns: Pattern[] = [
  {
    // 25.09.2020, 19-21.05.2018, 25.09.20
    regex: re(`${B}(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2}))?\\.(\\d{1,2})\\.(\\d{4}|\\d{2})${E}`, 'gu'),
    read: (m, reportMonth) => day(Number(m[1]), Number(m[3]), yearOf(m[4]), m[2], reportMonth, m),
  },
  {
    regex: re(`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`, 'gu'),
    read: (m, reportMonth) => day(Number(m[3]), Number(m[2]), Number(m[1]), undefined, reportMonth, m),
  },
  {
    // September 25, May 15-16, February 1 and 8, December 12, 2023
    regex: re(
      `${B}(${MONTH})\\.?\\s+(\\d{1,2})${ordinal}(?!\\d)(?:${link}(\\d{1,2})(?!\\d)${ordinal})?(?:,?\\s+(\\d{4})${E})?`,
      'giu',
    ),
    read: (m, reportMonth) => {
      if (isModalMay(m[1])) return null;
      return day(Number(m[2]), monthNumber(m[1] ?? ''), yearOf(m[4]), m[3], reportMonth, m);
    },
  },
  {
    // 1 september 2020, 25 сентября 2020 года, 19–21 мая
    regex: re(
      `${B}(\\d{1,2})${ordinal}(?:${link}(\\d{1,2})${ordinal})?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(\\d{4})${E})?`,
      'giu',
    ),
    read: (m, reportMonth) => {
      if (isModalMay(m[3]) && !m[4]) return null;
      return day(Number(m[1]), monthNumber(m[3] ?? ''), yearOf(m[4]), m[2], reportMonth, m);
    },
  },
  {
    // May 2024, сентябре 2020 года
    regex: re(`${B}(${MONTH})\\s+(\\d{4})${E}`, 'giu'),
    read: (m) => month(monthNumber(m[1] ?? ''), Number(m[2]), m),
  },
  {
    // at the end of February, in early May, в конце февраля, in March
    regex: re(
      `${B}(?:(?:at\\s+the\\s+)?(?:end|beginning|start|middle)\\s+of|in\\s+(?:early|late|mid-?)?|в\\s+(?:конце|начале|середине)|в|во)\\s+(${MONTH})`,
      'giu',
    ),
    read: (m, reportMonth) => {
      if (isModalMay(m[1])) return null;
      const number = monthNumber(m[1] ?? '');
      return number ? month(number, resolveYear(number, undefined, reportMonth), m) : null;
    },
  },
];

/** The English modal verb "may" written in lower case is not the month. */
function isModalMay(word: string | undefined): boolean {
  return word === 'may';
}

function yearOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

/**
 * The year of a date written without one: the report's year, except a month well after the report's
 * (December in a January report: last year) or one at the far end of the year (January in a December
 * report, published in the new year: next year).
 */
export function resolveYear(month: number, explicit: number | undefined, reportMonth: string): number {
  if (explicit) return explicit;
  const [reportYear = 2000, reportNumber = 1] = reportMonth.split('-').map(Number);
  const difference = month - reportNumber;
  if (difference > 1) return reportYear - 1;
  if (difference < -10) return reportYear + 1;
  return reportYear;
}

function day(
  dayNumber: number,
  monthNumberValue: number | null,
  explicitYear: number | undefined,
  untilText: string | undefined,
  reportMonth: string,
  match: RegExpExecArray,
): FoundDate | null {
  if (!monthNumberValue || monthNumberValue > 12) return null;
  const year = resolveYear(monthNumberValue, explicitYear, reportMonth);
  if (year < 1990 || year > 2100) return null;
  const last = lastDayOfMonth(year, monthNumberValue);
  if (dayNumber < 1 || dayNumber > last) return null;
  const prefix = monthKey(year, monthNumberValue);
  const found: FoundDate = {
    date: `${prefix}-${String(dayNumber).padStart(2, '0')}`,
    precision: 'day',
    start: match.index,
    end: match.index + match[0].length,
  };
  const until = untilText ? Number(untilText) : undefined;
  if (until && until > dayNumber && until <= last)
    found.until = `${prefix}-${String(until).padStart(2, '0')}`;
  return found;
}

function month(monthNumberValue: number | null, year: number, match: RegExpExecArray): FoundDate | null {
  if (!monthNumberValue || year < 1990 || year > 2100) return null;
  return {
    date: monthKey(year, monthNumberValue),
    precision: 'month',
    start: match.index,
    end: match.index + match[0].length,
  };
}

/** Every date in the text, in order; where two readings overlap, the more precise one wins. */
export function findDates(text: string, reportMonth: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const pattern of patterns) {
    pattern.regex.lastIndex = 0;
    for (const match of matchesOf(pattern.regex, text)) {
      const date = pattern.read(match as RegExpExecArray, reportMonth);
      if (!date) continue;
      if (found.some((other) => date.start < other.end && other.start < date.end)) continue;
      found.push(date);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A date written at the very start of a paragraph as its label: "May 10." or "10 мая." or "19.05.2018." */
export const datedLabel = re(
  `^\\s*(?:(${MONTH})\\s+\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?|\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\s+(${MONTH})|\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?\\.\\d{1,2}(?:\\.\\d{2,4})?)\\s*[.:–—-]\\s+`,
  'iu',
);
