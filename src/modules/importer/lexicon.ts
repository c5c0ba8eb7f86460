import type { CategoryCode } from './categories.ts';

/**
 * How the reports name each thing a figure can count, in English and Russian, as word stems.
 *
 * A figure line is "number + noun phrase" ("6 cases of misuse of the image of media outlets", "19
 * случаев отказа в предоставлении информации"). Instead of one pattern per wording, the noun phrase
 * is cut into words and each term below is a short sequence of stems that must appear in that order,
 * with at most `maxGap` other words between them. "interfer lawful" matches "interference with
 * journalists' lawful professional activities" and "interfering in the lawful work of reporters"
 * alike. Stems start at a word: "block" matches "blocking" and "blocked", never "roadblock".
 *
 * The terms start from the reference table's labels (migration 0001) and the wording the archive
 * uses from 2014 to 2024. When a new wording of a known category appears, add its stems here: every
 * figure reader (heads, "including" lines, labels before a dash, yearly tables) goes through this table.
 */
export type Level = 'total' | 'group' | 'kind' | 'subject' | 'category';

/** A legal subject before its kind is known: "slander" is criminal or administrative defamation. */
export type Subject =
  | 'honor_dignity'
  | 'defamation'
  | 'false_information'
  | 'incitement'
  | 'extremism'
  | 'false_denunciation'
  | 'privacy'
  | 'copyright'
  | 'disobedience';

export type LegalKind = 'criminal' | 'civil' | 'administrative';

const maxGap = 3;

// Each entry: a code and its terms; a term is stems separated by spaces.
const totals: Record<'total', string[]> = {
  total: [
    'incident',
    'violat freedom speech',
    'violat freedom expression',
    'case freedom speech',
    'case freedom expression',
    'report freedom speech',
    'случа свобод слов',
    'сообщени свобод слов',
    'инцидент',
    'нарушени свобод слов',
    'нарушени свобод выражени',
  ],
};

const groups: Record<'rights' | 'information' | 'legal', string[]> = {
  rights: [
    'violat right journalist',
    'violat right media',
    'violat journalist right',
    'violat journalist media right',
    'infring right journalist',
    'right journalist',
    'journalist right',
    'journalist media right',
    'нарушени прав журналист',
    'нарушени прав сми',
    'прав журналист',
    'журналистердің құқық',
  ],
  information: [
    'right access information',
    'right access disseminat',
    'right receiv disseminat',
    'right receiv information',
    'right freely receiv',
    'right obtain information',
    'right seek information',
    'access disseminat information',
    'receiv disseminat information',
    'прав получени информаци',
    'прав получени распространени',
    'прав доступ информаци',
    'прав свободн получ',
    'ақпарат алу',
  ],
  legal: [
    'pre trial court claim',
    'pre trial judicial claim',
    'pretrial court claim',
    'court pre trial claim',
    'court pretrial claim',
    'claim lawsuit against',
    'lawsuit against journalist',
    'lawsuit against media',
    'accusat against journalist',
    'accusat against media',
    'allegat against journalist',
    'allegat against media',
    'charg against journalist',
    'charg against media',
    'claim against journalist',
    'claim charg against',
    'claim against media',
    'legal case',
    'досудебн судебн',
    'судебн досудебн',
    'обвинени против журналист',
    'обвинени против сми',
    'обвинени адрес журналист',
    'обвинени адрес сми',
    'иск журналист',
    'иск сми',
    'претензи иск',
  ],
};

const kinds: Record<LegalKind, string[]> = {
  criminal: ['criminal', 'уголовн', 'қылмыстық'],
  civil: ['civil', 'гражданск', 'азаматтық'],
  administrative: ['administrativ', 'административн', 'әкімшілік'],
};

const subjects: Record<Subject, string[]> = {
  honor_dignity: [
    'honou',
    'honor',
    'dignit',
    'business reputat',
    'чест',
    'достоинств',
    'делов репутац',
    'ар намыс',
  ],
  defamation: ['slander', 'libel', 'defamat', 'клевет'],
  false_information: [
    'false information',
    'knowing false',
    'false news',
    'ложн информац',
    'заведомо ложн',
    'жалған ақпарат',
  ],
  incitement: ['incit', 'discord', 'enmity', 'hatred', 'розн', 'вражд', 'ненавист'],
  extremism: ['extremis', 'экстремис'],
  false_denunciation: ['false denunciat', 'ложн донос'],
  privacy: ['privacy', 'private life', 'частн жизн', 'неприкосновенност частн'],
  copyright: ['copyright', 'авторск прав'],
  disobedience: ['disobedien', 'неповиновени'],
};

