import type { Lang } from '../../i18n/langs.ts';
import {
  findArticles,
  findPeople,
  findPlaces,
  groupOfCategory,
  nameKey,
  type Suggestion,
  suggestCategories,
} from '../importer/index.ts';

/**
 * What the importer's recognisers find in one item: suggested categories, people, places (with
 * their region) and legal articles. These are suggestions for a monitor, never a verdict. The
 * same recognisers read the archive, so a wording taught to the importer helps intake too.
 */
export type CandidateSuggestions = {
  categories: Suggestion[];
  people: Array<{ name: string; kind: string | null; key: string }>;
  places: Array<{ name: string; region: string }>;
  articles: string[];
};

const MAX_EXCERPT = 600;

export function analyseItem(input: { title: string; text: string; date: string }): {
  suggestions: CandidateSuggestions;
  region: string | null;
  excerpt: string;
} {
  const body = input.text.slice(0, 20_000);
  // A full stop between them, so no name runs from the headline into the text.
  const whole = `${input.title}.\n\n${body}`;
  const articles = unique(findArticles(whole).map((article) => article.code));
  const categories = suggestCategories({ headline: input.title, body, articles }).slice(0, 6);
  const people = uniqueBy(
    findPeople(whole).map((person) => ({ name: person.name, kind: person.kind, key: nameKey(person.name) })),
    (person) => person.key,
  ).slice(0, 12);
  const places = uniqueBy(
    findPlaces(whole, input.date).map((place) => ({ name: place.name, region: place.region })),
    (place) => place.region,
  ).slice(0, 6);
  return {
    suggestions: { categories, people, places, articles },
    region: places[0]?.region ?? null,
    excerpt: excerptOf(body || input.title),
  };
}

/** The top suggestion that an incident may carry (legal codes belong to cases). */
export function incidentCategoryOf(suggestions: CandidateSuggestions): string {
  return suggestions.categories.find((s) => groupOfCategory(s.code) !== 'legal')?.code ?? 'other_context';
}

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_EXCERPT) return flat;
  return `${flat.slice(0, MAX_EXCERPT - 1).replace(/\s+\S*$/, '')}…`;
}

/** The language of a pasted text: Kazakh letters, else Cyrillic, else English. */
export function guessLang(text: string): Lang {
  if (/[әғқңөұүһі]/iu.test(text)) return 'kk';
  const cyrillic = (text.match(/[а-яё]/giu) ?? []).length;
  const latin = (text.match(/[a-z]/gi) ?? []).length;
  return cyrillic > latin ? 'ru' : 'en';
}

/** Words of a text for similarity: lower-case, at least four letters, cut to a crude stem of six. */
export function wordStems(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) stems.add(word.slice(0, 6));
  return stems;
}

export type Comparable = {
  publishedAt: Date | null;
  region: string | null;
  peopleKeys: readonly string[];
  stems: ReadonlySet<string>;
};

const GROUP_WINDOW_MS = 3 * 24 * 3600 * 1000;

/**
 * Whether two items tell the same story: close in time, and either the same person named (names
 * are compared by the importer's key, which is the same across Cyrillic and Latin spellings, so a
 * Kazakh, a Russian and an English report meet) in a compatible place, or much of the same wording.
 */
export function sameStory(a: Comparable, b: Comparable): boolean {
  if (
    a.publishedAt &&
    b.publishedAt &&
    Math.abs(a.publishedAt.getTime() - b.publishedAt.getTime()) > GROUP_WINDOW_MS
  ) {
    return false;
  }
  const placesAgree = !a.region || !b.region || a.region === b.region;
  const sharedPerson = a.peopleKeys.some((key) => b.peopleKeys.includes(key));
  if (sharedPerson && placesAgree) return true;
  return placesAgree && jaccard(a.stems, b.stems) >= 0.4;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export type IncidentForMatch = {
  id: string;
  date: string;
  region: string | null;
  categories: readonly string[];
  peopleKeys: readonly string[];
  title: string;
};

export type IncidentMatch = {
  id: string;
  title: string;
  score: number;
  reasons: Array<'person' | 'place' | 'category'>;
};

/**
 * Existing incidents (already limited to the date window) that the candidate may describe: a
 * named person counts most, then the region, then a shared category. One of person or place is
 * required, so a common category alone never suggests a match.
 */
export function matchIncidents(
  candidate: { region: string | null; peopleKeys: readonly string[]; categories: readonly string[] },
  incidents: readonly IncidentForMatch[],
): IncidentMatch[] {
  const matches: IncidentMatch[] = [];
  for (const incident of incidents) {
    const reasons: IncidentMatch['reasons'] = [];
    let score = 0;
    if (candidate.peopleKeys.some((key) => incident.peopleKeys.includes(key))) {
      reasons.push('person');
      score += 2;
    }
    if (candidate.region && candidate.region === incident.region) {
      reasons.push('place');
      score += 1;
    }
    if (score > 0 && candidate.categories.some((code) => incident.categories.includes(code))) {
      reasons.push('category');
      score += 1;
    }
    if (score >= 2) matches.push({ id: incident.id, title: incident.title, score, reasons });
  }
  return matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, 5);
}

/** The link without fragment, common tracking parameters and trailing slash: one candidate per story. */
export function linkKey(link: string): string {
  try {
    const url = new URL(link);
    url.hash = '';
    for (const name of [...url.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|yclid$)/i.test(name)) url.searchParams.delete(name);
    }
    url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
    url.protocol = 'https:';
    return url.toString().replace(/\/(?=$|\?)/, '');
  } catch {
    return link.trim();
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const k = key(value);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
