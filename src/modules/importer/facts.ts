import { countedTaxonomyGroups } from '../../domain/vocabularies.ts';
import {
  allOfKind,
  childLead,
  classifyCount,
  classifyLabel,
  countedNoun,
  firstClause,
  headCode,
  labelBefore,
  nounPhrase,
  singularLead,
} from './count-phrase.ts';
import { type Paragraph, type Sentence, splitSentences } from './layout.ts';
import { type LegalKind, namedCodes, wordsOf } from './lexicon.ts';
import { findAmounts, type NumberRun, scanNumbers } from './numbers.ts';
import { B, E, type Lang, MONTH, matchesOf, monthKey, monthNumber, re } from './patterns.ts';
import type { ReportFlag } from './report-flags.ts';
import { explicitScope, type FactScope, type Period, type ScopeMark, samePeriodPattern } from './scope.ts';

export type { FactScope, Period, ScopeMark } from './scope.ts';

/**
 * The figures a report states, in the fact schema of DESIGN section 7. Facts come only from the
 * report's figure statements (its summary block, its legal block, judicial acts, money, year to date
 * and comparisons), never from the narrative of an item ("the court fined her 73,840 tenge" is an item
 * amount, not a figure) nor from a themed statistic under a section heading.
 */
export type MoneyKind = 'claims_non_pecuniary' | 'collected_by_courts' | 'fine' | 'bail' | 'claim' | 'award';

type FactBase = { scope: FactScope; period?: Period; span: [number, number] };
export type CountFact = FactBase & { type: 'count'; category: string; count: number; in_court?: number };
export type MoneyFact = FactBase & { type: 'money'; kind: MoneyKind; tenge: number };
export type JudicialActsFact = FactBase & {
  type: 'judicial_acts';
  count: number;
  for_media?: number;
  appeal?: number;
  cassation?: number;
};
export type Fact = CountFact | MoneyFact | JudicialActsFact;

const legalKinds = ['criminal', 'civil', 'administrative'] as const;
const groups = countedTaxonomyGroups;

// ---- reading figure statements -----------------------------------------------------------------

/** The names of judicial acts, shared with the paragraph roles (roles.ts). */
export const JUDICIAL_ACTS =
  '(?:judicial (?:acts?|decisions?|rulings?)|judg(?:e)?ments?|court (?:decisions?|rulings?|acts?)|(?:decisions?|rulings?)(?= (?:on|in|of|concerning|towards) (?:\\p{L}+ ){0,3}(?:cases|suits|claims|lawsuits))|судебн\\p{L}* (?:акт|решени|постановлени)\\p{L}*|решени\\p{L}* суд\\p{L}*|решени\\p{L}*(?= по (?:делам|искам))|сот акт\\p{L}*|сот шешім\\p{L}*)';
