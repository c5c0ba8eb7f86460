import type { Lang } from '../../i18n/langs.ts';
import type { Paragraph } from './layout.ts';
import { B, E, lastDayOfMonth, MONTH, matchesOf, monthKey, monthNumber, re } from './patterns.ts';
import type { ReportFlag } from './report-flags.ts';

/**
 * What a report says about itself: its title, the month it covers, when it was published, its
 * language and which of the archive's formats it is written in (DESIGN section 6).
 */
/** `annual`: a yearly statistics page (a year's figures, scope `year`); the others are monthly. */
export type ReportFormat = 'digest' | 'it_reports' | 'overview' | 'recorded' | 'annual' | 'appeal';
export type ReportLanguage = Lang;

export type ReportMetadata = {
  title: string | null;
  titleParagraph: number | null;
  month: string | null;
  published: string | null;
  language: ReportLanguage;
  format: ReportFormat | null;
  /** Index of the first paragraph after the title block (organization, title, date, introduction). */
  bodyStart: number;
  /** Markers of a monitoring report were found (title, organization, format wording). */
  recognised: boolean;
};

const titlePattern = re(
  `violations? of (?:the )?freedom of (?:speech|expression)|freedom of (?:speech|expression)\\W{0,3}violations?|monitoring of (?:violations|freedom of speech)|нарушени\\p{L}* свобод\\p{L}* слова|мониторинг\\p{L}* нарушени\\p{L}*|сөз бостандығ\\p{L}* бұз\\p{L}*|дайджест|digest`,
);
const organizationPattern = re(
  `foundation|фонд|қоры|adil\\s*soz|әділ\\s*сөз|адил\\s*соз|freedom of speech protection|защиты свободы слова`,
);
const introPattern = re(
  `(?:conducted|made|carried out|presents?)\\s+(?:(?:a|an)\\s+)?(?:study|survey|analysis|monitoring|overview|review|statistics)|провел\\p{L}*\\s+(?:исследование|мониторинг)|представляет\\s+обзор|зерттеу жүргіз|шолу`,
);
const publishedPattern = re(
  `^(?:(\\d{1,2})\\s+(${MONTH})\\s+(\\d{4})(?:\\s*(?:года|г\\.|ж\\.|жыл\\p{L}*))?|(${MONTH})\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}))$`,
);
const monthYearPattern = re(`${B}(${MONTH})\\s*,?\\s+(\\d{4})${E}`, 'giu');
const recordedPattern = re(
  `(?:the following|there) (?:were|was|have been) (?:recorded|registered)\\s*:|(?:зафиксирован|зарегистрирован)\\p{L}*(?:\\s+следующ\\p{L}*)?\\s*:`,
);
const overviewPattern = re(
  `^(?:in|в)\\s+${MONTH}(?:\\s+\\d{4})?(?:\\s+года)?,?\\s+(?:\\p{L}+\\s+){0,3}(?:\\d+|\\p{L}+)\\s+(?:\\p{L}+\\s+){0,3}?(?:incidents?|cases|reports|инцидент\\p{L}*|случа\\p{L}*|сообщени\\p{L}*)[^.]{0,160}(?:registered|recorded|зарегистрирован|зафиксирован)|among the events (?:in|of)|среди событий`,
  'imu',
);
const digestPattern = re(
  `\\((?:digest|дайджест)\\)|there\\s+(?:was|were)\\s+(?:the\\s+)?following\\s+information\\s*:|поступил\\p{L}* следующ\\p{L}* информаци\\p{L}*\\s*:`,
);
const itReportsPattern = re(
  `(?:it\\s*reports|сообщает)\\s*:|the following charges were (?:filed|brought)|judicial acts were issued|предъявлен\\p{L}* следующ\\p{L}* обвинени|вынесен\\p{L}* \\d+ судебн|(?:study|исследование)\\s+(?:of\\s+)?(?:the\\s+)?(?:situation|ситуации)`,
);
// A yearly page: "statistics on violations ... in 2019", "Итоги 2019 года", a title with a year and no month.
const annualPattern = re(
  `(?:statistics|figures|results|итоги|статистик\\p{L}*)[^.\\n]{0,120}?(?:in|for|за|в)\\s+(\\d{4})(?:\\s+год\\p{L}*)?(?:\\s*[.:]|\\s*$)`,
  'imu',
);
const yearTitlePattern = re(`${B}((?:19|20)\\d{2})${E}`);
// A line that states a figure: "- 5 reports of ...", "Detained - 46 journalists", "Civil charges - 73".
const figureLinePattern = re(
  `^\\s*(?:[-–—•*]\\s*)?(?:\\d+\\s*\\p{L}|[^\\d\\n]{3,60}\\s[-–—]\\s*\\d+)`,
  'gmu',
);
const appealPattern = re(
  `${B}(?:appeal(?:ed|s)?|statement|open letter|обращени\\p{L}*|обратил\\p{L}*|заявлени\\p{L}*|открыт\\p{L}* письм\\p{L}*|үндеу\\p{L}*)${E}`,
);

