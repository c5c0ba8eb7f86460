import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Lang, langs } from '../src/i18n/langs.ts';
import { createBulletinDraft, publishBulletin } from '../src/modules/bulletins/index.ts';
import { loadDemo } from '../src/modules/demo/index.ts';
import {
  askThroughForm,
  signIn,
  staffPost,
  startTestApp,
  type TestApp,
  validQuestion,
} from '../src/modules/questions/questions.testkit.ts';
import { seriousViolations } from './axe.ts';
import { userContext } from './context.ts';

/*
 * Every public page of a site filled with the demo data set, a published bulletin, appeal and
 * answer: on a 390 px phone nothing scrolls sideways, and axe finds nothing serious or critical.
 * The page list is discovered from the site itself (the first record of every list), so a new
 * public page type only needs its index here.
 */

let t: TestApp;
let browser: Browser;
let base = '';
const publicPaths: string[] = [];
const editorialPaths: string[] = [];
let adminCookie = '';

async function firstLink(lang: Lang, list: string, pattern: RegExp): Promise<string> {
  const html = (await t.app.inject({ url: `/${lang}${list}` })).body;
  const match = pattern.exec(html);
  if (!match?.[1]) throw new Error(`no record linked from ${list}`);
  return match[1];
}

beforeAll(async () => {
  t = await startTestApp();
  await loadDemo(t.database.db);
  const editorContext = await userContext(t.database.db, 'editor', { now: () => t.clock.now });
  const { id } = await createBulletinDraft(editorContext, { month: '2024-05' });
  await publishBulletin(editorContext, { bulletinId: id, version: 1 });

  const editor = await signIn(t, 'editor');
  const lawyer = await signIn(t, 'lawyer');
  const incident = await firstLink('en', '/incidents', /href="\/en\/incidents\/([^"?]+)"/);
  const created = await staffPost(t.app, editor, '/en/editorial/appeals', { incidents: incident });
  const appealUrl = String(created.headers.location);
  await staffPost(t.app, editor, appealUrl, {
    version: '1',
    title_en: 'Demo statement on closed hearings',
    body_en: 'Courts must stay open to the press.\n\n1. Open the hearings.\n2. Publish the decisions.',
    date: '2026-03-01',
    addressees: 'The Supreme Court (demo)',
    signatories: 'The foundation',
    incidents: incident,
  });
  await staffPost(t.app, editor, `${appealUrl}/publish`, { version: '2', confirm: 'yes' });

  const question = await askThroughForm(t, validQuestion);
  const act = async (action: string, fields: Record<string, string>) => {
    const { version } = await t.database.db
      .selectFrom('questions')
      .select('version')
      .where('id', '=', question.id)
      .executeTakeFirstOrThrow();
    await staffPost(t.app, lawyer, `/en/editorial/questions/${question.id}/${action}`, {
      version: String(version),
      ...fields,
    });
  };
  await act('answer', { answer: 'An akimat must answer a request within fifteen working days.' });
  await act('publish', {
    public_question: 'An akimat has not answered a request for 40 days. What can be done?',
    public_answer: 'An akimat must answer a request within fifteen working days.',
  });

  for (const lang of langs) {
    publicPaths.push(
      `/${lang}/`,
      `/${lang}/incidents`,
      `/${lang}/incidents?year=2024`,
      `/${lang}/incidents/${await firstLink(lang, '/incidents', /href="\/\w\w\/incidents\/([^"?]+)"/)}`,
      `/${lang}/cases`,
      `/${lang}/cases/${await firstLink(lang, '/cases', /href="\/\w\w\/cases\/([^"?]+)"/)}`,
      `/${lang}/actors/${await firstLink(lang, '/', /href="\/\w\w\/actors\/([^"?]+)"/)}`,
      `/${lang}/regions`,
      `/${lang}/regions/almaty_city`,
      `/${lang}/statistics`,
      `/${lang}/statistics?year=2024&region=almaty_city`,
      `/${lang}/statistics/records?month=2024-05&figure=groups.total`,
      `/${lang}/methodology`,
      `/${lang}/bulletins`,
      `/${lang}/bulletins/2024-05`,
      `/${lang}/appeals`,
      `/${lang}/appeals/${await firstLink(lang, '/appeals', /href="\/\w\w\/appeals\/(\d+)"/)}`,
      `/${lang}/answers`,
      `/${lang}/answers/${await firstLink(lang, '/answers', /href="\/\w\w\/answers\/(\d+)"/)}`,
      `/${lang}/ask`,
      `/${lang}/login`,
    );
  }

  const admin = await signIn(t, 'admin');
  adminCookie = admin.cookie;
  const appealId = appealUrl.split('/').at(-1);
  const editorialLink = async (section: string) => {
    const html = (await t.app.inject({ url: `/en/editorial/${section}`, headers: { cookie: adminCookie } }))
      .body;
    const id = [...html.matchAll(new RegExp(`href="/en/editorial/${section}/([^"/?]+)"`, 'g'))]
      .map((match) => match[1])
      .find((found) => found !== 'new');
    if (!id) throw new Error(`no record linked from /editorial/${section}`);
    return id;
  };
  const incidentId = await editorialLink('incidents');
  const caseId = await editorialLink('cases');
  const actorId = await editorialLink('actors');
  for (const lang of langs) {
    const e = `/${lang}/editorial`;
    editorialPaths.push(
      e,
      `${e}/my-work`,
      `${e}/review`,
      `${e}/incidents`,
      `${e}/incidents/new`,
      `${e}/incidents/${incidentId}`,
      `${e}/incidents/${incidentId}/edit`,
      `${e}/incidents/${incidentId}/links`,
      `${e}/incidents/${incidentId}/history`,
      `${e}/cases`,
      `${e}/cases/new`,
      `${e}/cases/${caseId}`,
      `${e}/cases/${caseId}/edit`,
      `${e}/cases/${caseId}/timeline`,
      `${e}/actors`,
      `${e}/actors/${actorId}`,
      `${e}/actors/${actorId}/merge`,
      `${e}/bulletins`,
      `${e}/bulletins/2024-05`,
      `${e}/appeals`,
      `${e}/appeals/new`,
      `${e}/appeals/${appealId}`,
      `${e}/questions`,
      `${e}/questions/${question.id}`,
      `${e}/questions/outbox`,
      `${e}/users`,
    );
  }

  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address();
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
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('every public page on a 390 px phone', () => {
  it.each(langs)('scrolls only downwards and is found by axe to be clean, in %s', async (lang) => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const paths = publicPaths.filter((path) => path.startsWith(`/${lang}/`));
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      const width = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(width.client, path).toBe(390);
      expect(width.scroll, `${path} is wider than the phone`).toBeLessThanOrEqual(width.client);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await context.close();
  });

  it('shows the results before the folded filters on a phone, and the filters open on a desktop', async () => {
    for (const { width, open } of [
      { width: 390, open: false },
      { width: 1280, open: true },
    ]) {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width, height: 844 },
      });
      const page = await context.newPage();
      await page.goto(`${base}/ru/incidents`);
      expect(await page.locator('#f-region-almaty_city').isVisible(), `${width}px`).toBe(open);
      const firstResult = await page.locator('.incident-item').first().boundingBox();
      expect(firstResult, `${width}px`).not.toBeNull();
      if (!open) {
        // The first result starts within the first two screens, not three screens down.
        expect(firstResult?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(2 * 844);
        await page.locator('.filters > summary').click();
        expect(await page.locator('#f-region-almaty_city').isVisible()).toBe(true);
      }
      await context.close();
    }
  });

  it('keeps the tile map names readable on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/kk/regions`);
    const heights = await page
      .locator('.tile-map .tile-name')
      .evaluateAll((names) => names.map((name) => name.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(10);
    // A rendered line of at least 10 px; the map itself scrolls in its own box, not the page.
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(10);
    await context.close();
  });
});

