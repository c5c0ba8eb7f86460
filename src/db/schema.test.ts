import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, withSchemaChangeLock } from '../../test/database.ts';
import { openDatabase, openPglite } from './client.ts';
import { applyFunctions, migrateToLatest } from './migrate.ts';
import { describeSchema } from './schema-description.ts';

const snapshotPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema.txt');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the migrated schema', () => {
  it('matches the committed schema.txt on this engine', async () => {
    const described = await describeSchema(database.db, database.schema);
    if (process.env.UPDATE_SCHEMA === '1') fs.writeFileSync(snapshotPath, described);
    expect(described).toBe(fs.readFileSync(snapshotPath, 'utf8'));
  });

  it.runIf(process.env.DATABASE_URL)('is the same on PGlite and on PostgreSQL', async () => {
    const pglite = await openPglite('memory://');
    const handle = await openDatabase(
      { kind: 'pglite', dataDir: 'memory://' },
      { schema: 'same_check', pglite },
    );
    try {
      await sql`create schema same_check`.execute(handle.db);
      await migrateToLatest(handle.db, 'same_check');
      const onPglite = await describeSchema(handle.db, 'same_check');
      const onPostgres = await describeSchema(database.db, database.schema);
      expect(onPglite).toBe(onPostgres);
    } finally {
      await handle.close();
      await pglite.close();
    }
  });

  it('re-applies a functions file whose definition in the database differs from src/db/functions', async () => {
    await sql`create or replace function sozwatch_refresh_incident_counting(ids text[]) returns void language sql as 'select'`.execute(
      database.db,
    );
    await database.db.deleteFrom('db_functions').where('file', '=', 'counting.sql').execute();
    await withSchemaChangeLock(process.env.DATABASE_URL, async () => {
      await migrateToLatest(database.db, database.schema);
    });
    const described = await describeSchema(database.db, database.schema);
    expect(described).toBe(fs.readFileSync(snapshotPath, 'utf8'));
    expect(await applyFunctions(database.db)).toEqual([]);
  });

  it('running the migrations again changes nothing', async () => {
    let applied: string[] = [];
    await withSchemaChangeLock(process.env.DATABASE_URL, async () => {
      applied = await migrateToLatest(database.db, database.schema);
    });
    expect(applied).toEqual([]);
  });
});

describe('reference data', () => {
  it('holds the taxonomy of DESIGN section 3', async () => {
    const rows = await database.db
      .selectFrom('categories')
      .select(['code', 'group_code', 'labels'])
      .execute();
    // The codes themselves are held to src/domain/taxonomy.ts by src/domain/taxonomy.test.ts.
    const byGroup = (group: string) => rows.filter((row) => row.group_code === group).map((row) => row.code);
    expect(byGroup('legal')).toEqual(
      expect.arrayContaining(['criminal', 'civil', 'administrative', 'civil_honor_dignity']),
    );
    for (const row of rows) {
      expect(Object.keys(row.labels).sort(), row.code).toEqual(['en', 'kk', 'ru']);
    }
  });

  it('holds 20 current regions and the historic South Kazakhstan', async () => {
    const regions = await database.db.selectFrom('regions').selectAll().execute();
    expect(regions.filter((region) => region.valid_to === null)).toHaveLength(20);
    const south = regions.find((region) => region.code === 'south_kazakhstan');
    expect(south?.valid_to).toBe('2018-06-18');
    expect(south?.successors).toEqual(['turkistan', 'shymkent']);
    const nurSultan = await database.db.selectFrom('region_names').selectAll().executeTakeFirstOrThrow();
    expect(nurSultan.labels.en).toBe('Nur-Sultan');
  });

  it('holds the legal articles cited in DESIGN and the seeds', async () => {
    const codes = (await database.db.selectFrom('legal_articles').select('code').execute()).map(
      (row) => row.code,
    );
    expect(codes).toEqual(
      expect.arrayContaining([
        'CC-174',
        'CC-274',
        'CC-419',
        'CC-158',
        'CAO-456-2',
        'CAO-667',
        'CAO-73-3',
        'CPC-201',
        'CIVC-143',
        'CONST-20',
      ]),
    );
  });

  it('holds an MCI value for every year from 2010 to 2026', async () => {
    const rows = await database.db.selectFrom('mci_values').selectAll().execute();
    const years = new Set(rows.map((row) => Number(row.valid_from.slice(0, 4))));
    for (let year = 2010; year <= 2026; year++) expect(years.has(year), String(year)).toBe(true);
  });
});
