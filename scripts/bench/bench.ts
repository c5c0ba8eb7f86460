import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase, openPglite } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { AppError } from '../../src/lib/errors.ts';
import { packagePath } from '../../src/lib/package-root.ts';
import { benchBuildBulletin } from '../../src/modules/bulletins/index.ts';
import { buildServer } from '../../src/server.tsx';
import { LONG_TAIL_WORDS, loadDataset, longTailWordOf } from './dataset.ts';
import { QueryRecorder, replay, summarize, type Timing, timeRuns } from './measure.ts';
import { printServing, runServingBench } from './serving.ts';

/*
 * `sozwatch bench`: builds a synthetic registry of each size on each engine, then times the main
 * pages and API calls in-process (Fastify inject: routing, validation, rendering, serialization,
 * no sockets) and the same SQL statements run raw one after the other (recorded from the request).
 * Then serving.ts takes the figures from outside a server process: start time, and throughput
 * against bare routes running the same SQL.
 *
 * PostgreSQL data sets live in their own databases (sozwatch_bench_<size>) and are reused by the next
 * run unless --reload; PGlite ones are built in memory each time (in .bench/ folders for serving.ts).
 */

export type BenchOptions = {
  sizes: string;
  engines?: string;
  postgres?: string;
  iterations: string;
  duration: string;
  reload?: boolean;
  json?: string;
  servingOnly?: boolean;
  startRuns?: string;
  /** Only the in-process scenarios whose name matches this regular expression. */
  scenarios?: string;
  /** False skips start time and throughput (commander's --no-serving). */
  serving?: boolean;
};

type Scenario = {
  name: string;
  /** Timed runs go round these in turn: many different queries, as real use sends, not one URL. */
  urls: string[];
  kind: 'page' | 'api';
  /** p95 target in ms at 1M on PostgreSQL (issue 11), when one is set. */
  target?: number;
  group: 'search' | 'facets' | 'figures' | 'incident' | 'page' | 'api';
};

/** The goals: any search or facet query 50 ms, a month's figures and an incident page 10 ms (p95). */
const targets = { search: 50, facets: 50, figures: 10, incident: 10 } as const;

type Row = {
  engine: string;
  size: number;
  scenario: string;
  urls: number;
  app: Timing;
  /** The slowest first request of a new connection pool and app, over the scenario's URLs. */
  cold?: number;
  raw: Timing;
  queries: number;
  target?: number;
  kind: Scenario['kind'];
};

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

function parseList(value: string, field: string): number[] {
  const sizes = value.split(',').map((item) => Number(item.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 100)) {
    throw new AppError(
      'validation_failed',
      `${field}: a list of whole numbers of at least 100, e.g. 10000,100000`,
      {
        field,
      },
    );
  }
  return sizes;
}

export async function samples(db: DatabaseHandle['db']) {
  const incident = await sql<{ id: string }>`
    select incident_id as id from incident_search where not restricted
    order by incident_id desc limit 1 offset 17`.execute(db);
  const legalCase = await sql<{
    id: string;
  }>`select id from cases where status = 'published' order by id limit 1 offset 7`.execute(db);
  const popular = await sql<{
    id: string;
    name: string;
  }>`select id, name from actors where id = 'a2'`.execute(db);
  const rare = await sql<{ name: string }>`
    select a.name from actors a where a.kind = 'journalist' and exists (
      select 1 from incident_search s where s.actor_ids @> array[a.id]) order by a.id desc limit 1`.execute(
    db,
  );
  const latest = await sql<{ period: string }>`
    select max(period) as period from incident_facet_counts where dimension = 'all' and slice = '' and grain = 'month'`.execute(
    db,
  );
  return {
    incident: incident.rows[0]?.id ?? 'i1',
    legalCase: legalCase.rows[0]?.id ?? 'c1',
    popularActor: popular.rows[0]?.id ?? 'a2',
    popularLatin: (popular.rows[0]?.name ?? 'Zhanna').normalize('NFC'),
    popularName: popular.rows[0]?.name ?? 'Жанна',
    rareName: (rare.rows[0]?.name ?? 'Айбек').split(' ').at(-1) ?? 'Айбек',
    month: latest.rows[0]?.period ?? '2025-05',
  };
}

