import type { CaseKind, Outcome } from '../../db/types.ts';
import type { LocalizedText } from '../../i18n/langs.ts';
import type { CaseEvent, CaseMoney, CaseParty, CaseView } from './cases.schemas.ts';

/** A legal case as the public may see it. */
export type PublicCase = {
  id: string;
  kind: CaseKind;
  subjects: string[];
  legal_articles: string[];
  current_articles: string[];
  qualification: Array<{ date: string; articles: string[] }>;
  title: LocalizedText;
  summary: LocalizedText;
  region: string | null;
  court: string | null;
  outcome: Outcome;
  money: CaseMoney;
  parties: CaseParty[];
  events: CaseEvent[];
  /** The published, public incidents that report the case. */
  incidents: string[];
  is_demo: boolean;
  published_at: string | null;
};

/**
 * The public view of a case, or null unless it is published. The editorial note stays behind, and
 * so do links to incidents the public may not open (unpublished or restricted ones).
 */
export function toPublicCase(view: CaseView): PublicCase | null {
  if (view.status !== 'published') return null;
  return {
    id: view.id,
    kind: view.kind,
    subjects: view.subjects,
    legal_articles: view.legal_articles,
    current_articles: view.current_articles,
    qualification: view.qualification,
    title: view.title,
    summary: view.summary,
    region: view.region,
    court: view.court,
    outcome: view.outcome,
    money: view.money,
    parties: view.parties,
    events: view.events,
    incidents: view.related.incidents
      .filter((incident) => incident.status === 'published' && incident.visibility === 'public')
      .map((incident) => incident.id),
    is_demo: view.is_demo,
    published_at: view.published_at,
  };
}
