import { nameKey, transliterate } from './names.ts';
import { B, E, matchesOf, re, WordStartRegExp } from './patterns.ts';

/**
 * People and outlets named in an item. People are found by shape (capitalised words with a surname
 * ending, a known first name, initials, or a role word before them such as "journalist" or
 * "блогер"); outlets by a domain name, a quoted title after "newspaper"/"газета" and the like, or a
 * short list of well-known outlets.
 */
export type PersonKind =
  | 'journalist'
  | 'editor'
  | 'camera_operator'
  | 'blogger'
  | 'activist'
  | 'lawyer'
  | 'official'
  | 'citizen';

export type FoundPerson = { name: string; kind: PersonKind | null; start: number; end: number };
export type FoundOutlet = { name: string; start: number; end: number };

const roleWords: Array<[RegExp, PersonKind]> = [
  [/(?:editor|editor-in-chief|chief editor|редактор\p{L}*|главред\p{L}*)$/iu, 'editor'],
  [/(?:cameraman|camera operator|оператор\p{L}*|photographer|фотограф\p{L}*)$/iu, 'camera_operator'],
  [
    /(?:journalists?|reporters?|correspondents?|журналист\p{L}*|корреспондент\p{L}*|репортер\p{L}*)$/iu,
    'journalist',
  ],
  [/(?:bloggers?|блогер\p{L}*|блоггер\p{L}*|administrator|администратор\p{L}*)$/iu, 'blogger'],
  [/(?:activists?|активист\p{L}*)$/iu, 'activist'],
  [/(?:lawyers?|attorney|advocate|адвокат\p{L}*|юрист\p{L}*)$/iu, 'lawyer'],
  [
    /(?:judge|minister|akim|deputy|official|prosecutor|investigator|spokesperson|судь\p{L}*|министр\p{L}*|аким\p{L}*|депутат\p{L}*|прокурор\p{L}*|следовател\p{L}*|чиновник\p{L}*)$/iu,
    'official',
  ],
  [/(?:director|head|chairman|president|директор\p{L}*|руководител\p{L}*|председател\p{L}*)$/iu, 'citizen'],
];

// Capitalised words that begin sentences, name institutions, places and titles: never a person.
const stopWords = new Set(
  `a an the on in at of and for with by from to as according however also but this that these those his her their our we
  they he she it its later earlier initially besides nevertheless moreover thus then there here when after before during
  since until while although because if mr mrs ms dr deputy minister ministry prime vice president head chief editor
  director chairman secretary prosecutor general judge lawyer journalist journalists blogger activist reporter
  correspondent cameraman official court courts district city region oblast department committee institute foundation
  fund union agency office police service council bureau center centre university akimat maslikhat parliament mazhilis
  senate government republic kazakhstan kazakh radio television tv news press media newspaper portal project channel
  guild club llp jsc ltd inc info law code article criminal administrative civil procedure constitution constitutional
  supreme appeal appeals state national security internal interior affairs foreign justice information communications
  health energy public social development human rights international world index reporters without borders freedom
  speech protection liberty europe free present time facebook instagram telegram vkontakte youtube twitter whatsapp tiktok
  google meta forbes otan amanat nur party movement association network bank group company limited partnership ngo pf
  ministry's january february march april may june july august september october november december monday tuesday
  wednesday thursday friday saturday sunday almaty astana shymkent semey aktobe atyrau aktau taraz pavlodar kostanay
  karaganda kyzylorda uralsk petropavlovsk kokshetau turkestan zhanaozen russia russian ukraine china usa america
  american kyrgyzstan uzbekistan east west north south central scientific research oncology radiology sanitary
  epidemiological investigation investigative pre-trial interdistrict specialized economic migration akim's
  also-in ask question head-of monitoring academician professor doctor email e-mail acts certain legislative amendments additions
  draft resolution decision order foundation's adil soz speech's charter bureau's statement appeal decree
  azattyk azattyq kaztag vlast tengrinews informburo kursiv khabar kazinform азаттык азаттыка казтаг власть хабар
  суд района район город города области область департамент министерство министр комитет фонд радио газета газеты
  портал сайт канал телеканал полиция прокуратура республика республики казахстан казахстана президент депутат
  редактор журналист журналистка блогер активист адвокат судья аким управление служба агентство совет союз партия
  информации информационного общественного объединение центр бюро по в на и с от для о об как также однако`
    .split(/\s+/)
    .filter(Boolean),
);

