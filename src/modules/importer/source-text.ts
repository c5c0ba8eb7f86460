import { convert } from 'html-to-text';
import type { ReportFlag } from './report-flags.ts';

/**
 * The text the parser reads, with every repair it made. Repairs (literal "\r\n" escapes, words run
 * together, a handful of misspelt key words) change lengths, so `toOriginal` maps an offset in the
 * repaired text back to the input text: spans in the output always point into what the user gave.
 */
export type SourceText = {
  /** The input text: the file's text, or the text of an HTML file. */
  original: string;
  /** The repaired text every pattern runs on. */
  text: string;
  toOriginal: (start: number, end: number) => [number, number];
  flags: ReportFlag[];
};

type Edit = { start: number; end: number; replacement: string };

// Words the patterns depend on. A word one letter away from one of them (a letter missing, added or
// swapped, never a different letter) is read as that word; "journlists" and "Septermber" happen.
const keyWords = [
  'journalists',
  'journalist',
  'judicial',
  'criminal',
  'administrative',
  'charges',
  'reports',
  'collected',
  'thousand',
  'thousands',
  'million',
  'millions',
  'billion',
  'including',
  'beginning',
  'compensation',
  'pecuniary',
  'honour',
  'dignity',
  'reputation',
  'violations',
  'information',
  'dissemination',
  'proceedings',
  'procedure',
  'cassation',
  'registered',
  'recorded',
  'lawsuits',
  'following',
  'january',
  'february',
  'september',
  'october',
  'november',
  'december',
  'against',
  'citizens',
  'incidents',
];
const keyWordSet = new Set(keyWords);
// Short words allowed as parts of a run-together word ("Thecourtscollected", "Itreports").
const glueWords = new Set([
  ...keyWords,
  'the',
  'it',
  'of',
  'in',
  'on',
  'and',
  'to',
  'by',
  'for',
  'them',
  'were',
  'was',
  'courts',
  'court',
  'tenge',
  'acts',
  'claims',
  'favor',
  'favour',
  'media',
  'year',
  'since',
  'amounted',
]);

/** True when a and b differ by one inserted, deleted or transposed letter (not a substituted one). */
export function oneLetterSlip(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  if (longer.length - shorter.length !== 1) return false;
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  return longer.slice(i + 1) === shorter.slice(i);
}

function correctTypo(lower: string): string | null {
  if (lower.length < 7 || keyWordSet.has(lower)) return null;
  for (const word of keyWords) {
    // An inflection ("criminals", "proceeding") is a real word, not a slip.
    if (lower.startsWith(word) || word.startsWith(lower)) continue;
    if (oneLetterSlip(lower, word)) return word;
  }
  return null;
}

/** Split points of a word made of two or more known words run together, or null. */
function splitGlued(lower: string): number[] | null {
  if (lower.length < 8 || glueWords.has(lower)) return null;
  // best[i]: the split points of lower.slice(0, i), or undefined when it cannot be split.
  const best: Array<number[] | undefined> = [[]];
  for (let end = 2; end <= lower.length; end++) {
    for (let start = Math.max(0, end - 14); start <= end - 2; start++) {
      const before = best[start];
      if (before && glueWords.has(lower.slice(start, end))) {
        best[end] = start === 0 ? [] : [...before, start];
        break;
      }
    }
  }
  const splits = best[lower.length];
  if (!splits || splits.length === 0) return null;
  const parts = [0, ...splits, lower.length];
  const longest = Math.max(...parts.slice(1).map((at, i) => at - (parts[i] ?? 0)));
  return longest >= 5 ? splits : null;
}

// Most words are fine and recur from report to report: remember the verdict per word.
const repairs = new Map<string, { typo: string | null; splits: number[] | null } | null>();

function wordRepair(lower: string): { typo: string | null; splits: number[] | null } | null {
  let repair = repairs.get(lower);
  if (repair === undefined) {
    const typo = correctTypo(lower);
    const splits = typo ? null : splitGlued(lower);
    repair = typo || splits ? { typo, splits } : null;
    if (repairs.size > 50_000) repairs.clear();
    repairs.set(lower, repair);
  }
  return repair;
}

const repairPattern =
  /\\r\\n|\\n|\\r|\\t|\\"|\r\n?|[\u00a0\u2007\u2009\u202f]|[\u200b\ufeff\u00ad]|[A-Za-z]{7,}/g;

