import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildServer } from '../src/server.tsx';
import { signInWithCsrfForTest } from './auth.ts';
import { runCli } from './cli-runner.ts';
import { insertIncident, insertUser } from './factories.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-backup-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], dataDir: string) {
  return runCli(args, { SOZWATCH_DATA_DIR: dataDir });
}

// The embedded database's backup: a PGlite data-folder dump, restored only into an empty folder.
describe('backup and restore of the embedded database', () => {
  it('restores what was backed up, and never overwrites a database', async () => {
    const original = path.join(scratch, 'original');
    expect(run(['migrate'], original).code).toBe(0);
    const handle = await openDatabase({ kind: 'pglite', dataDir: original });
    await insertIncident(handle.db, { id: 'backup-probe', categories: ['attack'] });
    await handle.close();

    const file = path.join(scratch, 'copy.tar.gz');
    const backup = run(['backup', file], original);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toContain(file);

    const restored = path.join(scratch, 'restored');
    const restore = run(['restore', file], restored);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const check = await openDatabase({ kind: 'pglite', dataDir: restored });
    const rows = await check.db.selectFrom('incidents').select('id').execute();
    await check.close();
    expect(rows.map((row) => row.id)).toEqual(['backup-probe']);

    const again = run(['restore', file], restored);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^sozwatch: SOZWATCH_DATA_DIR: .* already holds a database/);
  });

  it('refuses a file that is not a backup, with one line', () => {
    const bogus = path.join(scratch, 'bogus.tar.gz');
    fs.writeFileSync(bogus, 'not a backup');
    const result = run(['restore', bogus], path.join(scratch, 'empty'));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('not a backup of the embedded database');
  });
});

describe('the online backup of the embedded database', () => {
  it('lets an administrator download a backup while the server runs, which restores', async () => {
    const live = path.join(scratch, 'live');
    fs.mkdirSync(live, { recursive: true });
    const handle = await openDatabase({ kind: 'pglite', dataDir: live });
    await migrateToLatest(handle.db);
    const app = await buildServer(
      {
        config: loadConfig({}),
        db: handle.db,
        engine: handle.engine,
        now: () => new Date(),
        ...(handle.pglite ? { pglite: handle.pglite } : {}),
      },
      { logger: false },
    );
    try {
      await insertIncident(handle.db, { id: 'online-backup-probe', categories: ['attack'] });
      const admin = await insertUser(handle.db, { role: 'admin' });
      const editor = await insertUser(handle.db, { role: 'editor' });
      const asAdmin = await signInWithCsrfForTest(app, handle.db, admin);
      const asEditor = await signInWithCsrfForTest(app, handle.db, editor);
      const download = (who: { cookie: string; csrfToken: string }) =>
        app.inject({
          method: 'POST',
          url: '/en/editorial/backup',
          headers: {
            cookie: who.cookie,
            accept: 'text/html',
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: `_csrf=${who.csrfToken}`,
        });

      const page = await app.inject({ url: '/en/editorial/backup', headers: { cookie: asAdmin.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('action="/en/editorial/backup"');
      expect((await download(asEditor)).statusCode).toBe(403);

      const response = await download(asAdmin);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/gzip');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="sozwatch-backup-\d{8}-\d{6}\.tar\.gz"$/,
      );
      const file = path.join(scratch, 'online.tar.gz');
      fs.writeFileSync(file, response.rawPayload);
      const audit = await handle.db.selectFrom('audit_log').select(['action', 'user_id']).execute();
      expect(audit).toContainEqual({ action: 'database.backup', user_id: admin.id });

      // The running server keeps its folder; the copy restores into another one.
      const restored = path.join(scratch, 'online-restored');
      const restore = run(['restore', file], restored);
      expect(restore.stderr).toBe('');
      const check = await openDatabase({ kind: 'pglite', dataDir: restored });
      const rows = await check.db.selectFrom('incidents').select('id').execute();
      await check.close();
      expect(rows.map((row) => row.id)).toEqual(['online-backup-probe']);

      // The command line, refused while the server holds the folder, says where to go instead.
      const refused = run(['backup', path.join(scratch, 'refused.tar.gz')], live);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('/editorial/backup');
    } finally {
      await app.close();
      await handle.close();
    }
  });
});
