import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';
import type { LocalizedText } from '../i18n/langs.ts';

/**
 * The database as Kysely sees it. Written by hand next to the migrations; the schema test compares
 * the migrated schema on PGlite and PostgreSQL, and `scripts/schema-dump.ts` keeps a readable dump.
 * Dates are ISO strings ('YYYY-MM-DD'): the client is set up to return them untouched.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;
/** A JSON column with a default: optional on insert. */
type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>;
type BigMoney = ColumnType<number | null, number | null | undefined, number | null>;

export type RecordStatus = 'draft' | 'in_review' | 'published' | 'archived';
export type CaseKind = 'criminal' | 'civil' | 'administrative';
export type Outcome = 'for_media' | 'against_media' | 'partial' | 'dismissed' | 'settled' | 'pending';
export type Instance = 'first' | 'appeal' | 'cassation' | 'supreme';
export type Role = 'admin' | 'editor' | 'monitor' | 'lawyer';

export interface TaxonomyGroupsTable {
  code: 'rights' | 'information' | 'legal' | 'context';
  position: number;
  counted: boolean;
  labels: Json<LocalizedText>;
}

export interface CategoriesTable {
  code: string;
  group_code: 'rights' | 'information' | 'legal' | 'context';
  legal_role: 'kind' | 'subject' | null;
  legal_kind: CaseKind | null;
  position: number;
  labels: Json<LocalizedText>;
  active: Generated<boolean>;
}

export interface RegionsTable {
  code: string;
  kind: 'region' | 'city';
  valid_from: string | null;
  valid_to: string | null;
  successors: Generated<string[]>;
  tile_col: number | null;
  tile_row: number | null;
  labels: Json<LocalizedText>;
}

export interface RegionNamesTable {
  region_code: string;
  valid_from: string;
  valid_to: string;
  labels: Json<LocalizedText>;
}

export interface LegalArticlesTable {
  code: string;
  law: 'CC' | 'CAO' | 'CPC' | 'CIVC' | 'CONST';
  number: string;
  names: Json<LocalizedText>;
  valid_from: string | null;
  valid_to: string | null;
}

