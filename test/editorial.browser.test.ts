import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { systemContext } from '../src/lib/context.ts';
import { createActor } from '../src/modules/actors/index.ts';
import { createUser } from '../src/modules/auth/index.ts';
import { buildServer } from '../src/server.tsx';
import { createTestDatabase, type TestDatabase } from './database.ts';

const require = createRequire(import.meta.url);

let database: TestDatabase;
let app: FastifyInstance;
let browser: Browser;
let base = '';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer(
    { config: loadConfig({}), db: database.db, engine: database.engine, now: () => new Date() },
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

/** Serious and critical axe-core findings (WCAG 2 A/AA and best practice) of the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate<AxeResults>(
    'axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "best-practice"] })',
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${page.url()} ${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
    );
}

async function signIn(context: BrowserContext, email: string, password: string, next: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/en/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

const newContext = () => browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });

describe('the editorial app in Chromium', () => {
  it('a monitor records and submits an incident, an editor signed in with TOTP publishes it, and it is in the list', async () => {
    const ctx = systemContext(database.db, 'cli');
    await createUser(ctx, {
      email: 'monitor@example.test',
      role: 'monitor',
      displayName: 'Gulnar Monitor',
      password: 'monitor passphrase 2024',
    });
    await createUser(ctx, {
      email: 'editor@example.test',
      role: 'editor',
      displayName: 'Bolat Editor',
      password: 'editor passphrase 2024',
    });
    const known = await createActor(ctx, {
      name: 'Кайдарова Демо',
      kind: 'journalist',
      variants: ['Kaidarova Demo'],
    });
    const violations: string[] = [];

    // The monitor, on a phone-sized screen, with the enhancement script running.
    const monitorContext = await newContext();
    const monitor = await signIn(
      monitorContext,
      'monitor@example.test',
      'monitor passphrase 2024',
      '/en/editorial/incidents/new',
    );
    await monitor.waitForURL(`${base}/en/editorial/incidents/new`);
    violations.push(...(await seriousViolations(monitor)));

    await monitor.getByRole('button', { name: 'Save', exact: true }).click();
    await monitor.waitForURL(`${base}/en/editorial/incidents`);
    await expect.poll(() => monitor.getByRole('alert').textContent()).toContain('There is a problem');
    expect(await monitor.title()).toMatch(/^Error: /);
    await expect
      .poll(() => monitor.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('form-errors');
    expect(await monitor.getByLabel('Date').getAttribute('aria-invalid')).toBe('true');
    violations.push(...(await seriousViolations(monitor)));
    await monitor.getByRole('link', { name: /^Date:/ }).click();
    expect(monitor.url()).toContain('#f-date');

    await monitor.getByLabel('Date').fill('2024-05-13');
    await monitor.getByLabel('Region').selectOption('almaty_city');
    await monitor.getByLabel('Obstruction of lawful professional activity').check();
    const victimName = monitor.locator('input[name="victims.0.name"]');
    await victimName.fill('Kaydarova');
    await expect
      .poll(() =>
        monitor
          .locator('datalist option')
          .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value)),
      )
      .toContain('Кайдарова Демо');
    await victimName.fill('Кайдарова Демо');
    await expect.poll(() => monitor.locator('input[name="victims.0.actor_id"]').inputValue()).toBe(known.id);
    expect(await monitor.locator('select[name="victims.0.kind"]').inputValue()).toBe('journalist');
    await monitor.getByLabel('Title in English').fill('Browser demo: reporter kept out of a hearing');
    await monitor.getByRole('button', { name: 'Save', exact: true }).click();
    await monitor.waitForURL(/\/en\/editorial\/incidents\/inc-[0-9a-f]+\?done=created$/);
    const incidentUrl = monitor.url().split('?')[0] ?? '';
    expect(await monitor.getByRole('status').first().textContent()).toBe('Created.');
    expect(await monitor.getByRole('link', { name: 'Кайдарова Демо' }).getAttribute('href')).toBe(
      `/en/editorial/actors/${known.id}`,
    );
    violations.push(...(await seriousViolations(monitor)));

    await monitor.getByRole('button', { name: 'Submit for review' }).click();
    await monitor.waitForURL(`${incidentUrl}?done=status`);
    expect(await monitor.getByRole('status').first().textContent()).toBe(
      'Done: the record is now in review.',
    );
    await monitor.goto(`${base}/en/editorial/my-work`);
    expect(await monitor.locator('#work-waiting').locator('xpath=..').textContent()).toContain(
      'Browser demo: reporter kept out of a hearing',
    );
    violations.push(...(await seriousViolations(monitor)));
    await monitorContext.close();

    // The editor enrols in TOTP through the real pages, then works the review queue.
    const editorContext = await newContext();
    const editor = await signIn(
      editorContext,
      'editor@example.test',
      'editor passphrase 2024',
      '/en/editorial/review',
    );
    await editor.waitForURL(/\/en\/login\/enrol/);
    const secret = ((await editor.locator('.totp-secret').textContent()) ?? '').replaceAll(' ', '');
    await editor.getByLabel('Code').fill(TOTP.generate({ secret: Secret.fromBase32(secret) }));
    await editor.getByRole('button', { name: 'Confirm' }).click();
    await editor.waitForURL(/\/en\/editorial\/review/);
    violations.push(...(await seriousViolations(editor)));
    await editor.getByRole('link', { name: 'Browser demo: reporter kept out of a hearing' }).click();
    await editor.waitForURL(incidentUrl);
    await editor.getByRole('button', { name: 'Publish' }).click();
    await editor.waitForURL(`${incidentUrl}?done=status`);
    expect(await editor.getByRole('status').first().textContent()).toBe('Done: the record is now published.');

    await editor.goto(`${base}/en/editorial/incidents`);
    await editor.getByLabel('Status').selectOption('published');
    await editor.getByLabel('Text').fill('reporter kept out');
    await editor.getByRole('button', { name: 'Apply' }).click();
    await editor.waitForURL(/status=published/);
    const row = editor.getByRole('row', { name: /Browser demo: reporter kept out of a hearing/ });
    expect(await row.textContent()).toContain('published');
    violations.push(...(await seriousViolations(editor)));

    for (const path of [
      '/en/editorial/cases/new',
      '/ru/editorial/actors',
      '/kk/editorial/my-work',
      `${incidentUrl.replace(base, '')}/history`,
    ]) {
      await editor.goto(`${base}${path}`);
      violations.push(...(await seriousViolations(editor)));
    }
    await editorContext.close();
    expect(violations).toEqual([]);
  });
});
