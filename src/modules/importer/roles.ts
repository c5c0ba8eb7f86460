import { classifyCount, countedNoun, headCode, singularLead } from './count-phrase.ts';
import { findDates } from './dates.ts';
import { JUDICIAL_ACTS, judicialBefore } from './facts.ts';
import { bulletText, type Paragraph } from './layout.ts';
import { namedCodes, wordsOf } from './lexicon.ts';
import type { ReportFormat } from './metadata.ts';
import { findAmounts, scanNumbers } from './numbers.ts';
import { type Lang, MONTH, re } from './patterns.ts';
import { explicitScope } from './scope.ts';

/**
 * What each paragraph of a report is: part of the title block, a marker ("It reports:", "Also in
 * May:"), a figure statement or the lead line of a figures list, a section heading, a themed
 * statistic under a heading, narrative text, or the closing matter (methodology, contacts).
 */
export type ParagraphRole =
  | 'header'
  | 'marker'
  | 'demands'
  | 'lead'
  | 'figure'
  | 'heading'
  | 'themed'
  | 'text'
  | 'end';

type Strength = {
  level: 'lead' | 'strong' | 'weak';
  reason: 'lead' | 'judicial' | 'money' | 'head' | 'dated' | 'count';
};

const endPattern = re(
  `^(?:the )?monitoring (?:was|is|has been) (?:done|prepared|carried out|conducted|made)|^head of (?:the )?monitoring|^e-?mail\\s*:|^for all (?:\\p{L}+[- ]?)*(?:questions|inquiries)|^ask your question|^the appeal was signed|^мониторинг (?:проведен|подготовлен|осуществл)|^руководитель службы мониторинга|^по всем вопросам|^задать вопрос|^обращение подписал|^мониторинг .{0,40}жүргізілді|^сұрақ қою`,
);
const sectionMarker = re(
  `^(?:also|more|other events) in ${MONTH}\\s*:?$|^among the events (?:in|of) ${MONTH}\\s*:?$|^также в ${MONTH}\\s*:?$|^среди событий ${MONTH}\\s*:?$|^it\\s*reports\\s*:?$|^сообщает\\s*:?$|^there (?:was|were) (?:the )?following information\\s*:?$|^поступил\\p{L}* следующ\\p{L}* информаци\\p{L}*\\s*:?$|^(?:the )?(?:appeal|statement) (?:says|reads)\\s*:?$`,
);
const demandsMarker = re(
  `(?:we (?:believe|demand|call on|urge|ask|consider|insist)|считаем|требуем|призываем|просим|настаиваем)[^.]{0,200}:\\s*$`,
);
const leadPattern = re(
  `(?:following|these)\\s+(?:charges|claims|accusations|cases)|(?:^|\\s)(?:it|we|the foundation)\\s+(?:has\\s+)?(?:recorded|registered|counted)\\s*:?\\s*$|(?:charges|claims|lawsuits)[^.]{0,60}(?:were|have been)\\s+(?:filed|brought)|the following (?:were|was|have been) (?:recorded|registered)|(?:зафиксирован|зарегистрирован)\\p{L}*|предъявлен\\p{L}*|(?:were|have been) brought`,
);
const signature = re(
  `in connection with (?:the )?(?:exercise|realization|implementation) of|against (?:the )?media(?:,| and)|(?:were|was|have been) (?:filed|brought|recorded|registered|made|issued)|предъявлен\\p{L}*|в связи с реализацией|зафиксирован\\p{L}*|зарегистрирован\\p{L}*`,
);
const judicialWords = re(JUDICIAL_ACTS);
const aggregateMoney = re(
  `(?:claims?|demands?)[^.]{0,60}(?:moral|non-pecuniary|non-material)|(?:collected|recovered) (?:amounts?|sums?)|amounts? (?:collected|recovered)|взысканн\\p{L}* сумм|(?:moral|non-pecuniary)[^.]{0,30}claims|courts?\\s*(?:have\\s+|has\\s+)?(?:collected|recovered|ordered|obliged)|collected by (?:the )?courts|морально\\p{L}* вред\\p{L}*[^.]{0,60}(?:составил|состав)|суд\\p{L}*\\s+взыскал\\p{L}*|взыскан\\p{L}* суд`,
);
const zeroLine = re(
  `^(?:there (?:were|was) )?(?:no|нет|ни одного|ни одной)\\s+(?:\\p{L}+\\s+)?(?:criminal|civil|administrative|уголовн|гражданск|административн)`,
);
const listMarker = re(
  `^(?:including|in particular|these include|among them|в том числе|из них|среди них)\\s*:?$`,
);
const comparedNumbers = re(
  `\\d+\\s+(?:\\p{L}+\\s+){0,2}?(?:compared (?:to|with)|against|versus|vs\\.?|против|по сравнению с)\\s+\\d+`,
);
const samePeriod = re(`same period|аналогичн\\p{L}* период`);

