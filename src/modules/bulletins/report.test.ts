import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-runner.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertUser } from '../../../test/factories.ts';
import { insertMay2024 } from '../../../test/fixtures/may-2024.ts';
import { loadConfig } from '../../config.ts';
import { createBulletinDraft, publishBulletin } from './bulletins.service.ts';
import { benchBuildBulletin, reportCommand } from './report.ts';

let database: TestDatabase;
const config = loadConfig({});
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-report-'));
beforeAll(async () => {
  database = await createTestDatabase();
  await insertMay2024(database.db);
});
afterAll(async () => {
  await database.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function capture(isTTY = false) {
  const chunks: Buffer[] = [];
  return {
    isTTY,
    write: (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)),
    text: () => Buffer.concat(chunks).toString('utf8'),
    bytes: () => Buffer.concat(chunks),
  };
}

describe('sozwatch report', () => {
  it('renders a draft from the current figures when no bulletin is published, and says so', async () => {
    const stdout = capture();
    const stderr = capture();
    await reportCommand(
      { db: database.db, config },
      { month: '2024-05', lang: 'en', format: 'md' },
      { stdout, stderr },
    );
    expect(stderr.text()).toBe(
      'sozwatch: no bulletin of 2024-05 is published; this is a draft with the figures as they are now\n',
    );
    expect(stdout.text()).toContain('# Violations of freedom of speech in Kazakhstan May 2024');
    expect(stdout.text()).toContain(
      '- 22 reports of violations of the rights of journalists, media and newsmakers, including:',
    );
  });

  it('renders the published bulletin once there is one', async () => {
    const editor = await insertUser(database.db, { role: 'editor' });
    const ctx = {
      db: database.db,
      user: { ...editor, role: 'editor' as const },
      via: 'web' as const,
      now: () => new Date('2024-07-16T10:00:00Z'),
    };
    const { id } = await createBulletinDraft(ctx, { month: '2024-05' });
    await publishBulletin(ctx, { bulletinId: id, version: 1 });
    const stdout = capture();
    const stderr = capture();
    await reportCommand(
      { db: database.db, config },
      { month: '2024-05', lang: 'ru', format: 'html' },
      { stdout, stderr },
    );
    expect(stderr.text()).toBe(
      'sozwatch: the published bulletin of 2024-05 (figures frozen at 2024-07-16)\n',
    );
    expect(stdout.text()).toContain('Опубликовано 16 июля 2024 г.');
  });

  it('writes binary formats to a file, or to standard output only when it is not a terminal', async () => {
    const out = path.join(scratch, 'may.pdf');
    await reportCommand(
      { db: database.db, config },
      { month: '2024-05', lang: 'kk', format: 'pdf', out },
      { stdout: capture(true), stderr: capture() },
    );
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(
      reportCommand(
        { db: database.db, config },
        { month: '2024-05', lang: 'kk', format: 'docx' },
        { stdout: capture(true), stderr: capture() },
      ),
    ).rejects.toThrow('--out: docx is binary; give --out FILE or redirect standard output');
    const piped = capture(false);
    await reportCommand(
      { db: database.db, config },
      { month: '2024-05', lang: 'kk', format: 'docx' },
      { stdout: piped, stderr: capture() },
    );
    expect(piped.bytes().subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses bad options with one clear message', async () => {
    const run = (options: { month: string; lang: string; format: string }) =>
      reportCommand({ db: database.db, config }, options, { stdout: capture(), stderr: capture() });
    await expect(run({ month: '2024-05', lang: 'de', format: 'md' })).rejects.toThrow(
      '--lang: expected kk, ru or en, got "de"',
    );
    await expect(run({ month: '2024-05', lang: 'en', format: 'odt' })).rejects.toThrow(
      '--format: expected one of md, html, pdf, docx, got "odt"',
    );
    await expect(run({ month: 'May', lang: 'en', format: 'md' })).rejects.toThrow(
      '--month: expected a month as YYYY-MM',
    );
  });

  it('prints how long one month takes to build in each format', async () => {
    const times = await benchBuildBulletin(database.db, config, '2024-05');
    process.stdout.write(`bulletin build times (ms): ${JSON.stringify(times)}\n`);
    for (const format of ['md', 'html', 'pdf', 'docx'] as const) expect(times[format]).toBeGreaterThan(0);
  });

  it('is wired into the command line', () => {
    const env = { SOZWATCH_DATA_DIR: path.join(scratch, 'data') };
    const result = runCli(['report', '--month', '2024-05', '--lang', 'kk', '--format', 'md'], env);
    expect(result.stderr).toBe(
      'sozwatch: no bulletin of 2024-05 is published; this is a draft with the figures as they are now\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Қазақстандағы сөз бостандығын бұзу. 2024 жылғы мамыр');
    // A bad option fails at once, before the database is opened.
    const wrong = runCli(['report', '--month', '2024-05', '--lang', 'fr', '--format', 'md'], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('sozwatch: --lang: expected kk, ru or en, got "fr"\n');
  }, 480_000);
});
