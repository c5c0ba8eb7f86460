import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { IntakeLang } from '../../db/types.ts';
import { writeAudit } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/input.ts';
import { requireRoles } from '../../lib/record-policy.ts';
import { inTransaction } from '../../lib/transaction.ts';
import { nameKey } from '../importer/index.ts';
import { createIncident, getIncident, updateIncident } from '../incidents/index.ts';
import {
  analyseItem,
  type CandidateSuggestions,
  type Comparable,
  guessLang,
  incidentCategoryOf,
  linkKey,
  matchIncidents,
  sameStory,
  wordStems,
} from './intake.analyse.ts';
import { defaultFetchLimits, FetchError, type FetchLimits, fetchLimited } from './intake.http.ts';
import { type FeedItem, firstWords, ParseError, parseAnswer } from './intake.parse.ts';
import {
  type CandidateRow,
  candidatesAround,
  claimDueSource,
  decideCandidate,
  existingLinkKeys,
  findCandidate,
  findSource,
  groupMembers,
  incidentsAround,
  insertCandidate,
  insertSource,
  intakeMeasures,
  legalArticleCodes,
  listCandidates,
  listSources,
  nextHostSlot,
  recordFetchFailure,
  recordFetchSuccess,
  regionCodes,
  type SourceRow,
  setIncidentProvenance,
  setSourcePaused,
  sourceOptions,
} from './intake.repo.ts';
import {
  type AttachInput,
  attachSchema,
  type DismissInput,
  dismissSchema,
  type PasteInput,
  pasteSchema,
  type QueueFilterInput,
  queueFiltersSchema,
  type SourceInput,
  sourceInputSchema,
} from './intake.schemas.ts';

const sourceManagers = ['admin', 'editor'] as const;
const triagers = ['admin', 'editor', 'monitor'] as const;
const PAGE_SIZE = 30;

// ---------------------------------------------------------------------------------------------
// Sources

export async function addSource(ctx: ServiceContext, input: SourceInput): Promise<SourceRow> {
  requireRoles(ctx, sourceManagers, 'manage intake sources');
  const parsed = parseInput(sourceInputSchema, input);
  const url = new URL(parsed.url);
  return inTransaction(ctx, async (tctx) => {
    const row = await insertSource(tctx.db, {
      url: url.toString(),
      host: url.host.toLowerCase(),
      name: parsed.name ?? url.host,
      lang: parsed.lang ?? 'ru',
      intervalMinutes: parsed.interval_minutes ?? 60,
      createdBy: tctx.user?.id ?? null,
      now: tctx.now(),
    });
    if (!row)
      throw new AppError('conflict', `the source ${url.toString()} is on the list already`, { field: 'url' });
    await writeAudit(tctx.db, tctx, {
      action: 'intake_source.create',
      entityType: 'intake_source',
      entityId: String(row.id),
      after: { url: row.url, name: row.name, lang: row.lang, interval_minutes: row.interval_minutes },
    });
    return row;
  });
}

export async function listIntakeSources(ctx: ServiceContext): Promise<SourceRow[]> {
  requireRoles(ctx, triagers, 'see intake sources');
  return listSources(ctx.db);
}

