import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Config } from '../../src/config.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { packagePath } from '../../src/lib/package-root.ts';
import { buildServer } from '../../src/server.tsx';
import type { BareRoute, BareSpec } from './bare-server.ts';
import { samples } from './bench.ts';
import { QueryRecorder } from './measure.ts';

/*
 * Throughput as a client sees it: the app runs as `sozwatch serve` in its own process (compiled
 * bundle when fresh, request logging at the default level, output discarded), the load comes from
 * this process (autocannon, 10 connections), and each route is set beside a bare node:http + pg
 * server (bare-server.ts) that runs the same SQL statements, recorded from the app beforehand. The
 * ratio app/bare is the share of the bare route's requests per second the app keeps; the goal is
 * 0.8 or more on every route. Both servers run at once (the bare one on a copy of a PGlite folder,
 * which one process at a time may open) and are loaded in turns, route by route, twice, keeping
 * each one's best run: on a machine shared with other work, a ratio of figures taken minutes apart
 * would measure the neighbours.
 */

export type ThroughputRow = {
  engine: string;
  size: number;
  route: string;
  path: string;
  appRps: number;
  bareRps: number;
  ratio: number;
  appP50: number;
  bareP50: number;
  /** Resident memory of the app's process after the whole run (Linux), in MB. */
  appRssMb?: number;
};

export const throughputGoal = 0.8;

type RouteToMeasure = { name: string; path: string };

function routesFor(sample: Awaited<ReturnType<typeof samples>>): RouteToMeasure[] {
  const year = sample.month.slice(0, 4);
  return [
    { name: 'home page', path: '/ru/' },
    { name: 'list page', path: '/ru/incidents' },
    { name: 'incident page', path: `/ru/incidents/${sample.incident}` },
    { name: 'list (API)', path: `/api/v1/incidents?region=almaty_city&year=${year}` },
    { name: 'incident (API)', path: `/api/v1/incidents/${sample.incident}` },
    { name: "month's figures (API)", path: `/api/v1/stats?month=${sample.month}` },
    { name: 'API root (constant)', path: '/api/v1' },
  ];
}

