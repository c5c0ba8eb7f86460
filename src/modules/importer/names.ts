import { oneLetterSlip } from './source-text.ts';

/**
 * Names across scripts and spellings. The reports write one person as Kaidarova and Kaydarova,
 * Toyken and Toiken, Кайдарова in Russian: a match key folds Cyrillic into Latin and evens out the
 * spellings transliteration varies on (y/i, kh/h, zh/j, c/k, doubled letters).
 */
const cyrillic: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
};

export function transliterate(text: string): string {
  let out = '';
  for (const char of text.toLowerCase()) out += cyrillic[char] ?? char;
  return out;
}

const keys = new Map<string, string>();

/** A key that two spellings of one name share. */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = computeNameKey(name);
    if (keys.size > 20_000) keys.clear();
    keys.set(name, key);
  }
  return key;
}

function computeNameKey(name: string): string {
  return transliterate(name)
    .replace(/[^a-z]/g, '')
    .replace(/shch/g, 'sh')
    .replace(/dzh/g, 'j')
    .replace(/zh/g, 'j')
    .replace(/kh/g, 'h')
    .replace(/ch/g, '4')
    .replace(/ts/g, '5')
    .replace(/^ye/, 'e')
    .replace(/c/g, 'k')
    .replace(/q/g, 'k')
    .replace(/[yj](?=[aeiou])/g, (letter) => (letter === 'j' ? 'j' : 'i'))
    .replace(/y/g, 'i')
    .replace(/w/g, 'v')
    .replace(/x/g, 'ks')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Two surnames are one person's when their keys agree, or differ by one letter slip in a long name
 * (Aidasheva and Adasheva). Russian case endings (Кайдаровой, Кайдарову) are not spelling variants.
 */
export function sameSurname(a: string, b: string): boolean {
  const keyA = stripCaseEnding(nameKey(a));
  const keyB = stripCaseEnding(nameKey(b));
  if (keyA === keyB) return true;
  return Math.min(keyA.length, keyB.length) >= 6 && keyA[0] === keyB[0] && oneLetterSlip(keyA, keyB);
}

function stripCaseEnding(key: string): string {
  return key.replace(/(ov|ev|in|sk)(oi|ou|u|om|im|a|e)$/, '$1').replace(/(ov|ev|in)a$/, '$1');
}

/** Whether two spellings differ in more than a case ending: a real variant worth a flag. */
export function differentSpelling(a: string, b: string): boolean {
  const plain = (name: string) => stripCaseEnding(transliterate(name).replace(/[^a-z]/g, ''));
  return plain(a) !== plain(b);
}
