import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { systemContext } from '../src/lib/context.ts';
import { createUser } from '../src/modules/auth/index.ts';
import { buildServer } from '../src/server.tsx';
import { createTestDatabase, type TestDatabase } from './database.ts';

const require = createRequire(import.meta.url);

let database: TestDatabase;
let app: FastifyInstance;
let browser: Browser;
let base = '';
/** The server's clock; the test moves it to the next 30-second step between two sign-ins. */
let clock = new Date();

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer(
    { config: loadConfig({}), db: database.db, engine: database.engine, now: () => clock },
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

const codeAt = (secret: string) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.getTime() });

async function accessibilityViolations(page: Page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate<AxeResults>(
    'axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "best-practice"] })',
  );
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
  );
}

describe('signing in through the real pages in Chromium', () => {
  it('enrols an editor in TOTP, signs out, and signs in again with a code', async () => {
    const password = 'a long editorial passphrase';
    await createUser(systemContext(database.db, 'cli'), {
      email: 'editor@example.test',
      role: 'editor',
      displayName: 'Saule Editor',
      password,
    });
    // bypassCSP only lets the test inject axe-core; the pages themselves run no script of theirs.
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    const page = await context.newPage();

    await page.goto(`${base}/en/login`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill('editor@example.test');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The email or password is incorrect.');
    expect(await page.getByLabel('Email').inputValue()).toBe('editor@example.test');

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/en/login/enrol?next=%2Fen%2Feditorial`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up two-factor sign-in');
    expect(await accessibilityViolations(page)).toEqual([]);
    const grouped = (await page.locator('.totp-secret').textContent()) ?? '';
    const secret = grouped.replaceAll(' ', '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.locator('.totp-uri').textContent()).toContain(`secret=${secret}`);

    await page.getByLabel('Code').fill(codeAt(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(`${base}/en/editorial?notice=second-factor-enabled`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Editorial workspace');
    expect(await page.getByRole('status').textContent()).toBe('Two-factor sign-in is set up.');
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Signed in as Saule Editor (editor)');
    expect(await accessibilityViolations(page)).toEqual([]);
    const [cookie] = (await context.cookies()).filter((candidate) => candidate.name === 'sozwatch_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${base}/en/login?signed_out=1`);
    expect(await page.getByRole('status').textContent()).toBe('You have signed out.');
    await page.goto(`${base}/en/editorial`);
    await page.waitForURL(`${base}/en/login?next=%2Fen%2Feditorial`);

    clock = new Date(clock.getTime() + 30_000);
    await page.getByLabel('Email').fill('editor@example.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${base}/en/login/code?next=%2Fen%2Feditorial`);
    expect(await page.locator('.totp-secret').count()).toBe(0);
    await page.getByLabel('Code').fill(codeAt(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.waitForURL(`${base}/en/editorial`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Editorial workspace');
    await context.close();
  });
});