export function repairText(original: string): SourceText {
  const edits: Edit[] = [];
  const flags: ReportFlag[] = [];
  let escapes = 0;
  for (const match of original.matchAll(repairPattern)) {
    const found = match[0];
    const start = match.index;
    const end = start + found.length;
    if (found.startsWith('\\')) {
      escapes++;
      const replacement = found === '\\t' ? ' ' : found === '\\"' ? '"' : '\n';
      edits.push({ start, end, replacement });
    } else if (found.startsWith('\r')) {
      edits.push({ start, end, replacement: '\n' });
    } else if (/^[\u00a0\u2007\u2009\u202f]$/.test(found)) {
      edits.push({ start, end, replacement: ' ' });
    } else if (/^[\u200b\ufeff\u00ad]$/.test(found)) {
      edits.push({ start, end, replacement: '' });
    } else {
      const lower = found.toLowerCase();
      const repair = wordRepair(lower);
      if (!repair) continue;
      const typo = repair.typo;
      if (typo) {
        const replacement =
          found[0] === found[0]?.toUpperCase() ? typo[0]?.toUpperCase() + typo.slice(1) : typo;
        edits.push({ start, end, replacement });
        flags.push({ code: 'typo', message: `"${found}" read as "${replacement}"`, span: [start, end] });
        continue;
      }
      const splits = repair.splits;
      if (splits) {
        let replacement = '';
        let at = 0;
        for (const split of splits) {
          replacement += `${found.slice(at, split)} `;
          at = split;
        }
        replacement += found.slice(at);
        edits.push({ start, end, replacement });
        flags.push({
          code: 'glued_words',
          message: `"${found}" read as "${replacement}"`,
          span: [start, end],
        });
      }
    }
  }
  if (escapes > 0) {
    flags.unshift({
      code: 'literal_escapes',
      message: `${escapes} literal escape sequence(s) such as "\\r\\n" read as line breaks`,
    });
  }
  return applyEdits(original, edits, flags);
}

function applyEdits(original: string, edits: Edit[], flags: ReportFlag[]): SourceText {
  if (edits.length === 0) {
    return { original, text: original, toOriginal: (start, end) => [start, end], flags };
  }
  const pieces: string[] = [];
  // For each edit: where it starts and ends in the repaired text.
  const repairedStarts: number[] = [];
  const repairedEnds: number[] = [];
  let at = 0;
  let length = 0;
  for (const edit of edits) {
    pieces.push(original.slice(at, edit.start));
    length += edit.start - at;
    repairedStarts.push(length);
    pieces.push(edit.replacement);
    length += edit.replacement.length;
    repairedEnds.push(length);
    at = edit.end;
  }
  pieces.push(original.slice(at));
  const text = pieces.join('');

  const map = (index: number, side: 'start' | 'end'): number => {
    // The last edit that starts at or before index.
    let low = 0;
    let high = edits.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((repairedStarts[middle] ?? 0) <= index) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found < 0) return index;
    const edit = edits[found] as Edit;
    const editEnd = repairedEnds[found] ?? 0;
    if (index < editEnd || (index === editEnd && side === 'end' && index === repairedStarts[found])) {
      return side === 'start' ? edit.start : edit.end;
    }
    return edit.end + (index - editEnd);
  };
  return { original, text, toOriginal: (start, end) => [map(start, 'start'), map(end, 'end')], flags };
}

export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

export type DecodedFile = { text: string; html: boolean; flags: ReportFlag[] };

/**
 * Bytes to text, or a one-line reason why these bytes are not a report. UTF-8 (with or without BOM)
 * and UTF-16 with a BOM are read as such; old archive files in Windows-1251 are recognised too.
 */
export function decodeReport(bytes: Uint8Array): DecodedFile | { error: string } {
  if (bytes.byteLength > MAX_REPORT_BYTES) {
    return { error: `too large (${bytes.byteLength} bytes; a report is at most ${MAX_REPORT_BYTES} bytes)` };
  }
  const flags: ReportFlag[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const head = bytes.subarray(0, 8192);
    if (head.includes(0)) return { error: 'binary data, not text or HTML' };
    if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) {
      return { error: 'a PDF file; convert it to text or HTML first' };
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1251').decode(bytes);
      if (!/[а-яё]{3}/i.test(text)) return { error: 'not valid UTF-8 text' };
      flags.push({ code: 'encoding', message: 'not UTF-8: read as Windows-1251' });
    }
  }
  if (text.trim() === '') return { error: 'empty' };
  if (controlShare(text.slice(0, 8192)) > 0.01) return { error: 'binary data, not text or HTML' };
  const html = looksLikeHtml(text);
  return { text: html ? htmlToPlainText(text) : text, html, flags };
}

/** The share of characters that no text file contains (control codes other than tab, line breaks and form feed, and U+FFFD). */
function controlShare(sample: string): number {
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (
      (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) ||
      code === 127 ||
      code === 0xfffd
    ) {
      controls++;
    }
  }
  return sample.length === 0 ? 0 : controls / sample.length;
}

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  return (
    /^\s*<(!doctype|html|head|body|meta|div|p|section|article|h[1-6])\b/i.test(head) ||
    (head.match(/<\/?(p|div|br|li|ul|h[1-6]|span|strong|em|table|td|tr)\b[^>]*>/gi)?.length ?? 0) >= 3
  );
}

const headingSelectors = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
  selector,
  options: { uppercase: false },
}));

/** HTML to the plain text whose offsets the spans of an HTML report refer to. */
function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      ...headingSelectors,
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'ul', options: { itemPrefix: '- ' } },
    ],
  });
}
