import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/index.ts';
import { buildServer } from '../src/server.tsx';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { insertIncident, insertUser } from './factories.ts';
import { readZipEntry } from './zip.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sozwatch-appeal-breaks-'));

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let database: TestDatabase;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
// The app's clock runs ahead of the real one when the test says so: the form's time check stays on.
let clockOffset = 0;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 });

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer(
    {
      config: loadConfig({}),
      db: database.db,
      engine: database.engine,
      now: () => new Date(Date.now() + clockOffset),
    },
    { logger: false },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
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

async function staffContext(role: 'lawyer' | 'editor', name: string): Promise<BrowserContext> {
  const user = await insertUser(database.db, { role, displayName: name });
  const { token } = await createSession(database.db, user.id, new Date(Date.now() + clockOffset), {
    secondFactorDone: true,
  });
  const context = await browser.newContext();
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

describe('in a browser', () => {
  it('a question goes from the form to a published answer that shows no personal data', async () => {
    const visitor = await browser.newContext();
    const page = await visitor.newPage();
    await page.goto(`${baseUrl}/en/ask`);
    await page.getByLabel('Your name (optional)').fill('Bakhyt Browsertest');
    await page.getByLabel('Email or phone (optional)').fill('bakhyt.browser@example.test');
    clockOffset += 15_000;
    await page.getByRole('button', { name: 'Send the question' }).click();
    // Without JavaScript-side validation the server answers: errors, a summary, and the text kept.
    await poll(() => page.locator('#error-summary').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Write your question.' }).getAttribute('href')).toBe(
      '#ask-body',
    );
    expect(await page.getByLabel('Your name (optional)').inputValue()).toBe('Bakhyt Browsertest');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page
      .getByLabel('Your question', { exact: true })
      .fill(
        'I am Bakhyt Browsertest. An official refused to give me the text of a public tender. Can I appeal?',
      );
    await page.getByLabel('Topic').selectOption('access_to_information');
    await page.getByLabel('Region').selectOption('pavlodar');
    await page.getByLabel(/I agree that the answer may be published/).check();
    clockOffset += 15_000;
    await page.getByRole('button', { name: 'Send the question' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('Your question has been received');
    const reference = (await page.locator('.reference').textContent()) ?? '';
    const code = (await page.locator('.access-code').textContent()) ?? '';
    expect(reference).toMatch(/^Q-\d{4}-\d{6}$/);

    const lawyerContext = await staffContext('lawyer', 'Lawyer Browser');
    const inbox = await lawyerContext.newPage();
    await inbox.goto(`${baseUrl}/en/editorial/questions`);
    await inbox.getByRole('link', { name: reference }).click();
    await poll(() => inbox.locator('h1').textContent()).toBe(`Question ${reference}`);
    expect(await inbox.locator('.private').textContent()).toContain('bakhyt.browser@example.test');
    await inbox
      .getByLabel('Answer to the sender')
      .fill('Yes. A refusal to give public information can be appealed to a higher body or to a court.');
    await inbox.getByRole('button', { name: 'Send the answer' }).click();
    await poll(() => inbox.locator('.question-status').textContent()).toBe('Answered');
    await inbox
      .getByLabel('The question as published')
      .fill('An official refused to give a journalist the text of a public tender. Can this be appealed?');
    await inbox.getByLabel('CONST-20', { exact: false }).check();
    await inbox.getByRole('button', { name: 'Publish', exact: true }).click();
    await poll(() => inbox.locator('.question-status').textContent()).toBe('Answered and published');
    await inbox.getByRole('link', { name: 'The answer is published in the knowledge base' }).click();

    const publicPage = await visitor.newPage();
    await publicPage.goto(inbox.url());
    const text = (await publicPage.locator('main').textContent()) ?? '';
    expect(text).toContain('An official refused to give a journalist the text of a public tender.');
    expect(text).toContain('A refusal to give public information can be appealed');
    expect(text).toContain('CONST-20');
    expect(text).not.toMatch(/Bakhyt|Browsertest|bakhyt\.browser/);
    expect(await seriousAccessibilityViolations(publicPage)).toEqual([]);

    await publicPage.goto(`${baseUrl}/en/ask/status`);
    await publicPage.getByLabel('Reference number').fill(reference);
    await publicPage.getByLabel('Access code').fill(code);
    await publicPage.getByRole('button', { name: 'Show the status' }).click();
    await poll(() => publicPage.locator('.question-status').textContent()).toBe('Answered and published');
    expect(await publicPage.locator('main').textContent()).not.toMatch(/bakhyt\.browser/);
    await visitor.close();
    await lawyerContext.close();
  });

  it('an appeal goes from chosen incidents to a draft, an edit, a public page and its PDF', async () => {
    await insertIncident(database.db, {
      date: '2024-05-10',
      region: 'almaty_city',
      title: { en: 'Camera operator pushed away from a courthouse' },
      summary: { en: 'Guards pushed a camera operator away from the entrance of a district court.' },
    });
    await insertIncident(database.db, {
      date: '2024-05-14',
      region: 'shymkent',
      title: { en: 'Blogger summoned to the police' },
      summary: { en: 'A blogger was summoned for questioning about a post on local roads.' },
    });
    const editorContext = await staffContext('editor', 'Editor Browser');
    const page = await editorContext.newPage();
    await page.goto(`${baseUrl}/en/editorial/appeals/new`);
    await page.getByLabel('Camera operator pushed away from a courthouse').check();
    await page.getByLabel('Blogger summoned to the police').check();
    await page.getByRole('button', { name: 'Draft the appeal' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('Edit the appeal');
    const draft = await page.getByLabel('Text (English)').inputValue();
    expect(draft).toContain(
      '1. 14 May 2024, Shymkent. A blogger was summoned for questioning about a post on local roads.',
    );
    expect(draft).toContain('2. 10 May 2024, Almaty. Guards pushed a camera operator away');

    await page.getByLabel('Title (English)').fill('Statement on pressure on reporters in May');
    await page
      .getByLabel('Addressees: officials and bodies, one per line')
      .fill('The Minister of Internal Affairs\nThe Prosecutor General');
    await page.getByLabel('Signatory organizations, one per line').fill('Foundation for Freedom of Speech');
    await page
      .getByLabel('Text (English)')
      .fill(`${draft.replace('We are writing to you', 'We, the undersigned, are writing to you')}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await poll(() => page.locator('[role=status]').textContent()).toBe('Saved.');
    await page.getByRole('button', { name: 'Publish' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('Publish this appeal?');
    await page.getByRole('button', { name: 'Yes, publish' }).click();
    await poll(() => page.locator('.appeal-status').textContent()).toBe('Published');
    expect(await page.locator('[role=status]').textContent()).toBe(
      'Published: the appeal is now on the public site.',
    );
    await page.getByRole('link', { name: 'View the public page' }).click();

    const visitor = await browser.newContext();
    const publicPage = await visitor.newPage();
    await publicPage.goto(page.url());
    expect(await publicPage.locator('h1').textContent()).toBe('Statement on pressure on reporters in May');
    const main = (await publicPage.locator('main').textContent()) ?? '';
    expect(main).toContain('We, the undersigned, are writing to you');
    expect(main).toContain('The Prosecutor General');
    expect(main).toContain('Blogger summoned to the police');
    expect(await seriousAccessibilityViolations(publicPage)).toEqual([]);
    const pdfHref = (await publicPage.getByRole('link', { name: 'Download PDF' }).getAttribute('href')) ?? '';
    const pdf = await visitor.request.get(`${baseUrl}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await publicPage.goto(`${baseUrl}/en/appeals`);
    expect(
      await publicPage.getByRole('link', { name: 'Statement on pressure on reporters in May' }).count(),
    ).toBe(1);
    await visitor.close();
    await editorContext.close();
  });

  it("an appeal keeps its author's line breaks and numbered list on the page, in the PDF and the DOCX", async () => {
    await insertIncident(database.db, {
      date: '2024-06-03',
      title: { en: 'Demo reporter kept out of a council meeting' },
    });
    const texts: Record<'kk' | 'ru' | 'en', { lines: string[]; items: string[] }> = {
      kk: {
        lines: ['Құрметті мырзалар!', 'Біз сізге жазып отырмыз.'],
        items: ['Бірінші талап', 'Екінші талап', 'Үшінші талап'],
      },
      ru: {
        lines: ['Уважаемые господа!', 'Мы обращаемся к вам.'],
        items: ['Первое требование', 'Второе требование', 'Третье требование'],
      },
      en: {
        lines: ['Dear Sirs,', 'We are writing to you.'],
        items: ['First demand', 'Second demand', 'Third demand'],
      },
    };
    const editorContext = await staffContext('editor', 'Editor Breaks');
    const page = await editorContext.newPage();
    await page.goto(`${baseUrl}/en/editorial/appeals/new`);
    await page.getByLabel('Demo reporter kept out of a council meeting').check();
    await page.getByRole('button', { name: 'Draft the appeal' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('Edit the appeal');
    const names = { kk: 'Kazakh', ru: 'Russian', en: 'English' } as const;
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const { lines, items } = texts[lang];
      await page.getByLabel(`Title (${names[lang]})`).fill(`Line breaks ${lang}`);
      // Typed as a person types: single line breaks, a numbered list, a closing paragraph.
      await page
        .getByLabel(`Text (${names[lang]})`)
        .fill(
          `${lines.join('\n')}\n\n${items.map((item, index) => `${index + 1}. ${item}`).join('\n')}\n\nEnd ${lang}.`,
        );
    }
    await page.getByLabel('Addressees: officials and bodies, one per line').fill('Demo city council');
    await page.getByLabel('Signatory organizations, one per line').fill('Demo foundation');
    await page.getByRole('button', { name: 'Save' }).click();
    await poll(() => page.locator('[role=status]').textContent()).toBe('Saved.');
    await page.getByRole('button', { name: 'Publish' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('Publish this appeal?');
    await page.getByRole('button', { name: 'Yes, publish' }).click();
    await poll(() => page.locator('.appeal-status').textContent()).toBe('Published');
    expect(await page.locator('[role=status]').textContent()).toBe(
      'Published: the appeal is now on the public site.',
    );
    const id = page.url().split('?')[0]?.split('/').at(-1) ?? '';

    const visitor = await browser.newContext();
    const publicPage = await visitor.newPage();
    for (const lang of ['kk', 'ru', 'en'] as const) {
      const { lines, items } = texts[lang];
      await publicPage.goto(`${baseUrl}/${lang}/appeals/${id}`);
      const prose = publicPage.locator('.prose');
      expect(await prose.locator('ol > li').allTextContents()).toEqual(items);
      expect(await prose.locator('p').first().innerText()).toBe(lines.join('\n'));
      expect(await prose.locator('p').last().textContent()).toBe(`End ${lang}.`);

      const pdf = await visitor.request.get(`${baseUrl}/${lang}/appeals/${id}.pdf`);
      expect(pdf.status()).toBe(200);
      const pdfPath = path.join(scratch, `appeal-${lang}.pdf`);
      fs.writeFileSync(pdfPath, await pdf.body());
      const pdfLines = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim());
      expect(pdfLines.join('\n')).not.toMatch(/[\r\u25a1\ufffd]/);
      for (const line of lines) expect(pdfLines).toContain(line);
      for (const [index, item] of items.entries()) expect(pdfLines).toContain(`${index + 1}. ${item}`);

      const docx = await visitor.request.get(`${baseUrl}/${lang}/appeals/${id}.docx`);
      const documentXml = readZipEntry(await docx.body(), 'word/document.xml');
      // The two opening lines: one paragraph, a break between them; each item its own paragraph.
      expect(documentXml).toMatch(
        new RegExp(`${lines[0]}</w:t></w:r><w:r>(?:<w:rPr>.*?</w:rPr>)?<w:br/><w:t[^>]*>${lines[1]}`),
      );
      for (const [index, item] of items.entries())
        expect(documentXml).toMatch(new RegExp(`<w:p>(?:(?!</w:p>).)*${index + 1}\\. ${item}</w:t>`));
    }
    await visitor.close();
    await editorContext.close();
  });
});
