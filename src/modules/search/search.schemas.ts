import { z } from 'zod';
import { actorKinds, incidentGroups } from '../../domain/vocabularies.ts';
import { AppError } from '../../lib/errors.ts';

/**
 * The one filter of incidents. The list page, the statistics charts, the API and the CSV and JSON
 * downloads all parse their query string with this schema and turn it into SQL with
 * `filterCondition` (search.query.ts), so "download what I see" holds by construction.
 *
 * Within one facet the values are alternatives (region=astana&region=abai is either); across facets
 * they all apply. A list accepts repeated keys or commas (category=attack,threat).
 */
export { type ActorKind, actorKinds } from '../../domain/vocabularies.ts';

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a lowercase code');
const articleCode = z
  .string()
  .regex(/^(CC|CAO|CPC|CIVC|CONST)-[0-9]+(-[0-9]+)?$/, 'must be a legal article code such as CC-174');
const yearValue = z
  .string()
  .regex(/^[0-9]{4}$/, 'must be a year')
  .transform(Number)
  .pipe(z.number().int().min(1990).max(2100));
const monthValue = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');
const dayValue = z.iso.date();
const actorId = z.string().min(1).max(100);

function toList(value: string | string[] | undefined): string[] {
  const items = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return items
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A repeated or comma-separated query parameter, validated item by item. */
function listParam<T extends z.ZodType<unknown, string>>(item: T, description: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform(toList)
    .pipe(z.array(item).max(30))
    .describe(description);
}

export const incidentFiltersSchema = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .describe('words in the title, summary, locality or actor names, in any of the three languages'),
  year: listParam(yearValue, 'years of the counting month'),
  month: listParam(monthValue, 'counting months, YYYY-MM'),
  region: listParam(code, 'region codes (regions endpoint)'),
  group: listParam(z.enum(incidentGroups), 'incidents with a category of these groups'),
  category: listParam(code, 'category codes of the rights, information or context groups'),
  victim_kind: listParam(z.enum(actorKinds), 'kinds of named victims'),
  perpetrator_kind: listParam(z.enum(actorKinds), 'kinds of named perpetrators'),
  article: listParam(articleCode, 'legal article codes, e.g. CAO-456-2'),
  actor: listParam(actorId, 'actor ids: incidents that name any of them'),
  from: dayValue.optional().describe('first day (YYYY-MM-DD) of the incident date'),
  to: dayValue.optional().describe('last day (YYYY-MM-DD) of the incident date'),
});
export type IncidentFilters = z.output<typeof incidentFiltersSchema>;

export const sortOrders = ['newest', 'oldest', 'relevance'] as const;
export type SortOrder = (typeof sortOrders)[number];

/** Deep pages of a filter are never needed: a download or a narrower filter serves better. */
export const MAX_LIST_OFFSET = 10_000;

export const incidentListQuerySchema = incidentFiltersSchema.extend({
  sort: z
    .enum(sortOrders)
    .default('newest')
    .describe('newest or oldest first, or relevance (with q; ranks the newest 1000 matches)'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});
export type IncidentListQuery = z.output<typeof incidentListQuerySchema>;

/** Filters as the dimension they constrain: the facets of the list page drop their own filter. */
export const filterDimensions = [
  'year',
  'month',
  'region',
  'category',
  'victim_kind',
  'perpetrator_kind',
  'article',
] as const;
export type FilterDimension = (typeof filterDimensions)[number];

export function emptyFilters(): IncidentFilters {
  return incidentFiltersSchema.parse({});
}

/** The filters as query parameters, in one stable order, for links, downloads and cache keys. */
export function filtersToParams(filters: IncidentFilters, extra: Record<string, string | number> = {}) {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const key of [...filterDimensions, 'group', 'actor'] as const) {
    for (const value of filters[key]) params.append(key, String(value));
  }
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return params;
}

export function filtersQueryString(filters: IncidentFilters, extra: Record<string, string | number> = {}) {
  const text = filtersToParams(filters, extra).toString();
  return text === '' ? '' : `?${text}`;
}

/** True when any filter is set; a page can then offer to clear them. */
export function hasFilters(filters: IncidentFilters): boolean {
  return filtersToParams(filters).toString() !== '';
}

export function checkListWindow(query: Pick<IncidentListQuery, 'page' | 'per_page'>) {
  if ((query.page - 1) * query.per_page > MAX_LIST_OFFSET) {
    throw new AppError(
      'validation_failed',
      `page: pages reach at most ${MAX_LIST_OFFSET} records; narrow the filter or download it`,
      { field: 'page' },
    );
  }
}