/** Words that no record contains, in the scripts people type. */
const absentWords = [
  'xyzzy',
  'qwfpgjluy',
  'zzyzx',
  'абырвалг',
  'щъфыв',
  'жңқөұү',
  'blorptastic',
  'кызылқұмырсқа',
];
/** Stop words alone and with a common word: every document has them, or the stemmer drops them. */
const stopWordQueries = [
  'в',
  'и',
  'на',
  'the',
  'of',
  'и журналист',
  'в суде',
  'the journalist',
  'және',
  'мен',
];
/** Kazakh forms of words whose base form the data holds (plural, possessive, case). */
const kazakhForms = [
  'журналистерге',
  'блогерді',
  'тілшілер',
  'сотта',
  'редакторды',
  'журналистерді',
  'әкімдіктен',
  'тілшіні',
];

function scenarios(sample: Awaited<ReturnType<typeof samples>>): Scenario[] {
  const q = (text: string) => encodeURIComponent(text);
  const year = sample.month.slice(0, 4);
  const years = ['2016', '2018', '2020', '2021', '2022', '2023', '2024', year];
  const regions = [
    'almaty_city',
    'astana',
    'karaganda',
    'pavlodar',
    'zhambyl',
    'turkistan',
    'aktobe',
    'kostanay',
  ];
  const categories = [
    'attack',
    'obstruction',
    'threat',
    'detention',
    'blocking',
    'summons',
    'censorship',
    'murder',
  ];
  const victimKinds = ['journalist', 'blogger', 'media_outlet', 'editor', 'activist', 'camera_operator'];
  const round = <T>(values: readonly T[], index: number): T => values[index % values.length] as T;
  const many = (count: number, make: (index: number) => string) =>
    Array.from({ length: count }, (_, index) => make(index));
  // Long-tail words from rank 2,000 to the end: each is in a few hundred to a few documents.
  const rareWords = many(16, (index) =>
    longTailWordOf(Math.round(2000 * (LONG_TAIL_WORDS / 2000) ** (index / 15))),
  );
  const latinName = sample.popularLatin
    .replace(/а/g, 'a')
    .replace(/[^\p{L} ]/gu, '')
    .split(' ')
    .at(-1);
  const api = (name: string, urls: string[], group: Scenario['group']): Scenario => ({
    name,
    urls,
    kind: 'api',
    group,
    ...(group in targets ? { target: targets[group as keyof typeof targets] } : {}),
  });
  return [
    { name: 'home page', urls: ['/ru/'], kind: 'page', group: 'page' },
    { name: 'list page, no filter', urls: ['/ru/incidents'], kind: 'page', group: 'page' },
    {
      name: 'list page, year + region',
      urls: many(8, (index) => `/ru/incidents?year=${round(years, index)}&region=${round(regions, index)}`),
      kind: 'page',
      group: 'page',
    },
    {
      name: 'list page, search',
      urls: [...kazakhForms.slice(0, 3), 'журналист', 'xyzzy', 'в', ...rareWords.slice(0, 2)].map(
        (word) => `/ru/incidents?q=${q(word)}`,
      ),
      kind: 'page',
      group: 'page',
    },
    {
      name: 'incident page',
      urls: [`/ru/incidents/${sample.incident}`],
      kind: 'page',
      target: targets.incident,
      group: 'incident',
    },
    { name: 'case page', urls: [`/ru/cases/${sample.legalCase}`], kind: 'page', group: 'page' },
    {
      name: 'actor page (most named)',
      urls: [`/ru/actors/${sample.popularActor}`],
      kind: 'page',
      group: 'page',
    },
    { name: 'statistics page', urls: ['/ru/statistics'], kind: 'page', group: 'page' },
    { name: 'regions page', urls: ['/ru/regions'], kind: 'page', group: 'page' },
    api(
      'search: common words',
      ['журналист', 'полиция журналист', 'detained', 'суд', 'редакция', 'police'].map(
        (word) => `/api/v1/incidents?q=${q(word)}`,
      ),
      'search',
    ),
    api(
      'search: common word, relevance',
      ['журналист', 'detained', 'суд', 'угрожали'].map(
        (word) => `/api/v1/incidents?q=${q(word)}&sort=relevance`,
      ),
      'search',
    ),
    api(
      'search: absent word',
      absentWords.map((word) => `/api/v1/incidents?q=${q(word)}`),
      'search',
    ),
    api(
      'search: stop word',
      stopWordQueries.map((word) => `/api/v1/incidents?q=${q(word)}`),
      'search',
    ),
    api(
      'search: rare word, not an actor',
      rareWords.map((word) => `/api/v1/incidents?q=${q(word)}`),
      'search',
    ),
    api(
      'search: Kazakh inflected forms',
      kazakhForms.map((word) => `/api/v1/incidents?q=${q(word)}`),
      'search',
    ),
    api(
      'search: era word (2019-2022)',
      ['Нур-Султане', 'Нур-Султан'].map((word) => `/api/v1/incidents?q=${q(word)}`),
      'search',
    ),
    api(
      'search: name',
      [sample.rareName, latinName ?? 'Zhanna', sample.popularName].map(
        (word) => `/api/v1/incidents?q=${q(word)}`,
      ),
      'search',
    ),
    api(
      'search: word + two filters',
      many(
        12,
        (index) =>
          `/api/v1/incidents?q=${q(round(['detained', 'журналист', 'суд', 'блогерді'], index))}&victim_kind=${round(victimKinds, index)}&year=${round(years, index + 1)}`,
      ),
      'search',
    ),
    api(
      'search: word + three filters',
      many(
        12,
        (index) =>
          `/api/v1/incidents?q=${q(round(['detained', 'журналист', 'угрожали', 'xyzzy'], index))}&category=${round(categories, index)}&year=${round(years, index)}&region=${round(regions, index)}`,
      ),
      'search',
    ),
    api(
      'list: region + year',
      many(8, (index) => `/api/v1/incidents?region=${round(regions, index)}&year=${round(years, index)}`),
      'api',
    ),
    api(
      'list: rare category',
      ['/api/v1/incidents?category=murder', '/api/v1/incidents?category=expulsion'],
      'api',
    ),
    api('facets: no filter (rollup)', ['/api/v1/incidents/facets'], 'facets'),
    api(
      'facets: year + region (rollup)',
      many(
        8,
        (index) => `/api/v1/incidents/facets?year=${round(years, index)}&region=${round(regions, index)}`,
      ),
      'facets',
    ),
    api(
      'facets: one category',
      categories.map((category) => `/api/v1/incidents/facets?category=${category}`),
      'facets',
    ),
    api(
      'facets: word',
      ['журналист', 'detained', 'xyzzy', 'в', ...kazakhForms.slice(0, 2), ...rareWords.slice(0, 2)].map(
        (word) => `/api/v1/incidents/facets?q=${q(word)}`,
      ),
      'facets',
    ),
    api(
      'facets: victim kind + year',
      many(
        8,
        (index) =>
          `/api/v1/incidents/facets?victim_kind=${round(victimKinds, index)}&year=${round(years, index)}`,
      ),
      'facets',
    ),
    api(
      'facets: four filters',
      many(
        16,
        (index) =>
          `/api/v1/incidents/facets?year=${round(years, index)}&region=${round(regions, index + 3)}&category=${round(categories, index + 1)}&victim_kind=${round(victimKinds, index)}`,
      ),
      'facets',
    ),
    api(
      "month's figures",
      [
        `/api/v1/stats?month=${sample.month}`,
        `/api/v1/stats?month=${year}-01`,
        '/api/v1/stats?month=2020-06',
      ],
      'figures',
    ),
    api('24-month series', [`/api/v1/stats/monthly?from=2023-06&to=${sample.month}`], 'api'),
    api('incident (API)', [`/api/v1/incidents/${sample.incident}`], 'incident'),
    api('case (API)', [`/api/v1/cases/${sample.legalCase}`], 'api'),
    api('actor (API, most named)', [`/api/v1/actors/${sample.popularActor}`], 'api'),
  ];
}

