import { z } from 'zod';
import { langs } from '../../i18n/langs.ts';

export const langParams = z.object({ lang: z.enum(langs) });
export const idParams = z.object({ lang: z.enum(langs), id: z.coerce.number().int().positive() });
export const apiIdParams = z.object({ id: z.coerce.number().int().positive() });
export const evidenceParams = z.object({
  id: z.coerce.number().int().positive(),
  evidenceId: z.coerce.number().int().positive(),
});

/** A form field sent once (or not at all: then empty). */
const formText = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().default(''));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date as YYYY-MM-DD' });
const optionalDate = z.preprocess((value) => (value === '' ? null : value), isoDate.nullable().default(null));
const regionCode = z.preprocess(
  (value) => (value === '' ? null : value),
  z
    .string()
    .regex(/^[a-z][a-z_]*$/, { error: 'a region code' })
    .nullable()
    .default(null),
);
const localized = (max: number) =>
  z.object({ kk: z.string().max(max), ru: z.string().max(max), en: z.string().max(max) });
/** "a, b c" → ids. */
const idList = z.preprocess(
  (value) =>
    String(Array.isArray(value) ? value.join(' ') : (value ?? ''))
      .split(/[\s,;]+/)
      .filter((id) => id !== ''),
  z.array(z.string().max(100)).max(50),
);
const year = z.coerce.number().int().min(1990).max(2100);
/** A filter from a URL: a bad value is dropped rather than answered with an error page. */
const loose = <S extends z.ZodType>(schema: S) => schema.optional().catch(undefined);

// ------------------------------------------------------------------ blocking

export const resourceKinds = ['site', 'page', 'account', 'channel', 'app', 'other'] as const;

export const blockingInputSchema = z.object({
  resource: z.string().trim().min(1, { error: 'required' }).max(2000),
  resource_kind: z.enum(resourceKinds),
  ordered_by: z.string().trim().min(1, { error: 'required' }).max(500),
  legal_basis: z.string().trim().max(1000),
  blocked_on: isoDate,
  lifted_on: optionalDate,
  region: regionCode,
  description: localized(5000),
  editorial_note: z.string().max(5000),
  incidents: idList,
});
export type BlockingInput = z.infer<typeof blockingInputSchema>;

/** The editorial form as sent: flat fields, the description per language. */
export const blockingFormSchema = z
  .object({
    resource: formText,
    resource_kind: formText,
    ordered_by: formText,
    legal_basis: formText,
    blocked_on: formText,
    lifted_on: formText,
    region: formText,
    description_kk: formText,
    description_ru: formText,
    description_en: formText,
    editorial_note: formText,
    incidents: formText,
  })
  .transform((form) => ({
    ...form,
    description: { kk: form.description_kk, ru: form.description_ru, en: form.description_en },
  }));
export type BlockingForm = z.infer<typeof blockingFormSchema>;

export const evidenceInputSchema = z.object({
  checked_on: isoDate,
  still_blocked: z.preprocess((value) => value === 'yes' || value === true, z.boolean()),
  link: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'a web address (http or https)' })]),
  content_sha256: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
    z.union([z.literal(''), z.string().regex(/^[0-9a-f]{64}$/, { error: 'a SHA-256 as 64 hex digits' })]),
  ),
});
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;
export const screenshotTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ScreenshotType = (typeof screenshotTypes)[number];
export const MAX_SCREENSHOT_BYTES = 1_500_000;

export const blockingFiltersSchema = z.object({
  year: loose(year),
  state: loose(z.enum(['blocked', 'lifted'])),
  region: loose(z.string().regex(/^[a-z][a-z_]*$/)),
});
export type BlockingFilters = z.infer<typeof blockingFiltersSchema>;

// ------------------------------------------------------------------ refusals

export const requesterKinds = ['journalist', 'media_outlet', 'blogger', 'other'] as const;
export const answers = ['pending', 'answered', 'refused', 'partial', 'late', 'silent'] as const;
export const appealOutcomes = ['pending', 'granted', 'partly_granted', 'rejected', 'withdrawn'] as const;

