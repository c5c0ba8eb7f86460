import { type CategoryCode, groupOfCategory } from '../../domain/taxonomy.ts';
import type { TaxonomyGroup } from '../../domain/vocabularies.ts';
import { B, matchesOf, re } from './patterns.ts';

// The taxonomy is src/domain/taxonomy.ts; the importer only adds the words that suggest each code.
export { type CategoryCode, groupOfCategory };
export type CategoryGroup = TaxonomyGroup;

/**
 * Suggested taxonomy codes (DESIGN section 3) for an item, each with a confidence. The words that
 * signal a category are listed per code in English and Russian; a hit in the headline weighs more
 * than one in the body, a section heading ("Censorship") and the legal articles named add to it.
 * These are suggestions for a reviewer, never a verdict.
 */
export type Suggestion = { code: CategoryCode; confidence: number };

/** Lower-cases the letters of a pattern, leaving escapes such as \p{L} as they are. */
function lowerCaseLetters(source: string): string {
  return source
    .split(/(\\p\{\w+\}|\\.)/)
    .map((part, index) => (index % 2 === 1 ? part : part.toLowerCase()))
    .join('');
}

// Rules run on lower-cased text without the `i` flag: case-insensitive Unicode matching is four
// times slower in V8, and these patterns run over every item.
type Rule = { code: CategoryCode; pattern: RegExp; needs?: CategoryCode };
const rule = (code: CategoryCode, source: string, needs?: CategoryCode): Rule => ({
  code,
  pattern: re(`${B}(?:${lowerCaseLetters(source)})`, 'gu'),
  ...(needs ? { needs } : {}),
});

