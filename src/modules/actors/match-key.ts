/**
 * A script-independent key for actor names, so that Кайдарова, Kaidarova and Kaydarova meet, and
 * Toyken, Toiken and Тойкен too. Cyrillic (with the Kazakh letters) and the Kazakh Latin alphabet are
 * transliterated to one plain Latin spelling, then the spellings that transliteration systems
 * disagree on are folded together (y/i, kh/h, j/dzh/zh, ye/e, doubled letters). What the key cannot
 * fold (Aidasheva/Adasheva) is left to trigram similarity in the database.
 */
const cyrillic: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  і: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** Latin letters whose diacritic carries a sound of its own (Kazakh Latin, Turkish-style spellings). */
const latinSpecial: Record<string, string> = {
  ş: 'sh',
  ç: 'ch',
  ğ: 'g',
  ñ: 'n',
  ı: 'i',
  ä: 'a',
  ə: 'a',
  ö: 'o',
  ü: 'u',
  ū: 'u',
};

const foldings: Array<[RegExp, string]> = [
  [/shch/g, 'sh'],
  [/dzh/g, 'zh'],
  [/j/g, 'zh'],
  [/kh/g, 'h'],
  [/x/g, 'ks'],
  [/ph/g, 'f'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/c(?!h)/g, 'k'],
  [/ye/g, 'e'],
  [/y/g, 'i'],
  // Doubled letters are spelled single as often as double (Kaleeva/Kaleyeva, Massimov/Masimov).
  [/([a-z])\1+/g, '$1'],
];

export function matchKey(name: string): string {
  let text = '';
  for (const char of name.toLowerCase()) {
    text += cyrillic[char] ?? latinSpecial[char] ?? char;
  }
  text = text.normalize('NFD').replace(/\p{M}/gu, '');
  for (const [pattern, replacement] of foldings) text = text.replace(pattern, replacement);
  return text
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ +/g, ' ');
}
