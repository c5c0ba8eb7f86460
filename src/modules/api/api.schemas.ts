import { z } from 'zod';
import { caseKinds } from '../../domain/vocabularies.ts';
import { langs } from '../../i18n/langs.ts';
import {
  aggregateDimensions,
  incidentFiltersSchema,
  incidentListQuerySchema,
  sortOrders,
} from '../search/index.ts';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('a stable code: validation_failed, not_found, rate_limited…'),
      message: z.string(),
      field: z.string().optional().describe('the input field at fault'),
    }),
  })
  .meta({ id: 'Error' });

export const errorResponses = {
  404: errorSchema,
  422: errorSchema,
  429: errorSchema,
} as const;

export const countSchema = z
  .object({
    value: z.number().int(),
    exact: z.boolean().describe('false when estimated from a sample (very large selections)'),
  })
  .meta({ id: 'Count' });

export const idParams = z.object({ id: z.string().min(1).max(200) });

export const incidentsQuerySchema = incidentListQuerySchema;

export const exportQuerySchema = incidentFiltersSchema.extend({
  lang: z.enum(langs).default('en').describe('language of the labels and of the preferred text'),
  sort: z
    .enum(sortOrders)
    .default('newest')
    .describe('the order of the list the download was taken from: newest, oldest or relevance (with q)'),
});

export const facetsQuerySchema = incidentFiltersSchema;

const dimensionList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) =>
    (value === undefined ? [] : Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')),
  )
  .pipe(z.array(z.enum(aggregateDimensions)).max(10));

export const statsIncidentsQuerySchema = incidentFiltersSchema.extend({
  by: dimensionList.describe(
    'dimensions to count by: year, month, region, group, category, victim_kind, perpetrator_kind, article, month_group (YYYY-MM:group)',
  ),
});

const monthString = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM');
export const monthlyQuerySchema = z.object({
  from: monthString.describe('first month, YYYY-MM'),
  to: monthString.describe('last month, YYYY-MM (at most 120 months after from)'),
});

export const monthQuerySchema = z.object({ month: monthString.describe('the month, YYYY-MM') });

const kindFigures = z.object({ count: z.number().int(), in_court: z.number().int() });
const scopeFigures = z.object({
  groups: z.object({
    rights: z.number().int(),
    information: z.number().int(),
    legal: z.number().int(),
    total: z.number().int(),
  }),
  categories: z
    .record(z.string(), z.number().int())
    .describe('every rights and information code, zeros included'),
  legal: z.object({
    criminal: kindFigures,
    civil: kindFigures,
    administrative: kindFigures,
    subjects: z.record(z.string(), z.number().int()),
  }),
  judicial_acts: z.object({
    first: z.number().int(),
    appeal: z.number().int(),
    cassation: z.number().int(),
    total: z.number().int(),
    for_media: z.number().int(),
  }),
  money: z.object({ claims_non_pecuniary: z.number(), collected_by_courts: z.number() }).describe('tenge'),
});
export const statsSchema = z
  .object({
    month: z.string(),
    scope: z.object({ month: scopeFigures, ytd: scopeFigures, same_period_last_year: scopeFigures }),
  })
  .meta({ id: 'MonthStats' });

export const casesQuerySchema = z.object({
  kind: z.enum(caseKinds).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});

export const actorsQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional().describe('a name in any spelling or script'),
  kind: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      (value === undefined ? [] : Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')),
    )
    .pipe(z.array(z.string().regex(/^[a-z_]+$/)).max(30)),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});

export const pageMetaSchema = z.object({
  page: z.number().int(),
  per_page: z.number().int(),
  total: countSchema,
  pages: z
    .number()
    .int()
    .describe('pages that can be requested (a text search pages through its newest 1000 matches)'),
});

export const countsSchema = z.record(
  z.string(),
  z.array(z.object({ value: z.string(), count: z.number().int() })),
);