const judicialNoun = re(`^\\s*(?:[\\p{L}-]+\\s+){0,2}?${JUDICIAL_ACTS}`);
/** The name of judicial acts before their number: "Judgments rendered – 76". */
export const judicialBefore = re(`${JUDICIAL_ACTS}[^.\\d]{0,60}?[-–—:]\\s*$`);
// "two of them were performed in favour of", "three ones were passed in favour of", "0 of them in favour"
const favourAfter = re(`^\\s*(?:[\\p{L}]+\\s+){0,5}?(?:[-–—]\\s*)?(?:in\\s+favou?r|в\\s+пользу)`);
const favourBefore = re(`(?:in favou?r of|в пользу)[^.\\d]{0,60}?[-–—:]\\s*$`);
const appealAfter = re(
  `^\\s*(?:of them\\s+|of which\\s+|из них\\s+|из которых\\s+)?(?:(?:were|was)\\s+)?(?:[-–—]\\s*)?(?:(?:in|at|by|on|в|на)\\s+)?(?:the\\s+)?(?:court of\\s+|stage of\\s+)?(?:appeal|appellate|апелляц\\p{L}*)`,
);
const cassationAfter = re(
  `^\\s*(?:of them\\s+|of which\\s+|из них\\s+|из которых\\s+)?(?:(?:were|was)\\s+)?(?:[-–—]\\s*)?(?:(?:in|at|by|on|в|на)\\s+)?(?:the\\s+)?(?:court of\\s+)?(?:cassation|supreme|кассац\\p{L}*|верховн\\p{L}*)`,
);
const inCourtAfter = re(
  `^\\s*(?:of them\\s+|of which\\s+|из них\\s+|из которых\\s+)?(?:(?:is|are|were|was|находятся|находится)\\s+)?(?:[-–—]\\s*)?(?:in|before|в)\\s+(?:the\\s+)?(?:court|суд\\p{L}*)${E}`,
);
const inCourtBefore = re(`(?:in court|в суд\\p{L}*)\\s*[-–—:]\\s*$`);
// "No criminal charges", "Нет административных обвинений": a figure of zero.
const zeroHead = re(
  `^\\s*(?:[-–—•*]\\s*)?(?:there (?:were|was) )?(?:no|нет|ни одного|ни одной)\\s+(?=\\p{L})`,
);
const noneInFavour = re(
  `(?:none|no one|not one|ни одно\\p{L}*|ни один)\\s+(?:of them\\s+|из них\\s+)?(?:(?:was|were|is|are|не)\\s+)?(?:issued\\s+|вынесен\\p{L}*\\s+)?(?:in\\s+favou?r|в\\s+пользу)`,
);
const samePeriodParenthesis = re(
  `\\(\\s*(?:in|for|в|за)\\s+(?:the\\s+)?(?:same period[^()]*|аналогичн\\p{L}* период\\p{L}*[^()]*)[-–—:]\\s*$`,
);
const inParenthesis = re(
  `^\\s*(?:[\\p{L}-]+\\s+){0,2}?(?:in|for|в|за)\\s+(${MONTH}(?:\\s+\\d{4})?|the same period[^)]*|same period[^)]*|аналогичн\\p{L}* период\\p{L}*[^)]*)\\s*\\)`,
);
const noneInCourt = re(
  `(?:no one|none|not one|nobody|ни одно\\p{L}*|ни один)\\s+(?:of them\\s+|из них\\s+)?(?:(?:is|are|was|were|не)\\s+)?(?:in|before|в)\\s+(?:the\\s+)?(?:court|суд\\p{L}*)`,
);
const childBefore = re(
  `(?:among them|of them|of these|of those|of which|including|in particular|из них|в том числе|среди них|в частности|(?:of|из)\\s+(?:the|these|those|этих)?\\s*\\d+\\s+[^,.;]{1,40},)[,:]?\\s*$`,
);
const comparisonBefore = re(
  `(?:compared (?:to|with)|against|versus|vs\\.?|против|по сравнению с|в сравнении с)\\s*$`,
);
const comparisonParenthesis = re(
  `(?:same period[^()]{0,40}|аналогичн\\p{L}* период\\p{L}*[^()]{0,40}|than (?:in )?${MONTH}[^()]{0,10}|чем (?:в|за) ${MONTH}[^()]{0,10})\\(\\s*$`,
);
const comparedPeriod = re(
  `^\\s*(?:\\p{L}+\\s+){0,2}?(?:in|for|в|за)\\s+(?:the\\s+)?(${MONTH}(?:\\s+\\d{4})?|same period[^.,;]*|аналогичн\\p{L}* период\\p{L}*[^.,;]*|\\d{4})`,
);
const monthWithYear = re(`${B}(${MONTH})(?:\\s+(\\d{4}))?`);
const monthParenthesis = re(`\\(\\s*(?:in|в)\\s+(${MONTH})(?:\\s+(\\d{4}))?\\s*[-–—:]\\s*$`);
const notACount = re(
  `^\\s*(?:%|(?:percent|per cent|процент\\p{L}*|times|раз|-?year-old|-?years?|лет|год\\p{L}*|months?|месяц\\p{L}*|days?|дн\\p{L}*|hours?|час\\p{L}*|st|nd|rd|th)${E})`,
);
const articleBefore = re(`(?:art(?:icle)?s?\\.?|ст\\.|стать\\p{L}*|№|no\\.|part|ч\\.|част\\p{L}*)\\s*$`);
const andOthers = re(`(?:and others|and other|и другие|и др\\.)`);

