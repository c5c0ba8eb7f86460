import fs from 'node:fs';
import http from 'node:http';
import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { embeddedDatabaseFolder, lockDataFolder, openPglite } from '../../src/db/client.ts';

/*
 * The bare route of the throughput benchmark: node:http and a pg Pool, nothing else. For each path it
 * runs the SQL statements the app ran for that path (recorded by throughput.ts), one after the other,
 * then answers the app's own response body, so both put the same bytes on the wire. Whatever the app
 * does beyond this (routing, validation, sessions, rendering, logging) is what the ratio prices.
 *
 * Run as `node --import tsx scripts/bench/bare-server.ts SPEC.json`; prints "listening PORT".
 */

export type BareRoute = {
  path: string;
  queries: Array<{ sql: string; parameters: unknown[] }>;
  /** The app's answer to the same request. */
  body: string;
  contentType: string;
};

export type BareSpec = {
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  routes: BareRoute[];
};

const spec = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as BareSpec;

let pglite: PGlite | undefined;
let pool: pg.Pool;
if (spec.database.kind === 'postgres') {
  pool = new pg.Pool({ connectionString: spec.database.url, max: 10 });
} else {
  lockDataFolder(spec.database.dataDir);
  pglite = await openPglite(embeddedDatabaseFolder(spec.database.dataDir));
  pool = new pg.Pool(createPgConfig(pglite));
}

const routes = new Map(spec.routes.map((route) => [route.path, route]));

const server = http.createServer(async (request, response) => {
  const route = routes.get(request.url ?? '');
  if (!route) {
    response.writeHead(404).end();
    return;
  }
  try {
    for (const query of route.queries) await pool.query(query.sql, query.parameters);
    response.writeHead(200, { 'content-type': route.contentType }).end(route.body);
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});

process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(async () => {
    await pglite?.close();
    process.exit(0);
  });
});
