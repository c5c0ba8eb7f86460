import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-runner.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertMay2024 } from '../../../test/fixtures/may-2024.ts';
import { statsCommand } from './stats.cli.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await insertMay2024(database.db);
});
afterAll(async () => {
  await database.close();
});

describe('sozwatch stats', () => {
  it('prints the DESIGN 7 shape with --json', async () => {
    const printed = JSON.parse(await statsCommand(database.db, { month: '2024-05', json: true }));
    expect(Object.keys(printed)).toEqual(['month', 'scope']);
    expect(printed.month).toBe('2024-05');
    expect(Object.keys(printed.scope)).toEqual(['month', 'ytd', 'same_period_last_year']);
    for (const figures of Object.values<Record<string, unknown>>(printed.scope)) {
      expect(Object.keys(figures)).toEqual(['groups', 'categories', 'legal', 'judicial_acts', 'money']);
      expect(Object.keys(figures.categories as object)).toHaveLength(19);
    }
    expect(printed.scope.month.groups).toEqual({ rights: 22, information: 13, legal: 10, total: 45 });
    expect(Object.keys(printed.scope.month.legal)).toEqual([
      'criminal',
      'civil',
      'administrative',
      'subjects',
    ]);
    expect(Object.keys(printed.scope.month.judicial_acts)).toEqual([
      'first',
      'appeal',
      'cassation',
      'total',
      'for_media',
    ]);
  });

  it('prints a table without --json', async () => {
    const printed = await statsCommand(database.db, { month: '2024-05' });
    expect(printed).toMatch(/^figures for 2024-05\n/);
    expect(printed).toMatch(/\nrights +22 +22 +0\n/);
    expect(printed).toMatch(/\n {2}info_refusal +10 +10 +0\n/);
  });

  it('is wired into the command line and fails with one line on a bad month', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-stats-'));
    try {
      const env = { SOZWATCH_DATA_DIR: path.join(scratch, 'data') };
      const bad = runCli(['stats', '--month', '2024-5'], env);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toBe('sozwatch: --month: expected a month as YYYY-MM, got "2024-5"\n');
      const good = runCli(['stats', '--month', '2024-05', '--json'], env);
      expect(good.stderr).toBe('');
      expect(JSON.parse(good.stdout).scope.month.groups.total).toBe(0);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  }, 180_000);
});
