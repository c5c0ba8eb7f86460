import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { systemContext } from '../../lib/context.ts';
import { addSource, listIntakeSources } from './index.ts';
import { backoffMs, type FetchOutcome, runFetchPass } from './intake.service.ts';
import { type FeedServer, startFeedServer } from './intake.testkit.ts';

// The test's feed server is on 127.0.0.1, which intake refuses unless told otherwise (last test).
const limits = { timeoutMs: 1500, maxBytes: 64 * 1024, maxRedirects: 5, allowPrivateAddresses: true };

let database: TestDatabase;
let server: FeedServer;
let clock = new Date('2026-12-01T06:00:00Z');
const ctx = () => ({ ...systemContext(database.db, 'cli'), now: () => clock });

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startFeedServer({ slowMs: 10_000 });
});
afterAll(async () => {
  await server.close();
  await database.close();
});

const sources = [
  { path: '/kk/rss.xml', name: 'Kazakh RSS (test)', lang: 'kk' },
  { path: '/ru/atom.xml', name: 'Russian Atom (test)', lang: 'ru' },
  { path: '/en/feed.json', name: 'English JSON Feed (test)', lang: 'en' },
  { path: '/en/court.html', name: 'Court page (test)', lang: 'en' },
  { path: '/s/testchannel', name: 'Telegram preview (test)', lang: 'ru' },
  { path: '/ru/old.xml', name: 'Windows-1251 feed (test)', lang: 'ru' },
  { path: '/broken.xml', name: 'Broken XML (test)', lang: 'en' },
  { path: '/huge.xml', name: 'Huge (test)', lang: 'en' },
  { path: '/loop-a', name: 'Redirect loop (test)', lang: 'en' },
  { path: '/slow', name: 'Slow (test)', lang: 'kk' },
] as const;

describe('a fetch pass over good and bad sources', () => {
  let outcomes: FetchOutcome[];
  const byPath = (path: string) => {
    const outcome = outcomes.find((o) => o.url.endsWith(path));
    if (!outcome) throw new Error(`no outcome for ${path}`);
    return outcome;
  };

  beforeAll(async () => {
    for (const source of sources) {
      await addSource(ctx(), { url: `${server.base}${source.path}`, name: source.name, lang: source.lang });
    }
    outcomes = await runFetchPass(ctx(), { limits, hostIntervalMs: 0, concurrency: 3 });
  });

  it('fetches every due source once, and each bad one fails alone with a clear error', () => {
    expect(outcomes).toHaveLength(sources.length);
    expect(byPath('/broken.xml')).toMatchObject({ status: 'error' });
    expect(byPath('/broken.xml').error).toMatch(/^broken XML at line \d+, column \d+/);
    expect(byPath('/huge.xml').error).toBe('the answer is larger than the limit of 64 KB');
    expect(byPath('/loop-a').error).toMatch(/^redirect loop: .*\/loop-a redirects back/);
    expect(byPath('/slow').error).toBe('timed out after 1.5 s');
    for (const path of [
      '/kk/rss.xml',
      '/ru/atom.xml',
      '/en/feed.json',
      '/en/court.html',
      '/s/testchannel',
      '/ru/old.xml',
    ]) {
      expect(byPath(path), path).toMatchObject({ status: 'ok', error: null });
    }
  });

  it('turns each new item into a candidate with the importer’s suggestions', async () => {
    const rows = await database.db.selectFrom('intake_candidates').selectAll().orderBy('id').execute();
    expect(rows).toHaveLength(2 + 2 + 2 + 1 + 2 + 1);
    const byTitle = (text: string) => {
      const row = rows.find((candidate) => candidate.title.includes(text));
      if (!row) throw new Error(`no candidate titled ${text}`);
      return row;
    };
    const russian = byTitle('Ержан Тестов');
    expect(russian).toMatchObject({ lang: 'ru', region_code: 'almaty_city', outlet: 'Тестовые Новости' });
    expect(russian.link).toBe('https://ru.example.test/2026/11/30/zaderzhan');
    const suggestions = russian.suggestions as {
      categories: Array<{ code: string }>;
      people: Array<{ name: string }>;
    };
    expect(suggestions.categories[0]?.code).toBe('detention');
    expect(suggestions.people.map((p) => p.name)).toContain('Ержан Тестов');
    // The Kazakh item keeps its language and loses the tracking parameter from its key.
    const kazakh = byTitle('Айгүл Сейітова');
    expect(kazakh).toMatchObject({
      lang: 'kk',
      region_code: 'shymkent',
      link_key: 'https://kk.example.test/news/1',
    });
    // Readable text of the court page, without its navigation and footer.
    const page = byTitle('Court announcement');
    expect(page.excerpt).toContain('honour, dignity and business reputation');
    expect(page.excerpt).not.toContain('Test footer');
    expect(page.outlet).toBe('Test District Court');
    // Telegram messages, each with its own link.
    expect(rows.filter((row) => row.link?.startsWith('https://t.me/testchannel/'))).toHaveLength(2);
    // The undeclared Windows-1251 feed reads as Cyrillic.
    expect(byTitle('Павлодаре').title).toBe('В Павлодаре редактору Ольге Придуманной угрожали');
  });

  it('groups the same story told in Russian and English', async () => {
    const rows = await database.db
      .selectFrom('intake_candidates')
      .select(['id', 'title', 'group_id'])
      .execute();
    const russian = rows.find((row) => row.title.includes('Ержан Тестов'));
    const english = rows.find((row) => row.title.includes('Yerzhan Testov'));
    expect(russian?.group_id).not.toBeNull();
    expect(english?.group_id).toBe(russian?.group_id);
    const weather = rows.find((row) => row.title.includes('Ауа райы'));
    expect(weather?.group_id).not.toBe(russian?.group_id);
  });

  it('shows each source’s health: last success, last error, a later retry after failures', async () => {
    const health = await listIntakeSources(ctx());
    const broken = health.find((source) => source.url.endsWith('/broken.xml'));
    expect(broken).toMatchObject({ consecutive_errors: 1, last_success_at: null });
    expect(broken?.last_error).toMatch(/^broken XML/);
    expect(new Date(broken?.next_fetch_at ?? 0).getTime()).toBe(
      clock.getTime() + backoffMs({ interval_minutes: 60, consecutive_errors: 1 }),
    );
    const old = health.find((source) => source.url.endsWith('/ru/old.xml'));
    expect(old?.last_success_at).not.toBeNull();
    expect(old?.last_error).toBe('not valid UTF-8 (no charset declared): read as Windows-1251');
    const kazakh = health.find((source) => source.url.endsWith('/kk/rss.xml'));
    expect(kazakh).toMatchObject({ kind: 'rss', etag: '"kk-v1"', items_found: 2, consecutive_errors: 0 });
    expect(health.find((source) => source.url.endsWith('/s/testchannel'))?.kind).toBe('telegram');
  });

  it('asks again with ETag and Last-Modified, adds nothing twice, and backs off further on errors', async () => {
    clock = new Date(clock.getTime() + 61 * 60_000);
    const before = await database.db.selectFrom('intake_candidates').select('id').execute();
    const again = await runFetchPass(ctx(), { limits, hostIntervalMs: 0, concurrency: 3 });
    // The failed sources wait for their backoff; the good ones are due again.
    expect(again.map((o) => o.url.replace(server.base, '')).sort()).toEqual(
      [
        '/en/court.html',
        '/en/feed.json',
        '/kk/rss.xml',
        '/ru/atom.xml',
        '/ru/old.xml',
        '/s/testchannel',
      ].sort(),
    );
    expect(again.find((o) => o.url.endsWith('/kk/rss.xml'))?.status).toBe('not_modified');
    expect(again.find((o) => o.url.endsWith('/ru/atom.xml'))?.status).toBe('not_modified');
    expect(server.notModified.get('/kk/rss.xml')).toBe(1);
    expect(server.notModified.get('/ru/atom.xml')).toBe(1);
    const after = await database.db.selectFrom('intake_candidates').select('id').execute();
    expect(after).toHaveLength(before.length);
    expect(backoffMs({ interval_minutes: 60, consecutive_errors: 2 })).toBe(4 * 3600_000);
    expect(backoffMs({ interval_minutes: 60, consecutive_errors: 9 })).toBe(24 * 3600_000);
  });
});