const firstNames = new Set(
  `aigerim aigul aida aidana aizhan akmaral aliya alia almas alnur altynai amir anara ardak arman arsen askar asel assel
  asem aslan azamat aibek bakhyt bakytzhan baurzhan bauyrzhan bolat daniyar dana darkhan dauren dinara dilyara dmitry
  dmitriy elena yelena erlan yerlan ermek yermek gulnara gulzhan gulmira irina ivan kairat kanat karlygash lukpan madina
  maksat marat marina maria mariya natalia natalya nurlan nursultan olga oleg olzhas rustem ruslan saltanat samal sania
  saniya sergey sergei serik svetlana talgat timur tatyana tatiana vera viktor victor vladimir yulia yuliya zhanar zhanna
  zhandos zhamila jamila jamili zarina alexander alexandr alexey aleksei andrey andrei anna anastasia ekaterina galina
  igor kirill larisa lyudmila maxim mikhail nadezhda nikolai nina pavel roman tamara valentina valery yevgeny evgeny
  yuri zhanat zhanibek aidos asylbek beibit bekzat yerzhan erzhan nurbol sanzhar temirlan dias aruzhan gaukhar gulnur
  dariga raushan saule sholpan tolkyn zhuldyz aisulu ainur nurzhan askhat daulet galym kuat meiram murat rinat sabit
  yerbol zhenis botagoz khadisha dilnaz inkar kamila laura zaure elmira marzhan nazira diana shara kuanyshbek bakytgul
  syrym shnargul adilzhan orken sanat tamara lyazzat nurgul aliya rysgul amanzhol duman yesset esset ayan adil bakhytzhan`
    .split(/\s+/)
    .filter(Boolean)
    .map(nameKey),
);

const surnameEnding =
  /(?:ov|ova|ev|eva|yev|yeva|iev|ieva|[^aeiou]in|ina|yn|yna|sky|skiy|skaya|skii|enko|uly|kyzy|bek|bekov|bekova|bayev|bayeva|baev|baeva|aeva|dze|shvili|yan|ian|vich|ovich|evich|ovna|evna|ovoi|evoi|inoi|ovu|evu|ovym|evym|ovoy|evoy|inoy)$/;

const word = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?\\p{Ll}+)?";
// Names begin after a non-letter that is not a full stop (so "S." in "Elena S." starts nothing).
const candidatePattern = new WordStartRegExp(
  `(?:(\\p{Lu}\\.\\s?(?:\\p{Lu}\\.\\s?)?)(${word})|(${word}(?:\\s+${word}){0,3})(?:\\s+(\\p{Lu})\\.(?!\\p{L}))?)`,
  'gu',
  /[\p{L}.]/u,
);

