import {
  firstNamed,
  type LegalKind,
  namedCodes,
  namesUnmappedOffence,
  type Subject,
  subjectCode,
  wordsOf,
} from './lexicon.ts';
import type { NumberRun } from './numbers.ts';
import { E, re } from './patterns.ts';

/**
 * What a figure line counts: the grammar of "number + noun phrase" ("6 cases of misuse of the image
 * of media outlets"), of "label – number" in a yearly table, and of a list line that names one thing
 * without a number. The names themselves are in the lexicon (lexicon.ts); the reading of whole
 * statements, with their periods and parents, is in facts.ts.
 */
export const countedNoun = re(
  `^(?:[\\p{L}'’-]+,?\\s+){0,5}?(?:reports?|cases?|incidents?|violations?|charges?|claims?|suits?|lawsuits?|accusations?|complaints?|letters?|facts?|episodes?|instances?|prosecutions?|proceedings|investigations?|сообщени\\p{L}*|случа\\p{L}*|инцидент\\p{L}*|нарушени\\p{L}*|обвинени\\p{L}*|претензи\\p{L}*|иск\\p{L}*|дел[аоу]?|жалоб\\p{L}*|факт\\p{L}*|эпизод\\p{L}*|преследовани\\p{L}*|разбирательств\\p{L}*|расследовани\\p{L}*|хабарлама\\p{L}*|жағдай\\p{L}*)${E}`,
);
const verbHead =
  /^(?:concern|relate|involve|are related|were related|are about|were about|касают|связан|относ)/iu;
const dashHead = /^[-–—:]\s*(?:в|во|на|по|из|о)\s/iu;
export const childLead =
  /^(?:of them|of which|из них|из которых)[,\s]+(?:(?:was|were|is|are)\s+)?(?:(?:a|an)\s+)?/iu;
const letterNoun = /^(?:[\p{L}-]+\s+){0,2}?letters?(?![\p{L}])/iu;
// "48 pre-trial complaints on protection of honour": a letter before action, not a suit.
const preTrialClaim = re(
  `(?:pre-?\\s?trial|досудебн\\p{L}*)\\s+(?:claims?|complaints?|demands?|претензи\\p{L}*)`,
);

/**
 * What the phrase after a number counts, read through the lexicon (lexicon.ts). A child ("including
 * 10 cases of refusals ...", a line under "including:") names its subject or category first; a head
 * ("4 criminal charges", "22 reports of violations of the rights of journalists") its legal kind or
 * group first. `parentKind` is the legal kind of the line a child hangs under ("Criminal charges:"
 * above "False information - 7").
 */
export type Classified = { code: string } | { ambiguous: string } | null;

export function classifyCount(
  words: string,
  child: boolean,
  parentKind: LegalKind | null = null,
  listed = child,
): Classified {
  const np = firstClause(words.replace(childLead, ''));
  if (letterNoun.test(np)) return { ambiguous: 'counts letters together with claims' };
  const named = wordsOf(np);
  const kinds = namedCodes(named, 'kind');
  const kind = kinds.length === 1 ? (kinds[0]?.code as LegalKind) : null;
  const subjects = namedCodes(named, 'subject');
  const categoriesNamed = namedCodes(named, 'category').filter((found) => {
    // A legal kind or subject explains words such as "copyright" or "false": they are no category then.
    return !(kind && subjects.some((subject) => subject.start <= found.start && subject.end >= found.end));
  });
  // A count must count something: a noun such as "reports" or "charges" ("14 friends" is no figure),
  // a verb of an overview ("20 concern ..."), a dash ("1 – в уголовном порядке"), or, under a head, a
  // thing named directly ("3 threats", "5 attacks", "1 pre-trial claim in a criminal case").
  const nameFirst = [...kinds, ...subjects, ...categoriesNamed].some((found) => found.start <= 6);
  const gated =
    countedNoun.test(np.replace(/^[-–—:]\s*/u, '')) ||
    verbHead.test(np) ||
    dashHead.test(np) ||
    (listed && nameFirst);
  if (!gated) return null;
  const subjectKind = kind ?? parentKind;
  const subjectNamed = subjects[0]?.code as Subject | undefined;
  if (subjectNamed && namesUnmappedOffence(named))
    return { ambiguous: 'names an offence without a category beside a known one' };
  if (subjectNamed === 'honor_dignity' && !kind && preTrialClaim.test(np))
    return { ambiguous: 'counts pre-trial claims (letters before action) together with suits' };
  const subject = subjectNamed ? subjectCode(subjectNamed, subjectKind) : null;
  if (child && !subject && new Set(categoriesNamed.map((found) => found.code)).size > 1)
    return { ambiguous: 'names several categories in one figure' };
  const category = categoriesNamed[0]?.code ?? null;
  const group = firstNamed(named, 'group');
  const order: Array<string | null> = child
    ? [subject, kind, category, group]
    : [kind, subject, group, category];
  const code = order.find((candidate) => candidate !== null);
  if (code) return { code };
  // "47 incidents ...", "49 cases related to freedom of speech ...": the month's total, named first.
  const total = namedCodes(named, 'total')[0];
  if (!child && total && total.start <= 3) return { code: 'total' };
  return null;
}

