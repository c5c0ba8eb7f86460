import { z } from 'zod';
import type { RecordStatus } from '../../db/types.ts';
import { type Visibility, visibilities } from '../../domain/vocabularies.ts';
import type { LocalizedText } from '../../i18n/langs.ts';
import { hasAnyText, localizedTextSchema } from '../../lib/localized.ts';
import { isDayOrMonth, isRealMonth } from '../../lib/record-dates.ts';
import { type ActorKind, actorRefFields, recordId, requireActorRef } from '../actors/index.ts';
import { articleCode, categoryCode, daySchema, recordStatuses } from '../cases/index.ts';

export { type Visibility, visibilities } from '../../domain/vocabularies.ts';

export const dayOrMonthSchema = z.string().refine(isDayOrMonth, 'a real day (YYYY-MM-DD) or month (YYYY-MM)');
export const monthSchema = z.string().refine(isRealMonth, 'a month as YYYY-MM');

const shortText = z.string().trim().max(500);
const optionalText = shortText.nullable().optional();

export const sourceSchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/, message: 'an http:// or https:// address' })
      .max(2000)
      .nullable()
      .optional(),
    outlet: optionalText,
    title: optionalText,
    /** Who reported it to the foundation: editorial side only. */
    correspondent: optionalText,
    /** A confidential source never leaves the editorial side. */
    confidential: z.boolean().default(false),
    note: z.string().trim().max(5000).nullable().optional(),
  })
  .refine((source) => Boolean(source.url || source.outlet || source.title || source.correspondent), {
    message: 'a source needs a url, an outlet, a title or a correspondent',
  });
export type SourceInput = z.input<typeof sourceSchema>;

export const victimSchema = z
  .strictObject({
    ...actorRefFields,
    /** An anonymous victim is never named outside the editorial side. */
    anonymous: z.boolean().default(false),
  })
  .superRefine(requireActorRef);

export const perpetratorSchema = z.strictObject(actorRefFields).superRefine(requireActorRef);

const incidentFields = {
  /** A day, or a month when the day is unknown. */
  date: dayOrMonthSchema,
  /** The month the incident counts in; null means the month of its date. */
  counted_in: monthSchema.nullable(),
  region: z.string().nullable(),
  locality: shortText.nullable(),
  categories: z.array(categoryCode).min(1, 'at least one category').max(20),
  victims: z.array(victimSchema).max(200),
  perpetrators: z.array(perpetratorSchema).max(200),
  legal_articles: z.array(articleCode).max(30),
  sources: z.array(sourceSchema).max(100),
  title: localizedTextSchema.refine(hasAnyText, 'a title in at least one language'),
  summary: localizedTextSchema,
  visibility: z.enum(visibilities),
  /** The correspondent who reported it: editorial side only. */
  correspondent: shortText.nullable(),
  editorial_note: z.string().trim().max(20_000).nullable(),
  cases: z.array(recordId).max(100),
  links: z.array(recordId).max(100),
  is_demo: z.boolean(),
};

export const incidentInputSchema = z.strictObject({
  ...incidentFields,
  id: recordId.optional(),
  counted_in: incidentFields.counted_in.default(null),
  region: incidentFields.region.default(null),
  locality: incidentFields.locality.default(null),
  victims: incidentFields.victims.default([]),
  perpetrators: incidentFields.perpetrators.default([]),
  legal_articles: incidentFields.legal_articles.default([]),
  sources: incidentFields.sources.default([]),
  summary: incidentFields.summary.default({}),
  visibility: incidentFields.visibility.default('public'),
  correspondent: incidentFields.correspondent.default(null),
  editorial_note: incidentFields.editorial_note.default(null),
  cases: incidentFields.cases.default([]),
  links: incidentFields.links.default([]),
  is_demo: incidentFields.is_demo.default(false),
});
export type IncidentInput = z.input<typeof incidentInputSchema>;

/** An update names the version it was based on; fields left out keep their value. */
export const incidentUpdateSchema = z
  .strictObject(incidentFields)
  .partial()
  .extend({ id: recordId, version: z.number().int().positive() });
export type IncidentUpdateInput = z.input<typeof incidentUpdateSchema>;

const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item),
  );
const booleanParam = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

export const incidentFiltersSchema = z.strictObject({
  status: listOf(z.enum(recordStatuses)).optional(),
  /** Incidents dated on or after this day. */
  from: daySchema.optional(),
  /** Incidents dated on or before this day. */
  to: daySchema.optional(),
  counted_in: monthSchema.optional(),
  region: z.string().max(50).optional(),
  category: categoryCode.optional(),
  actor: recordId.optional(),
  case: recordId.optional(),
  visibility: z.enum(visibilities).optional(),
  q: z.string().trim().max(200).optional(),
  is_demo: booleanParam.optional(),
  /** Only the records the signed-in user created. */
  mine: booleanParam.optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(50),
});
export type IncidentFilters = z.input<typeof incidentFiltersSchema>;

export type IncidentSource = {
  url: string | null;
  outlet: string | null;
  title: string | null;
  correspondent: string | null;
  confidential: boolean;
  note: string | null;
};

/** The editorial record of an incident: what the audit snapshot holds and restore puts back. */
export type IncidentRecord = {
  id: string;
  /** 'YYYY-MM-DD', or 'YYYY-MM' when only the month is known. */
  date: string;
  /** 'YYYY-MM'. */
  counted_in: string;
  region: string | null;
  locality: string | null;
  categories: string[];
  victims: Array<{ actor_id: string; name: string; kind: ActorKind; anonymous: boolean }>;
  perpetrators: Array<{ actor_id: string; name: string; kind: ActorKind }>;
  legal_articles: string[];
  sources: IncidentSource[];
  title: LocalizedText;
  summary: LocalizedText;
  status: RecordStatus;
  visibility: Visibility;
  correspondent: string | null;
  editorial_note: string | null;
  cases: string[];
  links: string[];
  is_demo: boolean;
  version: number;
};

export type RelatedIncident = {
  id: string;
  status: RecordStatus;
  visibility: Visibility;
  date: string;
  title: LocalizedText;
};

export type IncidentView = IncidentRecord & {
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  related: {
    cases: Array<{ id: string; status: RecordStatus; kind: string; title: LocalizedText }>;
    /** The incidents this one links to. */
    links: RelatedIncident[];
    /** The incidents that link to this one. */
    linked_from: RelatedIncident[];
  };
};

/** What the repository writes for one incident. */
export type IncidentWrite = {
  id: string;
  /** The stored day: the first of the month when only the month is known. */
  date: string;
  date_precision: 'day' | 'month';
  /** The first day of the counting month. */
  counted_in: string;
  region: string | null;
  locality: string | null;
  title: LocalizedText;
  summary: LocalizedText;
  status: RecordStatus;
  visibility: Visibility;
  correspondent: string | null;
  editorial_note: string | null;
  is_demo: boolean;
  categories: string[];
  victims: Array<{ actor_id: string; anonymous: boolean }>;
  perpetrators: string[];
  legal_articles: string[];
  sources: IncidentSource[];
  cases: string[];
  links: string[];
};
