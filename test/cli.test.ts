import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-runner.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-cli-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { SOZWATCH_DATA_DIR: path.join(scratch, 'data'), ...env });
}

describe('the sozwatch command', () => {
  it('lists every command of the contract in its help', () => {
    const { stdout, code } = run(['--help']);
    expect(code).toBe(0);
    for (const command of [
      'serve',
      'migrate',
      'import',
      'export',
      'parse-report',
      'import-report',
      'stats',
      'report',
      'user',
      'backup',
      'restore',
      'demo',
      'bench',
    ]) {
      expect(stdout).toMatch(new RegExp(`\\n\\s+${command}\\b`));
    }
  });

  it('answers a missing option or an unknown command with one line and a pointer to --help', () => {
    for (const args of [['stats'], ['nope'], ['user', 'add']]) {
      const { code, stderr, stdout } = run(args);
      expect(code, args.join(' ')).toBe(1);
      expect(stdout, args.join(' ')).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines, args.join(' ')).toHaveLength(2);
      expect(lines[0]).toMatch(/^error: (required option|unknown command)/);
      expect(lines[1]).toBe('(add --help to see the commands and options)');
    }
  });

  it('prints its version', () => {
    const packageJson = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const { code, stdout } = run(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`sozwatch ${packageJson.version}\n`);
  });

  it('stops on a wrong setting with one line naming the variable', () => {
    const { code, stderr } = run(['migrate'], { PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^sozwatch: PORT: /);
  });

  it('refuses a second process on the same embedded database folder', async () => {
    const dataDir = path.join(scratch, 'locked');
    fs.mkdirSync(dataDir, { recursive: true });
    const holder = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(path.join(dataDir, 'sozwatch.lock'), String(holder.pid));
      const { code, stderr } = run(['migrate'], { SOZWATCH_DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /^sozwatch: SOZWATCH_DATA_DIR: the embedded database is in use by another sozwatch process/,
      );
    } finally {
      holder.kill();
    }
  });

  it('creates and migrates the embedded database, and takes over a stale lock', () => {
    const dataDir = path.join(scratch, 'fresh');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'sozwatch.lock'), '999999');
    const { code, stdout, stderr } = run(['migrate'], { SOZWATCH_DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('database is up to date (pglite)');
    expect(fs.existsSync(path.join(dataDir, 'sozwatch.lock'))).toBe(false);
  });
});
