import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The compiled bundle is what `npm start` and `sozwatch` run: build it into a folder of its own (dist/
 * may be in use by other test files) and check what a bundle can get wrong that the sources cannot:
 * commands loaded on demand, and files read at run time (migrations, static assets) found from it.
 * The folder sits under node_modules/.cache so that the bundle resolves packages as dist/ does.
 */
fs.mkdirSync(path.resolve('node_modules/.cache'), { recursive: true });
const outdir = fs.mkdtempSync(path.resolve('node_modules/.cache/sozwatch-build-test-'));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-build-'));
const seed = '../shared/seeds/002_8da4001fb407b8a9.txt';

function runBundle(args: string[]) {
  return spawnSync(process.execPath, [path.join(outdir, 'cli.js'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir], { encoding: 'utf8' });
  expect(build.stderr).toBe('');
  expect(build.status).toBe(0);
});

afterAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('the compiled bundle', () => {
  it('keeps each command in its own file, loaded when it runs', () => {
    const entry = fs.readFileSync(path.join(outdir, 'cli.js'), 'utf8');
    expect(entry).not.toMatch(/from "fastify"|from "@electric-sql\/pglite"|from "pdfkit"/);
    const help = runBundle(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/\n\s+serve\b/);
  });

  it.skipIf(!fs.existsSync(seed))('parses a report without a database', () => {
    const parsed = runBundle(['parse-report', seed, '--json']);
    expect(parsed.stderr).toBe('');
    expect(JSON.parse(parsed.stdout)).toHaveProperty('month');
  });

  it('serves from a new embedded data folder: migrations and static files are found', async () => {
    let server: ChildProcess | undefined;
    try {
      server = spawn(process.execPath, [path.join(outdir, 'cli.js'), 'serve'], {
        env: {
          ...process.env,
          DATABASE_URL: '',
          SOZWATCH_DATA_DIR: path.join(scratch, 'data'),
          PORT: '0',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const started = server;
      const port = await new Promise<number>((resolve, reject) => {
        let output = '';
        started.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const match = /serving http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
          if (match) resolve(Number(match[1]));
        });
        started.stderr?.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
        });
        started.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
      const style = await fetch(`http://127.0.0.1:${port}/static/style.css`);
      expect(style.status).toBe(200);
    } finally {
      const running = server;
      if (running && running.exitCode === null) {
        await new Promise((resolve) => {
          running.once('exit', resolve);
          running.kill('SIGTERM');
        });
      }
    }
  });
});
