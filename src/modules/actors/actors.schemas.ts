import { z } from 'zod';
import { type ActorKind, actorKinds } from '../../domain/vocabularies.ts';

import type { LocalizedText } from '../../i18n/langs.ts';
import { recordIdPattern } from '../../lib/input.ts';
import { localizedTextSchema } from '../../lib/localized.ts';

export { type ActorKind, actorKinds } from '../../domain/vocabularies.ts';

/** The state's own actors: officials and every state body. */
export const stateActorKinds: readonly ActorKind[] = [
  'official',
  'police',
  'prosecutor',
  'court',
  'national_security',
  'local_executive',
  'ministry',
  'election_commission',
  'other_state_body',
];

export const organizationKinds: readonly ActorKind[] = [
  'media_outlet',
  'online_channel',
  'ngo',
  'police',
  'prosecutor',
  'court',
  'national_security',
  'local_executive',
  'ministry',
  'election_commission',
  'other_state_body',
  'company',
  'platform',
  'foreign_state',
];

export const recordId = z.string().regex(recordIdPattern, 'letters, digits and . _ : - only, at most 100');
export const actorName = z.string().trim().min(1, 'required').max(300);

const actorFields = {
  kind: z.enum(actorKinds),
  name: actorName,
  /** The name as written in each language, when it differs. */
  names: localizedTextSchema,
  description: localizedTextSchema,
  /** Other spellings seen in reports (Kaydarova for Kaidarova). */
  variants: z.array(actorName).max(100),
  is_demo: z.boolean(),
};

export const actorInputSchema = z.strictObject({
  ...actorFields,
  id: recordId.optional(),
  names: actorFields.names.default({}),
  description: actorFields.description.default({}),
  variants: actorFields.variants.default([]),
  is_demo: actorFields.is_demo.default(false),
});
export type ActorInput = z.input<typeof actorInputSchema>;

/** An update names the version it was based on; fields left out keep their value. */
export const actorUpdateSchema = z
  .strictObject(actorFields)
  .partial()
  .extend({ id: recordId, version: z.number().int().positive() });
export type ActorUpdateInput = z.input<typeof actorUpdateSchema>;

export const actorFiltersSchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  kind: z.enum(actorKinds).optional(),
  include_merged: z
    .preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean())
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActorFilters = z.input<typeof actorFiltersSchema>;

/**
 * The fields of a reference to an actor from an incident or a case: an existing `actor_id`, or a
 * `name` and `kind` to match exactly or create. Combine with `requireActorRef`.
 */
export const actorRefFields = {
  actor_id: recordId.optional(),
  name: actorName.optional(),
  kind: z.enum(actorKinds).optional(),
};

export function requireActorRef(
  value: { actor_id?: string | undefined; name?: string | undefined; kind?: ActorKind | undefined },
  context: z.RefinementCtx,
) {
  if (value.actor_id !== undefined) return;
  if (value.name === undefined)
    context.addIssue({ code: 'custom', path: ['name'], message: 'give actor_id, or name and kind' });
  else if (value.kind === undefined)
    context.addIssue({ code: 'custom', path: ['kind'], message: 'required with name' });
}

/** A parsed reference, narrowed to one of its two forms. */
export function toActorRef(value: {
  actor_id?: string | undefined;
  name?: string | undefined;
  kind?: ActorKind | undefined;
}): { actor_id: string } | { name: string; kind: ActorKind } {
  if (value.actor_id !== undefined) return { actor_id: value.actor_id };
  return { name: value.name ?? '', kind: value.kind ?? 'unknown' };
}

/** The editorial record of an actor: what the audit snapshot holds and restore puts back. */
export type ActorRecord = {
  id: string;
  kind: ActorKind;
  name: string;
  names: LocalizedText;
  description: LocalizedText;
  variants: string[];
  merged_into: string | null;
  is_demo: boolean;
  version: number;
};

export type ActorView = ActorRecord & {
  created_at: string;
  updated_at: string;
  /** Actors merged into this one. */
  merged_from: string[];
  usage: {
    incidents: number;
    cases: number;
    /** Appearances the public may see: named in a published public incident, or a party to a published case. */
    public: number;
  };
};

export type ActorSuggestion = {
  id: string;
  name: string;
  kind: ActorKind;
  /** The spelling that matched what was typed. */
  matched: string;
  score: number;
};

/** What the repository writes for one actor. */
export type ActorWrite = {
  id: string;
  kind: ActorKind;
  name: string;
  names: LocalizedText;
  description: LocalizedText;
  variants: string[];
  merged_into: string | null;
  is_demo: boolean;
};
