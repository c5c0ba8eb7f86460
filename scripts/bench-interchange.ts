/**
 * Figures for the interchange file and the demo data set: `node --import tsx scripts/bench-interchange.ts [N]`.
 * Runs on an in-memory PGlite, or on PostgreSQL when DATABASE_URL is set (a throwaway schema).
 * N incidents (default 5000), N/10 cases and N/2 actors, written as JSON Lines, then imported,
 * imported again (idempotent), and exported in each format.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, openPglite } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemContext } from '../src/lib/context.ts';
import { loadDemo } from '../src/modules/demo/index.ts';
import { exportToString, importParsed, parseInterchange } from '../src/modules/interchange/index.ts';

const count = Number(process.argv[2] ?? 5000);
const schema = `bench_${randomBytes(4).toString('hex')}`;
const url = process.env.DATABASE_URL;
const handle = url
  ? await openDatabase({ kind: 'postgres', url }, { schema })
  : await openDatabase(
      { kind: 'pglite', dataDir: 'memory://' },
      { schema, pglite: await openPglite('memory://') },
    );
await sql`create schema ${sql.id(schema)}`.execute(handle.db);
await migrateToLatest(handle.db, schema);

const time = async <T>(label: string, work: () => Promise<T>, items?: number) => {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const rate = items ? `, ${Math.round((items / ms) * 1000)} records/s` : '';
  process.stdout.write(`${label}: ${Math.round(ms)} ms${rate}\n`);
  return result;
};

function benchFile(incidents: number) {
  const categories = [
    'attack',
    'threat',
    'detention',
    'obstruction',
    'censorship',
    'info_refusal',
    'blocking',
  ];
  const regions = ['astana', 'almaty_city', 'karaganda', 'pavlodar', 'aktobe', 'atyrau'];
  const actors = Math.max(1, Math.floor(incidents / 2));
  const cases = Math.max(1, Math.floor(incidents / 10));
  const lines: string[] = [];
  for (let i = 0; i < actors; i++) {
    lines.push(
      JSON.stringify({
        type: 'actor',
        id: `b-actor-${i}`,
        kind: 'journalist',
        name: `Bench Person ${i}`,
        variants: [`Bench Persona ${i}`],
      }),
    );
  }
  for (let i = 0; i < cases; i++) {
    lines.push(
      JSON.stringify({
        type: 'case',
        id: `b-case-${i}`,
        kind: 'civil',
        subjects: ['civil_honor_dignity'],
        parties: [
          { name: `Bench Person ${i}`, kind: 'journalist', role: 'defendant', actor: `b-actor-${i}` },
        ],
        claim_non_pecuniary: 1_000_000 + i,
        status: 'published',
        events: [
          { date: '2023-03-01', kind: 'filed' },
          { date: '2023-06-01', kind: 'decision', instance: 'first', outcome: 'partial', awarded: 1000 },
        ],
      }),
    );
  }
  for (let i = 0; i < incidents; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      JSON.stringify({
        type: 'incident',
        id: `b-inc-${i}`,
        date: `${2018 + (i % 7)}-${month}-${day}`,
        region: regions[i % regions.length],
        categories: [categories[i % categories.length]],
        victims: [{ name: `Bench Person ${i % actors}`, kind: 'journalist', actor: `b-actor-${i % actors}` }],
        perpetrators: [{ name: 'Bench Police', kind: 'police' }],
        cases: i % 10 === 0 ? [`b-case-${(i / 10) % cases}`] : [],
        title: { en: `Bench incident ${i}`, ru: `Тестовое сообщение ${i}` },
        sources: [{ url: `https://example.org/${i}` }],
        status: i % 5 === 0 ? 'draft' : 'published',
        visibility: i % 50 === 0 ? 'restricted' : 'public',
      }),
    );
  }
  return { text: `${lines.join('\n')}\n`, lines: lines.length, actors, cases };
}

try {
  await time('demo data set, first load (with 4 argon2id hashes)', () => loadDemo(handle.db));
  await time('demo data set, second load (nothing changes)', () => loadDemo(handle.db));
  const file = benchFile(count);
  process.stdout.write(
    `file: ${file.lines} lines (${count} incidents, ${file.cases} cases, ${file.actors} actors), ` +
      `${Math.round(file.text.length / 1024)} KiB\n`,
  );
  const ctx = systemContext(handle.db, 'import');
  const parsed = await time(
    'parse and validate',
    async () => parseInterchange(file.text, 'bench.jsonl'),
    file.lines,
  );
  await time('import (one transaction)', () => importParsed(ctx, parsed), file.lines);
  await time(
    'import again (idempotent: nothing written)',
    () => importParsed(ctx, parseInterchange(file.text, 'bench.jsonl')),
    file.lines,
  );
  const exported = await time('export jsonl (lossless)', () =>
    exportToString(handle.db, { format: 'jsonl' }),
  );
  const all = exported.counts.actors + exported.counts.cases + exported.counts.incidents;
  process.stdout.write(`  (${all} lines, ${Math.round(exported.text.length / 1024)} KiB)\n`);
  await time('export csv', () => exportToString(handle.db, { format: 'csv' }));
  await time('export --public jsonl', () => exportToString(handle.db, { format: 'jsonl', public: true }));
  process.stdout.write(`engine: ${handle.engine}\n`);
} finally {
  await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.db);
  await handle.close();
}
