/**
 * Step one of a bulletin (STYLE.md, Reports): a pure function from the figures, the items and the
 * editor's texts to one data object in one language. Every renderer (HTML, Markdown, PDF, DOCX)
 * only lays this object out, so the four outputs always say the same thing.
 */

import type { Config } from '../../config.ts';
import type { BulletinSection, CaseKind, Instance, Outcome } from '../../db/types.ts';
import { bulletinSections } from '../../domain/vocabularies.ts';
import { amountInWords } from '../../i18n/amounts.ts';
import { interpolate, translator } from '../../i18n/define.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';
import { type Lang, type LocalizedText, langs, pickText } from '../../i18n/langs.ts';
import {
  compareWithLastYear,
  describeComparison,
  type ScopeFigures,
  type ScopeName,
  type StatsJson,
} from '../stats/index.ts';
import { type BulletinMessageKey, bulletinMessages } from './bulletins.messages.ts';
import { countedNoun, dayAndMonth, monthPhrases } from './wording.ts';

// The sections and their printed order are the vocabulary's (src/domain/vocabularies.ts).
export { bulletinSections } from '../../domain/vocabularies.ts';

export type CaseEventSnapshot = {
  date: string;
  kind: string;
  instance: Instance | null;
  outcome: Outcome | null;
  awarded: number | null;
  note: LocalizedText;
};

/** The public-safe content of one item; frozen into the bulletin when it is published. */
export type ItemSnapshot =
  | {
      type: 'incident';
      id: string;
      date: string;
      datePrecision: 'day' | 'month';
      restricted: boolean;
      title: LocalizedText;
      summary: LocalizedText;
      regionCode: string | null;
      categories: string[];
    }
  | {
      type: 'case';
      id: string;
      kind: CaseKind;
      title: LocalizedText;
      summary: LocalizedText;
      firstDate: string | null;
      /** The case's events dated in the bulletin's month. */
      events: CaseEventSnapshot[];
    };

export type BulletinItemInput = { itemId: number | null; section: BulletinSection; snapshot: ItemSnapshot };

export type BulletinInput = {
  month: string;
  /** 'live' is a bulletin computed on the fly, with no saved draft. */
  state: 'published' | 'draft' | 'live';
  publishedAt: string | null;
  organization: Config['organization'];
  figures: StatsJson;
  labels: {
    categories: Record<string, LocalizedText>;
    /** The group of every category code, in taxonomy order (the order the summary lists them in). */
    categoryGroups: Record<string, string>;
    /** The case kind of every legal subject code. */
    subjectKinds: Record<string, CaseKind>;
    regions: Record<string, LocalizedText>;
  };
  introduction: LocalizedText;
  sectionNotes: Partial<Record<BulletinSection, LocalizedText>>;
  items: BulletinItemInput[];
};

/** A piece of text; a figure carries the scope and path that open the records behind it. */
export type Fragment = { text: string; figure?: { scope: ScopeName; path: string } };
export type Line = { fragments: Fragment[]; children: Line[] };

export type AssembledItem = {
  itemId: number | null;
  record: { type: 'incident' | 'case'; id: string } | null;
  dateLabel: string | null;
  heading: string;
  /** Set when the heading comes from another language than the bulletin's (a record not yet translated). */
  headingLang: Lang | null;
  paragraphs: string[];
};

export type AssembledBulletin = {
  lang: Lang;
  month: string;
  state: BulletinInput['state'];
  organizationNames: Array<{ lang: Lang; text: string }>;
  title: string;
  dateLine: string;
  introduction: string[];
  summary: { heading: string; lines: Line[] };
  sections: Array<{ key: BulletinSection; heading: string; note: string[]; items: AssembledItem[] }>;
  yearToDate: { heading: string; lines: Line[] };
  lastYear: { heading: string; lines: Line[] };
  money: { heading: string; lines: Line[] };
  methodology: string;
  contacts: { heading: string; lines: string[] };
};

type Value = string | number | Fragment;