export interface MciValuesTable {
  valid_from: string;
  tenge: number;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** Added by 0007_auth: the time step of the last TOTP code accepted (replay guard). */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  preferred_lang: Generated<'kk' | 'ru' | 'en'>;
  created_at: Timestamp;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  second_factor_done: Generated<boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

/** Keys shared by every instance on one database, made once (0010). */
export interface SharedKeysTable {
  name: string;
  secret: string;
  created_at: Generated<Timestamp>;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  throttle_key: string;
  attempted_at: Timestamp;
  succeeded: boolean;
}

export interface ActorsTable {
  id: string;
  kind: string;
  name: string;
  names: JsonWithDefault<LocalizedText>;
  description: JsonWithDefault<LocalizedText>;
  merged_into: string | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActorNamesTable {
  id: Generated<number>;
  actor_id: string;
  name: string;
  /** sozwatch_match_key(name), computed by the database (migration 0009). */
  match_key: GeneratedAlways<string>;
}

export interface IncidentsTable {
  id: string;
  date: string;
  date_precision: Generated<'day' | 'month'>;
  counted_in: string;
  region_code: string | null;
  locality: string | null;
  title: Json<LocalizedText>;
  summary: JsonWithDefault<LocalizedText>;
  status: RecordStatus;
  visibility: Generated<'public' | 'restricted'>;
  correspondent: string | null;
  editorial_note: string | null;
  provenance: Json<unknown> | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
  /** What the public side shows instead of the id of a restricted incident (0010). */
  public_ref: Generated<string>;
}

export interface IncidentCategoriesTable {
  incident_id: string;
  category_code: string;
}

export interface IncidentActorsTable {
  incident_id: string;
  actor_id: string;
  role: 'victim' | 'perpetrator';
  anonymous: Generated<boolean>;
  position: Generated<number>;
}

export interface IncidentLegalArticlesTable {
  incident_id: string;
  article_code: string;
}

export interface IncidentSourcesTable {
  id: Generated<number>;
  incident_id: string;
  position: Generated<number>;
  url: string | null;
  outlet: string | null;
  title: string | null;
  correspondent: string | null;
  confidential: Generated<boolean>;
  note: string | null;
}

export interface IncidentLinksTable {
  incident_id: string;
  linked_incident_id: string;
}

export interface CasesTable {
  id: string;
  kind: CaseKind;
  title: JsonWithDefault<LocalizedText>;
  summary: JsonWithDefault<LocalizedText>;
  region_code: string | null;
  court: string | null;
  claim_non_pecuniary: BigMoney;
  claim_other: BigMoney;
  outcome: Generated<Outcome>;
  status: RecordStatus;
  editorial_note: string | null;
  is_demo: Generated<boolean>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
}

export interface CaseSubjectsTable {
  case_id: string;
  category_code: string;
}

export interface CaseArticlesTable {
  case_id: string;
  article_code: string;
}

export interface CasePartiesTable {
  case_id: string;
  actor_id: string;
  role: string;
  position: Generated<number>;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  date: string;
  kind: string;
  instance: Instance | null;
  outcome: Outcome | null;
  awarded: BigMoney;
  collected: BigMoney;
  fine_tenge: BigMoney;
  fine_mci: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  bail: BigMoney;
  articles: Generated<string[]>;
  court: string | null;
  note: JsonWithDefault<LocalizedText>;
  position: Generated<number>;
}

export interface IncidentCasesTable {
  incident_id: string;
  case_id: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  user_id: number | null;
  via: Generated<string>;
  action: string;
  entity_type: string;
  entity_id: string;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
}

/** The public read model of published incidents (0005), kept by triggers; see the migration. */
export interface IncidentSearchTable {
  incident_id: string;
  sort_date: string;
  counted_in: string;
  region_code: string | null;
  restricted: boolean;
  groups: string[];
  categories: string[];
  victim_kinds: string[];
  perpetrator_kinds: string[];
  articles: string[];
  actor_ids: string[];
  document: string;
}

/** Counts of incident_search by year or month, region, slice and facet value (0005). */
export interface IncidentFacetCountsTable {
  grain: 'year' | 'month';
  period: string;
  region_code: string;
  /** '' for every incident, else a category or group code: the incidents that carry it. */
  slice: string;
  dimension: 'all' | 'group' | 'category' | 'victim_kind' | 'perpetrator_kind' | 'article';
  value: string;
  n: number;
}

export interface Database {
  taxonomy_groups: TaxonomyGroupsTable;
  categories: CategoriesTable;
  regions: RegionsTable;
  region_names: RegionNamesTable;
  legal_articles: LegalArticlesTable;
  mci_values: MciValuesTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  shared_keys: SharedKeysTable;
  actors: ActorsTable;
  actor_names: ActorNamesTable;
  incidents: IncidentsTable;
  incident_categories: IncidentCategoriesTable;
  incident_actors: IncidentActorsTable;
  incident_legal_articles: IncidentLegalArticlesTable;
  incident_sources: IncidentSourcesTable;
  incident_links: IncidentLinksTable;
  cases: CasesTable;
  case_subjects: CaseSubjectsTable;
  case_articles: CaseArticlesTable;
  case_parties: CasePartiesTable;
  case_events: CaseEventsTable;
  incident_cases: IncidentCasesTable;
  audit_log: AuditLogTable;
  incident_search: IncidentSearchTable;
  incident_facet_counts: IncidentFacetCountsTable;
  questions: QuestionsTable;
  question_messages: QuestionMessagesTable;
  question_articles: QuestionArticlesTable;
  question_cases: QuestionCasesTable;
  outbox: OutboxTable;
  submission_attempts: SubmissionAttemptsTable;
  appeals: AppealsTable;
  appeal_incidents: AppealIncidentsTable;
  appeal_cases: AppealCasesTable;
  appeal_responses: AppealResponsesTable;
  blocking_records: BlockingRecordsTable;
  blocking_evidence: BlockingEvidenceTable;
  blocking_incidents: BlockingIncidentsTable;
  info_requests: InfoRequestsTable;
  info_request_appeals: InfoRequestAppealsTable;
  actor_merges: ActorMergesTable;
  bulletins: BulletinsTable;
  bulletin_items: BulletinItemsTable;
  incident_counting: IncidentCountingTable;
  incident_month_counts: IncidentMonthCountsTable;
  case_counting: CaseCountingTable;
  decision_counting: DecisionCountingTable;
}

export type UserRow = Selectable<UsersTable>;
export type IncidentRow = Selectable<IncidentsTable>;
export type NewIncidentRow = Insertable<IncidentsTable>;
export type IncidentUpdate = Updateable<IncidentsTable>;
export type CaseRow = Selectable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type ActorRow = Selectable<ActorsTable>;

export type QuestionTopic =
  | 'access_to_information'
  | 'defamation'
  | 'accreditation'
  | 'detention'
  | 'copyright'
  | 'other';
export type QuestionStatus = 'new' | 'assigned' | 'awaiting_info' | 'answered' | 'closed' | 'published';

export interface QuestionsTable {
  id: Generated<number>;
  reference: string;
  access_code_hash: string;
  submission_key: string;
  lang: 'kk' | 'ru' | 'en';
  topic: QuestionTopic;
  region_code: string | null;
  body: string;
  sender_name: string | null;
  sender_contact: string | null;
  contact_kind: 'email' | 'phone' | null;
  contact_purged_at: Timestamp | null;
  consent_publish: Generated<boolean>;
  status: Generated<QuestionStatus>;
  assigned_to: number | null;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: number | null;
  public_question: string | null;
  public_answer: string | null;
  published_at: Timestamp | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuestionMessagesTable {
  id: Generated<number>;
  question_id: number;
  kind: 'info_request' | 'sender_reply';
  body: string;
  author_id: number | null;
  created_at: Timestamp;
}

export interface QuestionArticlesTable {
  question_id: number;
  article_code: string;
}

export interface QuestionCasesTable {
  question_id: number;
  case_id: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'not_sent' | 'failed';

export interface OutboxTable {
  id: Generated<number>;
  to_address: string | null;
  recipient: 'sender' | 'staff';
  subject: string;
  body: string;
  question_id: number | null;
  status: Generated<OutboxStatus>;
  status_detail: string | null;
  attempts: Generated<number>;
  created_at: Timestamp;
  attempted_at: Timestamp | null;
}

export interface SubmissionAttemptsTable {
  id: Generated<number>;
  client_key: string;
  action: string;
  outcome: string;
  attempted_at: Timestamp;
}

export interface AppealsTable {
  id: Generated<number>;
  title: Json<LocalizedText>;
  date: string;
  addressees: Generated<string[]>;
  signatories: Generated<string[]>;
  body: JsonWithDefault<LocalizedText>;
  status: Generated<'draft' | 'published'>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: Timestamp | null;
}

export interface AppealIncidentsTable {
  appeal_id: number;
  incident_id: string;
  position: Generated<number>;
}

export interface AppealCasesTable {
  appeal_id: number;
  case_id: string;
}

export interface AppealResponsesTable {
  id: Generated<number>;
  appeal_id: number;
  date: string;
  responder: string;
  body: string;
  created_by: number | null;
  created_at: Timestamp;
}

export type RegisterStatus = 'draft' | 'published';
export type BlockedResourceKind = 'site' | 'page' | 'account' | 'channel' | 'app' | 'other';

export interface BlockingRecordsTable {
  id: GeneratedAlways<number>;
  resource: string;
  resource_kind: BlockedResourceKind;
  ordered_by: string;
  legal_basis: Generated<string>;
  blocked_on: string;
  lifted_on: string | null;
  region_code: string | null;
  description: JsonWithDefault<LocalizedText>;
  editorial_note: Generated<string>;
  status: Generated<RegisterStatus>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BlockingEvidenceTable {
  id: GeneratedAlways<number>;
  blocking_id: number;
  checked_on: string;
  still_blocked: boolean;
  link: Generated<string>;
  content_sha256: string | null;
  screenshot: Buffer | null;
  screenshot_type: 'image/png' | 'image/jpeg' | 'image/webp' | null;
  screenshot_sha256: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface BlockingIncidentsTable {
  blocking_id: number;
  incident_id: string;
}

export type RequesterKind = 'journalist' | 'media_outlet' | 'blogger' | 'other';
export type InfoAnswer = 'pending' | 'answered' | 'refused' | 'partial' | 'late' | 'silent';
export type InfoAppealOutcome = 'pending' | 'granted' | 'partly_granted' | 'rejected' | 'withdrawn';

export interface InfoRequestsTable {
  id: GeneratedAlways<number>;
  requester_kind: RequesterKind;
  requester_name: Generated<string>;
  requester_anonymous: Generated<boolean>;
  body_name: string;
  region_code: string | null;
  requested_on: string;
  subject: JsonWithDefault<LocalizedText>;
  deadline_on: string;
  answer: Generated<InfoAnswer>;
  answered_on: string | null;
  grounds: Generated<string>;
  incident_id: string | null;
  editorial_note: Generated<string>;
  status: Generated<RegisterStatus>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InfoRequestAppealsTable {
  id: GeneratedAlways<number>;
  request_id: number;
  filed_on: string;
  appealed_to: string;
  outcome: Generated<InfoAppealOutcome>;
  decided_on: string | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ActorMergesTable {
  id: Generated<number>;
  survivor_id: string;
  merged_id: string;
  moved: Json<unknown>;
  merged_at: Timestamp;
  merged_by: number | null;
  split_at: Timestamp | null;
  split_by: number | null;
}

export type BulletinSection = 'context' | 'rights' | 'information' | 'legal' | 'ongoing';

export interface BulletinsTable {
  id: Generated<number>;
  month: string;
  status: Generated<'draft' | 'published'>;
  introduction: JsonWithDefault<LocalizedText>;
  section_notes: JsonWithDefault<Partial<Record<BulletinSection, LocalizedText>>>;
  frozen_figures: Json<unknown> | null;
  published_at: Timestamp | null;
  published_by: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BulletinItemsTable {
  id: Generated<number>;
  bulletin_id: number;
  section: BulletinSection;
  position: number;
  incident_id: string | null;
  case_id: string | null;
  snapshot: Json<unknown> | null;
}

/** Counting tables: written only by the triggers of migration 0003, read by the stats module. */
export interface IncidentCountingTable {
  incident_id: string;
  status: RecordStatus;
  counted_in: string;
  categories: string[];
}

export interface IncidentMonthCountsTable {
  counted_in: string;
  key: string;
  n: number;
}

export interface CaseCountingTable {
  case_id: string;
  status: RecordStatus;
  kind: CaseKind;
  claim_non_pecuniary: number | null;
  subjects: string[];
  first_date: string | null;
  first_court_date: string | null;
}

export interface DecisionCountingTable {
  event_id: number;
  case_id: string;
  case_status: RecordStatus;
  date: string;
  instance: Instance | null;
  outcome: Outcome | null;
  awarded: number | null;
}
