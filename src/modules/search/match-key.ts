/**
 * A script-independent key for names, so that a query in Cyrillic finds a name stored in Latin and
 * the usual spelling variants meet (Кайдарова, Kaidarova and Kaydarova all become "kaidarova").
 * It is lossy on purpose: it is only ever compared with trigram similarity.
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
  і: 'i',
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
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

export function matchKey(name: string): string {
  const transliterated = [...name.normalize('NFC').toLowerCase()]
    .map((letter) => cyrillic[letter] ?? letter)
    .join('');
  return transliterated
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/kh/g, 'h')
    .replace(/j/g, 'zh')
    .replace(/y/g, 'i')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/([a-z])\1+/g, '$1')
    .trim();
}