/** Fills a template; placeholders given a Fragment become fragments of their own (figures stay linkable). */
function fragmentsOf(template: string, values: Record<string, Value>): Fragment[] {
  const fragments: Fragment[] = [];
  let rest = template;
  for (let match = /\{(\w+)\}/.exec(rest); match; match = /\{(\w+)\}/.exec(rest)) {
    const name = match[1] ?? '';
    const value = values[name];
    const before = rest.slice(0, match.index);
    if (value !== undefined && typeof value === 'object') {
      if (before) fragments.push({ text: before });
      fragments.push(value);
    } else {
      fragments.push({ text: before + (value === undefined ? match[0] : String(value)) });
    }
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) fragments.push({ text: rest });
  // Merge neighbouring plain texts, so renderers see as few pieces as possible.
  return fragments.reduce<Fragment[]>((merged, fragment) => {
    const last = merged.at(-1);
    if (last && !last.figure && !fragment.figure) last.text += fragment.text;
    else merged.push({ ...fragment });
    return merged;
  }, []);
}

/** Lines start with a capital letter even when a template starts with a placeholder's lower-case word. */
function capitalized(fragments: Fragment[]): Fragment[] {
  const [first, ...rest] = fragments;
  if (!first || first.figure) return fragments;
  return [{ text: first.text.charAt(0).toLocaleUpperCase() + first.text.slice(1) }, ...rest];
}

const paragraphsOf = (text: string | undefined) =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

export function lineText(line: Line): string {
  return line.fragments.map((fragment) => fragment.text).join('');
}

