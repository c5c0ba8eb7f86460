import { datedLabel } from './dates.ts';

/**
 * The report as paragraphs and sentences, with offsets into the repaired text. Most archive files
 * have one paragraph per line; hard-wrapped files have long lines that continue on the next one,
 * which are joined back.
 */
export type Paragraph = {
  start: number;
  end: number;
  text: string;
  /** "- ...", "• ...", "* ..." */
  bullet: boolean;
  /** "1. ...", "2) ..." */
  numbered: boolean;
  /** Starts with a date label: "May 10." */
  dated: boolean;
  /** A blank line follows. */
  blankAfter: boolean;
};

export type Sentence = { start: number; end: number; text: string };

const bulletPattern = /^[-–—•*·▪●◦]\s*(?=\S)/u;
const numberedPattern = /^\d{1,2}[.)]\s+(?=\p{Lu}|[«"“])/u;

export function splitParagraphs(text: string): Paragraph[] {
  const lines: Array<{ start: number; end: number; blankAfter: boolean }> = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') lines.push({ start: at + lead, end: at + lead + trimmed.length, blankAfter: false });
    else if (lines.length > 0) (lines[lines.length - 1] as { blankAfter: boolean }).blankAfter = true;
    at += raw.length + 1;
  }
  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    const lineText = text.slice(line.start, line.end);
    const previous = paragraphs[paragraphs.length - 1];
    if (previous && continues(previous, lineText)) {
      previous.end = line.end;
      previous.text = text.slice(previous.start, previous.end);
      previous.blankAfter = line.blankAfter;
      continue;
    }
    paragraphs.push({
      start: line.start,
      end: line.end,
      text: lineText,
      bullet: bulletPattern.test(lineText),
      numbered: numberedPattern.test(lineText),
      dated: datedLabel.test(lineText),
      blankAfter: line.blankAfter,
    });
  }
  return paragraphs;
}

/** A hard-wrapped line goes on: long, not ended, and the next line is not a new bullet or label. */
function continues(previous: Paragraph, next: string): boolean {
  if (previous.blankAfter) return false;
  if (bulletPattern.test(next) || numberedPattern.test(next) || datedLabel.test(next)) return false;
  const lastLine = previous.text.slice(previous.text.lastIndexOf('\n') + 1);
  if (/[.!?:;»"”)]$/u.test(lastLine)) return /^\p{Ll}/u.test(next);
  // A title or date line ends in a year ("... Kazakhstan September 2024"); a capital after it starts anew.
  if (/(?:^|\s)(?:19|20)\d{2}$/u.test(lastLine) && /^\p{Lu}/u.test(next)) return false;
  // Rows of a table of figures ("Civil claims – 70, of them 55 ...") are lines of their own.
  if (/^[^\d\n]{3,80}\s[-–—]\s*\d/u.test(next) && /^\p{Lu}/u.test(next)) return false;
  return lastLine.length >= 60 || /^\p{Ll}/u.test(next);
}

export function bulletText(paragraph: Paragraph): { text: string; offset: number } {
  const match = bulletPattern.exec(paragraph.text) ?? numberedPattern.exec(paragraph.text);
  const offset = match ? match[0].length : 0;
  return { text: paragraph.text.slice(offset), offset: paragraph.start + offset };
}

// Abbreviations after which a full stop does not end a sentence.
const abbreviation =
  /(?:^|[\s(])(?:art|arts|no|nos|mr|mrs|ms|dr|st|vs|approx|incl|jan|feb|mar|apr|aug|sep|sept|oct|nov|dec|ст|ч|п|г|гг|тыс|млн|млрд|им|ул|т\.е|т\.д|др|см|руб|обл|р-н|\p{Lu})$/iu;

export function splitSentences(text: string, offset: number): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const boundary = /([.!?;]+)(["”»’)]*)\s+(?=[\p{Lu}\d«"“•(-])/gu;
  for (const match of text.matchAll(boundary)) {
    const stop = match.index;
    if ((match[1] ?? '').startsWith('.') && abbreviation.test(text.slice(Math.max(start, stop - 8), stop)))
      continue;
    const end = stop + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    sentences.push({ start: offset + start, end: offset + end, text: text.slice(start, end) });
    start = match.index + match[0].length;
  }
  if (start < text.length)
    sentences.push({ start: offset + start, end: offset + text.length, text: text.slice(start) });
  return sentences;
}