function strengthOf(
  paragraph: Paragraph,
  lang: Lang,
  reportMonth: string,
  next: Paragraph | undefined,
): Strength | null {
  const { text } = bulletText(paragraph);
  const runs = scanNumbers(text, lang).filter((run) => Number.isInteger(run.value));
  // "... were brought" with the list of figures right under it reads as if it ended in a colon.
  const listFollows = next?.bullet === true && /^[-–—•*]\s*\d/u.test(next.text);
  const endsWithColon = /:\s*$/.test(text) || (listFollows && !/\.\s*$/u.test(text));
  // A lead names what follows ("The following charges were filed:") or only its period ("Since the beginning of the year:").
  const scope = endsWithColon ? explicitScope(text, reportMonth) : null;
  const lead =
    endsWithColon &&
    (leadPattern.test(text) || (scope !== null && (text.length < 120 || scope.scope === 'ytd')));
  if (runs.length === 0) {
    if (lead) return { level: 'lead', reason: 'lead' };
    // "Criminal charges:" over the lines of a yearly table that name only the offence.
    if (endsWithColon && text.length < 60 && namedCodes(wordsOf(text), 'kind').length === 1)
      return { level: 'weak', reason: 'count' };
    // "- Report of copyright infringement." in a list: one of what it names.
    if (paragraph.bullet && singularLead.test(text.replace(/^[-–—•*\s]+/u, ''))) {
      const classified = classifyCount(text.replace(/^[-–—•*\s]+/u, ''), true);
      if (classified && 'code' in classified) return { level: 'weak', reason: 'count' };
    }
    return zeroLine.test(text) ? { level: 'weak', reason: 'count' } : null;
  }
  if (
    judicialWords.test(text) &&
    runs.some(
      (run) =>
        judicialWords.test(text.slice(run.end, run.end + 40)) ||
        judicialBefore.test(text.slice(Math.max(0, run.start - 60), run.start)),
    )
  ) {
    return { level: 'strong', reason: 'judicial' };
  }
  if (aggregateMoney.test(text) && findAmounts(text, lang).some((amount) => amount.currency === 'KZT')) {
    return { level: 'strong', reason: 'money' };
  }
  // "The number of violations of journalists' rights went down: 19 compared to 23 in May"
  const comparison = comparedNumbers.exec(text);
  if (comparison) {
    const classified = classifyCount(
      text
        .slice(0, comparison.index)
        .replace(/^.*[;(]/su, '')
        .trimStart(),
      false,
    );
    if (classified && 'code' in classified && headCode.test(classified.code))
      return { level: 'strong', reason: 'dated' };
  }
  let best: Strength | null = null;
  for (const run of runs) {
    if (run.value >= 1900 && run.value <= 2100) continue;
    // A bullet that starts with its number names what it counts directly ("- 1 threat against ...").
    const listed = paragraph.bullet && run.start <= 3;
    const classified =
      classifyCount(text.slice(run.end).trimStart(), listed) ?? classifyLabelLine(text, run.start);
    if (!classified) {
      // "- 2 pre-trial charges for ...": a counted line whose subject needs a kind it does not state.
      if (listed && countedNoun.test(text.slice(run.end).trimStart()))
        best ??= { level: 'weak', reason: 'count' };
      continue;
    }
    // A figure line that mixes what it counts is still a figure line: the summary goes on past it.
    if ('ambiguous' in classified) {
      best ??= { level: 'weak', reason: 'count' };
      continue;
    }
    const isHead = headCode.test(classified.code);
    const scoped = explicitScope(text, reportMonth);
    if (scoped && (scoped.scope === 'ytd' || samePeriod.test(text)) && isHead)
      return { level: 'strong', reason: 'dated' };
    if (run.start <= 60 && isHead && signature.test(text)) return { level: 'strong', reason: 'head' };
    // "19 reports of violations of the rights of journalists ..., including:" heads a list of figures.
    if (
      run.start <= 3 &&
      isHead &&
      /(?:including|in particular|these include|в том числе|из них)\s*:?\s*$/iu.test(text)
    )
      return { level: 'strong', reason: 'head' };
    // "In June, 2014 media outlets dealt with one suit about protection of honour": a month's head figure.
    if (!paragraph.bullet && scoped?.scope === 'month' && isHead && /^(?:in|в|во)\s/iu.test(text))
      return { level: 'strong', reason: 'head' };
    best ??= { level: 'weak', reason: 'count' };
  }
  if (best) return best;
  return lead ? { level: 'lead', reason: 'lead' } : null;
}

/** "Detained - 46 journalists", "Civil charges – 73": a label, a dash, then the number. */
function classifyLabelLine(text: string, at: number) {
  const label = /^([^\d:;]{3,80}?)\s*[-–—]\s*$/u.exec(text.slice(0, at));
  if (!label) return null;
  const words = (label[1] ?? '').replace(/^[-–—•*\s]+/u, '');
  const classified = classifyCount(words, true);
  if (classified) return classified;
  // An offence whose kind the heading above states ("False information – 7" under "Criminal charges:").
  return namedCodes(wordsOf(words), 'subject').length > 0 ? { ambiguous: 'kind stated above' } : null;
}

function isHeading(paragraph: Paragraph, next: Paragraph | undefined): boolean {
  const { text } = paragraph;
  if (paragraph.bullet || paragraph.numbered || paragraph.dated || !paragraph.blankAfter) return false;
  if (text.length > 170 || /[.!?:;,]["”»]?$/u.test(text) || !/^[\p{Lu}«"“]/u.test(text)) return false;
  if (text.split(/\s+/).length > 28) return false;
  return next !== undefined && !/^\p{Ll}/u.test(next.text);
}

/** A heading followed by statistics and no dated event opens a themed section, not an item. */
function opensThemedSection(paragraphs: Paragraph[], from: number, reportMonth: string): boolean {
  let statistics = 0;
  for (let i = from; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i] as Paragraph;
    if (paragraph.dated || paragraph.bullet || paragraph.numbered || isHeading(paragraph, paragraphs[i + 1]))
      break;
    if (sectionMarker.test(paragraph.text) || endPattern.test(paragraph.text)) break;
    if (findDates(paragraph.text, reportMonth).some((date) => date.precision === 'day')) return false;
    if (/(?:^|\D)(?:19|20)\d{2}(?:\D|$)/.test(paragraph.text) || /\d+\s*%/.test(paragraph.text)) statistics++;
  }
  return statistics > 0;
}