export function assembleBulletin(input: BulletinInput, lang: Lang): AssembledBulletin {
  const t = translator(bulletinMessages, lang);
  const raw = (key: BulletinMessageKey) => bulletinMessages[lang][key];
  const month = monthPhrases(input.month, lang);
  const number = (value: number) => formatNumber(value, lang);
  const label = (labels: Record<string, LocalizedText>, code: string) =>
    pickText(labels[code], lang)?.text ?? code;
  const figure = (scope: ScopeName, path: string, value: number, text = number(value)): Fragment => ({
    text,
    figure: { scope, path },
  });
  const line = (key: BulletinMessageKey, values: Record<string, Value>, children: Line[] = []): Line => ({
    fragments: capitalized(fragmentsOf(raw(key), values)),
    children,
  });
  const taxonomyOrder = (counts: Record<string, number>, wanted: (code: string) => boolean) =>
    Object.keys(input.labels.categoryGroups).flatMap((code): Array<[string, number]> => {
      const count = counts[code] ?? 0;
      return count > 0 && wanted(code) ? [[code, count]] : [];
    });
  const withIncluding = (parent: Line): Line =>
    parent.children.length === 0
      ? parent
      : { ...parent, fragments: [...parent.fragments, { text: `, ${t('including')}` }] };
  const country = lang === 'en' ? input.organization.country : t('country');

  /** The groups and the legal block of one scope: the summary and the year-to-date block share it. */
  const figureLines = (scope: ScopeName, figures: ScopeFigures): Line[] => {
    const categoryLines = (group: 'rights' | 'information') =>
      // In taxonomy order: frozen figures come back from a JSON column, whose key order is not kept.
      taxonomyOrder(figures.categories, (code) => input.labels.categoryGroups[code] === group).map(
        ([code, count]) =>
          line('categoryLine', {
            label: label(input.labels.categories, code),
            count: figure(scope, `categories.${code}`, count),
          }),
      );
    const { criminal, civil, administrative } = figures.legal;
    const subjectLines = (kind: CaseKind) =>
      taxonomyOrder(figures.legal.subjects, (code) => input.labels.subjectKinds[code] === kind).map(
        ([code, count]) =>
          line('subjectLine', {
            label: label(input.labels.categories, code),
            count: figure(scope, `legal.subjects.${code}`, count),
          }),
      );
    return [
      withIncluding(
        line(
          'rightsLine',
          {
            count: figure(scope, 'groups.rights', figures.groups.rights),
            reports: countedNoun(raw('reports'), figures.groups.rights, lang),
          },
          categoryLines('rights'),
        ),
      ),
      withIncluding(
        line(
          'informationLine',
          {
            count: figure(scope, 'groups.information', figures.groups.information),
            reports: countedNoun(raw('reports'), figures.groups.information, lang),
          },
          categoryLines('information'),
        ),
      ),
      withIncluding(
        line(
          'legalLine',
          {
            count: figure(scope, 'groups.legal', figures.groups.legal),
            claims: countedNoun(raw('claims'), figures.groups.legal, lang),
          },
          [
            withIncluding(
              line(
                'criminalLine',
                {
                  count: figure(scope, 'legal.criminal.count', criminal.count),
                  criminalCases: countedNoun(raw('criminalCases'), criminal.count, lang),
                  inCourt: figure(scope, 'legal.criminal.in_court', criminal.in_court),
                },
                subjectLines('criminal'),
              ),
            ),
            withIncluding(
              line(
                'civilLine',
                {
                  count: figure(scope, 'legal.civil.count', civil.count),
                  civilClaims: countedNoun(raw('civilClaims'), civil.count, lang),
                },
                subjectLines('civil'),
              ),
            ),
            withIncluding(
              line(
                'administrativeLine',
                {
                  count: figure(scope, 'legal.administrative.count', administrative.count),
                  administrativeCharges: countedNoun(
                    raw('administrativeCharges'),
                    administrative.count,
                    lang,
                  ),
                },
                subjectLines('administrative'),
              ),
            ),
          ],
        ),
      ),
      line('totalLine', { count: figure(scope, 'groups.total', figures.groups.total) }),
    ];
  };

  const { month: monthFigures, ytd, same_period_last_year: lastYear } = input.figures.scope;
  const summaryLines = [
    ...figureLines('month', monthFigures),
    line('judicialActsLine', {
      month: month.inMonth,
      count: figure('month', 'judicial_acts.total', monthFigures.judicial_acts.total),
      forMedia: figure('month', 'judicial_acts.for_media', monthFigures.judicial_acts.for_media),
    }),
  ];

  const comparisons: Array<[string, string]> = [
    [t('sectionRights'), 'groups.rights'],
    [t('sectionInformation'), 'groups.information'],
    [t('sectionLegal'), 'groups.legal'],
    [t('comparisonTotal'), 'groups.total'],
  ];
  const groupValue = (figures: ScopeFigures, path: string) =>
    figures.groups[path.replace('groups.', '') as keyof ScopeFigures['groups']];
  const lastYearLines = comparisons.map(([name, path]) => {
    const current = groupValue(ytd, path);
    const previous = groupValue(lastYear, path);
    const comparison = compareWithLastYear(current, previous);
    return comparison.kind === 'none'
      ? line('comparisonLineNone', {
          label: name,
          count: figure('ytd', path, current),
          year: Number(month.year) - 1,
        })
      : line('comparisonLine', {
          label: name,
          count: figure('ytd', path, current),
          lastYear: figure('same_period_last_year', path, previous),
          comparison: describeComparison(comparison, lang),
        });
  });

  const byId = new Map(input.items.map((item) => [item, assembleItem(input, item, lang)]));
  const sections = bulletinSections
    .map((key) => ({
      key,
      heading: t(sectionHeadingKey[key], { month: month.inMonth }),
      note: paragraphsOf(pickText(input.sectionNotes[key], lang)?.text),
      items: input.items
        .filter((item) => item.section === key)
        .map((item) => byId.get(item) as AssembledItem),
    }))
    .filter((section) => section.items.length > 0 || section.note.length > 0);

  const organization = input.organization;
  return {
    lang,
    month: input.month,
    state: input.state,
    organizationNames: langs.map((each) => ({ lang: each, text: organization.name[each] })),
    title: t('title', { country, monthYear: month.title }),
    dateLine:
      input.state === 'published' && input.publishedAt
        ? t('publishedOn', { date: formatDate(input.publishedAt.slice(0, 10), lang) })
        : t('draftMark'),
    introduction: paragraphsOf(
      pickText(input.introduction, lang)?.text ??
        t('defaultIntroduction', {
          organization: organization.name[lang],
          country,
          monthYear: month.inMonthYear,
          monthYearFor: month.forMonthYear,
        }),
    ),
    summary: { heading: t('summaryHeading', { monthYear: month.inMonthYear }), lines: summaryLines },
    sections,
    yearToDate: { heading: t('ytdHeading', { year: month.year }), lines: figureLines('ytd', ytd) },
    lastYear: { heading: t('lastYearHeading', { year: Number(month.year) - 1 }), lines: lastYearLines },
    money: {
      heading: t('moneyHeading'),
      lines: [
        line('claimsLine', {
          amount: figure(
            'ytd',
            'money.claims_non_pecuniary',
            ytd.money.claims_non_pecuniary,
            amountInWords(ytd.money.claims_non_pecuniary, lang),
          ),
        }),
        line('collectedLine', {
          amount: figure(
            'ytd',
            'money.collected_by_courts',
            ytd.money.collected_by_courts,
            amountInWords(ytd.money.collected_by_courts, lang),
          ),
        }),
      ],
    },
    methodology: t('methodology'),
    contacts: {
      heading: t('contacts'),
      lines: [
        organization.email,
        organization.phone,
        organization.address,
        organization.website ?? '',
      ].filter(Boolean),
    },
  };
}

