import { z } from 'zod';
import { langs } from '../../i18n/langs.ts';

export const candidateStatuses = ['new', 'drafted', 'attached', 'dismissed'] as const;
export const dismissReasons = [
  'not_relevant',
  'outside_kazakhstan',
  'duplicate',
  'not_a_violation',
  'other',
] as const;
export type DismissReason = (typeof dismissReasons)[number];

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'an http:// or https:// address' })
  .max(2000, 'at most 2000 characters');

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const sourceInputSchema = z.strictObject({
  url: httpUrl,
  name: z.preprocess(blankToUndefined, z.string().trim().min(1).max(200).optional()),
  lang: z.preprocess(blankToUndefined, z.enum(langs).optional()),
  interval_minutes: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(5, 'at least 5 minutes')
      .max(10080, 'at most a week (10080 minutes)')
      .optional(),
  ),
});
export type SourceInput = z.input<typeof sourceInputSchema>;

export const queueFiltersSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(candidateStatuses).default('new')),
  category: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(60)
      .regex(/^[a-z_]+$/)
      .optional(),
  ),
  lang: z.preprocess(blankToUndefined, z.enum(langs).optional()),
  region: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(60)
      .regex(/^[a-z_]+$/)
      .optional(),
  ),
  source: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type QueueFilterInput = z.input<typeof queueFiltersSchema>;

export const pasteSchema = z.strictObject({
  text: z.string().trim().min(1, 'paste a link or a text').max(50_000, 'at most 50,000 characters'),
  lang: z.preprocess(blankToUndefined, z.enum(langs).optional()),
});
export type PasteInput = z.input<typeof pasteSchema>;

export const dismissSchema = z.strictObject({
  id: z.coerce.number().int().positive(),
  reason: z.enum(dismissReasons, 'choose a reason'),
  note: z.preprocess(blankToUndefined, z.string().trim().max(1000).optional()),
});
export type DismissInput = z.input<typeof dismissSchema>;

export const attachSchema = z.strictObject({
  id: z.coerce.number().int().positive(),
  incident_id: z.string().trim().min(1, 'the incident id').max(100),
});
export type AttachInput = z.input<typeof attachSchema>;
