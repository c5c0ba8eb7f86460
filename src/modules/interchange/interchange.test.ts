import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import type { Db } from '../../db/client.ts';
import { systemContext } from '../../lib/context.ts';
import { getCase } from '../cases/index.ts';
import { loadDemo } from '../demo/index.ts';
import { getIncident } from '../incidents/index.ts';
import { exportToString, importFile, importParsed, parseInterchange } from './index.ts';

const fixtures = path.resolve('test/fixtures/interchange');
const fixture = (name: string) => path.join(fixtures, name);

let first: TestDatabase;
let second: TestDatabase;
beforeAll(async () => {
  first = await createTestDatabase();
  second = await createTestDatabase();
});
afterAll(async () => {
  await first.close();
  await second.close();
});

async function rowCounts(db: Db) {
  const count = async (
    table: 'incidents' | 'cases' | 'actors' | 'audit_log' | 'actor_names' | 'case_events',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    incidents: await count('incidents'),
    cases: await count('cases'),
    actors: await count('actors'),
    names: await count('actor_names'),
    events: await count('case_events'),
    audit: await count('audit_log'),
  };
}

describe('import', () => {
  it('imports a file in one go, matching and creating actors by name and kind', async () => {
    const ctx = systemContext(first.db, 'import');
    const report = await importFile(ctx, fixture('good.jsonl'));
    expect(report.incidents).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(report.cases).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.actors).toMatchObject({ created: 1, mentioned: 3 });
    const incident = await getIncident(ctx, 'fx-inc-1');
    expect(incident.victims.map((v) => [v.actor_id === 'fx-actor-serik', v.name, v.anonymous])).toEqual([
      [true, 'Serik Fixture', false],
      [false, 'Fixture Anonymous', true],
    ]);
    expect(incident.sources[1]).toMatchObject({ confidential: true, correspondent: 'Fixture Correspondent' });
    const monthOnly = await getIncident(ctx, 'fx-inc-2');
    expect([monthOnly.date, monthOnly.counted_in, monthOnly.links]).toEqual([
      '2024-06',
      '2024-06',
      ['fx-inc-1'],
    ]);
    const legalCase = await getCase(ctx, 'fx-case-1');
    expect(legalCase.parties.map((p) => p.actor_id)).toContain('fx-actor-serik');
    // 20 MCI converts with the 2024 value (3,692 tenge).
    expect(legalCase.money).toMatchObject({ awarded: 250_000, fines_tenge: 73_840 });
    const audit = await first.db
      .selectFrom('audit_log')
      .where('entity_id', '=', 'fx-inc-1')
      .select(['action', 'via', 'before', 'after'])
      .execute();
    expect(audit).toEqual([
      {
        action: 'incident.import',
        via: 'import',
        before: null,
        after: expect.objectContaining({ id: 'fx-inc-1' }),
      },
    ]);
  });

  it('is idempotent: a second import writes nothing, not even audit entries', async () => {
    const before = await rowCounts(first.db);
    const report = await importFile(systemContext(first.db, 'import'), fixture('good.jsonl'));
    expect(report.incidents).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(report.cases).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.actors).toMatchObject({ created: 0, updated: 0, unchanged: 1, mentioned: 0 });
    expect(await rowCounts(first.db)).toEqual(before);
  });

  it('updates a record whose line changed, as a whole, with one audit entry', async () => {
    const text = fs
      .readFileSync(fixture('good.jsonl'), 'utf8')
      .replace('"title":{"en":"A month-only fixture"}', '"title":{"en":"A month-only fixture, corrected"}');
    const before = await rowCounts(first.db);
    const report = await importParsed(
      systemContext(first.db, 'import'),
      parseInterchange(text, 'changed.jsonl'),
    );
    expect(report.incidents).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect((await rowCounts(first.db)).audit).toBe(before.audit + 1);
    const incident = await getIncident(systemContext(first.db), 'fx-inc-2');
    expect(incident.title).toEqual({ en: 'A month-only fixture, corrected' });
    expect(incident.version).toBe(2);
  });

  it.each([
    ['unknown-field.jsonl', 'unknown-field.jsonl:2:colour: unknown field "colour"'],
    [
      'wrong-type.jsonl',
      'wrong-type.jsonl:1:claim_non_pecuniary: Invalid input: expected number, received string',
    ],
    ['bad-date.jsonl', 'bad-date.jsonl:3:date: a real day (YYYY-MM-DD) or month (YYYY-MM)'],
    ['broken-json.jsonl', /^broken-json\.jsonl:2: not valid JSON \(.+\)$/],
    ['unknown-category.jsonl', 'unknown-category.jsonl:2:categories.1: unknown category "pressure"'],
    ['bad-event.jsonl', /^bad-event\.jsonl:1:events\.1\.kind: /],
    ['unknown-reference.jsonl', 'unknown-reference.jsonl:2:cases.0: no case no-such-case'],
  ])('refuses %s with its file, line and field, and writes nothing', async (name, expected) => {
    const before = await rowCounts(first.db);
    const attempt = importFile(systemContext(first.db, 'import'), fixture(name));
    await expect(attempt).rejects.toMatchObject({ code: 'validation_failed' });
    const error = await attempt.catch((caught: Error) => caught);
    const message = error instanceof Error ? error.message : '';
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
    expect(message.split('\n')).toHaveLength(1);
    expect(await rowCounts(first.db)).toEqual(before);
  });

  it('refuses a type it does not know, and a missing file, in one line', async () => {
    expect(() => parseInterchange('{"type":"bulletin","id":"x"}\n', 'x.jsonl')).toThrow(
      'x.jsonl:1:type: unknown record type "bulletin" (incident, case or actor)',
    );
    expect(() => parseInterchange('[1,2]\n', 'x.jsonl')).toThrow(
      'x.jsonl:1: each line must be one JSON object',
    );
    expect(() =>
      parseInterchange(
        '{"type":"incident","id":"a","date":"2024-01-01","categories":["threat"],"title":{"en":"a"},"status":"draft"}\n'.repeat(
          2,
        ),
        'x.jsonl',
      ),
    ).toThrow('x.jsonl:2:id: the incident a is already on line 1');
    await expect(importFile(systemContext(first.db), fixture('missing.jsonl'))).rejects.toThrow(
      /missing\.jsonl: cannot read the file \(ENOENT\)/,
    );
  });
});

