import { z } from 'zod';
import { flagCodes } from './report-flags.ts';

/**
 * The importer's boundaries: what `parse-report --json` prints (DESIGN section 7's fact schema, with
 * the items and flags beside it), and the figures the statistics module computes for a month (the
 * shape of `stats --json`), which reconciliation reads.
 */
const count = z.number().int().nonnegative();
const month = z.string().regex(/^\d{4}-\d{2}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const span = z.tuple([count, count]);
const scope = z.enum(['month', 'ytd', 'same_period_last_year', 'year', 'period']);
const period = z.strictObject({ from: month, to: month });

export const factSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('count'),
    scope,
    period: period.optional(),
    category: z.string(),
    count,
    in_court: count.optional(),
    span,
  }),
  z.strictObject({
    type: z.literal('money'),
    scope,
    period: period.optional(),
    kind: z.enum(['claims_non_pecuniary', 'collected_by_courts', 'fine', 'bail', 'claim', 'award']),
    tenge: count,
    span,
  }),
  z.strictObject({
    type: z.literal('judicial_acts'),
    scope,
    period: period.optional(),
    count,
    for_media: count.optional(),
    appeal: count.optional(),
    cassation: count.optional(),
    span,
  }),
]);

const itemSchema = z.strictObject({
  index: count,
  span,
  title: z.string(),
  date: z.union([day, month]),
  date_precision: z.enum(['day', 'month']),
  section: z.string().nullable(),
  dates: z.array(
    z.strictObject({
      date: z.union([day, month]),
      until: day.optional(),
      precision: z.enum(['day', 'month']),
      span,
    }),
  ),
  people: z.array(
    z.strictObject({
      name: z.string(),
      kind: z.string().nullable(),
      variants: z.array(z.string()),
      spans: z.array(span),
    }),
  ),
  outlets: z.array(z.strictObject({ name: z.string(), span })),
  places: z.array(z.strictObject({ name: z.string(), region: z.string(), span })),
  region: z.string().nullable(),
  locality: z.string().nullable(),
  articles: z.array(z.strictObject({ code: z.string().regex(/^(CC|CAO|CPC|CIVC|CONST)-\d+(-\d+)?$/), span })),
  amounts: z.array(
    z.strictObject({
      tenge: count.optional(),
      mci: z.number().nonnegative().optional(),
      usd: z.number().nonnegative().optional(),
      kind: z.enum(['fine', 'bail', 'claim', 'award']).nullable(),
      span,
    }),
  ),
  urls: z.array(z.strictObject({ url: z.string(), span })),
  categories: z.array(z.strictObject({ code: z.string(), confidence: z.number().min(0).max(1) })),
});

export const parsedReportSchema = z.strictObject({
  month: month.nullable(),
  published: day.nullable(),
  language: z.enum(['en', 'ru', 'kk']),
  format: z.enum(['digest', 'it_reports', 'overview', 'recorded', 'annual', 'appeal']).nullable(),
  title: z.string().nullable(),
  facts: z.array(factSchema),
  items: z.array(itemSchema),
  flags: z.array(z.strictObject({ code: z.enum(flagCodes), message: z.string(), span: span.optional() })),
});

const kindFigures = z.object({ count, in_court: count });
const scopeFigures = z.object({
  groups: z.object({ rights: count, information: count, legal: count, total: count }),
  categories: z.record(z.string(), count),
  legal: z.object({
    criminal: kindFigures,
    civil: kindFigures,
    administrative: kindFigures,
    subjects: z.record(z.string(), count),
  }),
  judicial_acts: z.object({ first: count, appeal: count, cassation: count, total: count, for_media: count }),
  money: z.object({ claims_non_pecuniary: count, collected_by_courts: count }),
});

/** A month's figures as `stats --json` prints them (DESIGN section 7). */
export const monthFiguresSchema = z.object({
  month,
  scope: z.object({ month: scopeFigures, ytd: scopeFigures, same_period_last_year: scopeFigures }),
});

export type MonthFigures = z.infer<typeof monthFiguresSchema>;
export type ScopeFigures = z.infer<typeof scopeFigures>;
