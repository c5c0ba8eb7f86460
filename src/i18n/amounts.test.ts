import { describe, expect, it } from 'vitest';
import { amountInWords } from './amounts.ts';

describe('amounts in words', () => {
  it.each([
    [78_100_000, '78 million 100 thousand tenge', '78 миллионов 100 тысяч тенге', '78 миллион 100 мың теңге'],
    [935_993, '935 thousand 993 tenge', '935 тысяч 993 тенге', '935 мың 993 теңге'],
    [0, '0 tenge', '0 тенге', '0 теңге'],
    [7, '7 tenge', '7 тенге', '7 теңге'],
    [1_000, '1 thousand tenge', '1 тысяча тенге', '1 мың теңге'],
    [2_000, '2 thousand tenge', '2 тысячи тенге', '2 мың теңге'],
    [5_000, '5 thousand tenge', '5 тысяч тенге', '5 мың теңге'],
    [11_000, '11 thousand tenge', '11 тысяч тенге', '11 мың теңге'],
    [21_000, '21 thousand tenge', '21 тысяча тенге', '21 мың теңге'],
    [22_500, '22 thousand 500 tenge', '22 тысячи 500 тенге', '22 мың 500 теңге'],
    [1_000_000, '1 million tenge', '1 миллион тенге', '1 миллион теңге'],
    [3_000_001, '3 million 1 tenge', '3 миллиона 1 тенге', '3 миллион 1 теңге'],
    [10_000_000, '10 million tenge', '10 миллионов тенге', '10 миллион теңге'],
    [22_200_000, '22 million 200 thousand tenge', '22 миллиона 200 тысяч тенге', '22 миллион 200 мың теңге'],
    [
      210_800_000,
      '210 million 800 thousand tenge',
      '210 миллионов 800 тысяч тенге',
      '210 миллион 800 мың теңге',
    ],
    [1_000_000_000, '1 billion tenge', '1 миллиард тенге', '1 миллиард теңге'],
    [
      2_041_073_840,
      '2 billion 41 million 73 thousand 840 tenge',
      '2 миллиарда 41 миллион 73 тысячи 840 тенге',
      '2 миллиард 41 миллион 73 мың 840 теңге',
    ],
  ])('%i', (tenge, en, ru, kk) => {
    expect(amountInWords(tenge, 'en')).toBe(en);
    expect(amountInWords(tenge, 'ru')).toBe(ru);
    expect(amountInWords(tenge, 'kk')).toBe(kk);
  });

  it('refuses what is not an amount', () => {
    expect(() => amountInWords(-1, 'en')).toThrow(RangeError);
    expect(() => amountInWords(1.5, 'en')).toThrow(RangeError);
  });
});