const rules: Rule[] = [
  rule('murder', 'murder\\p{L}*|killed|found dead|убит\\p{L}*|убийств\\p{L}*'),
  rule(
    'attack',
    '(?<!ddos[- ]|кибер)attack(?:ed|s)?\\b|pushed|толкнул\\p{L}*|assault\\p{L}*|beaten|beat up|injur\\p{L}*|violence|напал\\p{L}*|нападени\\p{L}*|избил\\p{L}*|избиени\\p{L}*|насили\\p{L}*',
  ),
  rule('threat', 'threat\\p{L}*|intimidat\\p{L}*|угроз\\p{L}*|угрожа\\p{L}*|запугива\\p{L}*'),
  rule(
    'detention',
    'detain\\p{L}*|detention|arrested|police wagon|taken to the police|задерж\\p{L}*|арестова\\p{L}*|доставлен\\p{L}* в (?:отдел|полици)\\p{L}*',
  ),
  rule(
    'obstruction',
    'imped\\p{L}*|obstruct\\p{L}*|pushed (?:\\p{L}+ ){0,3}out|not let (?:in|into)|barred|вытолкн\\p{L}*|выгна\\p{L}*|hinder\\p{L}*|prevent\\p{L}* (?:the )?(?:journalists?|reporters?|him|her|them) from|not (?:be )?allowed to (?:film|record|enter|shoot)|could not record|воспрепятств\\p{L}*|препятств\\p{L}*|помеша\\p{L}*|не (?:пустил|допустил)\\p{L}*',
  ),
  rule(
    'censorship',
    'censor\\p{L}*|interference in the (?:activit|work)\\p{L}*|remov\\p{L}* (?:of )?(?:the )?(?:videos?|posts?|articles?|materials?|publications?)|was deleted|were deleted|take down|pressure (?:on|from)|цензур\\p{L}*|вмешательств\\p{L}*|удал(?:ить|ил|ени)\\p{L}*|давлени\\p{L}*',
  ),
  rule(
    'summons',
    'summon\\p{L}*|called (?:in )?to the (?:police|prosecutor)\\p{L}*|interrogat\\p{L}*|вызва\\p{L}* (?:в|на)|вызов\\p{L}*|допрос\\p{L}*',
  ),
  rule(
    'expulsion',
    'expel\\p{L}*|expulsion|deport\\p{L}*|entry ban|banned from entering|выдвор\\p{L}*|депорт\\p{L}*|запрет\\p{L}* на въезд',
  ),
  rule(
    'image_misuse',
    'fake (?:account|page|website|site)s?|under the (?:brand|name|logo) of|impersonat\\p{L}*|фейков\\p{L}* (?:аккаунт|страниц|сайт)\\p{L}*|от имени (?:редакции|СМИ)',
  ),
  rule(
    'discrediting',
    'accus\\p{L}* (?:the )?(?:journalists?|reporters?|media)|discredit\\p{L}*|smear\\p{L}*|insult\\p{L}*|дискредит\\p{L}*|оскорб\\p{L}*|обвинил\\p{L}* (?:журналист|СМИ)\\p{L}*',
  ),
  rule('copyright_violation', 'copyright|plagiar\\p{L}*|авторск\\p{L}* прав\\p{L}*|плагиат\\p{L}*'),
  rule(
    'info_refusal',
    'refus\\p{L}* to (?:provide|give|answer|comment)|(?:restrict|limit)\\p{L}* (?:of )?access to information|limitation of access to information|non-provision of information|did not (?:answer|respond|provide)|has not come out to (?:the )?(?:briefings?|press)|socially significant information|отказ\\p{L}* (?:в предоставлении|предоставить|отвечать)|не (?:ответил|предоставил)\\p{L}*|ограничени\\p{L}* доступа к информации|общественно значим\\p{L}* информаци\\p{L}*',
  ),
  rule(
    'court_transparency',
    'closed (?:court|trial|hearing|session)s?|behind closed doors|could not record|(?:not allowed|forbidden|prohibited) to (?:record|film|attend)|закрыт\\p{L}* (?:судебн\\p{L}* )?(?:процесс|заседани)\\p{L}*|запрет\\p{L}* (?:на )?(?:съемк|аудиозапис|видеозапис)\\p{L}*',
  ),
  rule(
    'media_discrimination',
    'selected (?:bloggers|journalists|media)|discriminat\\p{L}*|избранн\\p{L}* (?:блогер|журналист|СМИ)\\p{L}*|дискриминац\\p{L}*',
  ),
  rule('accreditation_denial', 'accreditation|аккредитац\\p{L}*'),
  rule(
    'blocking',
    'blocked|blocking|takedown|restrict\\p{L}* access to (?:the )?(?:site|website|account|channel)|заблокир\\p{L}*|блокировк\\p{L}*',
  ),
  rule(
    'closure_suspension',
    'suspend\\p{L}* (?:the )?(?:publication|newspaper|broadcast|media|outlet)|closure of (?:the )?(?:newspaper|outlet|media)|shut down|приостанов\\p{L}*|закрыти\\p{L}* (?:газет|СМИ|издани)\\p{L}*',
  ),
  rule(
    'cyberattack',
    'hack\\p{L}*|ddos|cyber-?attack\\p{L}*|unauthori[sz]ed access|взлом\\p{L}*|кибератак\\p{L}*',
  ),
  rule(
    'persecution_for_dissemination',
    'for (?:spreading|disseminating|dissemination of|posting|publishing)|over (?:a|his|her|the) (?:post|publication|article)|extremist materials|за (?:распространение|публикаци\\p{L}*|пост\\p{L}*)|экстремистск\\p{L}* материал\\p{L}*',
  ),
  rule('ranking', 'ranking\\p{L}*|ranked|press freedom index|рейтинг\\p{L}*|индекс\\p{L}* свободы'),
  rule(
    'legislation',
    'draft law|bill on|amendments?|the law "?on|законопроект\\p{L}*|поправк\\p{L}*|закон\\p{L}* «?о ',
  ),
  rule(
    'official_statement',
    '(?:minister|prime minister|president|akim|spokesperson|ministry|court) (?:\\p{L}+ )?(?:said|stated|announced|declared)|announced that|issued a resolution|заявил\\p{L}*|постановлени\\p{L}*',
  ),
  rule(
    'official_statistics',
    'statistic\\p{L}*|instances of|were identified|according to (?:the )?(?:data|figures)|статистик\\p{L}*|по данным',
  ),
  rule(
    'criminal',
    'criminal (?:case|charge|proceeding|investigation|offen[cs]e)s?|pre-trial investigation|suspect\\p{L}*|verdict|sentenced|penal code|criminal code|уголовн\\p{L}* (?:дел|преследовани|кодекс)\\p{L}*|досудебн\\p{L}* расследовани\\p{L}*|подозрева\\p{L}*|приговор\\p{L}*',
  ),
  rule(
    'civil',
    'lawsuit\\p{L}*|suit of|the suit|claim (?:for|against)|plaintiff|defendant|civil (?:court|case|claim)s?|иск\\p{L}*|истц\\p{L}*|истец|ответчик\\p{L}*',
  ),
  rule(
    'administrative',
    'administrative (?:case|protocol|offen[cs]e|charge|fine|court)s?|fined|administrative offenses code|штраф\\p{L}*|административн\\p{L}*',
  ),
  rule(
    'civil_honor_dignity',
    'hono(?:u)?r,? (?:and )?dignity|business reputation|чест\\p{L}*,? достоинств\\p{L}*|делов\\p{L}* репутаци\\p{L}*',
  ),
  rule(
    'civil_privacy',
    'privacy|private life|personal image|частн\\p{L}* жизни|неприкосновенност\\p{L}*',
    'civil',
  ),
  rule('criminal_privacy', 'private life|privacy|частн\\p{L}* жизни', 'criminal'),
  rule(
    'criminal_false_information',
    '(?:knowingly )?false information|ложн\\p{L}* информаци\\p{L}*',
    'criminal',
  ),
  rule(
    'administrative_false_information',
    'false information|ложн\\p{L}* информаци\\p{L}*',
    'administrative',
  ),
  rule('criminal_incitement', 'incit\\p{L}*|discord|розн\\p{L}*', 'criminal'),
  rule('criminal_false_denunciation', 'false denunciation|ложн\\p{L}* донос\\p{L}*'),
  rule('criminal_defamation', 'slander\\p{L}*|defamation|libel\\p{L}*|клевет\\p{L}*', 'criminal'),
  rule('criminal_extremism', 'extremis\\p{L}*|экстремист\\p{L}*', 'criminal'),
  rule('civil_copyright', 'copyright|авторск\\p{L}* прав\\p{L}*', 'civil'),
  rule('administrative_disobedience', 'disobe\\p{L}*|неповиновени\\p{L}*'),
];

