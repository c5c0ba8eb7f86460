import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = path.resolve('bin/sozwatch.js');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs `sozwatch` as a user would, in a child process. The embedded database is the default: a
 * test that wants PostgreSQL passes DATABASE_URL itself. Opening a new PGlite folder takes seconds,
 * and far longer on a loaded machine, hence the generous limit.
 */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string): CliResult {
  const { DATABASE_URL: _shared, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...inherited, ...env },
    encoding: 'utf8',
    timeout: 240_000,
    input,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