/** The app's SQL and answer for each route, taken in this process. */
async function recordRoutes(
  database: Config['database'],
): Promise<{ routes: RouteToMeasure[]; bare: BareRoute[] }> {
  const handle = await openDatabase(database);
  try {
    await migrateToLatest(handle.db);
    const recorder = new QueryRecorder();
    const db = recorder.attach(handle.db);
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', API_RATE_LIMIT_MAX: '1000000000' });
    const app = await buildServer(
      { config, db, engine: handle.engine, now: () => new Date() },
      { logger: false },
    );
    try {
      const routes = routesFor(await samples(handle.db));
      const bare: BareRoute[] = [];
      for (const route of routes) {
        // The first request fills caches (reference labels) and runs start-up chores: record the next.
        await app.inject({ url: route.path });
        let body = '';
        let contentType = '';
        const queries = await recorder.record(async () => {
          const response = await app.inject({ url: route.path });
          if (response.statusCode !== 200) throw new Error(`${route.path} answered ${response.statusCode}`);
          body = response.body;
          contentType = String(response.headers['content-type']);
        });
        bare.push({
          path: route.path,
          queries: queries.map((query) => ({ sql: query.sql, parameters: [...query.parameters] })),
          body,
          contentType,
        });
      }
      return { routes, bare };
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Spawns a server and resolves with its port once it prints one. */
function startServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  portFrom: RegExp,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = portFrom.exec(output);
      if (match) {
        // From here on its output is drained and dropped, as a log shipper would take it away.
        child.stdout?.removeListener('data', onData);
        child.stdout?.resume();
        resolve({ child, port: Number(match[1]) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before listening: ${output.slice(-400)}`)),
    );
  });
}

function residentMegabytes(pid: number | undefined): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return Number.isFinite(kilobytes) ? Math.round(kilobytes / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function load(port: number, route: string, seconds: number) {
  const url = `http://127.0.0.1:${port}${route}`;
  await autocannon({ url, connections: 10, duration: 1 });
  const result = await autocannon({ url, connections: 10, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return { rps: result.requests.average, p50: result.latency.p50 };
}

export async function measureThroughput(
  target: { engine: 'pglite' | 'postgres'; size: number; database: Config['database'] },
  seconds: number,
  log: (line: string) => void,
): Promise<ThroughputRow[]> {
  const { routes, bare } = await recordRoutes(target.database);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-throughput-'));
  try {
    const specFile = path.join(scratch, 'bare.json');
    const databaseEnv =
      target.database.kind === 'postgres'
        ? { DATABASE_URL: target.database.url }
        : { DATABASE_URL: '', SOZWATCH_DATA_DIR: target.database.dataDir };

    let bareDatabase = target.database;
    if (target.database.kind === 'pglite') {
      const copy = path.join(scratch, 'bare-data');
      fs.cpSync(target.database.dataDir, copy, {
        recursive: true,
        filter: (source) => path.basename(source) !== 'sozwatch.lock',
      });
      bareDatabase = { kind: 'pglite', dataDir: copy };
    }
    const spec: BareSpec = { database: bareDatabase, routes: bare };
    fs.writeFileSync(specFile, JSON.stringify(spec));
    const servers: Array<{ child: ChildProcess; port: number }> = [];
    try {
      const appServer = await startServer(
        [packagePath('bin', 'sozwatch.js'), 'serve'],
        {
          ...process.env,
          ...databaseEnv,
          NODE_ENV: 'production',
          SESSION_SECRET: randomBytes(24).toString('hex'),
          // Production requires the public address (absolute links in feeds and the sitemap).
          PUBLIC_URL: 'https://bench.sozwatch.invalid',
          HOST: '127.0.0.1',
          PORT: '0',
          LOG_LEVEL: 'info',
          API_RATE_LIMIT_MAX: '1000000000',
        },
        /serving http:\/\/127\.0\.0\.1:(\d+)\//,
      );
      servers.push(appServer);
      const bareServer = await startServer(
        ['--import', 'tsx', packagePath('scripts', 'bench', 'bare-server.ts'), specFile],
        process.env,
        /listening (\d+)/,
      );
      servers.push(bareServer);
      const app = new Map<string, { rps: number; p50: number }>();
      const bareFigures = new Map<string, { rps: number; p50: number }>();
      const best = (kept: { rps: number; p50: number } | undefined, run: { rps: number; p50: number }) =>
        kept && kept.rps >= run.rps ? kept : run;
      for (const route of routes) {
        for (let round = 0; round < 2; round += 1) {
          app.set(route.path, best(app.get(route.path), await load(appServer.port, route.path, seconds)));
          bareFigures.set(
            route.path,
            best(bareFigures.get(route.path), await load(bareServer.port, route.path, seconds)),
          );
        }
        log(
          `${target.engine} ${target.size}: ${route.name}: app ${Math.round(app.get(route.path)?.rps ?? 0)} req/s, bare ${Math.round(bareFigures.get(route.path)?.rps ?? 0)} req/s`,
        );
      }
      const appRssMb = residentMegabytes(appServer.child.pid);
      return routes.map((route) => {
        const appFigure = app.get(route.path);
        const bareFigure = bareFigures.get(route.path);
        const appRps = appFigure?.rps ?? 0;
        const bareRps = bareFigure?.rps ?? 0;
        return {
          engine: target.engine,
          size: target.size,
          route: route.name,
          path: route.path,
          appRps,
          bareRps,
          ratio: bareRps > 0 ? appRps / bareRps : Number.NaN,
          appP50: appFigure?.p50 ?? Number.NaN,
          bareP50: bareFigure?.p50 ?? Number.NaN,
          ...(appRssMb === undefined ? {} : { appRssMb }),
        };
      });
    } finally {
      await Promise.all(servers.map((server) => stop(server.child)));
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

export function printThroughput(rows: ThroughputRow[]): void {
  const header = ['engine', 'size', 'route', 'app req/s', 'bare req/s', 'ratio', 'goal', 'ok', 'app RSS MB'];
  const lines = rows.map((row) => [
    row.engine,
    String(row.size),
    row.route,
    String(Math.round(row.appRps)),
    String(Math.round(row.bareRps)),
    row.ratio.toFixed(2),
    `≥ ${throughputGoal}`,
    row.ratio >= throughputGoal ? 'yes' : 'NO',
    row.appRssMb === undefined ? '' : String(row.appRssMb),
  ]);
  const widths = header.map((title, index) =>
    Math.max(title.length, ...lines.map((line) => (line[index] ?? '').length)),
  );
  const render = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ');
  process.stdout.write(
    `\nthroughput from a separate process: the app (sozwatch serve) against a bare node:http + pg route running the same SQL\n${render(header)}\n`,
  );
  for (const line of lines) process.stdout.write(`${render(line)}\n`);
}
