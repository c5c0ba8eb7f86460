import fs from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { type Lang, langs } from '../src/i18n/langs.ts';
import { buildServer } from '../src/server.tsx';
import { seriousViolations } from './axe.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { insertPublicRecords } from './public-records.ts';

let database: TestDatabase;
let app: FastifyInstance;
let browser: Browser;
let base = '';
let restrictedPath = '';

beforeAll(async () => {
  database = await createTestDatabase();
  restrictedPath = `/incidents/${(await insertPublicRecords(database.db)).restrictedPublicId}`;
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

const mainPages = [
  '/',
  '/incidents',
  '/incidents?q=journalist&year=2024',
  '/incidents/inc-main',
  '/cases',
  '/cases/case-honor',
  '/actors/actor-kaidarova',
  '/regions',
  '/statistics',
  '/methodology',
];

const labels: Record<
  Lang,
  { search: string; searchButton: string; apply: string; word: string; title: string }
> = {
  en: {
    search: 'Search',
    searchButton: 'Search',
    apply: 'Apply filters',
    word: 'detained',
    title: 'Journalist detained outside the court',
  },
  ru: {
    search: 'Поиск',
    searchButton: 'Найти',
    apply: 'Применить фильтры',
    word: 'задержали',
    title: 'Журналистку задержали у здания суда',
  },
  kk: {
    search: 'Іздеу',
    searchButton: 'Іздеу',
    apply: 'Сүзгілерді қолдану',
    word: 'тілшіні',
    title: 'Тілшіні сот ғимаратының жанында ұстады',
  },
};

describe('accessibility of the main pages', () => {
  it.each(langs)(
    'has no serious or critical axe violation in %s, on a desktop and on a phone',
    async (lang) => {
      const runs = [
        { viewport: { width: 1280, height: 900 }, paths: [...mainPages, restrictedPath] },
        { viewport: { width: 375, height: 740 }, paths: ['/', '/incidents', '/statistics'] },
      ];
      for (const { viewport, paths } of runs) {
        // bypassCSP only lets the test inject axe-core; the pages run no inline script of their own.
        const context = await browser.newContext({ bypassCSP: true, viewport });
        const page = await context.newPage();
        for (const path of paths) {
          const response = await page.goto(`${base}/${lang}${path}`);
          expect(response?.status(), path).toBe(200);
          expect(await seriousViolations(page), `${lang}${path} at ${viewport.width}px`).toEqual([]);
        }
        await context.close();
      }
    },
  );
});

describe('search, filter, open, download', () => {
  it.each(langs)('works without JavaScript in %s', async (lang) => {
    const words = labels[lang];
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${base}/${lang}/incidents`);

    await page.getByLabel(words.search, { exact: true }).fill(words.word);
    await page.getByRole('button', { name: words.searchButton, exact: true }).click();
    await page.waitForURL(/q=/);
    expect(await page.locator('.incident-item').count()).toBe(1);

    await page.locator('#f-region-almaty_city').check();
    await page.getByRole('button', { name: words.apply }).click();
    await page.waitForURL(/region=almaty_city/);
    const url = new URL(page.url());
    expect(url.searchParams.get('q')).toBe(words.word);
    expect(url.searchParams.getAll('region')).toEqual(['almaty_city']);

    await page.getByRole('link', { name: words.title }).click();
    await page.waitForURL(/\/incidents\/inc-main$/);
    expect(await page.locator('h1').textContent()).toBe(words.title);

    await page.goBack();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a.download-csv').click(),
    ]);
    const file = await download.path();
    const rows: Array<Record<string, string>> = parse(await fs.readFile(file, 'utf8'), {
      columns: true,
      bom: true,
    });
    expect(rows.map((row) => row.id)).toEqual(['inc-main']);
    expect(rows[0]?.title).toBe(words.title);
    await context.close();
  });
});
