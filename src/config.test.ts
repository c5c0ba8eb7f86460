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
    expect(configError({ NODE_ENV: 'production' }).message).toMatch(/^SESSION_SECRET: required/);
    expect(configError({ NODE_ENV: 'production', SESSION_SECRET: 'short' }).field).toBe('SESSION_SECRET');
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).sessionSecret).toHaveLength(
      32,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
  });
});