export async function pauseSource(ctx: ServiceContext, input: { id: number; paused: boolean }) {
  requireRoles(ctx, sourceManagers, 'manage intake sources');
  await inTransaction(ctx, async (tctx) => {
    const source = await findSource(tctx.db, input.id);
    if (!source) throw new AppError('not_found', `no intake source ${input.id}`);
    await setSourcePaused(tctx.db, input.id, input.paused, tctx.now());
    await writeAudit(tctx.db, tctx, {
      action: input.paused ? 'intake_source.pause' : 'intake_source.resume',
      entityType: 'intake_source',
      entityId: String(input.id),
      before: { paused: source.paused },
      after: { paused: input.paused },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Fetching

export type FetchPassOptions = {
  /** Names this fetcher in the claims it holds; unique per process by default. */
  worker?: string;
  limits?: Partial<FetchLimits>;
  /** The pause between two requests to one host. */
  hostIntervalMs?: number;
  /** How long a pass waits for a busy host before leaving its sources to the next pass. */
  maxHostWaitMs?: number;
  /** Sources fetched at once (never two of one host). */
  concurrency?: number;
};

export type FetchOutcome = {
  sourceId: number;
  name: string;
  url: string;
  status: 'ok' | 'not_modified' | 'error';
  newItems: number;
  error: string | null;
};

/**
 * One pass over the due sources. Every claim goes through the database, so passes in several
 * processes share the work and never fetch one source twice; a failing source records its error,
 * waits longer each time (backoff), and the pass goes on with the others.
 */
export async function runFetchPass(
  ctx: ServiceContext,
  options: FetchPassOptions = {},
): Promise<FetchOutcome[]> {
  requireRoles(ctx, sourceManagers, 'fetch intake sources');
  const limits: FetchLimits = { ...defaultFetchLimits, ...options.limits };
  const worker = options.worker ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const hostIntervalMs = options.hostIntervalMs ?? 2000;
  const maxHostWaitMs = options.maxHostWaitMs ?? 30_000;
  // The lease outlives the longest fetch, so a claim is never taken over while its fetch runs.
  const leaseMs = limits.timeoutMs + 120_000;
  const outcomes: FetchOutcome[] = [];
  const work = async () => {
    for (;;) {
      const source = await claimDueSource(ctx.db, { worker, now: ctx.now(), leaseMs });
      if (source) {
        outcomes.push(await fetchSource(ctx, source, limits, hostIntervalMs));
        continue;
      }
      const slot = await nextHostSlot(ctx.db, ctx.now());
      if (!slot) return;
      const wait = slot.getTime() - ctx.now().getTime();
      if (wait > maxHostWaitMs) return;
      await sleep(Math.max(wait, 20));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, work));
  return outcomes.sort((a, b) => a.sourceId - b.sourceId);
}

/** A pass started by an editor from the sources page, recorded in the audit log with its result. */
export async function fetchDueSources(
  ctx: ServiceContext,
  options: FetchPassOptions = {},
): Promise<FetchOutcome[]> {
  requireRoles(ctx, sourceManagers, 'fetch intake sources');
  const outcomes = await runFetchPass(ctx, options);
  await writeAudit(ctx.db, ctx, {
    action: 'intake_source.fetch_pass',
    entityType: 'intake_source',
    entityId: 'due',
    after: outcomes.map((outcome) => ({
      id: outcome.sourceId,
      status: outcome.status,
      new: outcome.newItems,
    })),
  });
  return outcomes;
}

async function fetchSource(
  ctx: ServiceContext,
  source: SourceRow,
  limits: FetchLimits,
  hostIntervalMs: number,
): Promise<FetchOutcome> {
  const outcome = { sourceId: source.id, name: source.name, url: source.url };
  try {
    const answer = await fetchLimited(
      source.url,
      { etag: source.etag, lastModified: source.last_modified },
      limits,
    );
    const now = ctx.now();
    const hostFreeAt = new Date(now.getTime() + hostIntervalMs);
    if (answer.status === 'not_modified') {
      await recordFetchSuccess(ctx.db, source, {
        now,
        hostFreeAt,
        kind: null,
        etag: source.etag,
        lastModified: source.last_modified,
        newItems: 0,
        note: null,
      });
      return { ...outcome, status: 'not_modified', newItems: 0, error: null };
    }
    const parsed = parseAnswer({ bytes: answer.bytes, contentType: answer.contentType, url: answer.url });
    const newItems = await storeItems(ctx, source, parsed.items);
    await recordFetchSuccess(ctx.db, source, {
      now,
      hostFreeAt,
      kind: parsed.kind,
      etag: answer.validators.etag,
      lastModified: answer.validators.lastModified,
      newItems,
      note: parsed.encodingNote,
    });
    return { ...outcome, status: 'ok', newItems, error: null };
  } catch (error) {
    const known = error instanceof FetchError || error instanceof ParseError;
    const message = known
      ? error.message
      : `could not read it: ${error instanceof Error ? error.message : String(error)}`;
    const now = ctx.now();
    await recordFetchFailure(ctx.db, source, {
      now,
      hostFreeAt: new Date(now.getTime() + hostIntervalMs),
      message,
      retryAt: new Date(
        now.getTime() + backoffMs({ ...source, consecutive_errors: source.consecutive_errors + 1 }),
      ),
    });
    return { ...outcome, status: 'error', newItems: 0, error: message };
  }
}

/** The wait after the n-th failure in a row: the source's interval times 2ⁿ, at most a day. */
export function backoffMs(source: Pick<SourceRow, 'interval_minutes' | 'consecutive_errors'>): number {
  const base = Math.max(source.interval_minutes, 5) * 60_000;
  return Math.min(base * 2 ** Math.min(source.consecutive_errors, 10), 24 * 3600_000);
}

function itemKey(item: FeedItem, sourceUrl: string): string {
  if (item.link && item.key === item.link) return linkKey(item.link);
  if (item.key) return item.key;
  const hash = createHash('sha256').update(`${item.title}\n${item.text}`).digest('hex').slice(0, 16);
  return `${sourceUrl}#item-${hash}`;
}

async function storeItems(
  ctx: ServiceContext,
  source: SourceRow,
  items: readonly FeedItem[],
): Promise<number> {
  const keyed = items.map((item) => ({ item, key: itemKey(item, source.url) }));
  const known = await existingLinkKeys(
    ctx.db,
    keyed.map((entry) => entry.key),
  );
  const regions = await regionCodes(ctx.db);
  let added = 0;
  const seen = new Set<string>();
  for (const { item, key } of keyed) {
    if (known.has(key) || seen.has(key)) continue;
    seen.add(key);
    const id = await createCandidate(ctx, regions, {
      sourceId: source.id,
      origin: 'feed',
      link: item.link,
      linkKey: key,
      title: item.title,
      text: item.text,
      publishedAt: item.publishedAt,
      lang: item.lang ?? source.lang,
      outlet: item.outlet ?? source.name,
    });
    if (id !== null) added += 1;
  }
  return added;
}

const GROUP_WINDOW_MS = 3 * 24 * 3600_000;
const MATCH_WINDOW_DAYS = 7;

/** An item becomes a candidate: analysed, put in its group of near-duplicates, matched to incidents. */
async function createCandidate(
  ctx: ServiceContext,
  regions: ReadonlySet<string>,
  input: {
    sourceId: number | null;
    origin: 'feed' | 'paste';
    link: string | null;
    linkKey: string | null;
    title: string;
    text: string;
    publishedAt: Date | null;
    lang: IntakeLang;
    outlet: string | null;
  },
): Promise<number | null> {
  const at = input.publishedAt ?? ctx.now();
  const day = almatyDay(at);
  const analysed = analyseItem({ title: input.title, text: input.text, date: day });
  const region = analysed.region && regions.has(analysed.region) ? analysed.region : null;
  const peopleKeys = analysed.suggestions.people.map((person) => person.key);
  const self: Comparable = {
    publishedAt: at,
    region,
    peopleKeys,
    stems: wordStems(`${input.title} ${analysed.excerpt}`),
  };
  let groupId: number | null = null;
  for (const other of await candidatesAround(ctx.db, at, GROUP_WINDOW_MS)) {
    const suggestions = other.suggestions as CandidateSuggestions;
    const comparable: Comparable = {
      publishedAt: other.published_at ? new Date(other.published_at) : new Date(other.created_at),
      region: other.region_code,
      peopleKeys: (suggestions.people ?? []).map((person) => person.key),
      stems: wordStems(`${other.title} ${other.excerpt}`),
    };
    if (sameStory(self, comparable)) {
      groupId = Number(other.group_id ?? other.id);
      break;
    }
  }
  const incidents = await incidentsAround(
    ctx.db,
    shiftDay(day, -MATCH_WINDOW_DAYS),
    shiftDay(day, MATCH_WINDOW_DAYS),
  );
  const matches = matchIncidents(
    { region, peopleKeys, categories: analysed.suggestions.categories.map((s) => s.code) },
    incidents.map((incident) => ({ ...incident, peopleKeys: incident.names.map((name) => nameKey(name)) })),
  );
  return insertCandidate(ctx.db, {
    sourceId: input.sourceId,
    origin: input.origin,
    link: input.link,
    linkKey: input.linkKey,
    title: input.title,
    publishedAt: input.publishedAt,
    lang: input.lang,
    excerpt: analysed.excerpt,
    outlet: input.outlet,
    region,
    suggestions: analysed.suggestions,
    groupId,
    matches,
    createdBy: ctx.user?.id ?? null,
  });
}

// ---------------------------------------------------------------------------------------------
// Paste

/**
 * A monitor pastes a link (fetched and read like a source's page) or a text (a correspondent's
 * message) and gets the same candidate as a feed item would give. A link already known returns
 * its candidate.
 */
export async function pasteCandidate(
  ctx: ServiceContext,
  input: PasteInput,
  options: { limits?: Partial<FetchLimits> } = {},
): Promise<{ id: number; created: boolean }> {
  const limits: FetchLimits = { ...defaultFetchLimits, ...options.limits };
  requireRoles(ctx, triagers, 'add candidates');
  const parsed = parseInput(pasteSchema, input);
  const regions = await regionCodes(ctx.db);
  const isLink = /^https?:\/\/\S+$/i.test(parsed.text);
  let candidate: Parameters<typeof createCandidate>[2];
  if (isLink) {
    const key = linkKey(parsed.text);
    const known = await existingCandidateByKey(ctx, key);
    if (known !== null) return { id: known, created: false };
    let item: FeedItem | undefined;
    try {
      const answer = await fetchLimited(parsed.text, { etag: null, lastModified: null }, limits);
      if (answer.status !== 'ok') throw new FetchError('the page answered "not modified" to a first request');
      item = parseAnswer({ bytes: answer.bytes, contentType: answer.contentType, url: answer.url }).items[0];
    } catch (error) {
      if (error instanceof FetchError || error instanceof ParseError) {
        throw new AppError('validation_failed', `the link could not be read: ${error.message}`, {
          field: 'text',
        });
      }
      throw error;
    }
    if (!item) throw new AppError('validation_failed', 'the link holds no item to read', { field: 'text' });
    candidate = {
      sourceId: null,
      origin: 'paste',
      link: parsed.text,
      linkKey: key,
      title: item.title,
      text: item.text,
      publishedAt: item.publishedAt,
      lang: parsed.lang ?? item.lang ?? guessLang(item.text),
      outlet: item.outlet,
    };
  } else {
    candidate = {
      sourceId: null,
      origin: 'paste',
      link: null,
      linkKey: null,
      title: firstWords(parsed.text),
      text: parsed.text,
      publishedAt: null,
      lang: parsed.lang ?? guessLang(parsed.text),
      outlet: null,
    };
  }
  return inTransaction(ctx, async (tctx) => {
    const id = await createCandidate(tctx, regions, candidate);
    if (id === null) {
      const known = candidate.linkKey ? await existingCandidateByKey(tctx, candidate.linkKey) : null;
      if (known !== null) return { id: known, created: false };
      throw new AppError('conflict', 'the candidate could not be stored');
    }
    await writeAudit(tctx.db, tctx, {
      action: 'intake_candidate.paste',
      entityType: 'intake_candidate',
      entityId: String(id),
      after: { link: candidate.link, title: candidate.title, lang: candidate.lang },
    });
    return { id, created: true };
  });
}

async function existingCandidateByKey(ctx: ServiceContext, key: string): Promise<number | null> {
  const row = await ctx.db
    .selectFrom('intake_candidates')
    .select('id')
    .where('link_key', '=', key)
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

// ---------------------------------------------------------------------------------------------
// Triage

export type QueuePage = {
  rows: CandidateRow[];
  /** The other members of each shown candidate's group, by group id. */
  groups: Map<number, CandidateRow[]>;
  total: number;
  page: number;
  pageSize: number;
  filters: ReturnType<typeof queueFiltersSchema.parse>;
  sources: Array<{ id: number; name: string }>;
};

export async function listQueue(ctx: ServiceContext, input: QueueFilterInput): Promise<QueuePage> {
  requireRoles(ctx, triagers, 'triage candidates');
  const filters = parseInput(queueFiltersSchema, input);
  const { rows, total } = await listCandidates(ctx.db, {
    ...filters,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  });
  const groups = await groupsOf(ctx, rows);
  const sources = (await sourceOptions(ctx.db)).map((source) => ({
    id: Number(source.id),
    name: source.name,
  }));
  return { rows, groups, total, page: filters.page, pageSize: PAGE_SIZE, filters, sources };
}

async function groupsOf(ctx: ServiceContext, rows: readonly CandidateRow[]) {
  const groupIds = [...new Set(rows.flatMap((row) => (row.group_id === null ? [] : [Number(row.group_id)])))];
  const members = await groupMembers(ctx.db, groupIds);
  const groups = new Map<number, CandidateRow[]>();
  for (const member of members) {
    const list = groups.get(Number(member.group_id)) ?? [];
    list.push(member);
    groups.set(Number(member.group_id), list);
  }
  return groups;
}

export async function getCandidate(ctx: ServiceContext, id: number) {
  requireRoles(ctx, triagers, 'triage candidates');
  const row = await findCandidate(ctx.db, id);
  if (!row) throw new AppError('not_found', `no candidate ${id}`);
  const groups = await groupsOf(ctx, [row]);
  return { row, group: groups.get(Number(row.group_id)) ?? [] };
}

async function lockNewCandidate(ctx: ServiceContext, id: number): Promise<CandidateRow> {
  const row = await findCandidate(ctx.db, id, { lock: true });
  if (!row) throw new AppError('not_found', `no candidate ${id}`);
  if (row.status !== 'new') {
    throw new AppError('conflict', `candidate ${id} was handled already (${row.status})`);
  }
  return row;
}

const decisionVerbs = { drafted: 'draft', attached: 'attach', dismissed: 'dismiss' } as const;

/** A triage decision on a candidate and its audit entry, in the caller's transaction. */
async function recordDecision(
  tctx: ServiceContext,
  row: CandidateRow,
  decision: {
    status: keyof typeof decisionVerbs;
    incidentId?: string;
    reason?: string;
    note?: string | null;
  },
  details: Record<string, unknown> = {},
) {
  await decideCandidate(tctx.db, row.id, { ...decision, by: tctx.user?.id ?? null, at: tctx.now() });
  await writeAudit(tctx.db, tctx, {
    action: `intake_candidate.${decisionVerbs[decision.status]}`,
    entityType: 'intake_candidate',
    entityId: String(row.id),
    before: { status: row.status },
    after: {
      status: decision.status,
      ...(decision.incidentId ? { incident_id: decision.incidentId } : {}),
      ...(decision.reason ? { reason: decision.reason, note: decision.note ?? null } : {}),
      ...details,
    },
  });
}

/**
 * A draft incident from a candidate: its date, region, top category and legal articles prefilled,
 * its link as the first source, and where it came from kept in the incident's provenance.
 */
export async function makeDraft(ctx: ServiceContext, input: { id: number }): Promise<{ incidentId: string }> {
  requireRoles(ctx, triagers, 'make drafts from candidates');
  return inTransaction(ctx, async (tctx) => {
    const row = await lockNewCandidate(tctx, input.id);
    const knownArticles = await legalArticleCodes(tctx.db);
    const day = almatyDay(row.published_at ? new Date(row.published_at) : new Date(row.created_at));
    const incident = await createIncident(tctx, {
      date: day,
      region: row.region_code,
      categories: [incidentCategoryOf(row.suggestions)],
      legal_articles: row.suggestions.articles.filter((code) => knownArticles.has(code)),
      title: { [row.lang]: row.title },
      summary: row.excerpt ? { [row.lang]: row.excerpt } : {},
      sources: row.link
        ? [{ url: row.link, outlet: row.outlet ?? row.source_name ?? null, title: row.title.slice(0, 500) }]
        : [{ title: row.title.slice(0, 500), note: row.excerpt || null }],
    });
    await setIncidentProvenance(tctx.db, incident.id, {
      intake: {
        candidate_id: row.id,
        origin: row.origin,
        source_id: row.source_id,
        source_name: row.source_name,
        link: row.link,
        published_at: row.published_at,
        received_at: row.created_at,
        suggestions: row.suggestions,
      },
    });
    await recordDecision(tctx, row, { status: 'drafted', incidentId: incident.id });
    return { incidentId: incident.id };
  });
}

/** The candidate's link becomes a further source of an existing incident. */
export async function attachToIncident(
  ctx: ServiceContext,
  input: AttachInput,
): Promise<{ incidentId: string }> {
  requireRoles(ctx, triagers, 'attach candidates');
  const parsed = parseInput(attachSchema, input);
  return inTransaction(ctx, async (tctx) => {
    const row = await lockNewCandidate(tctx, parsed.id);
    let incident: Awaited<ReturnType<typeof getIncident>>;
    try {
      incident = await getIncident(tctx, parsed.incident_id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') {
        throw new AppError('validation_failed', `no incident ${parsed.incident_id}`, {
          field: 'incident_id',
        });
      }
      throw error;
    }
    const source = row.link
      ? { url: row.link, outlet: row.outlet ?? row.source_name ?? null, title: row.title.slice(0, 500) }
      : { title: row.title.slice(0, 500), note: row.excerpt || null };
    const already =
      row.link &&
      incident.sources.some((existing) => existing.url && linkKey(existing.url) === linkKey(row.link ?? ''));
    if (!already) {
      await updateIncident(tctx, {
        id: incident.id,
        version: incident.version,
        sources: [...incident.sources, source],
      });
    }
    await recordDecision(
      tctx,
      row,
      { status: 'attached', incidentId: incident.id },
      { source_added: !already },
    );
    return { incidentId: incident.id };
  });
}

export async function dismissCandidate(ctx: ServiceContext, input: DismissInput) {
  requireRoles(ctx, triagers, 'dismiss candidates');
  const parsed = parseInput(dismissSchema, input);
  await inTransaction(ctx, async (tctx) => {
    const row = await lockNewCandidate(tctx, parsed.id);
    await recordDecision(tctx, row, {
      status: 'dismissed',
      reason: parsed.reason,
      note: parsed.note ?? null,
    });
  });
}

/** The last 14 days: candidates a day, the share made into incidents, median publication-to-draft time. */
export async function getMeasures(ctx: ServiceContext) {
  requireRoles(ctx, triagers, 'see intake measures');
  const since = new Date(ctx.now().getTime() - 14 * 24 * 3600_000);
  return intakeMeasures(ctx.db, since);
}

// ---------------------------------------------------------------------------------------------

const almatyFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Almaty',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day in Kazakhstan, where the incidents happen. */
export function almatyDay(at: Date): string {
  return almatyFormat.format(at);
}

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
