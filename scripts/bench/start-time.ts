import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { packagePath } from '../../src/lib/package-root.ts';

/*
 * Start time as a user sees it: from spawning `sozwatch serve --demo-if-empty` (what `npm start`
 * runs) to the first 200 from /healthz, on a new embedded data folder (initdb, migrations, demo data)
 * and then on the same folder again. The server runs from the compiled bundle when it is fresh
 * (bin/sozwatch.js decides, as it does for `npm start`).
 */

export type StartTime = { folder: 'new' | 'existing'; run: number; ms: number; startMs?: number };

const goalsMs = { new: 8000, existing: 2000 } as const;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no free port');
  return address.port;
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return response.status === 200;
  } catch {
    return false;
  }
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Spawns the server, polls /healthz every 10 ms, and stops it once it answers. */
async function timeOneStart(dataDir: string): Promise<{ ms: number; startMs?: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [packagePath('bin', 'sozwatch.js'), 'serve', '--demo-if-empty'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      SOZWATCH_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited: ${output.slice(-500)}`);
      if (await healthy(port)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const ms = performance.now() - started;
    // The server's own figure (from its first line of code to listening), read from its ready log line.
    const startMs = Number(/"startMs":(\d+)/.exec(output)?.[1]);
    return { ms, ...(Number.isFinite(startMs) ? { startMs } : {}) };
  } finally {
    child.kill('SIGTERM');
    await stopped(child);
  }
}

export async function measureStartTimes(runs: number, log: (line: string) => void): Promise<StartTime[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-start-'));
  const results: StartTime[] = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      const dataDir = path.join(scratch, `data-${run}`);
      const fresh = await timeOneStart(dataDir);
      results.push({ folder: 'new', run, ...fresh });
      log(`start on a new folder: ${Math.round(fresh.ms)} ms`);
      for (let again = 1; again <= 2; again += 1) {
        const existing = await timeOneStart(dataDir);
        results.push({ folder: 'existing', run: (run - 1) * 2 + again, ...existing });
        log(`start on an existing folder: ${Math.round(existing.ms)} ms`);
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

export function printStartTimes(results: StartTime[]): void {
  process.stdout.write(
    '\nstart time, spawn to /healthz 200 (ms)\nfolder     runs  best    median  worst   goal     ok\n',
  );
  for (const folder of ['new', 'existing'] as const) {
    const times = results
      .filter((result) => result.folder === folder)
      .map((result) => result.ms)
      .sort((a, b) => a - b);
    if (times.length === 0) continue;
    const median = times[Math.floor((times.length - 1) / 2)] ?? Number.NaN;
    const cells = [
      folder.padEnd(9),
      String(times.length).padEnd(4),
      String(Math.round(times[0] ?? Number.NaN)).padEnd(6),
      String(Math.round(median)).padEnd(6),
      String(Math.round(times.at(-1) ?? Number.NaN)).padEnd(6),
      `≤ ${goalsMs[folder]}`.padEnd(7),
      median <= goalsMs[folder] ? 'yes' : 'NO',
    ];
    process.stdout.write(`${cells.join('  ')}\n`);
  }
}
