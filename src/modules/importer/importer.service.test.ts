import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertUser } from '../../../test/factories.ts';
import { systemContext } from '../../lib/context.ts';
import { defaultSharedDir } from './evaluate.ts';
import { draftId, importReports, type ReportToImport } from './importer.service.ts';
import { parseReportFile } from './parse-report.ts';

let database: TestDatabase;
const seeds = path.join(defaultSharedDir, 'seeds');
const fixtures = path.join(import.meta.dirname, 'fixtures');

async function load(file: string): Promise<ReportToImport> {
  const { file: read, report } = await parseReportFile(file);
  return { fileName: read.path, sha256: read.sha256, text: read.text, report };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('import-report on a real database', () => {
  it('creates one draft per item, with provenance, a category, articles and audit entries, in one go', async () => {
    const september = await load(path.join(seeds, '000_19a19176302a58f7.txt'));
    const may = await load(path.join(seeds, '002_8da4001fb407b8a9.txt'));
    const results = await importReports(systemContext(database.db, 'cli'), { reports: [september, may] });
    expect(results.map((result) => result.created.length)).toEqual([5, 13]);
    expect(results[0]?.reconciliationNote).toBe('figures not available');

    const drafts = await database.db.selectFrom('incidents').selectAll().orderBy('id').execute();
    expect(drafts).toHaveLength(18);
    for (const draft of drafts) {
      expect(draft.status).toBe('draft');
      expect(['2020-09-01', '2024-05-01']).toContain(draft.counted_in);
    }
    const first = drafts.find((draft) => draft.id === draftId(september.sha256, 1));
    expect(first).toMatchObject({
      date: '2020-09-25',
      date_precision: 'day',
      region_code: 'east_kazakhstan',
    });
    expect(first?.title).toEqual({ en: expect.stringContaining('Akayeva') });
    expect(first?.provenance).toMatchObject({
      source: 'import-report',
      file: '000_19a19176302a58f7.txt',
      sha256: september.sha256,
      item_index: 1,
      span: september.report.items[1]?.span,
      extracted: { people: expect.arrayContaining([expect.objectContaining({ name: 'Khadisha Akayeva' })]) },
      suggestions: expect.arrayContaining([expect.objectContaining({ code: 'detention' })]),
    });

    const categories = await database.db
      .selectFrom('incident_categories')
      .innerJoin('categories', 'code', 'category_code')
      .select(['incident_id', 'group_code'])
      .execute();
    expect(categories).toHaveLength(18);
    expect(categories.every((row) => row.group_code !== 'legal')).toBe(true);

    const articles = await database.db.selectFrom('incident_legal_articles').select('article_code').execute();
    expect(articles.map((row) => row.article_code).sort()).toEqual(['CAO-456-2', 'CC-274', 'CC-419']);

    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'via', 'entity_type'])
      .execute();
    expect(audit.filter((entry) => entry.action === 'incident.create')).toHaveLength(18);
    expect(audit.filter((entry) => entry.action === 'import.report')).toHaveLength(2);
    expect(audit.every((entry) => entry.via === 'import')).toBe(true);
  });

  it('does not duplicate drafts when the same file is imported again', async () => {
    const september = await load(path.join(seeds, '000_19a19176302a58f7.txt'));
    const [result] = await importReports(systemContext(database.db, 'cli'), { reports: [september] });
    expect(result?.created).toEqual([]);
    expect(result?.unchanged).toHaveLength(5);
    const { count } = await database.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(18);
  });

  it('writes nothing when one report of the batch fails', async () => {
    const digest = await load(path.join(fixtures, 'digest-2016-03.txt'));
    const broken = await load(path.join(fixtures, 'overview-2023-06.txt'));
    const first = broken.report.items[0];
    if (!first) throw new Error('fixture without items');
    // A region code the database does not know makes the insert fail half-way through the batch.
    broken.report.items[0] = { ...first, region: 'atlantis' };
    await expect(
      importReports(systemContext(database.db, 'cli'), { reports: [digest, broken] }),
    ).rejects.toThrow();
    const left = await database.db
      .selectFrom('incidents')
      .select('id')
      .where('id', 'like', `imp-${digest.sha256.slice(0, 16)}%`)
      .execute();
    expect(left).toEqual([]);
  });

  it('reconciles the stated figures with the computed ones it is given', async () => {
    const recorded = await load(path.join(fixtures, 'ru-recorded-2024-10.txt'));
    const zero = { count: 0, in_court: 0 };
    const scope = {
      groups: { rights: 18, information: 9, legal: 7, total: 34 },
      categories: { obstruction: 4, threat: 2, info_refusal: 6 },
      legal: { criminal: { count: 2, in_court: 0 }, civil: zero, administrative: zero, subjects: {} },
      judicial_acts: { first: 0, appeal: 0, cassation: 0, total: 0, for_media: 0 },
      money: { claims_non_pecuniary: 0, collected_by_courts: 0 },
    };
    const [result] = await importReports(systemContext(database.db, 'cli'), {
      reports: [recorded],
      computeFigures: async (_db, month) => ({
        month,
        scope: { month: scope, ytd: scope, same_period_last_year: scope },
      }),
    });
    const rows = result?.reconciliation ?? [];
    expect(rows.find((row) => row.scope === 'month' && row.figure === 'rights')).toMatchObject({
      stated: 18,
      computed: 18,
      status: 'agrees',
    });
    expect(rows.find((row) => row.figure === 'threat')).toMatchObject({
      stated: 3,
      computed: 2,
      status: 'differs',
    });
    expect(rows.find((row) => row.figure === 'civil')).toMatchObject({
      stated: 4,
      computed: 0,
      status: 'differs',
    });

    const [odd] = await importReports(systemContext(database.db, 'cli'), {
      reports: [recorded],
      computeFigures: async () => ({ nothing: true }),
    });
    expect(odd?.reconciliationNote).toMatch(/unexpected shape/);
  });

  it('lets monitors, editors and administrators import, and nobody else', async () => {
    const lawyer = await insertUser(database.db, { role: 'lawyer' });
    const ctx = { ...systemContext(database.db, 'web'), user: lawyer };
    const digest = await load(path.join(fixtures, 'digest-2016-03.txt'));
    await expect(importReports(ctx, { reports: [digest] })).rejects.toMatchObject({ code: 'forbidden' });
    const monitor = await insertUser(database.db, { role: 'monitor' });
    const [result] = await importReports({ ...ctx, user: monitor }, { reports: [digest] });
    expect(result?.created).toHaveLength(5);
    const row = await database.db
      .selectFrom('incidents')
      .select('created_by')
      .where('id', '=', draftId(digest.sha256, 0))
      .executeTakeFirstOrThrow();
    expect(row.created_by).toBe(monitor.id);
    const amounts = await sql<{
      amounts: unknown;
    }>`select provenance->'extracted'->'amounts' as amounts from incidents where id = ${draftId(digest.sha256, 3)}`.execute(
      database.db,
    );
    expect(amounts.rows[0]?.amounts).toEqual([expect.objectContaining({ mci: 50, kind: 'fine' })]);
  });
});
