import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { verifyPassword } from '../src/modules/auth/index.ts';
import { runCli } from './cli-runner.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-user-add-'));
const dataDir = path.join(scratch, 'data');
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs the command on its own embedded database (never on a shared DATABASE_URL). */
/** Runs the command on its own embedded database (never on a shared DATABASE_URL). */
function run(args: string[]) {
  return runCli(args, { SOZWATCH_DATA_DIR: dataDir, NODE_ENV: 'development' });
}

describe('sozwatch user add', () => {
  it.each([
    [
      ['--email', 'not-an-email', '--role', 'admin'],
      'sozwatch: --email: not a valid email address (got "not-an-email")',
    ],
    [
      ['--email', 'chief@example.org', '--role', 'chief'],
      'sozwatch: --role: must be one of admin, editor, monitor, lawyer (got "chief")',
    ],
    [
      ['--email', 'chief@example.org', '--role', 'admin', '--name', ' '],
      'sozwatch: --name: must not be empty (got " ")',
    ],
  ])('refuses %j with one line naming the option, before opening the database', (args, line) => {
    const { code, stdout, stderr } = run(['user', 'add', ...args]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${line}\n`);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  // Three commands and one more opening of the embedded database: minutes on a busy machine.
  it('creates the first admin, prints a strong password once, and refuses the same email again', {
    timeout: 300_000,
  }, async () => {
    const first = run([
      'user',
      'add',
      '--email',
      'Head@Example.org',
      '--role',
      'admin',
      '--name',
      'Head of monitoring',
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^created admin head@example\.org \(id \d+, name "Head of monitoring"\)$/);
    const password = lines[1]?.match(/^password: (\S+)$/)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){4}$/);
    expect(first.stdout).toContain('shown only once');
    expect(first.stdout).toContain('two-factor');

    const again = run(['user', 'add', '--email', 'head@example.org', '--role', 'editor']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'sozwatch: --email: a user with the email head@example.org already exists (got "head@example.org")\n',
    );

    const monitor = run(['user', 'add', '--email', 'region@example.org', '--role', 'monitor']);
    expect(monitor.code).toBe(0);
    expect(monitor.stdout).toMatch(/^created monitor region@example\.org \(id \d+, name "region"\)\n/);
    expect(monitor.stdout).not.toContain('two-factor');

    const handle = await openDatabase({ kind: 'pglite', dataDir });
    try {
      const rows = await handle.db
        .selectFrom('users')
        .select(['email', 'role', 'display_name', 'password_hash'])
        .orderBy('id')
        .execute();
      expect(rows.map((row) => [row.email, row.role, row.display_name])).toEqual([
        ['head@example.org', 'admin', 'Head of monitoring'],
        ['region@example.org', 'monitor', 'region'],
      ]);
      expect(await verifyPassword(rows[0]?.password_hash ?? '', password)).toBe(true);
      const audit = await handle.db.selectFrom('audit_log').select(['action', 'via']).execute();
      expect(audit).toEqual([
        { action: 'user.create', via: 'cli' },
        { action: 'user.create', via: 'cli' },
      ]);
    } finally {
      await handle.close();
    }
  });
});