function isStop(token: string): boolean {
  return stopWords.has(token.toLowerCase().replace(/['’]s$/, ''));
}

function looksLikeSurname(token: string): boolean {
  return surnameEnding.test(transliterate(token));
}

function roleBefore(text: string, start: number): PersonKind | null {
  const before = text.slice(Math.max(0, start - 60), start).replace(/[\s,]+$/u, '');
  const lastWords = before.split(/\s+/).slice(-3).join(' ');
  for (const [pattern, kind] of roleWords) {
    if (pattern.test(lastWords) || pattern.test(before.split(/\s+/).pop() ?? '')) return kind;
  }
  return null;
}

/** "Makhambet Abzhan, the founder of ...": a role in apposition after the name. */
function roleAfter(text: string, end: number): PersonKind | null {
  const after = /^\s*,\s*(?:the\s+|a\s+|an\s+)?([\p{L}-]+(?:\s+[\p{L}-]+)?)/u.exec(text.slice(end, end + 60));
  if (!after) return null;
  const words = (after[1] ?? '').toLowerCase();
  if (/^(?:founder|owner|author|основател\p{L}*|автор\p{L}*|владел\p{L}*)/u.test(words)) return 'journalist';
  for (const [pattern, kind] of roleWords) {
    if (pattern.test(words.split(/\s+/)[0] ?? '') || pattern.test(words)) return kind;
  }
  return null;
}

export function findPeople(text: string): FoundPerson[] {
  const people: FoundPerson[] = [];
  candidatePattern.lastIndex = 0;
  for (const match of matchesOf(candidatePattern, text)) {
    const [, initials, initialSurname, words, trailingInitial] = match;
    if (initials && initialSurname) {
      if (isStop(initialSurname)) continue;
      const start = match.index;
      people.push({
        name: match[0].trim().replace(/['’]s$/u, ''),
        kind: roleBefore(text, start),
        start,
        end: start + match[0].length,
      });
      continue;
    }
    if (!words) continue;
    let tokens = [...words.matchAll(/\S+/g)].map((token) => ({
      text: token[0].replace(/['’]s$/u, ''),
      start: match.index + token.index,
    }));
    // Drop capitalised words before the name ("Journalist Oleg Gusev") and cut at the first after it.
    while (tokens.length > 0 && isStop(tokens[0]?.text ?? '')) tokens = tokens.slice(1);
    const stopAt = tokens.findIndex((token) => isStop(token.text));
    if (stopAt >= 0) tokens = tokens.slice(0, stopAt);
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last || tokens.length > 3) continue;
    const kind = roleBefore(text, first.start) ?? roleAfter(text, last.start + last.text.length);
    const texts = tokens.map((token) => token.text);
    const hasFirstName = texts.some((token) => firstNames.has(nameKey(token)));
    const hasSurname = texts.some(looksLikeSurname);
    const initialFollows = trailingInitial !== undefined && stopAt < 0;
    if (tokens.length === 1) {
      // A lone surname counts only after a role word ("judge Bektemirova"); a first name only with an
      // initial after it ("Elena S.").
      if (!(kind && hasSurname) && !(initialFollows && hasFirstName)) continue;
    } else if (!hasFirstName && !hasSurname && !kind) {
      continue;
    }
    const end =
      initialFollows && tokens.length === 1 ? match.index + match[0].length : last.start + last.text.length;
    people.push({ name: text.slice(first.start, end).replace(/\s+/g, ' '), kind, start: first.start, end });
  }
  return people;
}

const outletNouns =
  '(?:newspaper|magazine|journal|portal|website|web-site|site|TV channel|channel|Telegram channel|Instagram page|public page|page|agency|news agency|radio|TV|project|outlet|газет\\p{L}*|журнал\\p{L}*|портал\\p{L}*|сайт\\p{L}*|телеканал\\p{L}*|канал\\p{L}*|агентств\\p{L}*|радио|издани\\p{L}*|проект\\p{L}*|паблик\\p{L}*)';
const quoted = '[«"“„\']([^«»"“”„\'\\n]{2,60})[»"”“\']';
const outletPatterns = [
  re(`${B}${outletNouns}\\s+(?:of\\s+)?${quoted}`, 'giu'),
  re(
    `${B}(?:project|channel|page|проект\\p{L}*|канал\\p{L}*)\\s+(\\p{Lu}[\\p{L}\\d]*[\\p{Lu}.][\\p{L}\\d.]*)`,
    'gu',
  ),
  re(
    '(?<![@\\w./-])([a-z0-9][a-z0-9-]*\\.(?:kz|ru|com|org|net|info|media|tv|news|kg|uz))(?![\\w/@-])',
    'giu',
  ),
  re(
    `${B}(Radio Azattyq|Radio Azattyk|Azattyq|Azattyk|RFE\\s*/\\s*RL|Radio Free Europe(?:\\s*/\\s*Radio Liberty)?|Radio Liberty|KazTAG|Vlast|Present Time|Tengrinews|Informburo|Kursiv|Forbes Kazakhstan|Khabar|Kazinform|Reuters|Interfax|Sputnik|Радио Азаттык|Азаттык\\p{L}*|Радио Свобода|Настоящее время|КазТАГ|Власть|Курсив|Хабар|Казинформ|Интерфакс|Спутник)${E}`,
    'gu',
  ),
];

export function findOutlets(text: string): FoundOutlet[] {
  const found: FoundOutlet[] = [];
  for (const pattern of outletPatterns) {
    pattern.lastIndex = 0;
    for (const match of matchesOf(pattern, text)) {
      const name = (match[1] ?? match[0]).trim();
      const start = match.index + match[0].indexOf(name);
      const end = start + name.length;
      if (found.some((other) => start < other.end && other.start < end)) continue;
      if (found.some((other) => other.name.toLowerCase() === name.toLowerCase())) continue;
      found.push({ name, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
