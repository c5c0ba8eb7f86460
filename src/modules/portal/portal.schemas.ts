import { z } from 'zod';
import {
  caseKinds,
  instances,
  laws,
  outcomes,
  regionKinds,
  taxonomyGroups,
} from '../../domain/vocabularies.ts';

/**
 * The public shapes of records: what pages, the API, feeds and downloads may show. The repository
 * selects exactly these columns; the API serializes through these schemas, which drop anything else.
 */
export const localizedTextSchema = z
  .object({ kk: z.string(), ru: z.string(), en: z.string() })
  .partial()
  .describe('text in any subset of kk, ru and en');

export const actorRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
});
export type ActorRef = z.infer<typeof actorRefSchema>;

export const incidentSummarySchema = z
  .object({
    id: z
      .string()
      .describe("the record's id; a restricted record's is 'restricted-' and a random reference instead"),
    restricted: z.boolean().describe('a restricted record shows only its month, region and categories'),
    date: z.string().describe('YYYY-MM-DD, or YYYY-MM when only the month is known or public'),
    counted_in: z.string().describe('the counting month, YYYY-MM'),
    region: z.string().nullable(),
    locality: z.string().nullable(),
    categories: z.array(z.string()),
    title: localizedTextSchema.nullable(),
    summary: localizedTextSchema.nullable(),
    victims: z.array(actorRefSchema),
    perpetrators: z.array(actorRefSchema),
  })
  .meta({ id: 'PublicIncidentSummary' });
export type IncidentSummary = z.infer<typeof incidentSummarySchema>;

export const sourceSchema = z.object({
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  title: z.string().nullable(),
});

export const caseRefSchema = z.object({
  id: z.string(),
  kind: z.enum(caseKinds),
  title: localizedTextSchema,
});
export type CaseRef = z.infer<typeof caseRefSchema>;

/** A link to another public incident. Restricted incidents are never linked: the link would say what they concern. */
export const incidentLinkSchema = z.object({
  id: z.string(),
  date: z.string(),
  title: localizedTextSchema,
});
export type IncidentLink = z.infer<typeof incidentLinkSchema>;

export const incidentDetailSchema = incidentSummarySchema
  .extend({
    legal_articles: z.array(z.string()),
    sources: z.array(sourceSchema),
    cases: z.array(caseRefSchema),
    linked_incidents: z.array(incidentLinkSchema),
  })
  .meta({ id: 'PublicIncident' });
export type IncidentDetail = z.infer<typeof incidentDetailSchema>;

export const caseEventSchema = z.object({
  date: z.string(),
  kind: z.string(),
  instance: z.enum(instances).nullable(),
  outcome: z.enum(outcomes).nullable(),
  awarded: z.number().nullable().describe('tenge'),
  collected: z.number().nullable().describe('tenge'),
  fine_tenge: z.number().nullable(),
  fine_mci: z.number().nullable().describe('fine in monthly calculation indices'),
  bail: z.number().nullable(),
  articles: z.array(z.string()).describe('for a requalification: the articles the case moved to'),
  court: z.string().nullable(),
  note: localizedTextSchema,
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseSummarySchema = caseRefSchema
  .extend({
    outcome: z.enum(outcomes),
    region: z.string().nullable(),
    subjects: z.array(z.string()),
    first_event: z.string().nullable().describe('date of the earliest event: the case counts in its month'),
    last_event: z.string().nullable(),
  })
  .meta({ id: 'PublicCaseSummary' });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseDetailSchema = caseSummarySchema
  .extend({
    summary: localizedTextSchema,
    court: z.string().nullable(),
    claim_non_pecuniary: z.number().nullable().describe('tenge'),
    claim_other: z.number().nullable().describe('tenge'),
    legal_articles: z.array(z.string()),
    parties: z.array(actorRefSchema.extend({ role: z.string() })),
    events: z.array(caseEventSchema),
    incidents: z.array(incidentLinkSchema),
  })
  .meta({ id: 'PublicCase' });
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const actorSummarySchema = actorRefSchema
  .extend({
    names: localizedTextSchema,
  })
  .meta({ id: 'PublicActorSummary' });
export type ActorSummary = z.infer<typeof actorSummarySchema>;

export const actorDetailSchema = actorSummarySchema
  .extend({
    description: localizedTextSchema,
    spellings: z.array(z.string()),
    incident_count: z.number().int(),
    incidents: z.array(incidentSummarySchema).describe('the newest incidents that name this actor'),
    cases: z.array(caseSummarySchema.extend({ role: z.string() })),
  })
  .meta({ id: 'PublicActor' });
export type ActorDetail = z.infer<typeof actorDetailSchema>;

export const regionSchema = z
  .object({
    code: z.string(),
    kind: z.enum(regionKinds),
    labels: localizedTextSchema,
    valid_from: z.string().nullable(),
    valid_to: z.string().nullable(),
    successors: z.array(z.string()).describe('for a historic region: the regions that replaced it'),
    tile: z.object({ col: z.number().int(), row: z.number().int() }).nullable(),
    former_names: z.array(
      z.object({ valid_from: z.string(), valid_to: z.string(), labels: localizedTextSchema }),
    ),
  })
  .meta({ id: 'PublicRegion' });
export type Region = z.infer<typeof regionSchema>;

export const categorySchema = z.object({
  code: z.string(),
  group: z.enum(taxonomyGroups),
  labels: localizedTextSchema,
  legal_kind: z.enum(caseKinds).nullable(),
  active: z.boolean(),
});
export type Category = z.infer<typeof categorySchema>;

export const taxonomySchema = z
  .object({
    groups: z.array(
      z.object({
        code: z.enum(taxonomyGroups),
        counted: z.boolean(),
        labels: localizedTextSchema,
      }),
    ),
    categories: z.array(categorySchema),
    legal_articles: z.array(
      z.object({
        code: z.string(),
        law: z.enum(laws),
        number: z.string(),
        names: localizedTextSchema,
        valid_from: z.string().nullable(),
        valid_to: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PublicTaxonomy' });
export type Taxonomy = z.infer<typeof taxonomySchema>;