const categories: Partial<Record<CategoryCode, string[]>> = {
  murder: ['murder', 'kill', 'убийств', 'убит'],
  attack: ['attack', 'assault', 'physical violen', 'beat', 'нападени', 'избиени', 'насили', 'шабуыл'],
  threat: ['threat', 'intimidat', 'угроз', 'запугива', 'қорқыт'],
  detention: ['detention', 'detain', 'arrest', 'задержани', 'задерж', 'арест'],
  obstruction: [
    'obstruct',
    'interfer lawful',
    'interfer profession',
    'interfer journalist work',
    'imped',
    'hinder',
    'prevent journalist',
    'prevent report',
    'воспрепятствова',
    'препятствова',
    'вмешательств профессиональн',
    'кедергі',
  ],
  censorship: [
    'censor',
    'interfer activit media',
    'interfer work media',
    'pressur',
    'давлени',
    'цензур',
    'вмешательств деятельност',
  ],
  summons: ['summon', 'вызов', 'вызва'],
  expulsion: ['expul', 'expel', 'deport', 'entry ban', 'выдворени', 'депортац', 'запрет въезд'],
  image_misuse: [
    'image',
    'logo',
    'fake under',
    'under brand',
    'media brand',
    'impersonat',
    'behalf',
    'имидж',
    'бренд',
    'логотип',
    'от имени сми',
  ],
  discrediting: ['discredit', 'smear', 'insult journalist', 'дискредит', 'оскорблени журналист'],
  copyright_violation: ['copyright', 'plagiar', 'авторск прав', 'плагиат'],
  info_refusal: [
    'refus',
    'denial',
    'socially significant information',
    'publicly relevant information',
    'public interest information',
    'restrict provi information',
    'late answer',
    'отказ',
    'общественно значим информац',
    'непредоставлени',
    'ограничени предоставлени',
  ],
  court_transparency: [
    'court transparen',
    'transparen court',
    'closed court',
    'closed trial',
    'closed hearing',
    'access court',
    'доступ суд',
    'прозрачност суд',
    'закрыт судебн',
  ],
  media_discrimination: ['discriminat', 'дискриминац'],
  accreditation_denial: ['accredit', 'denial accredit', 'refus accredit', 'аккредитац', 'отказ аккредитац'],
  blocking: [
    'block',
    'takedown',
    'take down',
    'internet shutdown',
    'shutdown internet',
    'блокир',
    'блокировк',
  ],
  closure_suspension: ['closure', 'suspension', 'suspend', 'shut down', 'закрыти', 'приостановл'],
  cyberattack: [
    'cyber',
    'hack',
    'ddos',
    'ddos attack',
    'hacker attack',
    'cyber attack',
    'хакерск атак',
    'ddos атак',
    'unauthori access',
    'unlawful access',
    'illegal access',
    'кибер',
    'взлом',
    'неправомерн доступ',
    'несанкционированн доступ',
  ],
  persecution_for_dissemination: [
    'persecut disseminat',
    'persecut spread',
    'persecut post',
    'преследовани распространени',
  ],
};

/**
 * Phrases that contain a term but name something else: "Criminal Code" is a law, not a criminal
 * case; "civil servants" are people. They are blanked before matching.
 */
const notNames = [
  'criminal code',
  'criminal procedure',
  'code administrativ',
  'administrativ offen code',
  'civil servant',
  'civil societ',
  'civil activist',
  'civil communit',
  'уголовн кодекс',
  'уголовн процессуальн',
  'кодекс административн',
  'гражданск обществ',
  'гражданск активист',
  'гражданск служащ',
];

/**
 * Offences the taxonomy has no subject for. A line that names one beside a known subject ("defamation
 * and insult - 26") counts both together, so it is no figure of either.
 */
const unmappedOffences = ['insult', 'election', 'оскорблени', 'выбор'];

type Term = { code: string; stems: string[] };
const compile = (table: Record<string, string[] | undefined>): Term[] =>
  Object.entries(table).flatMap(([code, terms]) =>
    (terms ?? []).map((term) => ({ code, stems: term.split(' ') })),
  );

/** Terms by the first two letters of their first stem: a word looks only at the terms it can start. */
type TermIndex = Map<string, Term[]>;
const indexed = (terms: Term[]): TermIndex => {
  const index: TermIndex = new Map();
  for (const term of terms) {
    const key = (term.stems[0] ?? '').slice(0, 2);
    index.set(key, [...(index.get(key) ?? []), term]);
  }
  return index;
};
const tables: Record<Level, TermIndex> = {
  total: indexed(compile(totals)),
  group: indexed(compile(groups)),
  kind: indexed(compile(kinds)),
  subject: indexed(compile(subjects)),
  category: indexed(compile(categories)),
};
const notNameTerms = notNames.map((term) => term.split(' '));
const unmappedTerms = unmappedOffences.map((term) => [term]);

