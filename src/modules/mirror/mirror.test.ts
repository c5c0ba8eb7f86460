import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertIncident } from '../../../test/factories.ts';
import { expectNoLeaks, plantPrivateMarkers } from '../../../test/leak-scan.ts';
import { insertPublicRecords, secrets } from '../../../test/public-records.ts';
import { loadConfig } from '../../config.ts';
import { plantRegisterRecords, registerMarkers } from '../registers/registers.testkit.ts';
import { CHECKSUM_FILE, mirrorSite } from './mirror.service.ts';
import { mirrorOutputs } from './mirror.testkit.ts';

let database: TestDatabase;
let outDir: string;
let registers: Awaited<ReturnType<typeof plantRegisterRecords>>;
const config = loadConfig({});

beforeAll(async () => {
  database = await createTestDatabase();
  await insertPublicRecords(database.db);
  await plantPrivateMarkers(database.db);
  registers = await plantRegisterRecords(database.db);
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sozwatch-mirror-'));
});
afterAll(async () => {
  await database?.close();
  await fs.rm(outDir, { recursive: true, force: true });
});

const mirror = () =>
  mirrorSite(
    { config, db: database.db, engine: database.engine, now: () => new Date('2024-07-15T10:00:00Z') },
    { outDir, maxFiles: 20_000 },
  );

describe('sozwatch mirror', () => {
  let firstRun: Awaited<ReturnType<typeof mirror>>;
  beforeAll(async () => {
    firstRun = await mirror();
  });

  it('writes the public portal in three languages, its files and feeds, and a checksum of each', async () => {
    expect(firstRun.truncated).toBe(false);
    expect(firstRun.added.length).toBe(firstRun.files);
    for (const name of [
      'index.html',
      'static/style.css',
      ...['kk', 'ru', 'en'].flatMap((lang) => [
        `${lang}/index.html`,
        `${lang}/incidents/index.html`,
        `${lang}/incidents/inc-main/index.html`,
        `${lang}/cases/case-honor/index.html`,
        `${lang}/statistics/index.html`,
        `${lang}/feed.xml`,
        `${lang}/regions/index.html`,
        `${lang}/appeals/index.html`,
        `${lang}/registers/index.html`,
        `${lang}/registers/blocking/index.html`,
        `${lang}/registers/blocking/${registers.blocked}/index.html`,
        `${lang}/registers/refusals/index.html`,
        `${lang}/registers/refusals/${registers.anonymous}/index.html`,
      ]),
    ]) {
      expect(firstRun.added, name).toContain(name);
    }
    const checksums = await fs.readFile(path.join(outDir, CHECKSUM_FILE), 'utf8');
    const lines = checksums.trim().split('\n');
    expect(lines).toHaveLength(firstRun.files);
    const { createHash } = await import('node:crypto');
    for (const line of lines.slice(0, 40)) {
      const [hash, name] = line.split('  ');
      const body = await fs.readFile(path.join(outDir, name ?? ''));
      expect(createHash('sha256').update(body).digest('hex'), name).toBe(hash);
    }
  });

  it('holds exactly what the public may see: the leak scans find nothing, and no editorial page', async () => {
    const outputs = await mirrorOutputs(outDir);
    expectNoLeaks(outputs);
    for (const output of outputs) {
      for (const secret of [...secrets, ...Object.values(registerMarkers)]) {
        expect(output.body, `${output.name} shows ${secret}`).not.toContain(secret);
      }
      expect(output.name).not.toMatch(/editorial|login|logout|\/ask/);
      expect(output.body, output.name).not.toContain('name="_csrf"');
    }
  });

  it('links every page to files that exist, by relative paths only', async () => {
    const outputs = (await mirrorOutputs(outDir)).filter((output) => output.name.endsWith('.html'));
    expect(outputs.length).toBeGreaterThan(30);
    for (const output of outputs) {
      for (const match of output.body.matchAll(/\s(?:href|src)="([^"#]*)/g)) {
        const link = (match[1] ?? '').replaceAll('&amp;', '&');
        if (link === '' || /^(mailto:|https?:)/.test(link)) continue;
        expect(link.startsWith('/'), `${output.name} links to ${link}`).toBe(false);
        const target = path.join(outDir, path.dirname(output.name), decodeURIComponent(link));
        await expect(fs.stat(target), `${output.name} → ${link}`).resolves.toBeTruthy();
      }
    }
  });

  it('rewrites only what changed on a second run, and removes what is no longer published', async () => {
    const again = await mirror();
    expect(again).toMatchObject({ added: [], changed: [], removed: [] });
    expect(again.unchanged).toBe(firstRun.files);

    const extra = await insertIncident(database.db, {
      id: 'inc-mirror-extra',
      date: '2024-06-03',
      region: 'astana',
      categories: ['threat'],
      title: { en: 'Mirror test: a threat to an editor (test data)' },
    });
    const withExtra = await mirror();
    expect(withExtra.added).toContain('en/incidents/inc-mirror-extra/index.html');
    expect(withExtra.changed).toContain('en/incidents/index.html');
    expect(withExtra.unchanged).toBeGreaterThan(0);

    await database.db.updateTable('incidents').set({ status: 'archived' }).where('id', '=', extra).execute();
    const withoutExtra = await mirror();
    expect(withoutExtra.removed).toContain('en/incidents/inc-mirror-extra/index.html');
    await expect(fs.stat(path.join(outDir, 'en/incidents/inc-mirror-extra'))).rejects.toThrow();
  });
});
