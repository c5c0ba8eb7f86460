import { describe, expect, it } from 'vitest';
import { B, E, matchesOf, narrowClasses, re } from './patterns.ts';

describe('pattern classes', () => {
  it('writes \\p{L} and \\p{N} as ranges, inside a class and outside one', () => {
    expect(narrowClasses('\\p{L}+')).toMatch(/^\[A-Za-z.*\]\+$/);
    expect(narrowClasses('[\\p{L}\\p{N}-]')).toMatch(/^\[A-Za-z.*0-9-\]$/);
    // Other escapes, \p{Lu} among them, are left as written.
    expect(narrowClasses('\\p{Lu}\\.\\[x\\]')).toBe('\\p{Lu}\\.\\[x\\]');
  });

  it('keeps the letters of Kazakh, Russian and English words, in either case and either Kazakh alphabet', () => {
    const words = (text: string) => matchesOf(re(`${B}\\p{L}+${E}`, 'giu'), text).map((match) => match[0]);
    expect(words('Тілшіге ҚАУІП төнді; Ńurǵali Şáripova, 2024 жылы «Өңір»')).toEqual([
      'Тілшіге',
      'ҚАУІП',
      'төнді',
      'Ńurǵali',
      'Şáripova',
      'жылы',
      'Өңір',
    ]);
    // A word edge still holds beside a digit.
    expect(words('5журналистов x2')).toEqual([]);
  });
});