const moneyCues: Array<[RegExp, MoneyKind]> = [
  [
    re(
      `(?:claims?|demands?|suits?)\\s+(?:for|of)\\s+(?:the\\s+)?(?:compensation|recovery|reimbursement)[^.]{0,40}?(?:moral|non-pecuniary|non-material)|(?:moral|non-pecuniary|non-material)[- ](?:damage|harm|injury)(?:\\s+claims?)?|compensation for (?:moral|non-pecuniary)|морально\\p{L}* вред\\p{L}*|моральн\\p{L}* ущерб\\p{L}*|неимуществ\\p{L}* вред\\p{L}*`,
    ),
    'claims_non_pecuniary',
  ],
  [
    re(
      `courts?\\s+(?:have\\s+|has\\s+)?(?:collected|recovered|exacted)|collected by (?:the\\s+)?courts?|courts?\\s+(?:have\\s+|has\\s+)?awarded|суд\\p{L}*\\s+присудил\\p{L}*|courts?\\s+(?:have\\s+|has\\s+)?(?:ordered|obliged)[^.]{0,60}?to (?:pay|collect)|суд\\p{L}*\\s+обязал\\p{L}*[^.]{0,40}?выплатить|суд\\p{L}*\\s+взыскал\\p{L}*|взыскан\\p{L}* суд\\p{L}*|суд\\p{L}* взыскано`,
    ),
    'collected_by_courts',
  ],
  // "Collected amounts of compensation for moral damage - 9 million": the whole phrase is the cue, so
  // the "moral damage" inside it does not make the amount a claim.
  [
    re(
      `${B}(?:collected|recovered)\\s+(?:amounts?|sums?)(?:\\s+of)?(?:\\s+(?:the\\s+)?compensation)?(?:\\s+(?:for|of))?(?:\\s+(?:moral|non-pecuniary|non-material))?(?:[- ](?:damage|harm))?|${B}amounts?\\s+(?:collected|recovered)|взысканн\\p{L}*\\s+сумм\\p{L}*(?:\\s+компенсаци\\p{L}*)?(?:\\s+морально\\p{L}*\\s+вред\\p{L}*)?`,
    ),
    'collected_by_courts',
  ],
  // The digests state the claims of honour suits as their amount: "seven suits on protection of
  // honour ... in the amount of KZT 299 million", "иски о защите чести ... на сумму".
  [
    re(
      `(?:suits?|claims?|lawsuits?|иск\\p{L}*|претензи\\p{L}*)[^.]{0,160}?(?:hono(?:u)?r|dignity|чест\\p{L}*|достоинств\\p{L}*)[^.]{0,120}?(?:in the (?:total )?amount(?: of)?|for a total amount(?: of)?|на (?:общую )?сумму|в размере)`,
    ),
    'claims_non_pecuniary',
  ],
  [re(`${B}(?:fines?|штраф\\p{L}*)${E}`), 'fine'],
  [re(`${B}(?:bail|залог\\p{L}*)${E}`), 'bail'],
];

export type FigureContext = {
  reportMonth: string;
  lang: Lang;
  flags: ReportFlag[];
  /** The scope of a figure that names none: the month, or the year on a yearly page. */
  defaultScope?: ScopeMark;
};

type CountRecord = { fact: CountFact; parent: CountFact | null; hasOthers: boolean };

/**
 * Reads the figure statements of one block (a summary, a legal block, a closing figures section).
 * State carries from sentence to sentence: the scope a lead line sets ("since the beginning of the
 * year:"), the last head count (for "Among them, 42 ..."), the last judicial-acts fact (for "Two of
 * them were in favor of the media").
 */
export class FigureReader {
  readonly facts: Fact[] = [];
  private readonly counts: CountRecord[] = [];
  private blockScope: ScopeMark;
  private paragraphScope: ScopeMark | null = null;
  private lastHead: CountFact | null = null;
  private lastLegal: CountFact | null = null;
  private lastJudicial: JudicialActsFact | null = null;
  private lastMoneyScope: ScopeMark | null = null;

  constructor(private readonly context: FigureContext) {
    this.blockScope = context.defaultScope ?? { scope: 'month' };
  }

  /** The head whose list this paragraph belongs to ("- 6 civil ..." under "10 reports of ...:"). */
  private listParent: CountFact | null = null;

  /**
   * Reads one figure paragraph. A lead line ("The following charges were filed since the beginning
   * of the year:") sets the scope of the block after it; a bullet right after a head line ending in a
   * colon hangs under that head.
   */
  readParagraph(paragraph: Paragraph, options: { lead: boolean; listItem: boolean }) {
    const { reportMonth, lang, flags } = this.context;
    // Hard-wrapped files break lines inside a figure ("KZT150\nmillions"); a space keeps the offsets.
    const text = paragraph.text.replace(/\n/g, ' ');
    if (options.lead) {
      this.blockScope = this.ownYear(explicitScope(text, reportMonth, flags)) ??
        this.context.defaultScope ?? { scope: 'month' };
      this.lastHead = null;
    }
    if (!options.listItem) this.listParent = null;
    this.paragraphScope = null;
    this.lastMoneyScope = null;
    const sentences = splitSentences(text, paragraph.start);
    // A line of a list under a head or a lead: it names what it counts ("- 28 attacks on journalists").
    const listed = options.listItem;
    if (listed && !scanNumbers(text, lang).some((run) => Number.isInteger(run.value)))
      this.readSingular(sentences[0], text);
    for (const [index, sentence] of sentences.entries()) {
      // A clause ended by a semicolon belongs to the sentence after it: "-15 charges with slander; 84
      // claims ... since the beginning of the year." states one period for both.
      const ahead = sentence.text.trimEnd().endsWith(';')
        ? this.scopeAhead(sentences.slice(index + 1))
        : null;
      this.readSentence(sentence, { listed: listed && index === 0, ahead });
    }
    this.readAllOfKind(text, paragraph.start);
    if (/:\s*$/.test(text)) {
      this.listParent = this.lastHead;
      // "Criminal charges:" over lines that name only the offence ("False information - 7").
      if (!scanNumbers(text, lang).some((run) => Number.isInteger(run.value))) {
        const kinds = namedCodes(wordsOf(text), 'kind');
        this.listKind = kinds.length === 1 ? (kinds[0]?.code as LegalKind) : null;
      }
    }
  }

