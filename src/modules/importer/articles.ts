import { B, E, matchesOf, re } from './patterns.ts';

/**
 * Legal articles as codes: "Art. 174 of the Criminal Code" → CC-174, "Article 456-2 of the
 * Administrative Offenses Code" → CAO-456-2, "ст. 201 УПК РК" → CPC-201, "the Constitution ...,
 * Article 20 of which" → CONST-20. Several numbers before one code share it ("Article 419 was
 * requalified to Article 274 of the Penal Code").
 */
export type FoundArticle = { code: string; start: number; end: number };

const laws: Array<[string, RegExp]> = [
  [
    'CPC',
    re(
      `${B}(?:Criminal[- ]Procedur(?:e|al) Code|Code of Criminal Procedure|CPC|УПК|Уголовно-процессуальн\\p{L}*\\s+кодекс\\p{L}*|Қылмыстық-процестік кодекс\\p{L}*|ҚПК)${E}`,
      'giu',
    ),
  ],
  [
    'CAO',
    re(
      `${B}(?:Code (?:of|on) Administrative (?:Offen[cs]es|Violations)|Administrative (?:Offen[cs]es |Offense |Violations )?Code|CAO|КоАП|Кодекс\\p{L}*\\s+(?:РК\\s+|Республики Казахстан\\s+)?об административных правонарушениях|Әкімшілік құқық бұзушылық туралы кодекс\\p{L}*|ӘҚБтК)${E}`,
      'giu',
    ),
  ],
  [
    'CC',
    re(
      `${B}(?:Criminal Code|Penal Code|CC|УК|Уголовн\\p{L}*\\s+кодекс\\p{L}*|Қылмыстық кодекс\\p{L}*|ҚК)${E}`,
      'giu',
    ),
  ],
  [
    'CIVC',
    re(`${B}(?:Civil Code|ГК|Гражданск\\p{L}*\\s+кодекс\\p{L}*|Азаматтық кодекс\\p{L}*|АК)${E}`, 'giu'),
  ],
  ['CONST', re(`${B}(?:Constitution|Конституци\\p{L}*|Конституция\\p{L}*)${E}`, 'giu')],
];

const articleNumber = '(\\d{1,3}(?:-\\d{1,2})?)';
const articleRef = re(
  `${B}(?:Art(?:icle)?s?\\.?|ст\\.|стать\\p{L}*|бап\\p{L}*)\\s*№?\\s*${articleNumber}((?:\\s*(?:,|and|or|и|или)\\s*(?:Art(?:icle)?s?\\.?\\s*)?\\d{1,3}(?:-\\d{1,2})?${E})*)`,
  'giu',
);

type LawMention = { law: string; start: number; end: number };

function lawMentions(text: string): LawMention[] {
  const mentions: LawMention[] = [];
  for (const [law, regex] of laws) {
    regex.lastIndex = 0;
    for (const match of matchesOf(regex, text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (mentions.some((other) => start < other.end && other.start < end)) continue;
      mentions.push({ law, start, end });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

export function findArticles(text: string): FoundArticle[] {
  const mentions = lawMentions(text);
  const refs: Array<{ numbers: string[]; start: number; end: number }> = [];
  articleRef.lastIndex = 0;
  for (const match of matchesOf(articleRef, text)) {
    const numbers = [
      match[1] ?? '',
      ...[...(match[2] ?? '').matchAll(/\d{1,3}(?:-\d{1,2})?/g)].map((m) => m[0]),
    ];
    refs.push({ numbers, start: match.index, end: match.index + match[0].length });
  }
  const found: FoundArticle[] = [];
  for (const ref of refs) {
    const law = lawFor(ref, mentions, refs, text);
    if (!law) continue;
    for (const number of ref.numbers) {
      const code = `${law}-${number}`;
      if (!found.some((other) => other.code === code)) found.push({ code, start: ref.start, end: ref.end });
    }
  }
  return found;
}

/**
 * The law an article belongs to: the first one named after it in the same sentence (later article
 * numbers in between share it), else one named just before it ("the Constitution, Article 20 of which").
 */
function lawFor(
  ref: { start: number; end: number },
  mentions: LawMention[],
  refs: Array<{ start: number; end: number }>,
  text: string,
): string | null {
  const before = [...mentions].reverse().find((mention) => mention.end <= ref.start);
  const closeBefore =
    before !== undefined &&
    ref.start - before.end < 80 &&
    !refs.some((other) => other.start > before.end && other.end <= ref.start);
  if (closeBefore && backReference.test(text.slice(ref.end, ref.end + 30))) return before.law;
  const sentenceEnd = nextSentenceEnd(text, ref.end);
  const after = mentions.find((mention) => mention.start >= ref.end && mention.start <= sentenceEnd);
  if (after && after.start - ref.end < 200) return after.law;
  return closeBefore ? before.law : null;
}

const backReference = /^\s*(?:of which|of it|thereof|которой|которого|этого кодекса|данного кодекса)/iu;

function nextSentenceEnd(text: string, from: number): number {
  const match = /[.!?](?=\s+[\p{Lu}«"“(]|\s*$)|\n/u.exec(text.slice(from));
  return match ? from + match.index : text.length;
}
