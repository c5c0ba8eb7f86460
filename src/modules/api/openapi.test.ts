import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { loadConfig } from '../../config.ts';
import { packagePath } from '../../lib/package-root.ts';
import { buildServer } from '../../server.tsx';

/**
 * The OpenAPI document is committed as docs/openapi.json, so a change of the API shows in review;
 * this test fails when the app generates anything else (`UPDATE_OPENAPI=1` rewrites the file), and
 * runs Redocly's linter on it (offline: no telemetry, no update check), which must find no error.
 */
const committedPath = packagePath('docs', 'openapi.json');

let database: TestDatabase;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer(
    {
      config: loadConfig({ PUBLIC_URL: 'https://sozwatch.example' }),
      db: database.db,
      engine: database.engine,
      now: () => new Date('2024-07-15T10:00:00Z'),
    },
    { logger: false },
  );
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('docs/openapi.json', () => {
  it('is what the app generates', async () => {
    const response = await app.inject({ url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const generated = `${JSON.stringify(response.json(), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') fs.writeFileSync(committedPath, generated);
    expect(generated, 'run UPDATE_OPENAPI=1 npx vitest run src/modules/api/openapi.test.ts').toBe(
      fs.readFileSync(committedPath, 'utf8'),
    );
  });

  it('passes redocly lint with no error', async () => {
    const cli = packagePath('node_modules', '@redocly', 'cli', 'bin', 'cli.js');
    const run = promisify(execFile);
    const result = await run(process.execPath, [cli, 'lint', '--format=json', committedPath], {
      env: {
        ...process.env,
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        NO_COLOR: '1',
      },
      cwd: path.dirname(committedPath),
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }));
    const report = JSON.parse(result.stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{
        ruleId: string;
        severity: string;
        message: string;
        location: Array<{ pointer: string }>;
      }>;
    };
    const errors = report.problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.ruleId} ${problem.location[0]?.pointer ?? ''}: ${problem.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
  }, 60_000);
});