  /** The legal kind a heading line ("Criminal charges:") gives the figure lines under it. */
  private listKind: LegalKind | null = null;

  /** The first period that a later clause of the same sentence states. */
  private scopeAhead(rest: Sentence[]): ScopeMark | null {
    for (const sentence of rest) {
      const stated = explicitScope(sentence.text, this.context.reportMonth);
      if (stated) return stated;
      if (!sentence.text.trimEnd().endsWith(';')) break;
    }
    return null;
  }

  /**
   * A line under an "including" list that names one thing without a number counts one: "- Report of
   * copyright infringement.", "- A case of threat against a reporter."
   */
  private readSingular(sentence: Sentence | undefined, text: string) {
    if (!sentence) return;
    const bare = sentence.text.replace(/^[-–—•*·\s]+/u, '');
    if (!singularLead.test(bare)) return;
    const classified = classifyCount(bare, true, this.parentKindOf(this.listParent));
    if (!classified || !('code' in classified)) return;
    const offset = sentence.text.length - bare.length;
    const fact: CountFact = {
      type: 'count',
      ...(this.paragraphScope ?? this.blockScope),
      category: classified.code,
      count: 1,
      span: this.span(sentence, offset, offset + firstClause(bare).length),
    };
    if (this.push(fact)) this.counts.push({ fact, parent: this.listParent, hasOthers: andOthers.test(text) });
  }

  /**
   * "There were 8 documented cases of allegations ... In this month, all claims were brought in a civil
   * manner." All of a legal head's cases are of one kind: the kind's figure is the head's.
   */
  private readAllOfKind(text: string, offset: number) {
    const head = this.lastHead;
    if (head?.category !== 'legal') return;
    const match = allOfKind.exec(text);
    if (!match) return;
    const kinds = namedCodes(wordsOf(text.slice(match.index)), 'kind');
    if (kinds.length !== 1) return;
    const { span: _span, ...scope } = head;
    this.push({
      type: 'count',
      scope: scope.scope,
      ...(scope.period ? { period: scope.period } : {}),
      category: kinds[0]?.code ?? 'legal',
      count: head.count,
      span: [offset + match.index, offset + text.length],
    });
  }

  /** "In 2024" in a report on July 2024 is the year so far; on a yearly page it is the year. */
  private ownYear(mark: ScopeMark | null): ScopeMark | null {
    const { reportMonth, defaultScope } = this.context;
    if (mark?.scope !== 'year' || defaultScope?.scope === 'year') return mark;
    return mark.period?.from.slice(0, 4) === reportMonth.slice(0, 4) ? { scope: 'ytd' } : mark;
  }

  /** Last year, set against a figure for the year so far, is the same period of last year. */
  private relativeTo(mark: ScopeMark, anchor: CountFact): ScopeMark {
    const lastYear = String(Number(this.context.reportMonth.slice(0, 4)) - 1);
    if (anchor.scope === 'ytd' && mark.scope === 'year' && mark.period?.from.slice(0, 4) === lastYear)
      return { scope: 'same_period_last_year' };
    return mark;
  }

  /** The legal kind a child takes from the line it hangs under. */
  private parentKindOf(parent: CountFact | null | undefined): LegalKind | null {
    return legalKindOf(parent?.category ?? '') ?? this.listKind;
  }

