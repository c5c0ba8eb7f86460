import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-runner.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-exchange-cli-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

// The embedded database, also when the suite runs on PostgreSQL: these runs need a folder of their own.
const run = (args: string[]) =>
  runCli(args, { SOZWATCH_DATA_DIR: path.join(scratch, 'data'), DATABASE_URL: '' });
const fixture = path.join(import.meta.dirname, '../src/modules/exchange/fixtures/uwazi-export.csv');

describe('sozwatch import-uwazi, export --profile and mirror', () => {
  it('import an Uwazi export as drafts, export a partner CSV, and mirror the site twice', () => {
    const imported = run(['import-uwazi', fixture, '--lang', 'en']);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/incidents 3 new/);

    const exported = run(['export', '--profile', 'coe', '--lang', 'ru']);
    expect(exported.code).toBe(0);
    // Drafts are not public: only the header.
    expect(exported.stdout.trim()).toBe(
      'Title,Date of the event,Country,Category,Journalists,Media,Description,Sources,Reference',
    );
    const wrong = run(['export', '--profile', 'rsf']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toContain('profile');

    const out = path.join(scratch, 'mirror');
    const first = run(['mirror', '--out', out]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/added ru\/index\.html/);
    expect(fs.existsSync(path.join(out, 'SHA256SUMS'))).toBe(true);
    const second = run(['mirror', '--out', out]);
    expect(second.stdout).toMatch(/\(0 added, 0 changed, 0 removed, \d+ unchanged\)/);
  });
});
