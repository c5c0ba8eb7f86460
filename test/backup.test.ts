import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { runCli } from './cli-runner.ts';
import { insertIncident } from './factories.ts';

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