export const requestInputSchema = z.object({
  requester_kind: z.enum(requesterKinds),
  requester_name: z.string().trim().max(500),
  requester_anonymous: z.boolean(),
  body_name: z.string().trim().min(1, { error: 'required' }).max(500),
  region: regionCode,
  requested_on: isoDate,
  subject: localized(5000),
  deadline_on: isoDate,
  answer: z.enum(answers),
  answered_on: optionalDate,
  grounds: z.string().trim().max(2000),
  incident: z.preprocess(
    (value) => (value === '' ? null : value),
    z.string().max(100).nullable().default(null),
  ),
  editorial_note: z.string().max(5000),
});
export type RequestInput = z.infer<typeof requestInputSchema>;

export const requestFormSchema = z
  .object({
    requester_kind: formText,
    requester_name: formText,
    requester_anonymous: formText,
    body_name: formText,
    region: formText,
    requested_on: formText,
    subject_kk: formText,
    subject_ru: formText,
    subject_en: formText,
    deadline_on: formText,
    answer: formText,
    answered_on: formText,
    grounds: formText,
    incident: formText,
    editorial_note: formText,
  })
  .transform((form) => ({
    ...form,
    requester_anonymous: form.requester_anonymous === 'yes',
    subject: { kk: form.subject_kk, ru: form.subject_ru, en: form.subject_en },
  }));
export type RequestForm = z.infer<typeof requestFormSchema>;

export const requestAppealInputSchema = z.object({
  filed_on: isoDate,
  appealed_to: z.string().trim().min(1, { error: 'required' }).max(500),
  outcome: z.enum(appealOutcomes),
  decided_on: optionalDate,
});
export type RequestAppealInput = z.infer<typeof requestAppealInputSchema>;

export const refusalFiltersSchema = z.object({
  year: loose(year),
  region: loose(z.string().regex(/^[a-z][a-z_]*$/)),
  body: loose(z.string().min(1).max(500)),
  answer: loose(z.enum([...answers, 'refusals', 'late_answers'])),
});
export type RefusalFilters = z.infer<typeof refusalFiltersSchema>;

export const versionBodySchema = z.object({ version: z.coerce.number().int().positive() });

// ------------------------------------------------------------------ public API shapes

const publicIncidentLink = z.object({
  id: z.string(),
  date: z.string(),
  title: z.record(z.string(), z.string()),
});

export const publicBlockingSchema = z.object({
  id: z.number(),
  resource: z.string(),
  resource_kind: z.enum(resourceKinds),
  ordered_by: z.string(),
  legal_basis: z.string(),
  blocked_on: z.string(),
  lifted_on: z.string().nullable(),
  still_blocked: z.boolean(),
  region: z.string().nullable(),
  description: z.record(z.string(), z.string()),
  evidence: z.array(
    z.object({
      id: z.number(),
      checked_on: z.string(),
      still_blocked: z.boolean(),
      link: z.string(),
      content_sha256: z.string().nullable(),
      screenshot_sha256: z.string().nullable(),
      screenshot_url: z.string().nullable(),
    }),
  ),
  incidents: z.array(publicIncidentLink),
});
export type PublicBlocking = z.infer<typeof publicBlockingSchema>;

export const blockingYearSchema = z.object({
  year: z.number(),
  blocked: z.number(),
  lifted: z.number(),
  still_blocked_at_year_end: z.number(),
});
export type BlockingYear = z.infer<typeof blockingYearSchema>;

export const publicRequestSchema = z.object({
  id: z.number(),
  requester: z.object({ kind: z.enum(requesterKinds), name: z.string().nullable(), anonymous: z.boolean() }),
  body: z.string(),
  region: z.string().nullable(),
  requested_on: z.string(),
  subject: z.record(z.string(), z.string()),
  deadline_on: z.string(),
  answer: z.enum(answers),
  answered_on: z.string().nullable(),
  late: z.boolean(),
  grounds: z.string(),
  appeals: z.array(
    z.object({
      filed_on: z.string(),
      appealed_to: z.string(),
      outcome: z.enum(appealOutcomes),
      decided_on: z.string().nullable(),
    }),
  ),
  incident: publicIncidentLink.nullable(),
});
export type PublicRequest = z.infer<typeof publicRequestSchema>;

export const rankingRowSchema = z.object({
  body: z.string(),
  year: z.number(),
  region: z.string().nullable(),
  requests: z.number(),
  refused: z.number(),
  partial: z.number(),
  silent: z.number(),
  late: z.number(),
  refusals: z.number(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;
