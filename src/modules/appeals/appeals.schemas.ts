import { z } from 'zod';
import { langs } from '../../i18n/langs.ts';

export const langParams = z.object({ lang: z.enum(langs) });
export const idParams = z.object({ lang: z.enum(langs), id: z.coerce.number().int().positive() });

const formText = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().default(''));
const formList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string()),
);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date as YYYY-MM-DD' });

/** Splits a textarea into its non-empty lines. */
export const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
/** Splits "a, b c" into ids. */
export const ids = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');

export const selectionFiltersSchema = z.object({
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  region: z
    .string()
    .regex(/^[a-z][a-z_]*$/)
    .optional()
    .catch(undefined),
});
export type SelectionFilters = z.infer<typeof selectionFiltersSchema>;

export const createBodySchema = z.object({ incidents: formList });

export const appealFormSchema = z.object({
  version: z.coerce.number().int().positive(),
  title_kk: formText,
  title_ru: formText,
  title_en: formText,
  body_kk: formText,
  body_ru: formText,
  body_en: formText,
  date: formText,
  addressees: formText,
  signatories: formText,
  incidents: formText,
  cases: formText,
});
export type AppealForm = z.infer<typeof appealFormSchema>;

/** What an appeal holds after the form is read. */
export const appealInputSchema = z.object({
  title: z.object({ kk: z.string().max(500), ru: z.string().max(500), en: z.string().max(500) }),
  body: z.object({ kk: z.string().max(100_000), ru: z.string().max(100_000), en: z.string().max(100_000) }),
  date: isoDate,
  addressees: z.array(z.string().max(500)).max(100),
  signatories: z.array(z.string().max(500)).max(200),
  incidentIds: z.array(z.string().max(200)).max(500),
  caseIds: z.array(z.string().max(200)).max(500),
});
export type AppealInput = z.infer<typeof appealInputSchema>;

export const versionBodySchema = z.object({ version: z.coerce.number().int().positive() });
/** Publishing asks first: only a form that says confirm=yes publishes. */
export const publishBodySchema = versionBodySchema.extend({ confirm: formText });

export const responseBodySchema = z.object({
  date: isoDate,
  responder: z.string().trim().min(1).max(500),
  text: z.string().trim().min(1).max(50_000),
});
