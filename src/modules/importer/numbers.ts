import type { Lang } from './patterns.ts';

/**
 * Numbers as the reports write them: digits with any thousands separator ("73,840", "2 405 000"),
 * decimals before a scale ("1.5 million", "1,5 млн"), words in English and Russian ("two hundred and
 * ten millions", "сорок четыре"), and mixtures ("78 million 100 thousand", "2 млн 405 тыс.").
 */
export type NumberRun = {
  value: number;
  start: number;
  end: number;
  /** Written at least partly in words. */
  words: boolean;
  /** Has a scale word (thousand, million, тыс., млн). */
  scaled: boolean;
};

export type Currency = 'KZT' | 'MCI' | 'USD';
export type Amount = NumberRun & { currency: Currency };

type WordValue =
  | { kind: 'number'; value: number }
  | { kind: 'hundred' }
  | { kind: 'scale'; value: number }
  | { kind: 'half' }
  | { kind: 'and' }
  | { kind: 'a' };

const wordValues = new Map<string, WordValue>();
const number = (value: number, ...words: string[]) => {
  for (const word of words) wordValues.set(word, { kind: 'number', value });
};
const scale = (value: number, ...words: string[]) => {
  for (const word of words) wordValues.set(word, { kind: 'scale', value });
};

[
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
].forEach((word, value) => {
  number(value, word);
});
['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].forEach((word, index) => {
  number((index + 2) * 10, word);
});
wordValues.set('hundred', { kind: 'hundred' });
wordValues.set('hundreds', { kind: 'hundred' });
scale(1e3, 'thousand', 'thousands', 'тысяча', 'тысячи', 'тысяч', 'тысячу', 'тысячей', 'тыс');
scale(1e6, 'million', 'millions', 'mln', 'миллион', 'миллиона', 'миллионов', 'миллионы', 'млн');
scale(1e9, 'billion', 'billions', 'bn', 'миллиард', 'миллиарда', 'миллиардов', 'млрд');
wordValues.set('half', { kind: 'half' });
wordValues.set('and', { kind: 'and' });
wordValues.set('и', { kind: 'and' });
wordValues.set('a', { kind: 'a' });

number(0, 'ноль', 'нуль');
number(1, 'один', 'одна', 'одно', 'одного', 'одной', 'одному', 'одним', 'одном', 'одну');
number(2, 'два', 'две', 'двух', 'двум', 'двумя');
number(3, 'три', 'трёх', 'трех', 'трём', 'трем', 'тремя');
number(4, 'четыре', 'четырёх', 'четырех', 'четырём', 'четырем', 'четырьмя');
const ruWithEndings = (value: number, stem: string) => number(value, `${stem}ь`, `${stem}и`, `${stem}ью`);
ruWithEndings(5, 'пят');
ruWithEndings(6, 'шест');
ruWithEndings(7, 'сем');
number(8, 'восемь', 'восьми', 'восемью');
ruWithEndings(9, 'девят');
ruWithEndings(10, 'десят');
[
  'одиннадцат',
  'двенадцат',
  'тринадцат',
  'четырнадцат',
  'пятнадцат',
  'шестнадцат',
  'семнадцат',
  'восемнадцат',
  'девятнадцат',
].forEach((stem, index) => {
  ruWithEndings(11 + index, stem);
});
ruWithEndings(20, 'двадцат');
ruWithEndings(30, 'тридцат');
number(40, 'сорок', 'сорока');
number(50, 'пятьдесят', 'пятидесяти');
number(60, 'шестьдесят', 'шестидесяти');
number(70, 'семьдесят', 'семидесяти');
number(80, 'восемьдесят', 'восьмидесяти');
number(90, 'девяносто', 'девяноста');
number(100, 'сто', 'ста');
number(200, 'двести', 'двухсот');
number(300, 'триста', 'трехсот', 'трёхсот');
number(400, 'четыреста', 'четырехсот', 'четырёхсот');
number(500, 'пятьсот', 'пятисот');
number(600, 'шестьсот', 'шестисот');
number(700, 'семьсот', 'семисот');
number(800, 'восемьсот', 'восьмисот');
number(900, 'девятьсот', 'девятисот');
number(1.5, 'полтора', 'полторы');

const tokenPattern = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)*|\p{L}+(?:-\p{L}+)*\.?|\S/gu;

