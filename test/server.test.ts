import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { buildServer } from '../src/server.tsx';
import { createTestDatabase, type TestDatabase } from './database.ts';

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildServer(
    { config: loadConfig({}), db: database.db, engine: database.engine, now: () => new Date() },
    { logger: false },
  );
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the server', () => {
  it('answers /healthz after checking the database', async () => {
    const response = await app.inject('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: database.engine });
  });

  it.each([
    ['kk', 'Сөз бостандығын қорғау халықаралық қоры', 'Басты бет'],
    ['ru', 'Международный фонд защиты свободы слова', 'Главная'],
    ['en', 'International Foundation for Freedom of Speech Protection', 'Home'],
  ])('serves the home page in %s', async (lang, orgName, navHome) => {
    const response = await app.inject(`/${lang}/`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain(`<html lang="${lang}">`);
    expect(response.body).toContain(orgName);
    expect(response.body).toContain(navHome);
    expect(response.body).toMatch(/hreflang="kk" href="\/kk\/"/);
  });

  it('redirects / to the language the browser prefers', async () => {
    const response = await app.inject({ url: '/', headers: { 'accept-language': 'kk-KZ,kk;q=0.9' } });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/kk/');
  });

  it('sends security headers and a CSP without inline scripts', async () => {
    const response = await app.inject('/en/');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('answers an unknown API path with a JSON error', async () => {
    const response = await app.inject('/api/v1/nowhere');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('/api/v1/nowhere') },
    });
  });

  it('answers an unknown page with a localized error page', async () => {
    const response = await app.inject({ url: '/ru/nowhere', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Страница не найдена');
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses a bad language prefix with 404, not a crash', async () => {
    const response = await app.inject({ url: '/de', headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
  });
});
