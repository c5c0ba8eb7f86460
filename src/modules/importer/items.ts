import { findArticles } from './articles.ts';
import { type CategoryCode, codesNamedBy, type Suggestion, suggestCategories } from './categories.ts';
import { datedLabel, type FoundDate, findDates } from './dates.ts';
import { findOutlets, findPeople, type PersonKind } from './entities.ts';
import { bulletText, type Paragraph, splitSentences } from './layout.ts';
import type { ReportFormat } from './metadata.ts';
import { findAmounts } from './numbers.ts';
import { type Lang, re } from './patterns.ts';
import { findPlaces } from './places.ts';
import type { ParagraphRole } from './roles.ts';

/**
 * The report's items: each bullet headline with its paragraphs, each dated paragraph ("May 10."),
 * each numbered point of an appeal, each headed story ("Trial on ..."). Every value found in an item
 * keeps its offsets (in the repaired text here; the parser maps them back to the input).
 */
export type AmountKind = 'fine' | 'bail' | 'claim' | 'award' | null;

export type DraftItem = {
  start: number;
  end: number;
  title: string;
  date: string;
  datePrecision: 'day' | 'month';
  dates: FoundDate[];
  section: string | null;
  people: Array<{ name: string; kind: PersonKind | null; start: number; end: number }>;
  outlets: Array<{ name: string; start: number; end: number }>;
  places: Array<{ name: string; region: string; start: number; end: number }>;
  region: string | null;
  locality: string | null;
  articles: Array<{ code: string; start: number; end: number }>;
  amounts: Array<{
    value: number;
    currency: 'KZT' | 'MCI' | 'USD';
    kind: AmountKind;
    start: number;
    end: number;
  }>;
  urls: Array<{ url: string; start: number; end: number }>;
  categories: Suggestion[];
};

type Open = {
  paragraphs: Paragraph[];
  headline: { text: string; start: number };
  label: FoundDate | null;
  numbered: boolean;
  section: { title: string; codes: CategoryCode[] } | null;
};

const sameDay = re(`(?:on )?the same day|в тот же день|сол күні`);
const amountCues: Array<[RegExp, Exclude<AmountKind, null>]> = [
  [re(`fined|fine of|a fine|штраф\\p{L}*|айыппұл\\p{L}*`), 'fine'],
  [re(`bail|залог\\p{L}*|кепіл\\p{L}*`), 'bail'],
  [
    re(
      `awarded|ordered [^.]{0,40}to pay|collected|recovered|взыска\\p{L}*|присуди\\p{L}*|обязал\\p{L}* выплатить`,
    ),
    'award',
  ],
  [
    re(
      `claim\\p{L}*|demand\\p{L}*|asked|compensat\\p{L}*|требу\\p{L}*|иск\\p{L}*|прос\\p{L}*|требовани\\p{L}*`,
    ),
    'claim',
  ],
];
const urlPattern = /https?:\/\/[^\s<>"«»]+[^\s<>"«».,;:!?)]/gu;

export function buildItems(
  text: string,
  paragraphs: Paragraph[],
  roles: ParagraphRole[],
  options: { format: ReportFormat | null; reportMonth: string; lang: Lang },
): DraftItem[] {
  const { format, reportMonth, lang } = options;
  const items: DraftItem[] = [];
  let open: Open | null = null;
  let section: Open['section'] = null;
  let skipBullets = false;
  const close = () => {
    if (open) items.push(finish(text, open, { reportMonth, lang, previous: items[items.length - 1] }));
    open = null;
  };
  const start = (
    paragraph: Paragraph,
    headline: { text: string; start: number },
    label: FoundDate | null,
  ): Open => {
    close();
    const opened: Open = { paragraphs: [paragraph], headline, label, numbered: paragraph.numbered, section };
    open = opened;
    return opened;
  };

  for (const [index, paragraph] of paragraphs.entries()) {
    const role = roles[index];
    if (role === 'end') break;
    if (role === 'header' || role === 'themed') continue;
    if (role === 'marker' || role === 'demands' || role === 'lead' || role === 'figure') {
      close();
      if (role === 'marker') section = null;
      skipBullets = role === 'demands';
      continue;
    }
    if (role === 'heading') {
      close();
      if (roles[index + 1] === 'themed') {
        section = { title: paragraph.text, codes: codesNamedBy(paragraph.text) };
      } else {
        // A headed story ("Trial on ...") stands on its own, outside any themed section before it.
        section = null;
        start(paragraph, { text: paragraph.text, start: paragraph.start }, null);
      }
      continue;
    }
    if (skipBullets && paragraph.bullet) continue;
    skipBullets = false;
    if (paragraph.bullet || paragraph.numbered) {
      const { text: headline, offset } = bulletText(paragraph);
      start(paragraph, { text: headline, start: offset }, null);
      continue;
    }
    if (paragraph.dated) {
      const label = datedLabel.exec(paragraph.text);
      const found = label ? findDates(label[0], reportMonth)[0] : undefined;
      const rest = paragraph.text.slice(label?.[0].length ?? 0);
      const first = splitSentences(rest, paragraph.start + (label?.[0].length ?? 0))[0];
      start(
        paragraph,
        { text: first?.text ?? rest, start: first?.start ?? paragraph.start },
        found ? { ...found, start: paragraph.start + found.start, end: paragraph.start + found.end } : null,
      );
      continue;
    }
    const hasDay = findDates(paragraph.text, reportMonth).some((date) => date.precision === 'day');
    const current = open as Open | null;
    if (current && !(format === 'appeal' && current.numbered)) {
      current.paragraphs.push(paragraph);
      continue;
    }
    if (current) close();
    if (hasDay || (format !== 'appeal' && paragraph.text.length > 160)) {
      const first = splitSentences(paragraph.text, paragraph.start)[0];
      const opened = start(
        paragraph,
        { text: first?.text ?? paragraph.text, start: first?.start ?? paragraph.start },
        null,
      );
      // In an appeal each dated paragraph stands alone, like a numbered point.
      opened.numbered = format === 'appeal';
    }
  }
  close();
  return items;
}

