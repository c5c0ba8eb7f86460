import { z } from 'zod';
import { bulletinSections, caseKinds, datePrecisions, instances, langs } from '../../domain/vocabularies.ts';
import type { ItemSnapshot } from './assemble.ts';

/** JSON columns are parsed at the boundary: the frozen figures and the item snapshots of a bulletin. */
const count = z.number().int().nonnegative();
const counts = z.record(z.string(), count);
const kindFigures = z.object({ count, in_court: count });
const scopeFigures = z.object({
  groups: z.object({ rights: count, information: count, legal: count, total: count }),
  categories: counts,
  legal: z.object({
    criminal: kindFigures,
    civil: kindFigures,
    administrative: kindFigures,
    subjects: counts,
  }),
  judicial_acts: z.object({ first: count, appeal: count, cassation: count, total: count, for_media: count }),
  money: z.object({ claims_non_pecuniary: count, collected_by_courts: count }),
});
export const statsJsonSchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  scope: z.object({ month: scopeFigures, ytd: scopeFigures, same_period_last_year: scopeFigures }),
});

const localizedText = z.object({ kk: z.string(), ru: z.string(), en: z.string() }).partial();
const instance = z.enum(instances).nullable();
const outcome = z
  .enum(['for_media', 'against_media', 'partial', 'dismissed', 'settled', 'pending'])
  .nullable();

export const itemSnapshotSchema: z.ZodType<ItemSnapshot> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('incident'),
    id: z.string(),
    date: z.string(),
    datePrecision: z.enum(datePrecisions),
    restricted: z.boolean(),
    title: localizedText,
    summary: localizedText,
    regionCode: z.string().nullable(),
    categories: z.array(z.string()),
  }),
  z.object({
    type: z.literal('case'),
    id: z.string(),
    kind: z.enum(caseKinds),
    title: localizedText,
    summary: localizedText,
    firstDate: z.string().nullable(),
    events: z.array(
      z.object({
        date: z.string(),
        kind: z.string(),
        instance,
        outcome,
        awarded: z.number().nullable(),
        note: localizedText,
      }),
    ),
  }),
]);

/** The editor's form: introduction and section notes in each language, and the version it was based on. */
const text = z.string().max(20_000).default('');
export const bulletinTextsForm = z.object({
  _csrf: z.string().optional(),
  version: z.coerce.number().int().positive(),
  ...Object.fromEntries(langs.map((lang) => [`introduction_${lang}`, text])),
  ...Object.fromEntries(
    bulletinSections.flatMap((section) => langs.map((lang) => [`note_${section}_${lang}`, text])),
  ),
});

export const monthForm = z.object({ _csrf: z.string().optional(), month: z.string() });
export const moveForm = z.object({
  _csrf: z.string().optional(),
  item: z.coerce.number().int().positive(),
  direction: z.enum(['up', 'down']),
});
export const versionForm = z.object({
  _csrf: z.string().optional(),
  version: z.coerce.number().int().positive(),
});
