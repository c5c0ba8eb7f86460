import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertIncident } from '../../../test/factories.ts';
import { expectNoLeaks, type PublicOutput, plantPrivateMarkers } from '../../../test/leak-scan.ts';
import { insertPublicRecords, secrets } from '../../../test/public-records.ts';
import { loadConfig } from '../../config.ts';
import { langs } from '../../i18n/langs.ts';
import { systemContext } from '../../lib/context.ts';
import { exportProfileToString } from './exchange.export.ts';
import { categoryMapping, profiles } from './exchange.profiles.ts';
import { importUwaziCsv, uwaziDay } from './exchange.uwazi.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, 'fixtures', 'uwazi-export.csv');
const config = loadConfig({});
let database: TestDatabase;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-exchange-'));

beforeAll(async () => {
  database = await createTestDatabase();
  await insertPublicRecords(database.db);
  await plantPrivateMarkers(database.db);
  await insertIncident(database.db, {
    id: 'inc-context-only',
    date: '2024-05-20',
    categories: ['ranking'],
    title: { en: 'A press freedom index was published (test data)' },
  });
});
afterAll(async () => {
  await database.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('partner profiles', () => {
  it('map every counted category of ours in every profile', async () => {
    const counted = await database.db
      .selectFrom('categories')
      .select('code')
      .where('group_code', 'in', ['rights', 'information'])
      .execute();
    expect(Object.keys(categoryMapping).sort()).toEqual(counted.map((row) => row.code).sort());
  });

  it('are documented: the table in CONTEXT.md is the mapping', () => {
    const doc = fs.readFileSync(path.join(here, 'CONTEXT.md'), 'utf8').split('## Category mapping')[1] ?? '';
    const rows = doc
      .split('\n')
      .filter((line) => /^\| [a-z_]+ \|/.test(line) && !line.startsWith('| our code'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    expect(Object.fromEntries(rows.map(([code, mmf, jfj, coe]) => [code, { mmf, jfj, coe }]))).toEqual(
      categoryMapping,
    );
  });

  it.each(profiles)(
    '%s: a CSV of public incidents with our categories in the partner’s words',
    async (profile) => {
      const { text, counts } = await exportProfileToString(database.db, config, { profile, lang: 'en' });
      const [header, ...rows] = parse(text) as string[][];
      expect(rows.length).toBe(counts.incidents);
      const row = rows.find((cells) =>
        cells.some((cell) => cell === 'inc-main' || cell.endsWith('/en/incidents/inc-main')),
      );
      expect(row, 'the public incident inc-main').toBeDefined();
      const record = Object.fromEntries((header ?? []).map((name, index) => [name, row?.[index] ?? '']));
      const category = record['Type of incident'] ?? record.Category ?? '';
      expect(category.split('; ').sort()).toEqual(
        [...new Set([categoryMapping.detention?.[profile], categoryMapping.obstruction?.[profile]])].sort(),
      );
      expect(text).not.toContain('A press freedom index was published');
    },
  );

  it('keeps every private field out of every profile, in every language', async () => {
    const outputs: PublicOutput[] = [];
    for (const profile of profiles) {
      for (const lang of langs) {
        const { text } = await exportProfileToString(database.db, config, { profile, lang });
        outputs.push({ name: `${profile}/${lang}`, body: text });
        for (const secret of secrets)
          expect(text, `${profile}/${lang} shows ${secret}`).not.toContain(secret);
      }
    }
    expectNoLeaks(outputs);
  });

  it('refuses an unknown profile by name', async () => {
    await expect(
      exportProfileToString(database.db, config, { profile: 'rsf' as 'mmf', lang: 'en' }),
    ).rejects.toMatchObject({ field: 'profile' });
  });
});

describe('Uwazi import', () => {
  it('reads the dates Uwazi and people write', () => {
    expect(uwaziDay('2024-02-27')).toBe('2024-02-27');
    expect(uwaziDay('2024/3/5')).toBe('2024-03-05');
    expect(uwaziDay('03.03.2024')).toBe('2024-03-03');
    expect(uwaziDay('31.02.2024')).toBeNull();
    expect(uwaziDay('yesterday')).toBeNull();
  });

  it('creates drafts from an export, and a second import changes nothing', async () => {
    const ctx = systemContext(database.db, 'import');
    const first = await importUwaziCsv(ctx, fixture, { lang: 'en' });
    expect(first.incidents).toMatchObject({ created: 3, updated: 0 });
    const rows = await database.db
      .selectFrom('incidents')
      .select(['id', 'date', 'status', 'region_code', 'title'])
      .where('id', 'like', 'uwazi-%')
      .orderBy('date')
      .execute();
    expect(rows.map((row) => [row.date, row.status, row.region_code])).toEqual([
      ['2024-01-15', 'draft', 'abai'],
      ['2024-02-27', 'draft', 'karaganda'],
      ['2024-03-03', 'draft', 'almaty_city'],
    ]);
    const blocked = rows[2]?.id ?? '';
    const categories = await database.db
      .selectFrom('incident_categories')
      .select('category_code')
      .where('incident_id', '=', blocked)
      .orderBy('category_code')
      .execute();
    expect(categories.map((row) => row.category_code)).toEqual(['blocking', 'censorship']);
    const second = await importUwaziCsv(ctx, fixture, { lang: 'en' });
    expect(second.incidents).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('names the file, line and column of bad input, and writes nothing', async () => {
    const ctx = systemContext(database.db, 'import');
    const before = await database.db.selectFrom('incidents').select('id').execute();
    const write = (name: string, text: string) => {
      const file = path.join(scratch, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const header = 'Title,Date of violation,Type of violation,Region\n';
    await expect(
      importUwaziCsv(
        ctx,
        write('a.csv', `${header}Good,2024-01-01,threat,\nBad,2024-01-02,teleportation,\n`),
        { lang: 'en' },
      ),
    ).rejects.toThrow('a.csv:3:Type of violation: no category "teleportation"');
    await expect(
      importUwaziCsv(ctx, write('b.csv', `${header}Bad,someday,threat,\n`), { lang: 'en' }),
    ).rejects.toThrow(/b\.csv:2:Date of violation: not a date/);
    await expect(
      importUwaziCsv(ctx, write('c.csv', `${header.trim()},Secret column\nX,2024-01-01,threat,,1\n`), {
        lang: 'en',
      }),
    ).rejects.toThrow(/c\.csv:1:Secret column: unknown column/);
    await expect(
      importUwaziCsv(ctx, write('d.csv', `${header}X,2024-01-01,threat,Atlantis\n`), { lang: 'en' }),
    ).rejects.toThrow('d.csv:2:Region: no region "Atlantis"');
    expect(await database.db.selectFrom('incidents').select('id').execute()).toEqual(before);
  });
});
