import type { LocalizedText } from '../../i18n/langs.ts';
import type { ActorKind } from '../actors/index.ts';
import type { IncidentView } from './incidents.schemas.ts';

/** A restricted incident: the public sees that it happened, when (its counting month), where and what kind. */
export type PublicRestrictedIncident = {
  restricted: true;
  /** The counting month, 'YYYY-MM'. */
  month: string;
  region: string | null;
  categories: string[];
};

export type PublicVictim =
  | { actor_id: string; name: string; kind: ActorKind }
  | { anonymous: true; kind: ActorKind };

export type PublicOpenIncident = {
  restricted: false;
  id: string;
  date: string;
  counted_in: string;
  region: string | null;
  locality: string | null;
  categories: string[];
  victims: PublicVictim[];
  perpetrators: Array<{ actor_id: string; name: string; kind: ActorKind }>;
  legal_articles: string[];
  /** Public sources only, and only their address, outlet and title. */
  sources: Array<{ url: string | null; outlet: string | null; title: string | null }>;
  title: LocalizedText;
  summary: LocalizedText;
  /** Published cases that this incident reports. */
  cases: string[];
  /** Published public incidents that this one links to. */
  links: string[];
  is_demo: boolean;
  published_at: string | null;
};

export type PublicIncident = PublicOpenIncident | PublicRestrictedIncident;

/**
 * The public view of an incident, or null unless it is published. What never leaves the editorial
 * side: anonymous victims' names and ids, confidential sources (entirely), every source's
 * correspondent and note, the incident's correspondent and editorial note, and everything but the
 * month, region and categories of a restricted incident (not even its id, which may carry a name).
 */
export function toPublicIncident(view: IncidentView): PublicIncident | null {
  if (view.status !== 'published') return null;
  if (view.visibility === 'restricted') {
    return { restricted: true, month: view.counted_in, region: view.region, categories: view.categories };
  }
  return {
    restricted: false,
    id: view.id,
    date: view.date,
    counted_in: view.counted_in,
    region: view.region,
    locality: view.locality,
    categories: view.categories,
    victims: view.victims.map((victim) =>
      victim.anonymous
        ? { anonymous: true, kind: victim.kind }
        : { actor_id: victim.actor_id, name: victim.name, kind: victim.kind },
    ),
    perpetrators: view.perpetrators.map((p) => ({ actor_id: p.actor_id, name: p.name, kind: p.kind })),
    legal_articles: view.legal_articles,
    sources: view.sources
      .filter((source) => !source.confidential && (source.url || source.outlet || source.title))
      .map((source) => ({ url: source.url, outlet: source.outlet, title: source.title })),
    title: view.title,
    summary: view.summary,
    cases: view.related.cases.filter((c) => c.status === 'published').map((c) => c.id),
    links: view.related.links
      .filter((link) => link.status === 'published' && link.visibility === 'public')
      .map((link) => link.id),
    is_demo: view.is_demo,
    published_at: view.published_at,
  };
}
