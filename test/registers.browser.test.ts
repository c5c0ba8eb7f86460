import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { langs } from '../src/i18n/langs.ts';
import { plantRegisterRecords } from '../src/modules/registers/registers.testkit.ts';
import { buildServer } from '../src/server.tsx';
import { createTestDatabase, type TestDatabase } from './database.ts';

const require = createRequire(import.meta.url);

let database: TestDatabase;
let app: FastifyInstance;
let browser: Browser;
let base = '';
let planted: Awaited<ReturnType<typeof plantRegisterRecords>>;

beforeAll(async () => {
  database = await createTestDatabase();
  planted = await plantRegisterRecords(database.db);
  app = await buildServer(
    {
      config: loadConfig({}),
      db: database.db,
      engine: database.engine,
      now: () => new Date('2024-07-15T10:00:00Z'),
    },
    { logger: false },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
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

async function seriousViolations(page: Page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate<AxeResults>(
    'axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"] })',
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`);
}

describe('the register pages', () => {
  it.each(langs)('have no serious axe violation and no sideways scroll on a phone, in %s', async (lang) => {
    const paths = [
      '/registers',
      '/registers/blocking',
      `/registers/blocking/${planted.blocked}`,
      '/registers/refusals',
      '/registers/refusals/records?answer=refusals',
      `/registers/refusals/${planted.anonymous}`,
    ];
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 800 },
    ]) {
      // bypassCSP only lets the test inject axe-core.
      const context = await browser.newContext({ bypassCSP: true, viewport });
      const page = await context.newPage();
      for (const path of paths) {
        const response = await page.goto(`${base}/${lang}${path}`);
        expect(response?.status(), path).toBe(200);
        expect(await seriousViolations(page), `${lang}${path} at ${viewport.width}px`).toEqual([]);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(sideways, `${lang}${path} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(0);
      }
      await context.close();
    }
  });

  it('follows a number of the ranking to the requests behind it, without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/en/`);
    await page.locator('nav.main-nav a[href="/en/registers"]').click();
    await page.getByRole('link', { name: 'Register of refusals of information' }).click();
    await page.locator('a[href*="answer=late_answers"]').first().click();
    expect(page.url()).toContain('/en/registers/refusals/records?');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.locator('tbody a').first().click();
    await expect(page.locator('h1').innerText()).resolves.toContain('Demo city akimat');
    await context.close();
  });
});