export function readMetadata(paragraphs: Paragraph[], text: string, flags: ReportFlag[]): ReportMetadata {
  const head = paragraphs.slice(0, 12);
  const organization = head.some((p) => p.text.length < 200 && organizationPattern.test(p.text));
  let titleParagraph = head.findIndex((p) => p.text.length < 250 && titlePattern.test(p.text));
  const monitoringTitle = titleParagraph >= 0;
  if (titleParagraph < 0) {
    titleParagraph = head.findIndex(
      (p) => p.text.length < 250 && !organizationPattern.test(p.text) && !publishedPattern.test(p.text),
    );
  }
  const titleText = titleParagraph >= 0 ? (paragraphs[titleParagraph]?.text ?? null) : null;

  let publishedParagraph = -1;
  let published: string | null = null;
  for (const [index, paragraph] of head.entries()) {
    const date = readPublished(paragraph.text.trim());
    if (date) {
      published = date;
      publishedParagraph = index;
      break;
    }
  }

  let introIndex = head.findIndex((p, index) => index > titleParagraph && introPattern.test(p.text));
  // A page without its title block opens with the introduction ("... has conducted analysis of
  // violations ... in May, 2017"): it names the month.
  if (introIndex < 0 && !monitoringTitle) introIndex = head.findIndex((p) => introPattern.test(p.text));
  const introText = introIndex >= 0 ? (paragraphs[introIndex]?.text ?? '') : '';
  const annual = annualYear(titleText ?? '', introText, text);
  const statedMonth =
    firstMonthYear(titleText ?? '') ??
    (annual ? `${annual}-12` : null) ??
    (introIndex >= 0 ? firstMonthYear(introText) : null);
  const month =
    statedMonth ?? monthFromOpening(paragraphs, published, flags) ?? monthFromPublished(published, flags);

  const language = detectLanguage(text);
  const format = annual ? 'annual' : detectFormat(text, titleText, monitoringTitle, month, flags);
  // The summary's lead ("In May 2024, the following were recorded:") opens the body even when it
  // stands right under the title.
  const leadIndex = head.findIndex((p) => recordedPattern.test(p.text));
  const headerEnd = Math.max(titleParagraph, publishedParagraph, introIndex) + 1;
  const bodyStart =
    leadIndex >= 0 && leadIndex < headerEnd ? Math.max(leadIndex, titleParagraph + 1) : headerEnd;
  if (
    statedMonth &&
    published &&
    published < `${statedMonth}-${String(lastDayOfMonth(...yearMonth(statedMonth))).padStart(2, '0')}`
  ) {
    flags.push({
      code: 'published_before_month_end',
      message: `the publication date ${published} comes before the end of the month covered (${statedMonth})`,
    });
  }
  return {
    title: titleText?.trim() ?? null,
    titleParagraph: titleParagraph >= 0 ? titleParagraph : null,
    month,
    published,
    language,
    format,
    bodyStart,
    recognised: monitoringTitle || organization || itReportsPattern.test(text) || recordedPattern.test(text),
  };
}

/**
 * The year of a yearly statistics page: its title names a year and no month ("Freedom of Speech:
 * Violations 2019"), or its introduction speaks of the statistics of a year.
 */
function annualYear(title: string, intro: string, text: string): number | null {
  if (firstMonthYear(title) !== null) return null;
  const stated = annualPattern.exec(`${intro}\n${text.slice(0, 1500)}`);
  const titleYear = yearTitlePattern.exec(title);
  const year = Number(stated?.[1] ?? (titleYear && titlePattern.test(title) ? titleYear[1] : NaN));
  return year >= 1990 && year <= 2100 ? year : null;
}

function yearMonth(month: string): [number, number] {
  const [year = 2000, number = 1] = month.split('-').map(Number);
  return [year, number];
}

function readPublished(line: string): string | null {
  const match = publishedPattern.exec(line);
  if (!match) return null;
  const pad = (value: number) => String(value).padStart(2, '0');
  const build = (year: string | undefined, month: number | null, day: string | undefined) => {
    if (!year || !month || !day) return null;
    const dayNumber = Number(day);
    if (month > 12 || dayNumber < 1 || dayNumber > lastDayOfMonth(Number(year), month)) return null;
    return `${year}-${pad(month)}-${pad(dayNumber)}`;
  };
  if (match[1]) return build(match[3], monthNumber(match[2] ?? ''), match[1]);
  if (match[4]) return build(match[6], monthNumber(match[4]), match[5]);
  return build(match[9], Number(match[8]), match[7]);
}

