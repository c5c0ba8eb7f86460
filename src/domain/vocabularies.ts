/**
 * Every closed vocabulary of sozwatch, once. A closed vocabulary is a list of codes that the code
 * branches on and the database holds to with a CHECK constraint (a status, a kind, a role). Open
 * lists that editors extend (categories, regions, legal articles) are data in reference tables.
 *
 * Everything else derives from these lists: the TypeScript types below, the zod enums
 * (`z.enum(caseKinds)`), the label catalogs (`Record<CaseKind, string>` per language, so a missing
 * label fails the type check) and the column types of `src/db/types.ts` (kysely-codegen overrides).
 * `vocabularies.test.ts` reads every `IN (...)` CHECK of the migrated database and holds it to its
 * list here, so adding a code means: a migration that widens the CHECK, then the list here, then
 * the labels the type checker asks for.
 */

/** Interface and content languages. */
export const langs = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof langs)[number];

// ---------------------------------------------------------------------------------------------
// Taxonomy (DESIGN section 7). The categories themselves are rows of `categories`; their groups and
// the two legal columns are closed.

/** Taxonomy groups in their reading order. */
export const taxonomyGroups = ['rights', 'information', 'legal', 'context'] as const;
export type TaxonomyGroup = (typeof taxonomyGroups)[number];
/** Groups whose figures are counted (`taxonomy_groups.counted`); context is not. */
export const countedTaxonomyGroups = [
  'rights',
  'information',
  'legal',
] as const satisfies readonly TaxonomyGroup[];
/** Groups whose incidents are counted as violations (legal cases are counted as cases). */
export const countedIncidentGroups = ['rights', 'information'] as const satisfies readonly TaxonomyGroup[];
/** Groups an incident may be filed under (legal categories describe cases). */
export const incidentGroups = [
  'rights',
  'information',
  'context',
] as const satisfies readonly TaxonomyGroup[];
/** How a legal category relates to a case: it names the case's kind, or its subject matter. */
export const legalRoles = ['kind', 'subject'] as const;
export type LegalRole = (typeof legalRoles)[number];

// ---------------------------------------------------------------------------------------------
// Legal cases

export const caseKinds = ['criminal', 'civil', 'administrative'] as const;
export type CaseKind = (typeof caseKinds)[number];
export const caseEventKinds = [
  'filed',
  'investigation_opened',
  'measure',
  'hearing',
  'decision',
  'appeal',
  'cassation',
  'in_force',
  'enforcement',
  'requalified',
  'other',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];
export const instances = ['first', 'appeal', 'cassation', 'supreme'] as const;
export type Instance = (typeof instances)[number];
/** Decision outcomes (of an event, and a case's current outcome). */
export const outcomes = ['for_media', 'against_media', 'partial', 'dismissed', 'settled', 'pending'] as const;
export type Outcome = (typeof outcomes)[number];
export const partyRoles = [
  'plaintiff',
  'defendant',
  'suspect',
  'accused',
  'witness_with_defence',
  'victim',
  'applicant',
  'third_party',
  'representative',
  'judge',
  'prosecutor',
  'other',
] as const;
export type PartyRole = (typeof partyRoles)[number];
/** Codes of the laws whose articles are referenced. */
export const laws = ['CC', 'CAO', 'CPC', 'CIVC', 'CONST'] as const;
export type Law = (typeof laws)[number];

// ---------------------------------------------------------------------------------------------
// Actors and incidents

/** Actor kinds are a contract (DESIGN section 7). */
export const actorKinds = [
  'journalist',
  'editor',
  'camera_operator',
  'blogger',
  'activist',
  'lawyer',
  'citizen',
  'official',
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
  'security_guard',
  'private_person',
  'platform',
  'foreign_state',
  'unknown',
] as const;
export type ActorKind = (typeof actorKinds)[number];
/** How an actor takes part in an incident. */
export const incidentActorRoles = ['victim', 'perpetrator'] as const;
export type IncidentActorRole = (typeof incidentActorRoles)[number];
export const visibilities = ['public', 'restricted'] as const;
export type Visibility = (typeof visibilities)[number];
export const datePrecisions = ['day', 'month'] as const;
export type DatePrecision = (typeof datePrecisions)[number];
export const regionKinds = ['region', 'city'] as const;
export type RegionKind = (typeof regionKinds)[number];

// ---------------------------------------------------------------------------------------------
// Editorial workflow of incidents and cases (the transition table is src/lib/workflow.ts)

export const recordStatuses = ['draft', 'in_review', 'published', 'archived'] as const;
export type RecordStatus = (typeof recordStatuses)[number];
export const workflowActions = [
  'submit',
  'withdraw',
  'return',
  'publish',
  'unpublish',
  'archive',
  'restore',
] as const;
export type WorkflowAction = (typeof workflowActions)[number];
/** Staff roles, least to most privileged on the desk. */
export const roles = ['admin', 'editor', 'monitor', 'lawyer'] as const;
export type Role = (typeof roles)[number];

// ---------------------------------------------------------------------------------------------
// Bulletins, public read model

/** Sections of the monthly bulletin in their printed order. */
export const bulletinSections = ['context', 'rights', 'information', 'legal', 'ongoing'] as const;
export type BulletinSection = (typeof bulletinSections)[number];
/** Bulletins and appeals are drafts until published (no review step). */
export const publicationStatuses = ['draft', 'published'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];
export const facetGrains = ['year', 'month'] as const;
export type FacetGrain = (typeof facetGrains)[number];
/** Dimensions kept in `incident_facet_counts`. */
export const facetCountDimensions = [
  'all',
  'group',
  'category',
  'victim_kind',
  'perpetrator_kind',
  'article',
] as const;
export type FacetCountDimension = (typeof facetCountDimensions)[number];