// Articles point at legal codes directly.
const articleCodes: Record<string, CategoryCode[]> = {
  'CC-130': ['criminal', 'criminal_defamation'],
  'CC-131': ['criminal', 'criminal_defamation'],
  'CC-147': ['criminal', 'criminal_privacy'],
  'CC-158': ['obstruction'],
  'CC-174': ['criminal', 'criminal_incitement'],
  'CC-182': ['criminal', 'criminal_extremism'],
  'CC-258': ['criminal', 'criminal_extremism'],
  'CC-274': ['criminal', 'criminal_false_information'],
  'CC-405': ['criminal', 'criminal_extremism'],
  'CC-419': ['criminal', 'criminal_false_denunciation'],
  'CAO-456-2': ['administrative', 'administrative_false_information'],
  'CAO-73-3': ['administrative', 'administrative_defamation'],
  'CAO-667': ['administrative', 'administrative_disobedience'],
  'CIVC-143': ['civil', 'civil_honor_dignity'],
};

function countHits(pattern: RegExp, text: string, cap: number): number {
  pattern.lastIndex = 0;
  let hits = 0;
  while (hits < cap && pattern.exec(text)) hits++;
  return hits;
}

/** Hits before `split` (the headline) and after it (the body), each up to its cap. */
function countSplitHits(pattern: RegExp, text: string, split: number): { headline: number; body: number } {
  let headline = 0;
  let body = 0;
  for (const match of matchesOf(pattern, text)) {
    if (match.index < split) headline = Math.min(2, headline + 1);
    else body = Math.min(3, body + 1);
  }
  return { headline, body };
}

/** Codes a heading names ("Interference in the activities of the media/Censorship" → censorship). */
export function codesNamedBy(heading: string): CategoryCode[] {
  const lower = heading.toLowerCase();
  return rules
    .filter(
      (candidate) =>
        groupOfCategory(candidate.code) !== 'legal' && countHits(candidate.pattern, lower, 1) > 0,
    )
    .map((candidate) => candidate.code);
}

export function suggestCategories(input: {
  headline: string;
  body: string;
  articles: readonly string[];
  sectionCodes?: readonly CategoryCode[];
}): Suggestion[] {
  const scores = new Map<CategoryCode, number>();
  const add = (code: CategoryCode, score: number) => scores.set(code, (scores.get(code) ?? 0) + score);
  // Headline and body in one lower-cased text (a space between, so no match spans both), scanned once per rule.
  const text = `${input.headline} ${input.body}`.toLowerCase();
  for (const candidate of rules) {
    const hits = countSplitHits(candidate.pattern, text, input.headline.length);
    const score = 2 * hits.headline + hits.body;
    if (score > 0) add(candidate.code, score);
  }
  for (const code of input.sectionCodes ?? []) add(code, 1.5);
  for (const article of input.articles) for (const code of articleCodes[article] ?? []) add(code, 2);
  // A subject that needs a kind ("false information" is criminal or administrative) stands only with it.
  for (const candidate of rules) {
    if (candidate.needs && scores.has(candidate.code) && !scores.has(candidate.needs))
      scores.delete(candidate.code);
  }
  const suggestions = [...scores.entries()]
    .map(([code, score]) => ({
      code,
      confidence: Math.round(Math.min(0.95, 1 - Math.exp(-0.45 * score)) * 100) / 100,
    }))
    .sort((a, b) => b.confidence - a.confidence || a.code.localeCompare(b.code));
  if (!suggestions.some((suggestion) => groupOfCategory(suggestion.code) !== 'legal')) {
    suggestions.push({ code: 'other_context', confidence: 0.2 });
  }
  return suggestions;
}
