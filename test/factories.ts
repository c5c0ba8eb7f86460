import { randomBytes } from 'node:crypto';
import type { Db } from '../src/db/client.ts';
import type { CaseKind, Instance, Outcome, RecordStatus, Role } from '../src/db/types.ts';
import { type ActorKind, caseEventKinds, codeOf, type PartyRole } from '../src/domain/vocabularies.ts';
import type { LocalizedText } from '../src/i18n/langs.ts';

/**
 * Factories write rows straight into a real test database, so a test states only what matters to it.
 * They bypass services on purpose (no audit, no policy): use the services when those are under test.
 */
const uniqueId = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

export async function insertUser(
  db: Db,
  fields: { role?: Role; email?: string; displayName?: string; passwordHash?: string } = {},
) {
  const role = fields.role ?? 'monitor';
  const row = await db
    .insertInto('users')
    .values({
      email: fields.email ?? `${uniqueId(role)}@example.test`,
      display_name: fields.displayName ?? `Test ${role}`,
      role,
      // Not a valid argon2 hash: such a user cannot log in unless the test sets one.
      password_hash: fields.passwordHash ?? '!',
    })
    .returning(['id', 'email', 'display_name', 'role'])
    .executeTakeFirstOrThrow();
  return { id: row.id, email: row.email, displayName: row.display_name, role: row.role };
}

export async function insertActor(
  db: Db,
  fields: { id?: string; kind?: ActorKind; name?: string; variants?: string[] } = {},
) {
  const id = fields.id ?? uniqueId('actor');
  const name = fields.name ?? `Demo Person ${id.slice(-4)}`;
  await db
    .insertInto('actors')
    .values({ id, kind: fields.kind ?? 'journalist', name })
    .execute();
  const names = [name, ...(fields.variants ?? [])];
  await db
    .insertInto('actor_names')
    .values(names.map((variant) => ({ actor_id: id, name: variant })))
    .execute();
  return id;
}

export type IncidentFields = {
  id?: string;
  date?: string;
  countedIn?: string;
  status?: RecordStatus;
  visibility?: 'public' | 'restricted';
  categories?: string[];
  region?: string | null;
  title?: LocalizedText;
  summary?: LocalizedText;
  victims?: Array<{ actorId: string; anonymous?: boolean }>;
  perpetrators?: string[];
  articles?: string[];
  sources?: Array<{ url?: string; outlet?: string; confidential?: boolean; correspondent?: string }>;
  cases?: string[];
  correspondent?: string;
};

export async function insertIncident(db: Db, fields: IncidentFields = {}) {
  const id = fields.id ?? uniqueId('inc');
  const date = fields.date ?? '2024-05-13';
  const countedIn = `${(fields.countedIn ?? date).slice(0, 7)}-01`;
  await db
    .insertInto('incidents')
    .values({
      id,
      date: date.length === 7 ? `${date}-01` : date,
      date_precision: date.length === 7 ? 'month' : 'day',
      counted_in: countedIn,
      region_code: fields.region === undefined ? 'almaty_city' : fields.region,
      title: JSON.stringify(fields.title ?? { en: `Demo incident ${id}` }),
      summary: JSON.stringify(fields.summary ?? {}),
      status: fields.status ?? 'published',
      visibility: fields.visibility ?? 'public',
      correspondent: fields.correspondent ?? null,
      is_demo: true,
    })
    .execute();
  const categories = fields.categories ?? ['obstruction'];
  if (categories.length > 0) {
    await db
      .insertInto('incident_categories')
      .values(categories.map((code) => ({ incident_id: id, category_code: code })))
      .execute();
  }
  const actors = [
    ...(fields.victims ?? []).map((victim, position) => ({
      incident_id: id,
      actor_id: victim.actorId,
      role: 'victim' as const,
      anonymous: victim.anonymous ?? false,
      position,
    })),
    ...(fields.perpetrators ?? []).map((actorId, position) => ({
      incident_id: id,
      actor_id: actorId,
      role: 'perpetrator' as const,
      position,
    })),
  ];
  if (actors.length > 0) await db.insertInto('incident_actors').values(actors).execute();
  if (fields.articles?.length) {
    await db
      .insertInto('incident_legal_articles')
      .values(fields.articles.map((code) => ({ incident_id: id, article_code: code })))
      .execute();
  }
  if (fields.sources?.length) {
    await db
      .insertInto('incident_sources')
      .values(
        fields.sources.map((source, position) => ({
          incident_id: id,
          position,
          url: source.url ?? null,
          outlet: source.outlet ?? null,
          correspondent: source.correspondent ?? null,
          confidential: source.confidential ?? false,
          title: null,
          note: null,
        })),
      )
      .execute();
  }
  if (fields.cases?.length) {
    await db
      .insertInto('incident_cases')
      .values(fields.cases.map((caseId) => ({ incident_id: id, case_id: caseId })))
      .execute();
  }
  return id;
}

export type CaseEventFields = {
  date: string;
  kind: string;
  instance?: Instance;
  outcome?: Outcome;
  awarded?: number;
  collected?: number;
};

export async function insertCase(
  db: Db,
  fields: {
    id?: string;
    kind?: CaseKind;
    subjects?: string[];
    status?: RecordStatus;
    claimNonPecuniary?: number;
    events?: CaseEventFields[];
    parties?: Array<{ actorId: string; role: PartyRole }>;
    title?: LocalizedText;
  } = {},
) {
  const id = fields.id ?? uniqueId('case');
  await db
    .insertInto('cases')
    .values({
      id,
      kind: fields.kind ?? 'civil',
      title: JSON.stringify(fields.title ?? { en: `Demo case ${id}` }),
      status: fields.status ?? 'published',
      claim_non_pecuniary: fields.claimNonPecuniary ?? null,
      region_code: null,
      court: null,
      claim_other: null,
      editorial_note: null,
      created_by: null,
      published_at: null,
      is_demo: true,
    })
    .execute();
  if (fields.subjects?.length) {
    await db
      .insertInto('case_subjects')
      .values(fields.subjects.map((code) => ({ case_id: id, category_code: code })))
      .execute();
  }
  const events = fields.events ?? [{ date: '2024-05-10', kind: 'filed' }];
  await db
    .insertInto('case_events')
    .values(
      events.map((event, position) => ({
        case_id: id,
        date: event.date,
        kind: codeOf(caseEventKinds, event.kind, 'event kind'),
        instance: event.instance ?? null,
        outcome: event.outcome ?? null,
        awarded: event.awarded ?? null,
        collected: event.collected ?? null,
        fine_tenge: null,
        fine_mci: null,
        bail: null,
        court: null,
        position,
      })),
    )
    .execute();
  if (fields.parties?.length) {
    await db
      .insertInto('case_parties')
      .values(
        fields.parties.map((party, position) => ({
          case_id: id,
          actor_id: party.actorId,
          role: party.role,
          position,
        })),
      )
      .execute();
  }
  return id;
}
