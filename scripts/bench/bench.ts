import fs from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../src/config.ts';
import { type DatabaseHandle, openDatabase, openPglite } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { AppError } from '../../src/lib/errors.ts';
import { buildServer } from '../../src/server.tsx';
import { loadDataset } from './dataset.ts';
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
};

type Scenario = {
  name: string;
  url: string;
  kind: 'page' | 'api';
  /** p95 target in ms at 1M on PostgreSQL, when the issue sets one. */
  target?: number;
  group: 'search' | 'facets' | 'figures' | 'incident' | 'page' | 'api';
};

type Row = {
  engine: string;
  size: number;
  scenario: string;
  url: string;
  app: Timing;
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
    rareName: (rare.rows[0]?.name ?? 'Айбек').split(' ').at(-1) ?? 'Айбек',
    month: latest.rows[0]?.period ?? '2025-05',
  };
}

function scenarios(sample: Awaited<ReturnType<typeof samples>>): Scenario[] {
  const q = (text: string) => encodeURIComponent(text);
  const year = sample.month.slice(0, 4);
  const latinName = sample.popularLatin
    .replace(/а/g, 'a')
    .replace(/[^\p{L} ]/gu, '')
    .split(' ')
    .at(-1);
  return [
    { name: 'home page', url: '/ru/', kind: 'page', group: 'page' },
    { name: 'list page, no filter', url: '/ru/incidents', kind: 'page', group: 'page' },
    {
      name: 'list page, year + region',
      url: `/ru/incidents?year=${year}&region=almaty_city`,
      kind: 'page',
      group: 'page',
    },
    {
      name: 'list page, search common word',
      url: `/ru/incidents?q=${q('журналист')}`,
      kind: 'page',
      target: 100,
      group: 'search',
    },
    {
      name: 'incident page',
      url: `/ru/incidents/${sample.incident}`,
      kind: 'page',
      target: 20,
      group: 'incident',
    },
    { name: 'case page', url: `/ru/cases/${sample.legalCase}`, kind: 'page', group: 'page' },
    {
      name: 'actor page (most named)',
      url: `/ru/actors/${sample.popularActor}`,
      kind: 'page',
      group: 'page',
    },
    { name: 'statistics page', url: '/ru/statistics', kind: 'page', group: 'page' },
    { name: 'regions page', url: '/ru/regions', kind: 'page', group: 'page' },
    {
      name: 'search: common word',
      url: `/api/v1/incidents?q=${q('журналист')}`,
      kind: 'api',
      target: 100,
      group: 'search',
    },
    {
      name: 'search: common word, relevance',
      url: `/api/v1/incidents?q=${q('журналист')}&sort=relevance`,
      kind: 'api',
      target: 100,
      group: 'search',
    },
    {
      name: 'search: two common words',
      url: `/api/v1/incidents?q=${q('полиция журналист')}`,
      kind: 'api',
      target: 100,
      group: 'search',
    },
    {
      name: 'search: English word',
      url: `/api/v1/incidents?q=${q('detained')}`,
      kind: 'api',
      target: 100,
      group: 'search',
    },
    {
      name: 'search: Kazakh word (prefix)',
      url: `/api/v1/incidents?q=${q('тілші')}`,
      kind: 'api',
      target: 100,
      group: 'search',
    },
    {
      name: 'search: era word (2019-2022)',
      url: `/api/v1/incidents?q=${q('Нур-Султане')}`,
      kind: 'api',
      target: 100,
      group: 'search',
    },
    {
      name: 'search: rare surname',
      url: `/api/v1/incidents?q=${q(sample.rareName)}`,
      kind: 'api',
      target: 100,
      group: 'search',
    },
    {
      name: 'search: name in Latin (trigram)',
      url: `/api/v1/incidents?q=${q(latinName ?? 'Zhanna')}`,
      kind: 'api',
      target: 100,
      group: 'search',
    },
    {
      name: 'search: word + category + year',
      url: `/api/v1/incidents?q=${q('журналист')}&category=attack&year=${year}`,
      kind: 'api',
      target: 100,
      group: 'search',
    },
    {
      name: 'list: region + year',
      url: `/api/v1/incidents?region=almaty_city&year=${year}`,
      kind: 'api',
      group: 'api',
    },
    { name: 'list: rare category', url: '/api/v1/incidents?category=murder', kind: 'api', group: 'api' },
    {
      name: 'facets: no filter (rollup)',
      url: '/api/v1/incidents/facets',
      kind: 'api',
      target: 100,
      group: 'facets',
    },
    {
      name: 'facets: year + region (rollup)',
      url: `/api/v1/incidents/facets?year=${year}&region=almaty_city`,
      kind: 'api',
      target: 100,
      group: 'facets',
    },
    {
      name: 'facets: common category (sample)',
      url: '/api/v1/incidents/facets?category=attack',
      kind: 'api',
      target: 100,
      group: 'facets',
    },
    {
      name: 'facets: rare category (exact)',
      url: '/api/v1/incidents/facets?category=murder',
      kind: 'api',
      target: 100,
      group: 'facets',
    },
    {
      name: 'facets: common word (sample)',
      url: `/api/v1/incidents/facets?q=${q('журналист')}`,
      kind: 'api',
      target: 100,
      group: 'facets',
    },
    {
      name: 'facets: victim kind + year',
      url: `/api/v1/incidents/facets?victim_kind=blogger&year=${year}`,
      kind: 'api',
      target: 100,
      group: 'facets',
    },
    {
      name: "month's figures",
      url: `/api/v1/stats?month=${sample.month}`,
      kind: 'api',
      target: 50,
      group: 'figures',
    },
    {
      name: '24-month series',
      url: `/api/v1/stats/monthly?from=2023-06&to=${sample.month}`,
      kind: 'api',
      group: 'api',
    },
    {
      name: 'incident (API)',
      url: `/api/v1/incidents/${sample.incident}`,
      kind: 'api',
      target: 20,
      group: 'incident',
    },
    { name: 'case (API)', url: `/api/v1/cases/${sample.legalCase}`, kind: 'api', group: 'api' },
    {
      name: 'actor (API, most named)',
      url: `/api/v1/actors/${sample.popularActor}`,
      kind: 'api',
      group: 'api',
    },
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

const format = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '-');

function printTable(rows: Row[]) {
  const header = [
    'engine',
    'size',
    'scenario',
    'app p50',
    'app p95',
    'raw p50',
    'raw p95',
    'ratio p50',
    'target p95',
    'ok',
  ];
  const lines = rows.map((row) => {
    const ratio = row.app.p50 / row.raw.p50;
    const targetOk = row.target === undefined || row.app.p95 < row.target;
    const ratioOk = row.kind === 'page' || ratio <= 2;
    return [
      row.engine,
      String(row.size),
      row.scenario,
      format(row.app.p50),
      format(row.app.p95),
      format(row.raw.p50),
      format(row.raw.p95),
      format(ratio),
      row.target === undefined ? '' : `< ${row.target}`,
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
    '\nmilliseconds; app = in-process HTTP (inject); raw = the same SQL statements run one after the other\n',
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
  const duration = Number(options.duration);
  const rows: Row[] = [];
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
          for (const scenario of scenarios(sample)) {
            const request = async () => {
              const response = await app.inject({ url: scenario.url, headers: { accept: 'text/html' } });
              if (response.statusCode !== 200) {
                throw new AppError(
                  'internal',
                  `${scenario.url} answered ${response.statusCode}: ${response.body.slice(0, 200)}`,
                );
              }
            };
            const queries = await recorder.record(request);
            const appTimes = await timeRuns(request, iterations, 3);
            const rawTimes = await timeRuns(() => replay(opened.handle.db, queries), iterations, 3);
            const row: Row = {
              engine,
              size,
              scenario: scenario.name,
              url: scenario.url,
              app: summarize(appTimes),
              raw: summarize(rawTimes),
              queries: queries.length,
              kind: scenario.kind,
              ...(scenario.target === undefined ? {} : { target: scenario.target }),
            };
            rows.push(row);
            log(
              `${engine} ${size}: ${scenario.name}: p50 ${format(row.app.p50)} p95 ${format(row.app.p95)} raw p50 ${format(row.raw.p50)} (${queries.length} queries)`,
            );
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
  const serving = await runServingBench(
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
  printServing(serving);
  // Other processes share these cores: the load average says how far to trust absolute figures.
  process.stdout.write(
    `\nload average (1, 5, 15 min) at the end: ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}; cores: ${os.cpus().length}\n`,
  );
  if (options.json) await fs.writeFile(options.json, `${JSON.stringify({ rows, ...serving }, null, 2)}\n`);
}
