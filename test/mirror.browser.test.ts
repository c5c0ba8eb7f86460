import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { mirrorSite } from '../src/modules/mirror/index.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { insertPublicRecords } from './public-records.ts';

let database: TestDatabase;
let browser: Browser;
let outDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertPublicRecords(database.db);
  outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sozwatch-mirror-browser-'));
  await mirrorSite(
    {
      config: loadConfig({}),
      db: database.db,
      engine: database.engine,
      now: () => new Date('2024-07-15T10:00:00Z'),
    },
    { outDir, maxFiles: 20_000 },
  );
  // The database is not needed any more: the copy is read from the folder alone.
  await database.close();
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
  await fs.rm(outDir, { recursive: true, force: true });
});

describe('the mirror in a browser, from a folder with no server', () => {
  it('opens from file:// and follows links across pages and languages', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));

    await page.goto(pathToFileURL(path.join(outDir, 'index.html')).href);
    await page.getByRole('link', { name: 'Русский' }).click();
    expect(page.url()).toMatch(/\/ru\/index\.html$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');

    await page.locator('nav.main-nav a[href$="incidents/index.html"]').click();
    expect(page.url()).toMatch(/\/ru\/incidents\/index\.html$/);
    await page.locator('main a[href*="inc-main/index.html"]').first().click();
    expect(page.url()).toMatch(/\/ru\/incidents\/inc-main\/index\.html$/);
    await expect(page.locator('h1').innerText()).resolves.toContain('Журналистку задержали');

    await page.getByRole('link', { name: 'English' }).click();
    expect(page.url()).toMatch(/\/en\/incidents\/inc-main\/index\.html$/);
    await expect(page.locator('h1').innerText()).resolves.toContain('Journalist detained outside the court');

    await page.locator('main a[href*="cases/case-honor/index.html"]').first().click();
    expect(page.url()).toMatch(/\/en\/cases\/case-honor\/index\.html$/);
    await page.getByRole('link', { name: 'Қазақша' }).click();
    expect(page.url()).toMatch(/\/kk\/cases\/case-honor\/index\.html$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');

    // The stylesheet came from the folder too, and no request left it.
    expect(requested.some((url) => url.endsWith('/static/style.css'))).toBe(true);
    expect(requested.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});
