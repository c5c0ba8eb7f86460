import { sql } from 'kysely';
import { chromium } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { openDatabase, openPglite } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createSession } from '../src/modules/auth/index.ts';
import { createBulletinDraft, publishBulletin } from '../src/modules/bulletins/index.ts';
import { buildServer } from '../src/server.tsx';
import { insertIncident, insertUser } from '../test/factories.ts';
import { insertMay2024 } from '../test/fixtures/may-2024.ts';
import { insertSeptember2020 } from '../test/fixtures/september-2020.ts';

const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' }, { schema: 'shots', pglite: await openPglite('memory://') });
await sql`create schema shots`.execute(handle.db);
await migrateToLatest(handle.db, 'shots');
await insertMay2024(handle.db);
await insertSeptember2020(handle.db);
const editor = await insertUser(handle.db, { role: 'editor', displayName: 'Demo Editor' });
const ctx = { db: handle.db, user: { ...editor, role: 'editor' as const }, via: 'web' as const, now: () => new Date() };
const may = await createBulletinDraft(ctx, { month: '2024-05' });
await publishBulletin(ctx, { bulletinId: may.id, version: 1 });
await createBulletinDraft(ctx, { month: '2020-09' });
await insertIncident(handle.db, { id: 'late', date: '2024-05-30', categories: ['attack'] });
await handle.db.insertInto('audit_log').values({ action: 'incident.create', entity_type: 'incident', entity_id: 'late', via: 'cli' }).execute();
const session = await createSession(handle.db, editor.id, new Date(), { secondFactorDone: true });
const app = await buildServer({ config: loadConfig({}), db: handle.db, engine: 'pglite', now: () => new Date() }, { logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const shots: Array<[string, string, { width: number; height: number }, boolean]> = [
  ['bulletin-en', '/en/bulletins/2024-05', { width: 1100, height: 1400 }, false],
  ['bulletin-kk-phone', '/kk/bulletins/2024-05', { width: 390, height: 1600 }, false],
  ['records-ru', '/ru/statistics/records?month=2024-05&scope=month&figure=categories.info_refusal', { width: 1100, height: 1000 }, false],
  ['builder-ru', '/ru/editorial/bulletins/2020-09', { width: 1100, height: 2200 }, true],
  ['builder-published-en', '/en/editorial/bulletins/2024-05', { width: 1100, height: 1400 }, true],
  ['archive-en', '/en/bulletins', { width: 900, height: 500 }, false],
];
for (const [name, url, viewport, signedIn] of shots) {
  const context = await browser.newContext({ viewport });
  if (signedIn) await context.addCookies([{ name: 'sozwatch_session', value: session.token, url: base }]);
  const page = await context.newPage();
  const response = await page.goto(base + url);
  console.log(name, response?.status());
  await page.screenshot({ path: `/tmp/out/${name}.png`, fullPage: false });
  await context.close();
}
await browser.close();
await app.close();
await handle.close();