type Word = { text: string; index: number };

/** The words of a noun phrase, lower-cased, without what stands in brackets (an aside, not the name). */
export function wordsOf(phrase: string): Word[] {
  const bare = phrase.replace(/\([^()]*\)?/gu, ' ').toLowerCase();
  const words = [...bare.matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match[0]);
  const blanked = new Set<number>();
  for (const stems of notNameTerms) {
    for (const at of findAll(words, stems)) for (let i = at.start; i <= at.end; i++) blanked.add(i);
  }
  return words.map((text, index) => ({ text: blanked.has(index) ? '' : text, index }));
}

type Found = { start: number; end: number };

function findAll(words: readonly string[], stems: readonly string[]): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i]?.startsWith(stems[0] ?? '')) continue;
    const end = extend(words, stems, 1, i);
    if (end !== null) found.push({ start: i, end });
  }
  return found;
}

function extend(words: readonly string[], stems: readonly string[], next: number, at: number): number | null {
  if (next === stems.length) return at;
  const stem = stems[next] ?? '';
  for (let j = at + 1; j <= at + 1 + maxGap && j < words.length; j++) {
    if (!words[j]?.startsWith(stem)) continue;
    const end = extend(words, stems, next + 1, j);
    if (end !== null) return end;
  }
  return null;
}

export type Named = { code: string; start: number; end: number };

/**
 * Every code of one level that the words name, each once at its first mention, in the order they
 * are named. Where two terms start at the same word, the longer one names it ("denial of
 * accreditation" is accreditation_denial, not the info_refusal of "denial").
 */
export function namedCodes(words: readonly Word[], level: Level): Named[] {
  const texts = words.map((word) => word.text);
  const mentions: Array<Named & { length: number }> = [];
  const index = tables[level];
  for (const [start, text] of texts.entries()) {
    for (const term of index.get(text.slice(0, 2)) ?? []) {
      if (!text.startsWith(term.stems[0] ?? '')) continue;
      const end = extend(texts, term.stems, 1, start);
      if (end !== null) mentions.push({ code: term.code, start, end, length: term.stems.length });
    }
  }
  // A mention inside a longer mention of another code is that code's word ("attacks" in "DDoS attacks").
  const standing = mentions.filter(
    (candidate) =>
      !mentions.some(
        (other) =>
          other.code !== candidate.code &&
          other.length > candidate.length &&
          other.start <= candidate.start &&
          other.end >= candidate.end,
      ),
  );
  standing.sort((a, b) => a.start - b.start || b.length - a.length);
  const seen = new Set<string>();
  const named: Named[] = [];
  for (const { code, start, end } of standing) {
    if (seen.has(code)) continue;
    seen.add(code);
    named.push({ code, start, end });
  }
  return named;
}

/** The one code of a level the words name first, or null. */
export function firstNamed(words: readonly Word[], level: Level): string | null {
  return namedCodes(words, level)[0]?.code ?? null;
}

/** Whether the words name an offence the taxonomy has no subject for ("insult", "election law"). */
export function namesUnmappedOffence(words: readonly Word[]): boolean {
  const texts = words.map((word) => word.text);
  return unmappedTerms.some((stems) => findAll(texts, stems).length > 0);
}

/** The taxonomy code of a legal subject once its kind is known, or null when the kind rules it out. */
export function subjectCode(subject: Subject, kind: LegalKind | null): CategoryCode | null {
  switch (subject) {
    case 'honor_dignity':
      return kind === null || kind === 'civil' ? 'civil_honor_dignity' : null;
    case 'defamation':
      // The digests' "charges of slander" are criminal: civil defamation is "honour and dignity".
      return kind === 'administrative'
        ? 'administrative_defamation'
        : kind === 'civil'
          ? null
          : 'criminal_defamation';
    case 'false_information':
      return kind === 'criminal'
        ? 'criminal_false_information'
        : kind === 'administrative'
          ? 'administrative_false_information'
          : null;
    case 'incitement':
      return kind === null || kind === 'criminal' ? 'criminal_incitement' : null;
    case 'extremism':
      return kind === null || kind === 'criminal' ? 'criminal_extremism' : null;
    case 'false_denunciation':
      return kind === null || kind === 'criminal' ? 'criminal_false_denunciation' : null;
    case 'privacy':
      return kind === 'criminal' ? 'criminal_privacy' : kind === 'civil' ? 'civil_privacy' : null;
    case 'copyright':
      return kind === 'civil' ? 'civil_copyright' : null;
    case 'disobedience':
      return kind === null || kind === 'administrative' ? 'administrative_disobedience' : null;
  }
}