// Codes a figure statement counts on its own: groups, the total, legal kinds and subjects.
export const headCode = /^(?:rights|information|legal|total|criminal|civil|administrative)(?:_|$)/;

// Where the noun phrase after a number ends.
export const clauseStop =
  /[;:()]|\.(?:\s|$)|,\s*(?:including|of which|among them|in addition|compared|as well as|в том числе|из них|против)|\s(?:including|of which|в том числе|из них|compared|против|по сравнению|than)\s/iu;
// A line under "including:" that names one thing without a number.
export const singularLead =
  /^(?:(?:a|an|one)\s+)?(?:reports?|case|incident|instance|violation|fact|episode)(?![\p{L}])|^(?:одн[оа]\s+)?(?:сообщение|случай|факт|инцидент|эпизод|нарушение)(?![\p{L}])/iu;
// "all claims were brought in a civil manner", "все иски поданы в гражданском порядке"
export const allOfKind =
  /(?<![\p{L}])(?:all(?:\s+of\s+them|\s+(?:the\s+)?(?:claims|cases|charges|lawsuits|suits|accusations))|все\s+(?:они|претензии|иски|дела|обвинения))(?![\p{L}])/iu;
// The dash or colon between a label and its number: "Detained - 46", "Civil charges – 73".
const labelDash = /[-–—:]\s*$/u;

/**
 * The label before a number in a line of a yearly table ("Detained - 46 journalists", "Threats to
 * journalists and media – 10 facts"): the words from the line's start, or the last separator, up to
 * the dash. Only when the number is followed by no more than a unit ("journalists", "facts").
 */
export function labelBefore(
  text: string,
  run: NumberRun,
  phrase: string,
): { words: string; start: number } | null {
  const before = text.slice(0, run.start);
  if (!labelDash.test(before)) return null;
  const cut = Math.max(
    before.lastIndexOf(';'),
    before.lastIndexOf(','),
    before.lastIndexOf('('),
    before.lastIndexOf(':', before.length - 2),
  );
  const start = cut + 1;
  const words = before
    .slice(start)
    .replace(labelDash, '')
    .replace(/^[-–—•*\s]+/u, '')
    .trim();
  if (words.length < 3 || /\d/.test(words) || words.split(/\s+/).length > 10) return null;
  if (phrase.trim().split(/\s+/).filter(Boolean).length > 3) return null;
  return { words, start: start + before.slice(start).indexOf(words) };
}

/** What a label names: a category, a legal kind or subject, as a child of its heading would. */
export function classifyLabel(words: string, parentKind: LegalKind | null): Classified {
  return classifyCount(words, true, parentKind);
}

/** A noun phrase ends where its clause does: "administrative cases, including 3 for ..." is "administrative cases". */
export function firstClause(words: string): string {
  const stop = clauseStop.exec(words);
  return stop ? words.slice(0, stop.index) : words;
}

/** The words after a number up to the end of its clause: what the number counts. */
export function nounPhrase(after: string, runs: NumberRun[], run: NumberRun): string {
  const next = runs.find((other) => other.start > run.end);
  const limit = Math.min(220, next ? next.start - run.end : after.length);
  const window = after.slice(0, limit);
  const stop = clauseStop.exec(window);
  return stop ? window.slice(0, stop.index) : window;
}