function shorten(text: string, limit = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= limit) return clean;
  const cut = clean.slice(0, limit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), limit - 30))}…`;
}

function finish(
  text: string,
  open: Open,
  context: { reportMonth: string; lang: Lang; previous: DraftItem | undefined },
): DraftItem {
  const { reportMonth, lang, previous } = context;
  const first = open.paragraphs[0] as Paragraph;
  const last = open.paragraphs[open.paragraphs.length - 1] as Paragraph;
  const start = first.start;
  const end = last.end;
  const itemText = text.slice(start, end);
  const headlineEnd = open.headline.start + open.headline.text.length - start;
  const located = <T extends { start: number; end: number }>(found: T): T => ({
    ...found,
    start: found.start + start,
    end: found.end + start,
  });

  const dates = findDates(itemText, reportMonth).map(located);
  const inHeadline = (date: FoundDate) => date.start < open.headline.start + open.headline.text.length;
  const inMonth = (date: FoundDate) => date.date.startsWith(reportMonth);
  const days = dates.filter((date) => date.precision === 'day');
  // The label first ("May 10."), then a day in the report's month (the body's before the headline's,
  // which often names an earlier event), then "on the same day" as the item before, then any day.
  let chosen = open.label ?? days.find((date) => inMonth(date) && !inHeadline(date)) ?? days.find(inMonth);
  let date = reportMonth;
  let precision: 'day' | 'month' = 'month';
  if (!chosen && previous && sameDay.test(itemText)) {
    date = previous.date;
    precision = previous.datePrecision;
  } else {
    chosen ??=
      days.find((date) => !inHeadline(date)) ??
      days[0] ??
      dates.find((date) => date.precision === 'month' && inMonth(date));
    date = chosen?.date ?? reportMonth;
    precision = chosen?.precision ?? 'month';
  }

  const places = findPlaces(itemText, date).map(located);
  const articles = findArticles(itemText).map(located);
  const headline = itemText.slice(0, Math.max(0, headlineEnd));
  const body = itemText.slice(Math.max(0, headlineEnd));
  const amounts = findAmounts(itemText, lang).map((amount) => {
    const sentenceStart = Math.max(
      itemText.lastIndexOf('.', amount.start - 1),
      itemText.lastIndexOf('\n', amount.start - 1),
      0,
    );
    const before = itemText.slice(Math.max(sentenceStart, amount.start - 120), amount.start);
    const kind = amountCues.find(([pattern]) => pattern.test(before))?.[1] ?? null;
    return {
      value: amount.value,
      currency: amount.currency,
      kind,
      start: amount.start + start,
      end: amount.end + start,
    };
  });
  const urls = [...itemText.matchAll(urlPattern)].map((match) => ({
    url: match[0],
    start: match.index + start,
    end: match.index + match[0].length + start,
  }));
  return {
    start,
    end,
    title: shorten(open.headline.text),
    date,
    datePrecision: precision,
    dates,
    section: open.section?.title ?? null,
    people: findPeople(itemText).map(located),
    outlets: findOutlets(itemText).map(located),
    places,
    region: places[0]?.region ?? null,
    locality: places[0]?.name ?? null,
    articles,
    amounts,
    urls,
    categories: suggestCategories({
      headline,
      body,
      articles: articles.map((article) => article.code),
      sectionCodes: open.section?.codes ?? [],
    }),
  };
}