// ---------------------------------------------------------------------------------------------
// Questions ("Ask your question")

export const questionTopics = [
  'access_to_information',
  'defamation',
  'accreditation',
  'detention',
  'copyright',
  'other',
] as const;
export type QuestionTopic = (typeof questionTopics)[number];
export const questionStatuses = [
  'new',
  'assigned',
  'awaiting_info',
  'answered',
  'closed',
  'published',
] as const;
export type QuestionStatus = (typeof questionStatuses)[number];
export const contactKinds = ['email', 'phone'] as const;
export type ContactKind = (typeof contactKinds)[number];
export const questionMessageKinds = ['info_request', 'sender_reply'] as const;
export type QuestionMessageKind = (typeof questionMessageKinds)[number];
export const mailRecipients = ['sender', 'staff'] as const;
export type MailRecipient = (typeof mailRecipients)[number];
export const outboxStatuses = ['pending', 'sent', 'not_sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
/** Intake (the scan of open sources): what a source is read as, where a candidate came from, its triage. */
export const intakeSourceKinds = ['rss', 'atom', 'json', 'page', 'telegram'] as const;
export type IntakeSourceKind = (typeof intakeSourceKinds)[number];
export const intakeOrigins = ['feed', 'paste'] as const;
export type IntakeOrigin = (typeof intakeOrigins)[number];
export const candidateStatuses = ['new', 'drafted', 'attached', 'dismissed'] as const;
export type CandidateStatus = (typeof candidateStatuses)[number];
/** Registers of blocking and of access-to-information requests. */
export const blockedResourceKinds = ['site', 'page', 'account', 'channel', 'app', 'other'] as const;
export type BlockedResourceKind = (typeof blockedResourceKinds)[number];
export const screenshotTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ScreenshotType = (typeof screenshotTypes)[number];
export const requesterKinds = ['journalist', 'media_outlet', 'blogger', 'other'] as const;
export type RequesterKind = (typeof requesterKinds)[number];
export const infoAnswers = ['pending', 'answered', 'refused', 'partial', 'late', 'silent'] as const;
export type InfoAnswer = (typeof infoAnswers)[number];
export const infoAppealOutcomes = ['pending', 'granted', 'partly_granted', 'rejected', 'withdrawn'] as const;
export type InfoAppealOutcome = (typeof infoAppealOutcomes)[number];

/**
 * Which database column holds to which list: `vocabularies.test.ts` checks that every `IN (...)`
 * CHECK of the migrated schema is named here and allows exactly the list's codes.
 */
export const checkedColumns: Record<string, readonly string[]> = {
  // categories.group_code references taxonomy_groups.code, so this one CHECK covers both.
  'taxonomy_groups.code': taxonomyGroups,
  'categories.legal_role': legalRoles,
  'categories.legal_kind': caseKinds,
  'regions.kind': regionKinds,
  'legal_articles.law': laws,
  'users.role': roles,
  'users.preferred_lang': langs,
  'actors.kind': actorKinds,
  'incidents.date_precision': datePrecisions,
  'incidents.status': recordStatuses,
  'incidents.visibility': visibilities,
  'incident_actors.role': incidentActorRoles,
  'cases.kind': caseKinds,
  'cases.outcome': outcomes,
  'cases.status': recordStatuses,
  'case_parties.role': partyRoles,
  'case_events.kind': caseEventKinds,
  'case_events.instance': instances,
  'case_events.outcome': outcomes,
  'bulletins.status': publicationStatuses,
  'bulletin_items.section': bulletinSections,
  'incident_facet_counts.grain': facetGrains,
  'incident_facet_counts.dimension': facetCountDimensions,
  'questions.lang': langs,
  'questions.topic': questionTopics,
  'questions.contact_kind': contactKinds,
  'questions.status': questionStatuses,
  'question_messages.kind': questionMessageKinds,
  'outbox.recipient': mailRecipients,
  'outbox.status': outboxStatuses,
  'appeals.status': publicationStatuses,
  'intake_sources.lang': langs,
  'intake_candidates.lang': langs,
  'intake_candidates.origin': intakeOrigins,
  'intake_candidates.status': candidateStatuses,
  'blocking_records.resource_kind': blockedResourceKinds,
  'blocking_records.status': publicationStatuses,
  'blocking_evidence.screenshot_type': screenshotTypes,
  'info_requests.requester_kind': requesterKinds,
  'info_requests.answer': infoAnswers,
  'info_requests.status': publicationStatuses,
  'info_request_appeals.outcome': infoAppealOutcomes,
};

/** True when `value` is a code of `vocabulary` (narrows a string read from a request or a row). */
export function isCodeOf<const Code extends string>(
  vocabulary: readonly Code[],
  value: string,
): value is Code {
  return (vocabulary as readonly string[]).includes(value);
}

/** `value` as a code of `vocabulary`, or an error naming what it was meant to be. */
export function codeOf<const Code extends string>(
  vocabulary: readonly Code[],
  value: string,
  what: string,
): Code {
  if (!isCodeOf(vocabulary, value))
    throw new Error(`${what}: "${value}" is not one of ${vocabulary.join(', ')}`);
  return value;
}
