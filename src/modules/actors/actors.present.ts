import type { LocalizedText } from '../../i18n/langs.ts';
import type { ActorKind, ActorView } from './actors.schemas.ts';

/** An actor as the public may see it. */
export type PublicActor = {
  id: string;
  kind: ActorKind;
  name: string;
  names: LocalizedText;
  description: LocalizedText;
  variants: string[];
  is_demo: boolean;
};

/**
 * The public view of an actor, or null when the public may not see it: merged into another actor,
 * or never named in anything public (an actor known only as an anonymous victim, or only from
 * restricted or unpublished records, stays on the editorial side).
 */
export function toPublicActor(view: ActorView): PublicActor | null {
  if (view.merged_into !== null || view.usage.public === 0) return null;
  return {
    id: view.id,
    kind: view.kind,
    name: view.name,
    names: view.names,
    description: view.description,
    variants: view.variants,
    is_demo: view.is_demo,
  };
}
