/**
 * Times the monthly figures at scale: fills a fresh schema with N incidents (default 1,000,000) and
 * N/10 cases with four events each, then runs computeMonthStats and the monthly series for several
 * months. Usage: DATABASE_URL=postgres://… node --import tsx scripts/bench-stats.ts [incidents]
 * Without DATABASE_URL it runs on an in-memory PGlite (use a smaller N there).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, openPglite } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { computeMonthlySeries, computeMonthStats } from '../src/modules/stats/index.ts';

const incidents = Number(process.argv[2] ?? 1_000_000);
const cases = Math.round(incidents / 10);
// BENCH_SCHEMA keeps the filled schema for a second run (and for EXPLAIN); without it the schema is dropped.
const keep = process.env.BENCH_SCHEMA;
const schema = keep ?? `bench_${Date.now()}`;
const url = process.env.DATABASE_URL;
const handle = url
  ? await openDatabase({ kind: 'postgres', url }, { schema })
  : await openDatabase(
      { kind: 'pglite', dataDir: 'memory://' },
      { schema, pglite: await openPglite('memory://') },
    );
const { db } = handle;
try {
  const exists = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_namespace where nspname = ${schema}`.execute(db);
  const fill = exists.rows[0]?.n === 0;
  if (fill) await sql`create schema ${sql.id(schema)}`.execute(db);
  await migrateToLatest(db, schema);
  const started = performance.now();
  if (fill) {
    await db.transaction().execute(async (trx) => {
      // Bulk fill without the row triggers, then build the counting tables in one pass each, as an
      // import of the whole archive would.
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`
    insert into incidents (id, date, counted_in, title, status, region_code)
    select 'i' || n, d, date_trunc('month', d)::date, '{"en":"bench"}',
      case when n % 10 = 0 then 'draft' else 'published' end, 'almaty_city'
    from (select n, date '2005-01-01' + (hashint4(n)::bigint & 8191)::int as d from generate_series(1, ${incidents}) n) s`.execute(
        trx,
      );
      await sql`
    insert into incident_categories (incident_id, category_code)
    select 'i' || n, (array['attack','threat','obstruction','censorship','summons','info_refusal','blocking','ranking'])[1 + (hashint4(n * 7)::bigint & 7)]
    from generate_series(1, ${incidents}) n
    union
    select 'i' || n, (array['detention','info_refusal','cyberattack'])[1 + (hashint4(n * 13)::bigint & 1)]
    from generate_series(1, ${incidents}) n where n % 3 = 0`.execute(trx);
      await sql`
    insert into cases (id, kind, title, status, claim_non_pecuniary)
    select 'c' || n, (array['criminal','civil','administrative'])[1 + n % 3], '{"en":"bench"}',
      case when n % 10 = 0 then 'draft' else 'published' end, (hashint4(n)::bigint & 1048575) * 10
    from generate_series(1, ${cases}) n`.execute(trx);
      await sql`
    insert into case_events (case_id, date, kind, instance, outcome, awarded, position)
    select 'c' || n, date '2005-01-01' + (hashint4(n)::bigint & 8191)::int + k * 40,
      (array['filed','hearing','decision','decision'])[k + 1],
      case when k = 0 then null else (array['first','appeal','cassation','supreme'])[1 + (n + k) % 4] end,
      case when k >= 2 then (array['for_media','against_media','partial'])[1 + (n + k) % 3] end,
      case when k >= 2 then (n % 1000) * 100 end, k
    from generate_series(1, ${cases}) n, generate_series(0, 3) k`.execute(trx);
      await sql`
    insert into case_subjects (case_id, category_code)
    select 'c' || n, (array['criminal_false_information','civil_honor_dignity','administrative_false_information'])[1 + n % 3]
    from generate_series(1, ${cases}) n where n % 2 = 0`.execute(trx);
    });
    await sql`select sozwatch_refresh_incident_counting(array(select id from incidents))`.execute(db);
    await sql`select sozwatch_refresh_case_counting(array(select id from cases))`.execute(db);
  }
  const filled = performance.now();
  if (url) await sql`vacuum analyze`.execute(db);
  else await sql`analyze`.execute(db);
  process.stdout.write(
    `${handle.engine}: ${incidents} incidents, ${cases} cases filled in ${((filled - started) / 1000).toFixed(1)} s\n`,
  );
  const months = ['2010-03', '2015-09', '2020-12', '2024-05', '2026-01'];
  for (const month of months) await computeMonthStats(db, month);
  const times: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const month of months) {
      const before = performance.now();
      await computeMonthStats(db, month);
      times.push(performance.now() - before);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(1);
  process.stdout.write(
    `computeMonthStats (month, ytd, last year): median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms\n`,
  );
  const sample = await computeMonthStats(db, '2015-09');
  process.stdout.write(
    `sample 2015-09: month total ${sample.scope.month.groups.total}, ytd total ${sample.scope.ytd.groups.total}\n`,
  );
  const before = performance.now();
  await computeMonthlySeries(db, '2015-01', '2016-12');
  process.stdout.write(
    `computeMonthlySeries over 24 months: ${(performance.now() - before).toFixed(1)} ms\n`,
  );
} finally {
  if (!keep) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
  await handle.close();
}