describe('export', () => {
  it('round-trips without loss: export, import into an empty database, export again gives the same bytes', async () => {
    await loadDemo(first.db);
    const exported = await exportToString(first.db, { format: 'jsonl' });
    expect(exported.counts.incidents).toBeGreaterThanOrEqual(60);
    const ctx = systemContext(second.db, 'import');
    const report = await importParsed(ctx, parseInterchange(exported.text, 'export.jsonl'));
    expect(report.actors.mentioned).toBe(0);
    const again = await exportToString(second.db, { format: 'jsonl' });
    expect(again.text).toBe(exported.text);
    const before = await rowCounts(second.db);
    const repeat = await importParsed(ctx, parseInterchange(again.text, 'again.jsonl'));
    expect(
      repeat.incidents.created + repeat.incidents.updated + repeat.cases.updated + repeat.actors.updated,
    ).toBe(0);
    expect(await rowCounts(second.db)).toEqual(before);
  });

  it('filters by status and dates, and keeps the lines of one shape', async () => {
    const { text, counts } = await exportToString(first.db, {
      format: 'jsonl',
      status: ['draft'],
      from: '2024-01-01',
      to: '2024-12-31',
    });
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; status?: string; date?: string });
    expect(counts.incidents).toBeGreaterThan(0);
    for (const line of lines.filter((l) => l.type !== 'actor')) expect(line.status).toBe('draft');
    for (const line of lines.filter((l) => l.type === 'incident'))
      expect(line.date?.startsWith('2024')).toBe(true);
  });

  it('writes CSV with one row per incident, and a public CSV without private columns', async () => {
    const { text, counts } = await exportToString(first.db, { format: 'csv' });
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(counts.incidents);
    expect(rows.find((row) => row.id === 'fx-inc-1')).toMatchObject({
      categories: 'detention; obstruction',
      correspondent: 'Fixture Reporter',
      title_ru: 'Тестовое сообщение',
    });
    const publicCsv = parse((await exportToString(first.db, { format: 'csv', public: true })).text, {
      columns: true,
    }) as Array<Record<string, string>>;
    expect(Object.keys(publicCsv[0] ?? {})).not.toContain('correspondent');
    expect(publicCsv.every((row) => row.status === 'published')).toBe(true);
    const restricted = publicCsv.filter((row) => row.visibility === 'restricted');
    expect(restricted.length).toBeGreaterThan(0);
    for (const row of restricted)
      expect([row.id, row.title_en, row.title_ru, row.victims]).toEqual(['', '', '', '']);
  });
});

describe('the import and export commands', () => {
  const bin = path.resolve('bin/sozwatch.js');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-interchange-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const run = (args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      env: { ...process.env, SOZWATCH_DATA_DIR: path.join(scratch, 'data'), DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 150_000,
    });

  it('imports, refuses a bad file in one line on stderr, and exports', () => {
    const bad = run(['import', fixture('unknown-category.jsonl')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('sozwatch: unknown-category.jsonl:2:categories.1: unknown category "pressure"\n');
    const good = run(['import', fixture('good.jsonl')]);
    expect(good.stderr).toBe('');
    expect(good.stdout).toMatch(
      /^imported good\.jsonl: incidents 2 new, 0 changed, 0 unchanged; cases 1 new/,
    );
    const exported = run(['export', '--public']);
    expect(exported.status).toBe(0);
    const lines = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; id?: string });
    expect(lines.filter((line) => line.type === 'incident').map((line) => line.id)).toEqual(['fx-inc-1']);
    expect(exported.stdout).not.toContain('Fixture Anonymous');
    expect(exported.stdout).not.toContain('Fixture Correspondent');
    expect(exported.stdout).not.toContain('Private tip');
  }, 300_000);
});
