import { z } from 'zod';
import type { CaseKind, Instance, Outcome, RecordStatus } from '../../db/types.ts';
import {
  caseKinds,
  type CaseEventKind as EventKind,
  caseEventKinds as eventKinds,
  instances,
  outcomes,
  type PartyRole,
  partyRoles,
  recordStatuses,
  type WorkflowAction,
  workflowActions,
} from '../../domain/vocabularies.ts';
import type { LocalizedText } from '../../i18n/langs.ts';
import { localizedTextSchema } from '../../lib/localized.ts';
import { isRealDay } from '../../lib/record-dates.ts';
import { type ActorKind, actorRefFields, recordId, requireActorRef } from '../actors/index.ts';

// The vocabularies are defined once in src/domain/vocabularies.ts; re-exported for this module's users.
export {
  caseKinds,
  type EventKind,
  eventKinds,
  instances,
  outcomes,
  type PartyRole,
  partyRoles,
  recordStatuses,
  type WorkflowAction,
  workflowActions,
};

export const daySchema = z.string().refine(isRealDay, 'a real day as YYYY-MM-DD');
export const articleCode = z
  .string()
  .regex(/^[A-Z]+-[0-9]+(-[0-9]+)?$/, 'a legal article code such as CC-174');
export const categoryCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'a category code such as civil_honor_dignity');
/** Integer tenge. */
export const tenge = z.number().int('whole tenge').min(0).max(1e15);
const shortText = z.string().trim().max(500);

export const caseEventSchema = z
  .strictObject({
    date: daySchema,
    kind: z.enum(eventKinds),
    instance: z.enum(instances).nullable().optional(),
    outcome: z.enum(outcomes).nullable().optional(),
    awarded: tenge.nullable().optional(),
    collected: tenge.nullable().optional(),
    fine_tenge: tenge.nullable().optional(),
    /** A fine stated in monthly calculation indices; converted with the MCI of the event's date. */
    fine_mci: z.number().min(0).max(1_000_000).nullable().optional(),
    bail: tenge.nullable().optional(),
    /** For kind 'requalified': the articles the case moved to. */
    articles: z.array(articleCode).max(20).default([]),
    court: shortText.nullable().optional(),
    note: localizedTextSchema.default({}),
  })
  .superRefine((event, context) => {
    if (event.kind === 'requalified' && event.articles.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['articles'],
        message: 'a requalification names the new articles',
      });
    }
    if (event.kind !== 'requalified' && event.articles.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['articles'],
        message: "only a 'requalified' event carries articles",
      });
    }
  });
export type CaseEventInput = z.input<typeof caseEventSchema>;

export const partyInputSchema = z
  .strictObject({ ...actorRefFields, role: z.enum(partyRoles) })
  .superRefine(requireActorRef);

const caseFields = {
  kind: z.enum(caseKinds),
  subjects: z.array(categoryCode).max(20),
  /** The articles the case was first brought under; later changes are 'requalified' events. */
  legal_articles: z.array(articleCode).max(20),
  title: localizedTextSchema,
  summary: localizedTextSchema,
  region: z.string().nullable(),
  court: shortText.nullable(),
  claim_non_pecuniary: tenge.nullable(),
  claim_other: tenge.nullable(),
  outcome: z.enum(outcomes),
  editorial_note: z.string().trim().max(20_000).nullable(),
  parties: z.array(partyInputSchema).max(200),
  events: z.array(caseEventSchema).min(1, 'a case needs at least one dated event').max(500),
  is_demo: z.boolean(),
};

export const caseInputSchema = z.strictObject({
  ...caseFields,
  id: recordId.optional(),
  subjects: caseFields.subjects.default([]),
  legal_articles: caseFields.legal_articles.default([]),
  title: caseFields.title.default({}),
  summary: caseFields.summary.default({}),
  region: caseFields.region.default(null),
  court: caseFields.court.default(null),
  claim_non_pecuniary: caseFields.claim_non_pecuniary.default(null),
  claim_other: caseFields.claim_other.default(null),
  outcome: caseFields.outcome.default('pending'),
  editorial_note: caseFields.editorial_note.default(null),
  parties: caseFields.parties.default([]),
  is_demo: caseFields.is_demo.default(false),
});
export type CaseInput = z.input<typeof caseInputSchema>;

export const caseUpdateSchema = z
  .strictObject(caseFields)
  .partial()
  .extend({ id: recordId, version: z.number().int().positive() });
export type CaseUpdateInput = z.input<typeof caseUpdateSchema>;

const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item),
  );

export const caseFiltersSchema = z.strictObject({
  status: listOf(z.enum(recordStatuses)).optional(),
  kind: z.enum(caseKinds).optional(),
  subject: categoryCode.optional(),
  actor: recordId.optional(),
  incident: recordId.optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  q: z.string().trim().max(200).optional(),
  is_demo: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()).optional(),
  mine: z.preprocess((v) => v === 'true' || v === true, z.boolean()).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseFilters = z.input<typeof caseFiltersSchema>;

export type CaseEvent = {
  date: string;
  kind: EventKind;
  instance: Instance | null;
  outcome: Outcome | null;
  awarded: number | null;
  collected: number | null;
  fine_tenge: number | null;
  fine_mci: number | null;
  bail: number | null;
  articles: string[];
  court: string | null;
  note: LocalizedText;
};

export type CaseParty = { actor_id: string; name: string; kind: ActorKind; role: PartyRole };

/** The editorial record of a case: what the audit snapshot holds and restore puts back. */
export type CaseRecord = {
  id: string;
  kind: CaseKind;
  subjects: string[];
  legal_articles: string[];
  title: LocalizedText;
  summary: LocalizedText;
  region: string | null;
  court: string | null;
  claim_non_pecuniary: number | null;
  claim_other: number | null;
  outcome: Outcome;
  status: RecordStatus;
  editorial_note: string | null;
  is_demo: boolean;
  version: number;
  parties: CaseParty[];
  events: CaseEvent[];
};

export type CaseMoney = {
  claim_non_pecuniary: number | null;
  claim_other: number | null;
  awarded: number;
  collected: number;
  /** Every fine in tenge; fines stated in MCI are converted with the MCI of the event's date. */
  fines_tenge: number;
  fines: Array<{ date: string; mci: number | null; mci_value: number | null; tenge: number }>;
  /** The latest bail set, if any. */
  bail: number | null;
};

export type CaseView = CaseRecord & {
  created_by: number | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  /** The articles after the latest requalification. */
  current_articles: string[];
  /** How the charge moved over time: the first qualification, then each requalification. */
  qualification: Array<{ date: string; articles: string[] }>;
  money: CaseMoney;
  related: {
    incidents: Array<{
      id: string;
      status: RecordStatus;
      visibility: 'public' | 'restricted';
      date: string;
      title: LocalizedText;
    }>;
  };
};

/** What the repository writes for one case. */
export type CaseWrite = {
  id: string;
  kind: CaseKind;
  title: LocalizedText;
  summary: LocalizedText;
  region: string | null;
  court: string | null;
  claim_non_pecuniary: number | null;
  claim_other: number | null;
  outcome: Outcome;
  status: RecordStatus;
  editorial_note: string | null;
  is_demo: boolean;
  subjects: string[];
  legal_articles: string[];
  parties: Array<{ actor_id: string; role: PartyRole }>;
  events: CaseEvent[];
};