// "in MayMarch 2021": a month typed over a template's month without deleting it; the first is the new one.
const gluedMonths = /(\p{Lu}\p{Ll}+)(\p{Lu}\p{Ll}+)\s*,?\s+(\d{4})(?!\d)/gu;
const monthRange = re(`${B}(${MONTH})\\s*[-–—]\\s*(${MONTH})\\s*,?\\s+(\\d{4})${E}`);

/** The month a title or an introduction names; of a range ("January–February 2018"), its last month. */
function firstMonthYear(text: string): string | null {
  const range = monthRange.exec(text);
  const last = range ? monthNumber(range[2] ?? '') : null;
  if (range && last) return monthKey(Number(range[3]), last);
  monthYearPattern.lastIndex = 0;
  for (const match of matchesOf(monthYearPattern, text)) {
    const number = monthNumber(match[1] ?? '');
    const year = Number(match[2]);
    if (number && year >= 1990 && year <= 2100) return monthKey(year, number);
  }
  for (const glued of text.matchAll(gluedMonths)) {
    const first = monthNumber(glued[1] ?? '');
    if (first && monthNumber(glued[2] ?? '')) return monthKey(Number(glued[3]), first);
  }
  return null;
}

/** "In May, the following were recorded" without a year: the year comes from the publication date. */
function monthFromOpening(
  paragraphs: Paragraph[],
  published: string | null,
  flags: ReportFlag[],
): string | null {
  const opening = paragraphs
    .slice(0, 15)
    .map((p) => p.text)
    .join('\n');
  const withYear = re(`(?:^|\\n)\\s*(?:in|в)\\s+(${MONTH})\\s+(\\d{4})`).exec(opening);
  if (withYear) {
    const number = monthNumber(withYear[1] ?? '');
    if (number) return monthKey(Number(withYear[2]), number);
  }
  const bare = re(`(?:^|\\n)\\s*(?:in|в)\\s+(${MONTH})[\\s,]`).exec(opening);
  const number = bare ? monthNumber(bare[1] ?? '') : null;
  if (!number || !published) return null;
  const [publishedYear = 2000, publishedMonth = 1] = published.split('-').map(Number);
  const year = number > publishedMonth ? publishedYear - 1 : publishedYear;
  flags.push({
    code: 'month_guessed',
    message: `the year of the month covered is taken from the publication date`,
  });
  return monthKey(year, number);
}

function monthFromPublished(published: string | null, flags: ReportFlag[]): string | null {
  if (!published) return null;
  flags.push({
    code: 'month_guessed',
    message: 'no month named in the title: the month of publication is used',
  });
  return published.slice(0, 7);
}

function detectLanguage(text: string): ReportLanguage {
  let latin = 0;
  let cyrillic = 0;
  let kazakh = 0;
  const sample = text.slice(0, 50_000);
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i) | 0x20;
    if (code >= 0x61 && code <= 0x7a) latin++;
    else if (isKazakhLetter(sample.charCodeAt(i))) kazakh++;
    else if (sample.charCodeAt(i) >= 0x0410 && sample.charCodeAt(i) <= 0x0451) cyrillic++;
  }
  if (cyrillic + kazakh > latin) return kazakh * 40 > cyrillic ? 'kk' : 'ru';
  return 'en';
}

// ә ғ қ ң ө ұ ү һ і (both cases)
const kazakhLetters = new Set([
  0x4d8, 0x4d9, 0x492, 0x493, 0x49a, 0x49b, 0x4a2, 0x4a3, 0x4e8, 0x4e9, 0x4b0, 0x4b1, 0x4ae, 0x4af, 0x4ba,
  0x4bb, 0x406, 0x456,
]);

function isKazakhLetter(code: number): boolean {
  return kazakhLetters.has(code);
}

function detectFormat(
  text: string,
  title: string | null,
  monitoringTitle: boolean,
  month: string | null,
  flags: ReportFlag[],
): ReportFormat | null {
  const opening = text.slice(0, 3000);
  if (digestPattern.test(title ?? '') || digestPattern.test(text)) return 'digest';
  if (recordedPattern.test(text)) return 'recorded';
  if (overviewPattern.test(text)) return 'overview';
  if (itReportsPattern.test(text)) return 'it_reports';
  // An appeal is prose: a page with several figure lines is a report whatever words it uses.
  const figureLines = [...opening.matchAll(figureLinePattern)].length;
  if (!monitoringTitle && figureLines < 3 && appealPattern.test(`${title ?? ''}\n${opening}`))
    return 'appeal';
  if (!month || !monitoringTitle) return null;
  const guess: ReportFormat =
    month < '2017-08'
      ? 'digest'
      : month < '2023-01'
        ? 'it_reports'
        : month < '2024-01'
          ? 'overview'
          : 'recorded';
  flags.push({
    code: 'format_guessed',
    message: `no wording of a known format found: ${guess} assumed from the month`,
  });
  return guess;
}
