import { z } from 'zod';
import { langs } from '../../i18n/langs.ts';
import { profiles } from './exchange.profiles.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date as YYYY-MM-DD' });

export const profileExportOptionsSchema = z.strictObject({
  profile: z.enum(profiles, { error: `one of ${profiles.join(', ')}` }),
  lang: z.enum(langs).default('en'),
  from: day.optional(),
  to: day.optional(),
});
export type ProfileExportOptions = z.input<typeof profileExportOptionsSchema>;

export const uwaziImportOptionsSchema = z.strictObject({
  lang: z.enum(langs).default('ru'),
});
