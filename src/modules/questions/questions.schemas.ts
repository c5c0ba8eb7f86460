import { z } from 'zod';
import { questionTopics } from '../../domain/vocabularies.ts';
import { langs } from '../../i18n/langs.ts';
import { questionStatuses } from './questions.workflow.ts';

export { type QuestionTopic, questionTopics } from '../../domain/vocabularies.ts';

export const QUESTION_MIN_CHARS = 20;
export const QUESTION_MAX_CHARS = 5000;
export const NAME_MAX_CHARS = 200;
export const CONTACT_MAX_CHARS = 200;
/** Room for 5000 characters of Cyrillic (6 bytes each once form-encoded) and the other fields. */
export const ASK_BODY_LIMIT_BYTES = 64 * 1024;

/** Issue messages are catalog keys; the views turn them into text in the reader's language. */
export type AskFieldError =
  | 'errorQuestionRequired'
  | 'errorQuestionTooShort'
  | 'errorQuestionTooLong'
  | 'errorTopicRequired'
  | 'errorRegionInvalid'
  | 'errorNameTooLong'
  | 'errorContactInvalid';

export type AskField = 'body' | 'topic' | 'region' | 'name' | 'contact';

const formText = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().default(''));

/** What the form sent, as typed: re-rendered untouched when validation fails. */
export const askFormValuesSchema = z.object({
  body: formText,
  topic: formText,
  region: formText,
  name: formText,
  contact: formText,
  consent: formText,
  website: formText,
  _csrf: formText,
  _stamp: formText,
  _submission: formText,
});
export type AskFormValues = z.infer<typeof askFormValuesSchema>;

const emailSchema = z.email();

/** 'name@example.org' → email; '+7 (701) 123-45-67' → phone '+77011234567'; anything else → null. */
export function parseContact(raw: string): { kind: 'email' | 'phone'; value: string } | null {
  const value = raw.trim();
  if (value.includes('@')) {
    const lower = value.toLowerCase();
    return emailSchema.safeParse(lower).success ? { kind: 'email', value: lower } : null;
  }
  if (!/^\+?[\d\s()-]+$/.test(value)) return null;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 10 || digits.length > 15) return null;
  return { kind: 'phone', value: `${value.startsWith('+') ? '+' : ''}${digits}` };
}

export const askInputSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, { error: 'errorQuestionRequired' })
    .min(QUESTION_MIN_CHARS, { error: 'errorQuestionTooShort' })
    .max(QUESTION_MAX_CHARS, { error: 'errorQuestionTooLong' }),
  topic: z.enum(questionTopics, { error: 'errorTopicRequired' }),
  region: z
    .string()
    .regex(/^([a-z][a-z_]*)?$/, { error: 'errorRegionInvalid' })
    .transform((value) => (value === '' ? null : value)),
  name: z
    .string()
    .trim()
    .max(NAME_MAX_CHARS, { error: 'errorNameTooLong' })
    .transform((value) => (value === '' ? null : value)),
  contact: z
    .string()
    .trim()
    .max(CONTACT_MAX_CHARS, { error: 'errorContactInvalid' })
    .transform((value, context) => {
      if (value === '') return null;
      const contact = parseContact(value);
      if (!contact) context.addIssue({ code: 'custom', message: 'errorContactInvalid' });
      return contact;
    }),
  consent: z.string().transform((value) => value === 'yes'),
});
export type AskInput = z.infer<typeof askInputSchema>;

export type AskValidation =
  | { ok: true; input: AskInput }
  | { ok: false; errors: Partial<Record<AskField, AskFieldError>> };

export function validateAsk(values: AskFormValues): AskValidation {
  const parsed = askInputSchema.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Partial<Record<AskField, AskFieldError>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as AskField;
    errors[field] ??= issue.message as AskFieldError;
  }
  return { ok: false, errors };
}

/** Reference numbers look like Q-2026-000123; access codes like K7QM-2PZX-H4TA. */
export const referencePattern = /^Q-\d{4}-\d{6,}$/;

export function normalizeReference(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '');
}

export function normalizeAccessCode(raw: string): string {
  return raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export const langParams = z.object({ lang: z.enum(langs) });
export const idParams = z.object({ lang: z.enum(langs), id: z.coerce.number().int().positive() });

export const inboxFiltersSchema = z.object({
  status: z.enum(questionStatuses).optional().catch(undefined),
  topic: z.enum(questionTopics).optional().catch(undefined),
  assigned: z
    .union([z.literal('me'), z.literal('none'), z.coerce.number().int().positive()])
    .optional()
    .catch(undefined),
  region: z
    .string()
    .regex(/^[a-z][a-z_]*$/)
    .optional()
    .catch(undefined),
});
export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

export const answersFiltersSchema = z.object({
  topic: z.enum(questionTopics).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
