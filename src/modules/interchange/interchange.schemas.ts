import { z } from 'zod';
import { hasAnyText, localizedTextSchema } from '../../lib/localized.ts';
import { actorKinds, actorName, recordId } from '../actors/index.ts';
import {
  articleCode,
  caseEventSchema,
  caseKinds,
  categoryCode,
  outcomes,
  partyRoles,
  recordStatuses,
  tenge,
} from '../cases/index.ts';
import { dayOrMonthSchema, monthSchema, sourceSchema, visibilities } from '../incidents/index.ts';

/** Region codes are a contract (DESIGN section 7), with the historic South Kazakhstan. */
export const regionCodes = [
  'astana',
  'almaty_city',
  'shymkent',
  'abai',
  'akmola',
  'aktobe',
  'almaty_region',
  'atyrau',
  'east_kazakhstan',
  'zhambyl',
  'zhetysu',
  'west_kazakhstan',
  'karaganda',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'pavlodar',
  'north_kazakhstan',
  'turkistan',
  'ulytau',
  'south_kazakhstan',
] as const;

const text = z.string().trim().min(1).max(500);
const longText = z.string().trim().min(1).max(20_000);

/**
 * A person or organization named by an incident or a case. `actor` (optional) is the actor's id:
 * the lossless export writes it so that two people of one name stay two; without it the name and
 * kind match an existing actor exactly, or create one.
 */
const actorMention = { name: actorName, kind: z.enum(actorKinds), actor: recordId.optional() };

export const incidentLineSchema = z.strictObject({
  type: z.literal('incident'),
  id: recordId,
  date: dayOrMonthSchema,
  counted_in: monthSchema.optional(),
  region: z.enum(regionCodes).optional(),
  locality: text.optional(),
  categories: z.array(categoryCode).min(1, 'at least one category'),
  victims: z.array(z.strictObject({ ...actorMention, anonymous: z.boolean().optional() })).optional(),
  perpetrators: z.array(z.strictObject(actorMention)).optional(),
  legal_articles: z.array(articleCode).optional(),
  cases: z.array(recordId).optional(),
  links: z.array(recordId).optional(),
  title: localizedTextSchema.refine(hasAnyText, 'a title in at least one language'),
  summary: localizedTextSchema.optional(),
  sources: z.array(sourceSchema).optional(),
  status: z.enum(recordStatuses),
  visibility: z.enum(visibilities).optional(),
  correspondent: text.optional(),
  editorial_note: longText.optional(),
  demo: z.boolean().optional(),
});
export type IncidentLine = z.input<typeof incidentLineSchema>;

export const caseLineSchema = z.strictObject({
  type: z.literal('case'),
  id: recordId,
  kind: z.enum(caseKinds),
  subjects: z.array(categoryCode).optional(),
  legal_articles: z.array(articleCode).optional(),
  title: localizedTextSchema.optional(),
  summary: localizedTextSchema.optional(),
  region: z.enum(regionCodes).optional(),
  court: text.optional(),
  parties: z.array(z.strictObject({ ...actorMention, role: z.enum(partyRoles) })).optional(),
  claim_non_pecuniary: tenge.optional(),
  claim_other: tenge.optional(),
  outcome: z.enum(outcomes).optional(),
  status: z.enum(recordStatuses),
  events: z.array(caseEventSchema).min(1, 'a case needs at least one dated event'),
  editorial_note: longText.optional(),
  demo: z.boolean().optional(),
});
export type CaseLine = z.input<typeof caseLineSchema>;

export const actorLineSchema = z.strictObject({
  type: z.literal('actor'),
  id: recordId,
  kind: z.enum(actorKinds),
  name: actorName,
  names: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  variants: z.array(actorName).optional(),
  /** A merged actor points at the actor it was merged into. */
  merged_into: recordId.optional(),
  demo: z.boolean().optional(),
});
export type ActorLine = z.input<typeof actorLineSchema>;

export type InterchangeLine = IncidentLine | CaseLine | ActorLine;

export const lineSchemas = {
  incident: incidentLineSchema,
  case: caseLineSchema,
  actor: actorLineSchema,
} as const;