  private readSentence(sentence: Sentence, options: { listed: boolean; ahead: ScopeMark | null }) {
    const { reportMonth, lang, flags } = this.context;
    const text = sentence.text;
    const runs = scanNumbers(text, lang);
    // Numbers already read, by their offset in the sentence.
    const consumed = new Set<number>();
    const mask: Array<[number, number]> = [];

    // Comparisons first: their numbers belong to another period and their words must not set the scope.
    const comparisons: Array<{ run: NumberRun; mark: ScopeMark }> = [];
    for (const run of runs) {
      const mark = this.comparisonMark(text, run, mask);
      if (mark && Number.isInteger(run.value)) {
        comparisons.push({ run, mark });
        consumed.add(run.start);
        mask.push([Math.max(0, run.start - 60), run.end]);
      }
    }
    let scopeText = text;
    for (const [from, to] of mask)
      scopeText = scopeText.slice(0, from) + ' '.repeat(to - from) + scopeText.slice(to);
    const stated = this.ownYear(explicitScope(scopeText, reportMonth, flags));
    if (stated) this.paragraphScope = stated;
    const mark = stated ?? this.paragraphScope ?? options.ahead ?? this.blockScope;

    this.readJudicialActs(sentence, runs, consumed, mark);
    this.readNoneInFavour(text);
    this.readMoney(sentence, runs, consumed, mark, stated);

    const heads: Array<{ at: number; fact: CountFact }> = [];
    // Every count read in this sentence, with where its number stands.
    const sentenceFacts: Array<{ at: number; fact: CountFact }> = [];
    let lastChildEnd: number | null = null;
    for (const run of runs) {
      if (consumed.has(run.start) || !Number.isInteger(run.value)) continue;
      const before = text.slice(Math.max(0, run.start - 40), run.start);
      const after = text.slice(run.end);
      if (notACount.test(after) || articleBefore.test(before) || isDatePart(text, run)) continue;
      if (run.value >= 1900 && run.value <= 2100 && !countedNoun.test(after.trimStart())) continue;
      if (inCourtAfter.test(after) || inCourtBefore.test(before)) {
        // "no one in court" reads "one" as a number
        if (this.lastLegal)
          this.lastLegal.in_court = /(?:^|\s)(?:no|not|ни)\s*$/iu.test(before) ? 0 : run.value;
        continue;
      }
      // A list after "including" goes on: "including 3 attacks, 2 threats and others".
      const listGoesOn: boolean =
        lastChildEnd !== null && /^[,;\s]*(?:and\s+|и\s+)?$/iu.test(text.slice(lastChildEnd, run.start));
      // The first figure of a line under "including:" is a child of that line's head; under a lead
      // without a head it is a head itself, but it too may name what it counts directly.
      const listedLine = options.listed && sentenceFacts.length === 0;
      const listedFirst = listedLine && this.listParent !== null;
      let child: boolean =
        childBefore.test(before) || childLead.test(after.trimStart()) || listGoesOn || listedFirst;
      const phrase = nounPhrase(after, runs, run);
      const previousFact = sentenceFacts[sentenceFacts.length - 1]?.fact;
      const parentKind = this.parentKindOf(
        child
          ? previousFact && legalKindOf(previousFact.category) !== null
            ? previousFact
            : (heads[heads.length - 1]?.fact ?? (listedFirst ? this.listParent : this.lastHead))
          : null,
      );
      // "The number of violations of journalists' rights fell: 19 compared to 23 in May" names what it
      // counts before the number; so does a label line ("Detained - 46 journalists", "Civil charges - 73").
      const compared = comparisons.some((comparison) => comparison.run.start > run.start);
      const label = labelBefore(text, run, phrase);
      const classified =
        classifyCount(phrase.trimStart(), child, parentKind, child || listedLine) ??
        // "3 cases under this article": what the figure before it counts.
        (previousFact && sameThing.test(phrase) ? { code: previousFact.category } : null) ??
        (compared ? classifyCount(clauseBefore(text, run.start), false) : null) ??
        (label ? classifyLabel(label.words, parentKind ?? this.listKind) : null);
      if (!classified) {
        // "2 for violations of election laws, and 1 for defamation": the list goes on past a line
        // that names nothing the taxonomy counts.
        if (child) lastChildEnd = run.end + phrase.length;
        continue;
      }
      const span = label
        ? this.span(sentence, label.start, run.end + phrase.length)
        : this.span(sentence, run.start, run.end + phrase.length);
      if ('ambiguous' in classified) {
        flags.push({
          code: 'ambiguous_figure',
          message: `"${text.slice(run.start, run.end + Math.min(phrase.length, 80)).trim()}" ${classified.ambiguous}: not read as a figure`,
          span,
        });
        continue;
      }
      // A group's line in a list of groups ("- 14 reports relating to the right to ... information")
      // heads its own list: it is not a part of the group above it.
      if (child && listedFirst && !listGoesOn && !childBefore.test(before) && isGroup(classified.code)) {
        child = false;
        this.listParent = null;
      }
      // "9 cases in 2024 ..., while in 2023 there were 3": a clause may name its own period.
      const clauseStart =
        sentenceFacts.length > 0
          ? (runs.find((other) => other.start === sentenceFacts[sentenceFacts.length - 1]?.at)?.end ?? 0)
          : 0;
      const ownMark =
        sentenceFacts.length > 0
          ? this.ownYear(explicitScope(text.slice(clauseStart, run.start), reportMonth))
          : null;
      const factMark = ownMark && previousFact ? this.relativeTo(ownMark, previousFact) : (ownMark ?? mark);
      const fact: CountFact = {
        type: 'count',
        ...factMark,
        category: classified.code,
        count: run.value,
        span,
      };
      // "14 concern information, of which 9 are refusals": a category under the group just before it.
      const previous = sentenceFacts[sentenceFacts.length - 1]?.fact;
      const parent = !child
        ? this.listParent
        : previous && isGroup(previous.category) && !isGroup(fact.category)
          ? previous
          : (heads[heads.length - 1]?.fact ?? this.lastHead);
      sentenceFacts.push({ at: run.start, fact });
      lastChildEnd = child ? run.end + phrase.length : null;
      if (this.push(fact)) this.counts.push({ fact, parent, hasOthers: andOthers.test(text) });
      if (!child) {
        heads.push({ at: run.start, fact });
        this.lastHead = fact;
      }
      if (isLegalKind(fact.category)) {
        this.lastLegal = fact;
        this.listKind = null;
      }
    }
    // "No criminal charges this month"
    const zero = zeroHead.exec(text);
    if (zero) {
      const classified = classifyCount(text.slice(zero[0].length), false);
      if (classified && 'code' in classified && headCode.test(classified.code)) {
        const fact: CountFact = {
          type: 'count',
          ...mark,
          category: classified.code,
          count: 0,
          span: this.span(sentence, 0, text.length),
        };
        if (this.push(fact)) this.counts.push({ fact, parent: this.listParent, hasOthers: false });
        if (isLegalKind(fact.category)) this.lastLegal = fact;
      }
    }
    // "4 criminal charges, no one in court"
    if (noneInCourt.test(text) && this.lastLegal && this.lastLegal.in_court === undefined)
      this.lastLegal.in_court = 0;
    // A compared figure counts what the figure before it counts ("13, compared to 14 in April").
    for (const { run, mark: comparedMark } of comparisons) {
      const head =
        [...sentenceFacts].reverse().find((candidate) => candidate.at < run.start)?.fact ?? this.lastHead;
      if (!head) continue;
      this.push({
        type: 'count',
        ...this.relativeTo(comparedMark, head),
        category: head.category,
        count: run.value,
        span: this.span(sentence, run.start, run.end),
      });
    }
  }