describe('every editorial page', () => {
  it.each(langs)('is found by axe to be clean, in %s', async (lang) => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const [name, value] = adminCookie.split('=');
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: base }]);
    const page = await context.newPage();
    const paths = editorialPaths.filter((path) => path.startsWith(`/${lang}/`));
    for (const path of paths) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await context.close();
  });
});

describe('publishing a bulletin', () => {
  it('shows which languages are written, warns about gaps, asks before publishing and says Published', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const [name, value] = adminCookie.split('=');
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}/en/editorial/bulletins`);
    await page.getByLabel('Month').fill('2024-04');
    await page.locator('form[action="/en/editorial/bulletins"] button[type=submit]').click();
    await page.waitForURL(/\/en\/editorial\/bulletins\/2024-04/);
    // An introduction written in English only: Kazakh and Russian readers would get English there.
    await page.getByLabel('Introduction (English)').fill('Our own demo introduction for April.');
    await page.getByRole('button', { name: 'Save the texts' }).click();
    await page.waitForURL(/saved=1/);
    const status = await page.locator('.translation-status li').allTextContents();
    expect(status).toEqual([
      expect.stringMatching(/^Қазақша: \d+ texts not written/),
      expect.stringMatching(/^Русский: \d+ texts not written/),
      'English: every text written',
    ]);

    await page.getByRole('button', { name: 'Publish the bulletin' }).click();
    expect(await page.locator('h1').textContent()).toBe('Publish this bulletin?');
    expect(await page.locator('.translation-gaps').textContent()).toContain('Some texts are not translated');
    expect(
      (
        await t.database.db
          .selectFrom('bulletins')
          .select('status')
          .where('month', '=', '2024-04-01')
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('draft');
    await page.getByRole('button', { name: 'Yes, publish' }).click();
    await page.waitForURL(/saved=published/);
    expect(await page.getByRole('status').first().textContent()).toBe(
      'Published: the bulletin is now in the public archive.',
    );
    await context.close();
  });
});