type Token = { text: string; start: number; end: number; gapHasBreak: boolean };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(tokenPattern)) {
    const start = match.index;
    tokens.push({
      text: match[0],
      start,
      end: start + match[0].length,
      gapHasBreak: text.slice(previousEnd, start).includes('\n'),
    });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

// No number word is longer than this ("четырнадцатью"); longer tokens are never looked up.
const longestWord = Math.max(...[...wordValues.keys()].map((word) => word.length)) + 1;

function lookupWord(token: string): WordValue | undefined {
  if (token.length > longestWord * 2) return undefined;
  const exact = wordValues.get(token);
  if (exact) return exact;
  const lower = token.toLowerCase();
  const bare = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  const direct = wordValues.get(bare);
  if (direct) return direct;
  if (token.length > longestWord && !bare.includes('-')) return undefined;
  // "forty-four", "twenty-one"
  if (bare.includes('-')) {
    const parts = bare.split('-').map((part) => wordValues.get(part));
    if (parts.every((part) => part?.kind === 'number')) {
      const sum = parts.reduce((total, part) => total + (part?.kind === 'number' ? part.value : 0), 0);
      return { kind: 'number', value: sum };
    }
  }
  return undefined;
}

/** A run of digits with separators; `scaleFollows` decides "1.5 million" against "73.840". */
export function parseDigits(token: string, lang: Lang, scaleFollows: boolean): number {
  const compact = token.replace(/[ \u00a0\u202f]/g, '');
  if (/^\d+$/.test(compact)) return Number.parseInt(compact, 10);
  const separators = compact.match(/[.,]/g) ?? [];
  const groups = compact.split(/[.,]/);
  const tail = groups.slice(1);
  if (separators.length > 1) {
    const last = separators[separators.length - 1];
    if (separators.every((separator) => separator === separators[0]) && tail.every((g) => g.length === 3)) {
      return Number.parseInt(groups.join(''), 10);
    }
    // "1,234.56" or "1.234,56": the last separator is the decimal point.
    const cut = compact.lastIndexOf(last ?? '.');
    return Number.parseFloat(`${compact.slice(0, cut).replace(/[.,]/g, '')}.${compact.slice(cut + 1)}`);
  }
  const [whole = '0', fraction = ''] = groups;
  const separator = separators[0];
  const decimal = Number.parseFloat(`${whole}.${fraction}`);
  if (fraction.length !== 3) return decimal;
  if (!scaleFollows) return Number.parseInt(`${whole}${fraction}`, 10);
  // "2,405 million" is 2405 million in English; "2,405 млн" is 2.405 million in Russian.
  return separator === ',' && lang === 'en' ? Number.parseInt(`${whole}${fraction}`, 10) : decimal;
}

const scanned = new Map<string, NumberRun[]>();

/** Every number in the text, words and digits alike, in order. Callers must not change the result. */
export function scanNumbers(text: string, lang: Lang): NumberRun[] {
  const key = `${lang}\u0000${text}`;
  const known = scanned.get(key);
  if (known) return known;
  const runs = readNumbers(text, lang);
  if (scanned.size > 5_000) scanned.clear();
  scanned.set(key, runs);
  return runs;
}

function readNumbers(text: string, lang: Lang): NumberRun[] {
  const tokens = tokenize(text);
  const runs: NumberRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const run = readRun(tokens, i, lang);
    if (run) {
      runs.push(run.run);
      i = run.next;
    } else {
      i++;
    }
  }
  return runs;
}

function isDigits(token: string) {
  return /^\d/.test(token);
}

function numberish(token: Token | undefined): boolean {
  if (!token) return false;
  if (isDigits(token.text)) return true;
  const value = lookupWord(token.text);
  return value !== undefined && value.kind !== 'and';
}