  /** The period a number is compared in: "(55 cases)" after "same period last year", "compared to 14 in April". */
  private comparisonMark(text: string, run: NumberRun, mask: Array<[number, number]>): ScopeMark | null {
    const before = text.slice(Math.max(0, run.start - 60), run.start);
    const after = text.slice(run.end, run.end + 60);
    if (comparisonParenthesis.test(before)) {
      return samePeriodPattern.test(before)
        ? { scope: 'same_period_last_year' }
        : this.previousMonthMark(before);
    }
    if (monthParenthesis.test(before)) return this.monthMark(monthParenthesis.exec(before));
    if (samePeriodParenthesis.test(before)) return { scope: 'same_period_last_year' };
    // "13 (14 in April)", "80 (55 in the same period last year)"
    if (/\(\s*$/.test(before)) {
      const inside = inParenthesis.exec(after);
      if (inside) {
        mask.push([run.end, run.end + inside[0].length]);
        const words = inside[1] ?? '';
        return samePeriodPattern.test(words)
          ? { scope: 'same_period_last_year' }
          : this.monthMark(monthWithYear.exec(words));
      }
    }
    if (!comparisonBefore.test(before)) return null;
    const reference = comparedPeriod.exec(after);
    if (!reference) return samePeriodPattern.test(text) ? { scope: 'same_period_last_year' } : null;
    mask.push([run.end, run.end + reference[0].length]);
    const words = reference[1] ?? '';
    if (samePeriodPattern.test(words)) return { scope: 'same_period_last_year' };
    if (/^\d{4}$/.test(words)) return { scope: 'year', period: { from: `${words}-01`, to: `${words}-12` } };
    return this.monthMark(monthWithYear.exec(words));
  }

  private previousMonthMark(before: string): ScopeMark | null {
    return this.monthMark(monthWithYear.exec(before));
  }

  private monthMark(match: RegExpExecArray | null): ScopeMark | null {
    const number = match ? monthNumber(match[1] ?? '') : null;
    if (!number) return null;
    const { reportMonth } = this.context;
    let year = Number(match?.[2] ?? reportMonth.slice(0, 4));
    if (!match?.[2] && number > Number(reportMonth.slice(5))) year -= 1;
    const month = monthKey(year, number);
    if (month === reportMonth) return { scope: 'month' };
    return { scope: 'period', period: { from: month, to: month } };
  }

  private readJudicialActs(sentence: Sentence, runs: NumberRun[], consumed: Set<number>, mark: ScopeMark) {
    const text = sentence.text;
    let fact: JudicialActsFact | null = null;
    for (const run of runs) {
      if (consumed.has(run.start) || !Number.isInteger(run.value)) continue;
      // "In February, 2017 seven judicial acts": the year is a date, the count comes after it.
      if (isDatePart(text, run) || (!run.words && run.value >= 1900 && run.value <= 2100)) continue;
      const after = text.slice(run.end);
      const before = text.slice(Math.max(0, run.start - 80), run.start);
      if (judicialNoun.test(after) || judicialBefore.test(before)) {
        fact = {
          type: 'judicial_acts',
          ...mark,
          count: run.value,
          span: this.span(sentence, run.start, run.end),
        };
        const noun = judicialNoun.exec(after);
        if (noun) fact.span = this.span(sentence, run.start, run.end + noun[0].length);
        this.push(fact);
        this.lastJudicial = fact;
        consumed.add(run.start);
        continue;
      }
      const target = fact ?? this.lastJudicial;
      if (!target) continue;
      if (favourAfter.test(after) || favourBefore.test(before)) target.for_media = run.value;
      else if (appealAfter.test(after)) target.appeal = run.value;
      else if (cassationAfter.test(after)) target.cassation = run.value;
      else continue;
      consumed.add(run.start);
    }
  }

  /** "None of them was in favour of the media" */
  private readNoneInFavour(text: string) {
    if (this.lastJudicial && this.lastJudicial.for_media === undefined && noneInFavour.test(text)) {
      this.lastJudicial.for_media = 0;
    }
  }

  private readMoney(
    sentence: Sentence,
    runs: NumberRun[],
    consumed: Set<number>,
    mark: ScopeMark,
    stated: ScopeMark | null,
  ) {
    const text = sentence.text;
    const amounts = findAmounts(text, this.context.lang).filter((amount) => amount.currency === 'KZT');
    if (amounts.length === 0) return;
    const cues: Array<{ kind: MoneyKind; start: number; end: number }> = [];
    for (const [pattern, kind] of moneyCues) {
      for (const match of matchesOf(pattern, text)) {
        cues.push({ kind, start: match.index, end: match.index + match[0].length });
      }
    }
    if (cues.length === 0) return;
    // A cue inside a longer one belongs to it.
    const standing = cues.filter(
      (cue) =>
        !cues.some(
          (other) =>
            other !== cue &&
            other.start <= cue.start &&
            other.end >= cue.end &&
            other.end - other.start > cue.end - cue.start,
        ),
    );
    cues.length = 0;
    cues.push(...standing);
    cues.sort((a, b) => a.start - b.start);
    // An amount without its own period label takes that of the amount before it in the paragraph
    // ("Claims ... in January-February amounted to X. The courts collected Y.").
    const scope = stated ?? this.lastMoneyScope ?? mark;
    for (const amount of amounts) {
      const cue =
        [...cues].reverse().find((candidate) => candidate.end <= amount.start) ??
        cues.find((c) => c.start >= amount.end);
      if (!cue) continue;
      this.push({
        type: 'money',
        ...scope,
        kind: cue.kind,
        tenge: amount.value,
        span: this.span(sentence, Math.min(cue.start, amount.start), Math.max(cue.end, amount.end)),
      });
      for (const run of runs)
        if (run.start >= amount.start && run.start < amount.end) consumed.add(run.start);
    }
    this.lastMoneyScope = scope;
  }

  private span(sentence: Sentence, start: number, end: number): [number, number] {
    const trimmedEnd = sentence.text.slice(0, end).trimEnd().length;
    return [sentence.start + start, sentence.start + Math.max(start, trimmedEnd)];
  }

  /** Adds a fact unless the same figure was already read (a report may repeat a line). */
  private push(fact: Fact): boolean {
    const key = factKey(fact);
    if (this.facts.some((other) => factKey(other) === key)) return false;
    this.facts.push(fact);
    return true;
  }

  /** Checks that stated parts add up to their totals; a mismatch is flagged, never corrected. */
  checkSums() {
    const { flags } = this.context;
    const scopes = new Set(this.facts.map((fact) => `${fact.scope}|${fact.period?.from ?? ''}`));
    for (const scopeKey of scopes) {
      const inScope = this.facts.filter(
        (fact): fact is CountFact =>
          fact.type === 'count' && `${fact.scope}|${fact.period?.from ?? ''}` === scopeKey,
      );
      const value = (code: string) => inScope.find((fact) => fact.category === code)?.count;
      const legal = value('legal');
      const kinds = legalKinds.map((kind) => value(kind));
      if (legal !== undefined && kinds.every((kind) => kind !== undefined)) {
        const sum = kinds.reduce<number>((total, kind) => total + (kind ?? 0), 0);
        if (sum !== legal) {
          flags.push({
            code: 'sum_mismatch',
            message: `${scopeKey.split('|')[0]}: criminal + civil + administrative = ${sum}, but the legal total is ${legal}`,
          });
        }
      }
      const total = value('total');
      const groupValues = groups.map((group) => value(group));
      if (total !== undefined && groupValues.every((group) => group !== undefined)) {
        const sum = groupValues.reduce<number>((acc, group) => acc + (group ?? 0), 0);
        if (sum !== total) {
          flags.push({
            code: 'sum_mismatch',
            message: `${scopeKey.split('|')[0]}: the groups add up to ${sum}, but the total is ${total}`,
          });
        }
      }
    }
    const byParent = new Map<CountFact, CountRecord[]>();
    for (const record of this.counts) {
      // Legal kinds and groups are checked against their totals above; here the categories of a group.
      if (!record.parent || isGroup(record.fact.category) || isLegalKind(record.fact.category)) continue;
      byParent.set(record.parent, [...(byParent.get(record.parent) ?? []), record]);
    }
    for (const [parent, children] of byParent) {
      if (!(groups as readonly string[]).includes(parent.category) && parent.category !== 'total') continue;
      const sum = children.reduce((total, child) => total + child.fact.count, 0);
      const others = children.some((child) => child.hasOthers);
      if (others) {
        flags.push({
          code: 'and_others',
          message: `the lines under ${parent.category} (${parent.count}) end in "and others": they list ${sum}, not all`,
          span: parent.span,
        });
      } else if (sum !== parent.count) {
        flags.push({
          code: 'sum_mismatch',
          message: `the "including" lines under ${parent.category} add up to ${sum}, not ${parent.count}`,
          span: parent.span,
        });
      }
    }
  }
}

/** The legal kind of a kind or subject code ("administrative_defamation" → administrative). */
function legalKindOf(code: string): LegalKind | null {
  return legalKinds.find((kind) => code === kind || code.startsWith(`${kind}_`)) ?? null;
}

function isLegalKind(code: string): boolean {
  return (legalKinds as readonly string[]).includes(code);
}

function isGroup(code: string): boolean {
  return code === 'total' || (groups as readonly string[]).includes(code);
}

const monthBefore = re(`${B}${MONTH}\\.?\\s*$`);
const monthCommaBefore = re(`${B}${MONTH}\\.?,\\s*$`);
const monthAfter = re(`^\\s*${MONTH}`);

function isDatePart(text: string, run: NumberRun): boolean {
  const before = text.slice(Math.max(0, run.start - 14), run.start);
  const after = text.slice(run.end, run.end + 14);
  // "February, 2017": a year after a month and a comma (a number word there is a count: "August, four").
  const yearAfterComma =
    !run.words && run.value >= 1900 && run.value <= 2100 && monthCommaBefore.test(before);
  return monthBefore.test(before) || yearAfterComma || monthAfter.test(after) || /^\.\d{1,2}\./.test(after);
}

// "cases under this article", "по той же статье": the thing the figure before counts.
const sameThing = re(
  `(?:under|on|of) (?:this|the same|that) (?:article|offen[cs]e|charge)|по (?:этой|той же|данной) стать\\p{L}*`,
);
/** The words of the clause before a number, from its start ("The number of violations of ... fell:"). */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf(';'), before.lastIndexOf('('), 0);
  return before.slice(start).replace(/^[;(\s]+/u, '');
}

function factKey(fact: Fact): string {
  const value =
    fact.type === 'count'
      ? `${fact.category}=${fact.count}`
      : fact.type === 'money'
        ? `${fact.kind}=${fact.tenge}`
        : `acts=${fact.count}`;
  return `${fact.type}|${fact.scope}|${fact.period?.from ?? ''}-${fact.period?.to ?? ''}|${value}`;
}