export function assignRoles(
  paragraphs: Paragraph[],
  options: { bodyStart: number; format: ReportFormat | null; lang: Lang; reportMonth: string },
): ParagraphRole[] {
  const { bodyStart, format, lang, reportMonth } = options;
  const roles: ParagraphRole[] = paragraphs.map((_, index) => (index < bodyStart ? 'header' : 'text'));
  const summaryFormat = format === 'recorded' || format === 'overview';
  let summary: 'before' | 'open' | 'closed' = 'before';
  let block = false;
  let themed = false;
  for (let i = bodyStart; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i] as Paragraph;
    if (endPattern.test(paragraph.text)) {
      for (let j = i; j < paragraphs.length; j++) roles[j] = 'end';
      break;
    }
    if (sectionMarker.test(paragraph.text)) {
      roles[i] = 'marker';
      block = false;
      themed = false;
      if (summary === 'open') summary = 'closed';
      continue;
    }
    // "Including:" alone on a line carries the summary on to the list under it.
    if ((summary === 'open' || block) && listMarker.test(paragraph.text)) {
      roles[i] = 'figure';
      continue;
    }
    if (format !== 'appeal' && !demandsMarker.test(paragraph.text)) {
      const strength = strengthOf(paragraph, lang, reportMonth, paragraphs[i + 1]);
      let figure: ParagraphRole | null = null;
      if (strength) {
        if (summaryFormat) {
          const summaryLike = strength.level !== 'weak' || summary === 'open';
          if (summary !== 'closed' && summaryLike && !paragraph.dated) {
            summary = 'open';
            figure = strength.level === 'lead' ? 'lead' : 'figure';
          } else if (strength.level === 'strong' && strength.reason !== 'head' && !themed) {
            figure = 'figure';
          }
        } else if (strength.level === 'lead') {
          figure = 'lead';
          block = true;
        } else if (strength.level === 'strong' || block || format === 'annual') {
          figure = 'figure';
        }
      }
      if (figure) {
        roles[i] = figure;
        continue;
      }
    }
    block = false;
    if (summary === 'open') summary = 'closed';
    if (demandsMarker.test(paragraph.text)) {
      roles[i] = 'demands';
      continue;
    }
    if (isHeading(paragraph, paragraphs[i + 1])) {
      roles[i] = 'heading';
      themed = opensThemedSection(paragraphs, i + 1, reportMonth);
      if (themed) {
        for (let j = i + 1; j < paragraphs.length; j++) {
          const next = paragraphs[j] as Paragraph;
          if (next.dated || next.bullet || next.numbered || isHeading(next, paragraphs[j + 1])) break;
          if (sectionMarker.test(next.text) || endPattern.test(next.text)) break;
          roles[j] = 'themed';
          i = j;
        }
      }
      continue;
    }
    if (paragraph.dated || paragraph.bullet) themed = false;
  }
  return roles;
}