export async function openEngine(
  engine: 'pglite' | 'postgres',
  size: number,
  url: string | undefined,
  reload: boolean,
) {
  if (engine === 'pglite') {
    const pglite = await openPglite('memory://');
    const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' }, { pglite });
    await migrateToLatest(handle.db);
    return {
      handle,
      fresh: true,
      database: { kind: 'pglite' as const, dataDir: 'memory://' },
      close: async () => {
        await handle.close();
        await pglite.close();
      },
    };
  }
  if (!url)
    throw new AppError('validation_failed', '--postgres: a PostgreSQL URL is needed', {
      field: '--postgres',
    });
  const name = `sozwatch_bench_${size}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let fresh = false;
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount && reload) await admin.query(`drop database ${name}`);
    if (!exists.rowCount || reload) {
      await admin.query(`create database ${name}`);
      fresh = true;
    }
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: target.toString() });
  await migrateToLatest(handle.db);
  if (!fresh) {
    const loaded = await sql<{ n: number }>`select count(*) as n from incidents`.execute(handle.db);
    if (Number(loaded.rows[0]?.n) !== size) {
      await handle.close();
      return openEngine(engine, size, url, true);
    }
  }
  return {
    handle,
    fresh,
    database: { kind: 'postgres' as const, url: target.toString() },
    close: () => handle.close(),
  };
}

type BulletinRow = {
  engine: string;
  size: number;
  month: string;
  incidents: number;
  /** In-process: load, assemble and render Markdown (the median of three runs after a first one). */
  inProcess: number;
  /** `sozwatch report --format md` as a command, spawn to exit (PostgreSQL only: PGlite here is in memory). */
  command?: number;
};

/** A month's bulletin, the busiest month of the data set: in-process and as the `report` command. */
async function measureBulletin(
  engine: 'pglite' | 'postgres',
  size: number,
  opened: Awaited<ReturnType<typeof openEngine>>,
  config: ReturnType<typeof loadConfig>,
): Promise<BulletinRow> {
  const db = opened.handle.db;
  const counted = await sql<{ month: string; n: number }>`
    select to_char(counted_in, 'YYYY-MM') as month, count(*)::int as n from incidents
    where status = 'published' group by counted_in order by 2 desc, 1 desc limit 1`.execute(db);
  const month = counted.rows[0]?.month ?? '2024-05';
  const runOnce = async () => {
    const timed = await benchBuildBulletin(db, config, month);
    return timed.loadMs + timed.assembleMs + timed.md;
  };
  await runOnce();
  const times = [await runOnce(), await runOnce(), await runOnce()].sort((a, b) => a - b);
  const row: BulletinRow = {
    engine,
    size,
    month,
    incidents: Number(counted.rows[0]?.n ?? 0),
    inProcess: times[1] ?? Number.NaN,
  };
  if (opened.database.kind === 'postgres') {
    const out = path.join(os.tmpdir(), `sozwatch-bench-bulletin-${process.pid}.md`);
    const commandTimes: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      const child = spawnSync(
        process.execPath,
        [
          packagePath('bin', 'sozwatch.js'),
          'report',
          '--month',
          month,
          '--lang',
          'ru',
          '--format',
          'md',
          '--out',
          out,
        ],
        { env: { ...process.env, DATABASE_URL: opened.database.url }, encoding: 'utf8' },
      );
      if (child.status !== 0) throw new AppError('internal', `report failed: ${child.stderr.slice(-300)}`);
      commandTimes.push(performance.now() - started);
    }
    await fs.rm(out, { force: true });
    row.command = commandTimes.sort((a, b) => a - b)[1] ?? Number.NaN;
  }
  log(
    `${engine} ${size}: bulletin ${month}: in-process ${format(row.inProcess)} ms, command ${format(row.command ?? Number.NaN)} ms`,
  );
  return row;
}

function printBulletins(rows: BulletinRow[]) {
  process.stdout.write(
    '\nbulletin of the busiest month (Russian, Markdown; median of three; goal <= 1000 ms)\n',
  );
  for (const row of rows) {
    const ok = row.inProcess <= 1000 && (row.command === undefined || row.command <= 1000);
    process.stdout.write(
      `${row.engine.padEnd(8)}  ${String(row.size).padEnd(7)}  ${row.month}  ${String(row.incidents).padStart(6)} incidents  in-process ${format(row.inProcess).padStart(7)} ms  command ${format(row.command ?? Number.NaN).padStart(7)} ms  ${ok ? 'yes' : 'NO'}\n`,
    );
  }
}

const format = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '-');

function printTable(rows: Row[]) {
  const header = [
    'engine',
    'size',
    'scenario',
    'urls',
    'app p50',
    'app p95',
    'raw p50',
    'raw p95',
    'ratio p50',
    'cold max',
    'target p95',
    'ok',
  ];
  const lines = rows.map((row) => {
    const ratio = row.app.p50 / row.raw.p50;
    const targetOk = row.target === undefined || row.app.p95 <= row.target;
    const ratioOk = row.kind === 'page' || ratio <= 2;
    return [
      row.engine,
      String(row.size),
      row.scenario,
      String(row.urls),
      format(row.app.p50),
      format(row.app.p95),
      format(row.raw.p50),
      format(row.raw.p95),
      format(ratio),
      format(row.cold ?? Number.NaN),
      row.target === undefined ? '' : `<= ${row.target}`,
      targetOk && ratioOk ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((title, index) =>
    Math.max(title.length, ...lines.map((line) => (line[index] ?? '').length)),
  );
  const render = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ');
  process.stdout.write(`\n${render(header)}\n${widths.map((width) => '-'.repeat(width)).join('  ')}\n`);
  for (const line of lines) process.stdout.write(`${render(line)}\n`);
  process.stdout.write(
    "\nmilliseconds; app = in-process HTTP (inject), each run the next of the scenario's URLs; raw = the same SQL\nstatements run one after the other; cold max = the slowest first request of each URL on a new pool and app\n",
  );
}

export async function runBench(options: BenchOptions): Promise<void> {
  const sizes = parseList(options.sizes, '--sizes');
  const postgresUrl = options.postgres ?? process.env.DATABASE_URL;
  const engines = (options.engines ?? (postgresUrl ? 'pglite,postgres' : 'pglite'))
    .split(',')
    .map((engine) => engine.trim());
  for (const engine of engines) {
    if (engine !== 'pglite' && engine !== 'postgres') {
      throw new AppError('validation_failed', `--engines: pglite or postgres, not ${engine}`, {
        field: '--engines',
      });
    }
  }
  log(
    `load average (1, 5, 15 min) at the start: ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}`,
  );
  const iterations = Number(options.iterations);
  const only = options.scenarios ? new RegExp(options.scenarios, 'i') : null;
  const duration = Number(options.duration);
  const rows: Row[] = [];
  const bulletins: BulletinRow[] = [];
  // --serving-only skips the in-process timings and keeps the figures taken from outside the server.
  for (const engine of options.servingOnly ? [] : (engines as Array<'pglite' | 'postgres'>)) {
    for (const size of sizes) {
      log(`${engine} ${size}: opening`);
      const opened = await openEngine(engine, size, postgresUrl, options.reload ?? false);
      try {
        if (opened.fresh) {
          const started = performance.now();
          await loadDataset(opened.handle.db, size, (line) => log(`${engine} ${size}: ${line}`));
          log(`${engine} ${size}: loaded in ${Math.round((performance.now() - started) / 1000)} s`);
        } else {
          log(`${engine} ${size}: reusing the loaded data set (--reload to rebuild)`);
        }
        const recorder = new QueryRecorder();
        const db = recorder.attach(opened.handle.db);
        const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', API_RATE_LIMIT_MAX: '100000000' });
        const app = await buildServer({ config, db, engine, now: () => new Date() }, { logger: false });
        try {
          const sample = await samples(opened.handle.db);
          const request = async (url: string) => {
            const response = await app.inject({ url, headers: { accept: 'text/html' } });
            if (response.statusCode !== 200) {
              throw new AppError(
                'internal',
                `${url} answered ${response.statusCode}: ${response.body.slice(0, 200)}`,
              );
            }
          };
          // The cold pass: the first request of every URL, before any of them ran on this pool and
          // app. After a restart of the server (run the bench again without --reload), it is what
          // the first visitors get; otherwise only the words are new to the caches.
          const cold = new Map<string, number>();
          const chosen = scenarios(sample).filter((scenario) => !only || only.test(scenario.name));
          for (const scenario of chosen) {
            let slowest = 0;
            for (const url of scenario.urls) {
              const started = performance.now();
              await request(url);
              slowest = Math.max(slowest, performance.now() - started);
            }
            cold.set(scenario.name, slowest);
          }
          for (const scenario of chosen) {
            const recorded: CompiledQuery[][] = [];
            for (const url of scenario.urls) recorded.push(await recorder.record(() => request(url)));
            // Each run takes the next URL of the scenario, so every figure mixes its queries.
            let next = 0;
            const appTimes = await timeRuns(
              () => request(scenario.urls[next++ % scenario.urls.length] ?? ''),
              iterations,
              0,
            );
            next = 0;
            const rawTimes = await timeRuns(
              () => replay(opened.handle.db, recorded[next++ % recorded.length] ?? []),
              iterations,
              0,
            );
            const queries = recorded.reduce((sum, list) => sum + list.length, 0) / recorded.length;
            const row: Row = {
              engine,
              size,
              scenario: scenario.name,
              urls: scenario.urls.length,
              app: summarize(appTimes),
              raw: summarize(rawTimes),
              cold: cold.get(scenario.name) ?? Number.NaN,
              queries,
              kind: scenario.kind,
              ...(scenario.target === undefined ? {} : { target: scenario.target }),
            };
            rows.push(row);
            log(
              `${engine} ${size}: ${scenario.name}: p50 ${format(row.app.p50)} p95 ${format(row.app.p95)} raw p50 ${format(row.raw.p50)} cold ${format(row.cold ?? Number.NaN)} (${scenario.urls.length} URLs, ${format(queries)} queries each)`,
            );
          }
          if (!only || only.test('bulletin')) {
            bulletins.push(await measureBulletin(engine, size, opened, config));
          }
        } finally {
          await app.close();
        }
      } finally {
        await opened.close();
      }
    }
  }
  if (rows.length > 0) printTable(rows);
  if (bulletins.length > 0) printBulletins(bulletins);
  const serving =
    options.serving === false
      ? undefined
      : await runServingBench(
          {
            sizes,
            engines: engines as Array<'pglite' | 'postgres'>,
            postgresUrl,
            seconds: duration,
            startRuns: Number(options.startRuns ?? '2'),
            reload: options.reload ?? false,
          },
          log,
        );
  if (serving) printServing(serving);
  // Other processes share these cores: the load average says how far to trust absolute figures.
  process.stdout.write(
    `\nload average (1, 5, 15 min) at the end: ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}; cores: ${os.cpus().length}\n`,
  );
  if (options.json) await fs.writeFile(options.json, `${JSON.stringify({ rows, ...serving }, null, 2)}\n`);
}