describe('several fetchers at once', () => {
  it('never fetch one source twice (claims in the database)', async () => {
    const servers = await Promise.all([startFeedServer(), startFeedServer(), startFeedServer()]);
    try {
      const paths = ['/kk/rss.xml', '/ru/atom.xml', '/en/feed.json'];
      for (const one of servers) {
        for (const path of paths) await addSource(ctx(), { url: `${one.base}${path}?pair=1`, lang: 'en' });
      }
      const [first, second] = await Promise.all([
        runFetchPass(ctx(), { worker: 'first', limits, hostIntervalMs: 0, concurrency: 3 }),
        runFetchPass(ctx(), { worker: 'second', limits, hostIntervalMs: 0, concurrency: 3 }),
      ]);
      const fetchedIds = [...first, ...second].map((o) => o.sourceId);
      expect(fetchedIds).toHaveLength(9);
      expect(new Set(fetchedIds).size).toBe(9);
      for (const one of servers) for (const path of paths) expect(one.hits.get(path), path).toBe(1);
    } finally {
      await Promise.all(servers.map((one) => one.close()));
    }
  });

  it('keep one request at a time per host: a busy host’s next source waits for a later pass', async () => {
    const one = await startFeedServer();
    try {
      await addSource(ctx(), { url: `${one.base}/kk/rss.xml?polite=1`, lang: 'kk' });
      await addSource(ctx(), { url: `${one.base}/ru/atom.xml?polite=1`, lang: 'ru' });
      const pass = await runFetchPass(ctx(), {
        limits,
        hostIntervalMs: 3600_000,
        maxHostWaitMs: 0,
        concurrency: 2,
      });
      expect(pass).toHaveLength(1);
      expect([...one.hits.values()].reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      await one.close();
    }
  });

  it('refuse private and local addresses by default, with a clear error on the source', async () => {
    const one = await startFeedServer();
    try {
      const source = await addSource(ctx(), { url: `${one.base}/kk/rss.xml?private=1`, lang: 'kk' });
      const pass = await runFetchPass(ctx(), { limits: { timeoutMs: 1500 }, hostIntervalMs: 0 });
      expect(pass).toEqual([
        expect.objectContaining({
          sourceId: source.id,
          status: 'error',
          error:
            'refused: 127.0.0.1 is a private or local address (127.0.0.1); set INTAKE_ALLOW_PRIVATE_ADDRESSES=1 to allow it',
        }),
      ]);
      expect(one.hits.size).toBe(0);
    } finally {
      await one.close();
    }
  });
});