const sectionHeadingKey: Record<BulletinSection, BulletinMessageKey> = {
  context: 'sectionContext',
  rights: 'sectionRights',
  information: 'sectionInformation',
  legal: 'sectionLegal',
  ongoing: 'sectionOngoing',
};

const eventKey: Record<string, BulletinMessageKey> = {
  filed: 'eventFiled',
  investigation_opened: 'eventInvestigationOpened',
  measure: 'eventMeasure',
  hearing: 'eventHearing',
  decision: 'eventDecision',
  appeal: 'eventAppeal',
  cassation: 'eventCassation',
  in_force: 'eventInForce',
  enforcement: 'eventEnforcement',
  requalified: 'eventRequalified',
};
const instanceKey: Record<Instance, BulletinMessageKey> = {
  first: 'instanceFirst',
  appeal: 'instanceAppeal',
  cassation: 'instanceCassation',
  supreme: 'instanceSupreme',
};
const outcomeKey: Record<Outcome, BulletinMessageKey> = {
  for_media: 'outcomeForMedia',
  against_media: 'outcomeAgainstMedia',
  partial: 'outcomePartial',
  dismissed: 'outcomeDismissed',
  settled: 'outcomeSettled',
  pending: 'outcomePending',
};
const kindKey: Record<CaseKind, BulletinMessageKey> = {
  criminal: 'kindCriminal',
  civil: 'kindCivil',
  administrative: 'kindAdministrative',
};

function assembleItem(input: BulletinInput, item: BulletinItemInput, lang: Lang): AssembledItem {
  const t = translator(bulletinMessages, lang);
  const { snapshot } = item;
  const label = (labels: Record<string, LocalizedText>, code: string) =>
    pickText(labels[code], lang)?.text ?? code;
  if (snapshot.type === 'incident' && snapshot.restricted) {
    return {
      itemId: item.itemId,
      record: null,
      dateLabel: null,
      heading: t('restrictedItem', {
        categories: snapshot.categories.map((code) => label(input.labels.categories, code)).join(', '),
        region: snapshot.regionCode ? label(input.labels.regions, snapshot.regionCode) : '—',
      }),
      headingLang: null,
      paragraphs: [],
    };
  }
  const title = pickText(snapshot.title, lang);
  const base = {
    itemId: item.itemId,
    record: { type: snapshot.type, id: snapshot.id },
    heading: title?.text ?? snapshot.id,
    headingLang: title && title.lang !== lang ? title.lang : null,
  };
  const summary = paragraphsOf(pickText(snapshot.summary, lang)?.text);
  if (snapshot.type === 'incident') {
    return {
      ...base,
      dateLabel: snapshot.datePrecision === 'day' ? dayAndMonth(snapshot.date, lang) : null,
      paragraphs: summary,
    };
  }
  const events = snapshot.events.map((event) => {
    const details = [
      event.instance ? t(instanceKey[event.instance]) : null,
      event.outcome ? t(outcomeKey[event.outcome]) : null,
      event.awarded ? t('awarded', { amount: amountInWords(event.awarded, lang) }) : null,
    ].filter(Boolean);
    const note = pickText(event.note, lang)?.text;
    const what = t(eventKey[event.kind] ?? 'eventOther');
    return `${dayAndMonth(event.date, lang)}: ${what}${details.length ? ` (${details.join('; ')})` : ''}.${note ? ` ${note}` : ''}`;
  });
  const reminder =
    item.section === 'ongoing' && snapshot.firstDate
      ? [
          interpolate(bulletinMessages[lang].reminder, {
            kind: t(kindKey[snapshot.kind]),
            date: formatDate(snapshot.firstDate, lang),
          }),
        ]
      : [];
  const firstEvent = snapshot.events[0];
  return {
    ...base,
    dateLabel: firstEvent ? dayAndMonth(firstEvent.date, lang) : null,
    paragraphs: [...events, ...reminder, ...summary],
  };
}
