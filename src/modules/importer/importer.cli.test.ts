import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.ts';
import { defaultSharedDir } from './evaluate.ts';
import { parsedReportSchema } from './importer.schemas.ts';
import { parseReportFile } from './parse-report.ts';

const bin = path.resolve('bin/sozwatch.js');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-importer-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
const september = path.join(defaultSharedDir, 'seeds', '000_19a19176302a58f7.txt');

// The embedded database of a scratch folder, never a shared server: DATABASE_URL is cleared.
function run(args: string[], dataDir = path.join(scratch, 'data')) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, SOZWATCH_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scratchFile(name: string, content: string | Uint8Array) {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('sozwatch parse-report', () => {
  it('prints a readable summary', () => {
    const { code, stdout, stderr } = run(['parse-report', september]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('month 2020-09 · published 2020-09-01 · language en · format it_reports');
    expect(stdout).toContain('Facts (11)');
    expect(stdout).toContain('claims_non_pecuniary: 78 100 000 tenge');
    expect(stdout).toContain('Items (5)');
  });

  it('prints the contract JSON with --json, spans into the input', () => {
    const { code, stdout } = run(['parse-report', september, '--json']);
    expect(code).toBe(0);
    const report = parsedReportSchema.parse(JSON.parse(stdout));
    expect(report.facts).toHaveLength(11);
    const text = fs.readFileSync(september, 'utf8');
    const acts = report.facts.find((fact) => fact.type === 'judicial_acts');
    expect(text.slice(...(acts?.span ?? [0, 0]))).toMatch(/^5\s+judicial acts/);
  });

  const huge = () =>
    scratchFile('huge.txt', 'Violations of freedom of speech in Kazakhstan May 2024\n'.repeat(100_000));
  it.each([
    ['empty', () => scratchFile('empty.txt', ''), /: empty$/],
    ['blank', () => scratchFile('blank.txt', ' \n\n\t\n'), /: empty$/],
    [
      'binary',
      () =>
        scratchFile(
          'picture.png',
          new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        ),
      /binary data/,
    ],
    ['a PDF', () => scratchFile('report.pdf', '%PDF-1.4\n1 0 obj\n'), /a PDF file/],
    [
      'not a report',
      () =>
        scratchFile('recipe.txt', 'Boil the water. Add two cups of rice and a pinch of salt.\nServe warm.\n'),
      /not a monitoring report/,
    ],
    ['larger than 5 MB', huge, /too large \(\d+ bytes/],
    ['missing', () => path.join(scratch, 'missing.txt'), /no such file/],
    ['a directory', () => scratch, /a directory/],
  ])('refuses %s input with an error naming the file', async (_label, make, message) => {
    const file = make();
    const error = await parseReportFile(file).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error instanceof AppError ? error.message : '').toMatch(new RegExp(`^${literal(file)}: `));
    expect(error instanceof AppError ? error.message : '').toMatch(message);
  });

  it.each([
    ['empty', () => scratchFile('empty-cli.txt', ''), /: empty$/],
    [
      'binary',
      () =>
        scratchFile(
          'noise.bin',
          new Uint8Array(4096).map((_, i) => (i * 7919) % 256),
        ),
      /binary data/,
    ],
    ['larger than 5 MB', huge, /too large/],
  ])('the command stops on %s input with one line on stderr', (_label, make, message) => {
    const file = make();
    const { code, stdout, stderr } = run(['parse-report', file]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toMatch(message);
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('sozwatch import-report', () => {
  it('writes nothing when one file is bad, then imports once and only once', { timeout: 300_000 }, () => {
    const bad = scratchFile('bad.txt', '');
    const failed = run(['import-report', september, bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toBe(`sozwatch: ${bad}: empty`);

    const first = run(['import-report', september]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('5 draft(s) created, 0 already there');
    // The stated figures are set against the database's own, month by month: nothing is published
    // yet, so the database has 0 and the difference is minus the stated figure.
    expect(first.stdout).toMatch(/Reconciliation by month .*: \d+ agree, \d+ differ/);
    expect(first.stdout).toMatch(/\n2020-09 +000_19a19176302a58f7\.txt +ytd +criminal +44 +0 +-44\n/);

    const again = run(['import-report', september]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 draft(s) created, 5 already there');
  });
});

describe('sozwatch import-report FOLDER', () => {
  it('takes the reports of a folder and its subfolders, all or nothing, and is safe to run again', {
    timeout: 300_000,
  }, () => {
    const folder = path.join(scratch, 'archive');
    fs.mkdirSync(path.join(folder, '2024'), { recursive: true });
    const archive = path.join(defaultSharedDir, 'archive');
    fs.copyFileSync(path.join(archive, '2019-annual_news-3116.txt'), path.join(folder, '2019-annual.txt'));
    fs.copyFileSync(
      path.join(archive, '2024-07_violations-of-freedom-of-speech-in-kazakhstan-july-2024.txt'),
      path.join(folder, '2024', '2024-07.txt'),
    );
    fs.writeFileSync(path.join(folder, 'README.md'), 'notes, not a report');
    fs.writeFileSync(path.join(folder, '.draft.txt'), 'hidden, not read');
    const dataDir = path.join(scratch, 'folder-data');

    const bad = path.join(folder, '2024', 'broken.txt');
    fs.writeFileSync(bad, '');
    const failed = run(['import-report', folder], dataDir);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toBe(`sozwatch: ${bad}: empty`);
    fs.rmSync(bad);

    const first = run(['import-report', folder], dataDir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // Nothing was written by the failed run: every draft is new now.
    expect(first.stdout).toMatch(
      /imported 2 report\(s\) in one transaction: [1-9]\d* draft\(s\) created, 0 already there/,
    );
    // One table for the whole folder, month by month: stated, database, difference.
    expect(first.stdout).toMatch(/\n2019-12 +2019-annual\.txt +year +detention +46 +0 +-46\n/);
    expect(first.stdout).toMatch(/\n2024-07 +2024-07\.txt +month +legal +14 +0 +-14\n/);
    expect(first.stdout).toMatch(/\n2024-07 +2024-07\.txt +same_period_last_year +legal +55 +0 +-55\n/);

    const again = run(['import-report', folder], dataDir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 draft\(s\) created, [1-9]\d* already there/);

    const empty = path.join(scratch, 'empty-folder');
    fs.mkdirSync(empty);
    const nothing = run(['import-report', empty], dataDir);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr.trim()).toBe(`sozwatch: ${empty}: no report files (.txt, .html, .htm) found`);
  });
});
