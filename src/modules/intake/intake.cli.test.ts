import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedServer, startFeedServer } from './intake.testkit.ts';

const bin = path.resolve('bin/sozwatch.js');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-intake-cli-'));
let server: FeedServer;

/**
 * `sozwatch intake …` in a child process, run asynchronously so that the feed server of this test
 * process can answer it. Always on its own embedded database (a data folder of this test).
 */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _shared, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: {
        ...inherited,
        SOZWATCH_DATA_DIR: path.join(scratch, 'data'),
        INTAKE_ALLOW_PRIVATE_ADDRESSES: '1',
      },
      timeout: 240_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('sozwatch intake', () => {
  it('adds sources, fetches the due ones in one pass, and lists them with their health', async () => {
    const added = await run([
      'intake',
      'add',
      `${server.base}/kk/rss.xml`,
      '--name',
      'Kazakh test feed',
      '--lang',
      'kk',
    ]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(
      /^added source 1: Kazakh test feed \(kk\) http:\/\/127\.0\.0\.1:\d+\/kk\/rss\.xml\n$/,
    );
    await run(['intake', 'add', `${server.base}/broken.xml`, '--lang', 'en']);
    const wrong = await run(['intake', 'add', 'ftp://example.test/feed', '--lang', 'xx']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^sozwatch: .*(url|lang)/);
    expect(wrong.stderr.split('\n')).toHaveLength(2);

    const fetched = await run(['intake', 'fetch']);
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toContain('fetched 2 due source(s): 2 new candidate(s), 1 failed');
    expect(fetched.stdout).toMatch(/1 Kazakh test feed: 2 new candidate\(s\)/);
    expect(fetched.stdout).toMatch(/2 127\.0\.0\.1:\d+: error: broken XML at line 5/);

    const listed = await run(['intake', 'list', '--json']);
    const sources = JSON.parse(listed.stdout) as Array<{
      name: string;
      items_found: number;
      last_error: string | null;
      consecutive_errors: number;
    }>;
    expect(sources.find((source) => source.name === 'Kazakh test feed')).toMatchObject({
      items_found: 2,
      consecutive_errors: 0,
    });
    expect(sources.find((source) => source.consecutive_errors === 1)?.last_error).toMatch(/^broken XML/);

    // Nothing is due right after a pass: the next one fetches nothing.
    const again = await run(['intake', 'fetch']);
    expect(again.stdout).toContain('fetched 0 due source(s)');
  }, 300_000);
});