function readRun(tokens: Token[], from: number, lang: Lang): { run: NumberRun; next: number } | null {
  let total = 0;
  let current = 0;
  let hasValue = false;
  let words = false;
  let scaled = false;
  let lastScale = Number.POSITIVE_INFINITY;
  let end = -1;
  let lastConsumed = from;
  let i = from;
  for (; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (i > from && token.gapHasBreak) break;
    const next = tokens[i + 1];
    if (isDigits(token.text)) {
      const nextWord = next ? lookupWord(next.text) : undefined;
      const value = parseDigits(token.text, lang, nextWord?.kind === 'scale' || nextWord?.kind === 'hundred');
      if (!canAdd(current, value)) break;
      current += value;
      hasValue = true;
      end = token.end;
      lastConsumed = i;
      continue;
    }
    const value = lookupWord(token.text);
    if (!value) break;
    if (value.kind === 'number') {
      if (!canAdd(current, value.value)) break;
      current += value.value;
      hasValue = true;
      words = true;
    } else if (value.kind === 'hundred') {
      if (current >= 100) break;
      current = (current || 1) * 100;
      hasValue = true;
      words = true;
    } else if (value.kind === 'scale') {
      if (!hasValue || value.value >= lastScale) break;
      total += (current || 1) * value.value;
      current = 0;
      lastScale = value.value;
      scaled = true;
      words = true;
    } else if (value.kind === 'half') {
      // only as "... and a half" (one and a half million)
      const previous = tokens[i - 1]?.text.toLowerCase();
      if (!hasValue || previous !== 'a') break;
      current += 0.5;
    } else if (value.kind === 'a') {
      const following = next ? lookupWord(next.text) : undefined;
      const prior = tokens[i - 1]?.text.toLowerCase();
      if (following?.kind === 'half' && prior === 'and' && hasValue) continue;
      if (hasValue || !(following?.kind === 'scale' || following?.kind === 'hundred')) break;
      current = 1;
      hasValue = true;
      words = true;
      continue;
    } else {
      // "and" joins two number words ("two hundred and ten"), never starts or ends a run
      const following = tokens[i + 1];
      if (!hasValue || !(numberish(following) || lookupWord(following?.text ?? '')?.kind === 'a')) break;
      continue;
    }
    end = token.end;
    lastConsumed = i;
  }
  if (!hasValue || end < 0) return null;
  const first = tokens[from] as Token;
  return { run: { value: total + current, start: first.start, end, words, scaled }, next: lastConsumed + 1 };
}

/** A number word or digit group may follow another only in its empty places (20 + 5, 200 + 10). */
function canAdd(current: number, value: number): boolean {
  if (current === 0) return true;
  if (!Number.isInteger(value) || !Number.isInteger(current)) return false;
  const digits = String(Math.trunc(value)).length;
  return value < current && current % 10 ** digits === 0;
}

const afterCurrency: Array<[RegExp, Currency]> = [
  [/^\s*(?:тенге|tenge|тг\.?|₸|kzt)(?![\p{L}])/iu, 'KZT'],
  [/^\s*(?:mci|мрп|аек|monthly calculation ind\p{L}*)(?![\p{L}])/iu, 'MCI'],
  [/^\s*(?:usd|us dollars?|dollars?|долл\p{L}*\.?)(?![\p{L}])/iu, 'USD'],
];
const beforeCurrency: Array<[RegExp, Currency]> = [
  [/(?:kzt|₸|тенге)\s*$/iu, 'KZT'],
  [/(?:\$|usd)\s*$/iu, 'USD'],
];
// "(1USD=182.00)": the exchange rate the Digest prints beside an amount is not an amount.
const exchangeRate = /\(\s*1\s*(?:usd|\$|доллар\p{L}*)\s*=\s*[\d.,]+\s*(?:kzt|тенге|tenge)?\s*\)/giu;

/** Money amounts: numbers with a currency before or after them. */
export function findAmounts(text: string, lang: Lang): Amount[] {
  const excluded = [...text.matchAll(exchangeRate)].map((match) => [
    match.index,
    match.index + match[0].length,
  ]);
  const amounts: Amount[] = [];
  for (const run of scanNumbers(text, lang)) {
    if (excluded.some(([from = 0, to = 0]) => run.start >= from && run.end <= to)) continue;
    const after = text.slice(run.end, run.end + 40);
    const before = text.slice(Math.max(0, run.start - 8), run.start);
    let currency: Currency | undefined;
    let end = run.end;
    for (const [pattern, code] of afterCurrency) {
      const match = pattern.exec(after);
      if (match) {
        currency = code;
        end = run.end + match[0].length;
        break;
      }
    }
    if (!currency) currency = beforeCurrency.find(([pattern]) => pattern.test(before))?.[1];
    if (currency) amounts.push({ ...run, value: Math.round(run.value), currency, end });
  }
  return amounts;
}

/** The first amount in tenge in a phrase, else its first number; integer, or null. */
export function parseAmount(phrase: string, lang: Lang = 'en'): number | null {
  const tenge = findAmounts(phrase, lang).find((amount) => amount.currency === 'KZT');
  if (tenge) return tenge.value;
  const first = scanNumbers(phrase, lang)[0];
  return first ? Math.round(first.value) : null;
}

const zeroPattern =
  /^\s*(?:no one|none|nobody|not a single one|not one|no|ни одного|ни одной|ни одно|ни один|нет)(?![\p{L}])/iu;

/** A count at the start of a phrase: "44", "forty-four", "Two", "no one", "ни одного". */
export function parseCount(phrase: string, lang: Lang = 'en'): number | null {
  if (zeroPattern.test(phrase)) return 0;
  const first = scanNumbers(phrase, lang)[0];
  if (!first || !Number.isInteger(first.value)) return null;
  return first.value;
}
