import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { AppError } from './lib/errors.ts';

function configError(env: NodeJS.ProcessEnv): AppError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('uses the embedded database in ./data by default, on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: expect.stringMatching(/\/data$/) });
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3000);
    expect(config.organization.name.kk).toContain('қоры');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@127.0.0.1:5432/db' });
  });

  it('names the variable of a wrong value', () => {
    expect(configError({ PORT: 'eighty' }).message).toMatch(/^PORT: /);
    expect(configError({ PORT: '70000' }).field).toBe('PORT');
    expect(configError({ DATABASE_URL: 'mysql://x' }).message).toMatch(/^DATABASE_URL: /);
    expect(configError({ ORG_EMAIL: 'not-an-email' }).field).toBe('ORG_EMAIL');
  });

  it('has no default secret: production needs SESSION_SECRET', () => {
    const site = { PUBLIC_URL: 'https://sozwatch.example' };
    expect(configError({ NODE_ENV: 'production', ...site }).message).toMatch(/^SESSION_SECRET: required/);
    expect(configError({ NODE_ENV: 'production', SESSION_SECRET: 'short', ...site }).field).toBe(
      'SESSION_SECRET',
    );
    expect(
      loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), ...site }).sessionSecret,
    ).toHaveLength(32);
  });

  it('takes absolute links from PUBLIC_URL only, which production requires', () => {
    const secret = { SESSION_SECRET: 'x'.repeat(32) };
    expect(configError({ NODE_ENV: 'production', ...secret }).field).toBe('PUBLIC_URL');
    expect(configError({ PUBLIC_URL: 'ftp://sozwatch.example' }).field).toBe('PUBLIC_URL');
    const production = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://sozwatch.example/',
      ...secret,
    });
    expect(production.publicUrl).toBe('https://sozwatch.example');
    expect(production.secureCookies).toBe(true);
    const local = loadConfig({ PORT: '8080' });
    expect(local.publicUrl).toBe('http://127.0.0.1:8080');
    expect(local.secureCookies).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://sozwatch.example' }).secureCookies).toBe(true);
  });

  it('trusts no proxy unless TRUST_PROXY names a hop count or the proxies', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,::1' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
    ]);
    expect(configError({ TRUST_PROXY: 'true' }).field).toBe('TRUST_PROXY');
    expect(configError({ TRUST_PROXY: '10.0.0.0/40' }).field).toBe('TRUST_PROXY');
    expect(configError({ TRUST_PROXY: '99' }).field).toBe('TRUST_PROXY');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
  });
});
