import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { systemContext } from '../src/lib/context.ts';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/index.ts';
import { addSource, pasteCandidate } from '../src/modules/intake/index.ts';
import { buildServer } from '../src/server.tsx';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { insertUser } from './factories.ts';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let database: TestDatabase;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

// Test data written for this test: invented people and places, no real events.
const messages = [
  'Test data: in Taraz, journalist Arman Inventedov was detained by police while filming a protest.',
  'Тестовые данные: в Костанае сайт вымышленной газеты заблокирован по решению суда.',
  'Сынақ деректері: Атырауда блогер Динара Ойдан сотқа шақырылды.',
];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer(
    { config: loadConfig({}), db: database.db, engine: database.engine, now: () => new Date() },
    { logger: false },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const ctx = systemContext(database.db, 'cli');
  for (const text of messages) await pasteCandidate(ctx, { text });
  await addSource(ctx, { url: 'https://feeds.example.test/rss', name: 'Invented feed (test)', lang: 'ru' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function staffContext(role: 'monitor' | 'editor', name: string): Promise<BrowserContext> {
  const user = await insertUser(database.db, { role, displayName: name });
  const { token } = await createSession(database.db, user.id, new Date(), { secondFactorDone: true });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: baseUrl }]);
  return context;
}

async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (context: string) => Promise<{ violations: Array<{ id: string; impact: string | null }> }>;
        };
      }
    ).axe;
    const result = await axe.run('#main');
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id);
  });
}

/** The elements wider than the viewport (none at 390 px means no horizontal scroll). */
const tooWide = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return Array.from(document.querySelectorAll('body *') as ArrayLike<Element>)
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  });

describe('the intake pages in a browser, at phone width', () => {
  it('a monitor makes a draft from one candidate and dismisses another with a reason, by keyboard', async () => {
    const context = await staffContext('monitor', 'Monitor Browser');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/editorial/intake`);
    await poll(() => page.locator('h1').textContent()).toBe('Intake: candidates');
    expect(await page.locator('.intake-card').count()).toBe(3);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await tooWide(page)).toEqual([]);

    const detention = page.locator('article', { hasText: 'Arman Inventedov' });
    await detention.getByRole('button', { name: 'Make a draft incident' }).click();
    await poll(() => page.locator('.notice').textContent()).toMatch(/Made into the draft/);
    const incidentLink = page.locator('.notice a');
    const incidentId = (await incidentLink.textContent()) ?? '';
    const incident = await database.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', incidentId)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({ status: 'draft', region_code: 'zhambyl' });
    expect(await page.locator('.intake-card').count()).toBe(2);

    // Keyboard only: focus the reason, choose with the arrow keys, Tab to the note, type, Enter sends.
    const blocking = page.locator('article', { hasText: 'Костанае' });
    await blocking.getByLabel('Reason').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('outside our scope (test)');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.notice').textContent()).toMatch(/^Dismissed: Outside Kazakhstan\.$/);
    const dismissed = await database.db
      .selectFrom('intake_candidates')
      .select(['status', 'dismiss_reason', 'dismiss_note'])
      .where('title', 'like', '%Костанае%')
      .executeTakeFirstOrThrow();
    expect(dismissed).toEqual({
      status: 'dismissed',
      dismiss_reason: 'outside_kazakhstan',
      dismiss_note: 'outside our scope (test)',
    });
    expect(await page.locator('.intake-card').count()).toBe(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('the candidate, sources and paste pages pass axe in every language and fit a phone', async () => {
    const context = await staffContext('editor', 'Editor Browser');
    const page = await context.newPage();
    const candidate = await database.db
      .selectFrom('intake_candidates')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    for (const lang of ['kk', 'ru', 'en']) {
      for (const path of [
        '/editorial/intake',
        '/editorial/intake/sources',
        '/editorial/intake/paste',
        `/editorial/intake/candidates/${candidate.id}`,
      ]) {
        await page.goto(`${baseUrl}/${lang}${path}`);
        expect(await page.locator('h1').count(), `${lang}${path}`).toBe(1);
        expect(await seriousAccessibilityViolations(page), `${lang}${path}`).toEqual([]);
        expect(await tooWide(page), `${lang}${path}`).toEqual([]);
      }
    }
    // A paste that fails (here: an address of the server's own machine) shows its error beside the field.
    await page.goto(`${baseUrl}/en/editorial/intake/paste`);
    await page
      .getByLabel('A link, or the text of a message')
      .fill('https://127.0.0.1:1/nothing-listens-here');
    await page.getByRole('button', { name: 'Read' }).click();
    await poll(() => page.locator('.error-summary').isVisible()).toBe(true);
    expect(await page.locator('#text-error').textContent()).toMatch(
      /^the link could not be read: refused: 127\.0\.0\.1 is a private or local address/,
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
