import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAmounts, parseAmount, parseCount, parseDigits, scanNumbers } from './numbers.ts';

describe('amounts in tenge', () => {
  it.each([
    ['78 million 100 thousand tenge', 78_100_000],
    ['KZT two hundred and ten millions and eight hundred thousands', 210_800_000],
    ['935 thousand 993', 935_993],
    ['73,840', 73_840],
    ['1.5 million', 1_500_000],
    ['2 млн 405 тыс. тенге', 2_405_000],
    ['one and a half million tenge', 1_500_000],
    ['a million tenge', 1_000_000],
    ['KZT 12,500,000', 12_500_000],
    ['12 500 000 tenge', 12_500_000],
    ['3.2 mln tenge', 3_200_000],
    ['forty-two thousand tenge', 42_000],
    ['five hundred thousand tenge', 500_000],
    ['ninety nine thousand nine hundred and ninety nine tenge', 99_999],
    ['seventeen million two hundred fifty thousand tenge', 17_250_000],
    ['1 billion 200 million tenge', 1_200_000_000],
    ['два миллиона четыреста пять тысяч тенге', 2_405_000],
    ['двести десять миллионов восемьсот тысяч тенге', 210_800_000],
    ['полтора миллиона тенге', 1_500_000],
    ['1,5 млн тенге', 1_500_000],
    ['350 тыс. тенге', 350_000],
    ['сто тысяч тенге', 100_000],
    ['3 млрд тенге', 3_000_000_000],
    ['пятьдесят тысяч тенге', 50_000],
    ['18 тысяч 250 тенге', 18_250],
    ['₸ 45 000', 45_000],
  ])('%s → %d', (phrase, expected) => {
    const lang = /[а-яё]/i.test(phrase) ? 'ru' : 'en';
    expect(parseAmount(phrase, lang)).toBe(expected);
  });

  it('reads separators by language: "2,405 million" is 2405 million in English, 2.405 million in Russian', () => {
    expect(parseDigits('2,405', 'en', true) * 1e6).toBe(2_405_000_000);
    expect(Math.round(parseDigits('2,405', 'ru', true) * 1e6)).toBe(2_405_000);
    expect(parseDigits('73.840', 'ru', false)).toBe(73_840);
    expect(parseDigits('1,234.56', 'en', false)).toBeCloseTo(1234.56);
    expect(parseDigits('1.234,56', 'ru', false)).toBeCloseTo(1234.56);
  });

  it('finds the currency before or after a number, and MCI and dollars apart from tenge', () => {
    const amounts = findAmounts('a fine of 20 MCI, bail of KZT 3 million and $5,000 in damages', 'en');
    expect(amounts.map((amount) => [amount.value, amount.currency])).toEqual([
      [20, 'MCI'],
      [3_000_000, 'KZT'],
      [5_000, 'USD'],
    ]);
  });

  it('skips the exchange rate printed beside an amount', () => {
    const amounts = findAmounts('claims of KZT 5 million (1USD=182.00) in total', 'en');
    expect(amounts).toHaveLength(1);
    expect(amounts[0]?.value).toBe(5_000_000);
  });

  it('reads every whole number written with English thousands separators or Russian spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (value) => {
        expect(parseAmount(`${value.toLocaleString('en-US')} tenge`, 'en')).toBe(value);
        expect(parseAmount(`${value.toLocaleString('ru-RU')} тенге`, 'ru')).toBe(value);
      }),
    );
  });

  it('reads every amount written out in English words', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), (value) => {
        expect(parseAmount(`${inWords(value)} tenge`, 'en')).toBe(value);
      }),
    );
  });
});

describe('counts', () => {
  it.each([
    ['44 criminal charges', 44],
    ['Two of them', 2],
    ['forty-four criminal charges', 44],
    ['no one in court', 0],
    ['none of them', 0],
    ['ни одного в суде', 0],
    ['одиннадцать уголовных дел', 11],
    ['трёх журналистов', 3],
    ['twelve reports', 12],
  ])('%s → %d', (phrase, expected) => {
    expect(parseCount(phrase, /[а-яё]/i.test(phrase) ? 'ru' : 'en')).toBe(expected);
  });

  it('does not glue numbers that stand side by side', () => {
    expect(scanNumbers('on February 1 and 8, in 2022 9 reports', 'en').map((run) => run.value)).toEqual([
      1, 8, 2022, 9,
    ]);
    expect(scanNumbers('5 2', 'en').map((run) => run.value)).toEqual([5, 2]);
  });

  it('keeps offsets of each number in the text', () => {
    const text = 'In total 78 million 100 thousand tenge were claimed';
    const [run] = scanNumbers(text, 'en');
    expect(text.slice(run?.start, run?.end)).toBe('78 million 100 thousand');
  });
});

const ones = [
  '',
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
];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English words for 1..999 999 999, the way the reports write them ("two hundred and ten millions"). */
function inWords(value: number): string {
  const below1000 = (n: number): string => {
    const hundreds = Math.floor(n / 100);
    const rest = n % 100;
    const restWords =
      rest < 20 ? ones[rest] : `${tens[Math.floor(rest / 10)]}${rest % 10 ? `-${ones[rest % 10]}` : ''}`;
    return [hundreds ? `${ones[hundreds]} hundred` : '', hundreds && rest ? 'and' : '', restWords ?? '']
      .filter(Boolean)
      .join(' ');
  };
  const millions = Math.floor(value / 1e6);
  const thousands = Math.floor((value % 1e6) / 1e3);
  const rest = value % 1e3;
  return [
    millions ? `${below1000(millions)} millions` : '',
    thousands ? `${below1000(thousands)} thousand` : '',
    rest ? below1000(rest) : '',
  ]
    .filter(Boolean)
    .join(' and ');
}
