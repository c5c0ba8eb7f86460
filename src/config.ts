import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from './lib/errors.ts';

const localizedText = z.object({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  SOZWATCH_DATA_DIR: z.string().min(1).default('./data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  TRUST_PROXY: z.string().optional(),
  ORG_NAME_KK: z.string().min(1).default('Сөз бостандығын қорғау халықаралық қоры'),
  ORG_NAME_RU: z.string().min(1).default('Международный фонд защиты свободы слова'),
  ORG_NAME_EN: z.string().min(1).default('International Foundation for Freedom of Speech Protection'),
  ORG_SHORT_NAME: z.string().min(1).default('sozwatch'),
  ORG_EMAIL: z.email().default('monitoring@example.org'),
  ORG_PHONE: z.string().default(''),
  ORG_ADDRESS: z.string().default(''),
  ORG_WEBSITE: z.url().optional(),
  ORG_COUNTRY: z.string().min(1).default('Kazakhstan'),
  API_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(300),
  API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
  SMTP_URL: z.url().optional(),
  SMTP_FROM: z.email().optional(),
  QUESTION_MIN_FILL_SECONDS: z.coerce.number().int().min(0).max(3600).default(3),
  QUESTION_RATE_SHORT: z.coerce.number().int().min(1).default(3),
  QUESTION_RATE_SHORT_MINUTES: z.coerce.number().int().min(1).default(10),
  QUESTION_RATE_DAILY: z.coerce.number().int().min(1).default(10),
  QUESTION_CONTACT_RETENTION_DAYS: z.coerce.number().int().min(0).default(90),
  QUESTION_PURGE_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(60),
  INTAKE_ALLOW_PRIVATE_ADDRESSES: z.enum(['0', '1', 'false', 'true']).default('0'),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  host: string;
  port: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Signs nothing by itself: sessions are random tokens in the database. Used for CSRF tokens. */
  sessionSecret: string | undefined;
  /**
   * The site's own address, without a trailing slash: the only source of absolute links (mail,
   * feeds, sitemap, downloads). Never taken from a request's Host or X-Forwarded-* headers.
   */
  publicUrl: string;
  /** Cookies carry `Secure`: in production, and whenever the site is served over https. */
  secureCookies: boolean;
  /**
   * Which X-Forwarded-* headers to believe: false (none, the default), a number of proxy hops, or
   * the addresses and CIDR ranges of the proxies. Decides request.ip, which every limit keys on.
   */
  trustProxy: false | number | string[];
  organization: {
    name: z.infer<typeof localizedText>;
    shortName: string;
    email: string;
    phone: string;
    address: string;
    website: string | undefined;
    country: string;
  };
  smtp: { url: string; from: string } | undefined;
  /** Requests per client address and window on /api/v1, counted per instance. */
  apiRateLimit: { max: number; windowSeconds: number };
  /** "Ask your question": spam limits per client address, and how long contact data outlives closing. */
  questions: {
    minFillSeconds: number;
    rateShort: number;
    rateShortMinutes: number;
    rateDaily: number;
    contactRetentionDays: number;
    purgeIntervalMinutes: number;
  };
  /** Intake fetches only public addresses unless told otherwise (a test feed server, an intranet). */
  intake: { allowPrivateAddresses: boolean };
};

/** Parses the environment once. A bad value becomes one AppError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new AppError('config_invalid', `${variable}: ${issue?.message ?? 'invalid value'}`, {
      field: variable,
    });
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new AppError('config_invalid', 'SESSION_SECRET: required in production (32+ characters)', {
      field: 'SESSION_SECRET',
    });
  }
  if (e.NODE_ENV === 'production' && !e.PUBLIC_URL) {
    throw new AppError(
      'config_invalid',
      'PUBLIC_URL: required in production (the https:// address of the site)',
      {
        field: 'PUBLIC_URL',
      },
    );
  }
  const publicUrl = (
    e.PUBLIC_URL ?? `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`
  ).replace(/\/+$/, '');
  if ((e.SMTP_URL === undefined) !== (e.SMTP_FROM === undefined)) {
    throw new AppError('config_invalid', 'SMTP_FROM: set SMTP_URL and SMTP_FROM together', {
      field: 'SMTP_FROM',
    });
  }
  return {
    env: e.NODE_ENV,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.SOZWATCH_DATA_DIR) },
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    sessionSecret: e.SESSION_SECRET,
    publicUrl,
    secureCookies: e.NODE_ENV === 'production' || publicUrl.startsWith('https:'),
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    organization: {
      name: { kk: e.ORG_NAME_KK, ru: e.ORG_NAME_RU, en: e.ORG_NAME_EN },
      shortName: e.ORG_SHORT_NAME,
      email: e.ORG_EMAIL,
      phone: e.ORG_PHONE,
      address: e.ORG_ADDRESS,
      website: e.ORG_WEBSITE,
      country: e.ORG_COUNTRY,
    },
    smtp: e.SMTP_URL && e.SMTP_FROM ? { url: e.SMTP_URL, from: e.SMTP_FROM } : undefined,
    apiRateLimit: { max: e.API_RATE_LIMIT_MAX, windowSeconds: e.API_RATE_LIMIT_WINDOW_SECONDS },
    questions: {
      minFillSeconds: e.QUESTION_MIN_FILL_SECONDS,
      rateShort: e.QUESTION_RATE_SHORT,
      rateShortMinutes: e.QUESTION_RATE_SHORT_MINUTES,
      rateDaily: e.QUESTION_RATE_DAILY,
      contactRetentionDays: e.QUESTION_CONTACT_RETENTION_DAYS,
      purgeIntervalMinutes: e.QUESTION_PURGE_INTERVAL_MINUTES,
    },
    intake: { allowPrivateAddresses: ['1', 'true'].includes(e.INTAKE_ALLOW_PRIVATE_ADDRESSES) },
  };
}

/**
 * TRUST_PROXY: unset or "false" trusts no proxy; a whole number is the count of proxy hops in front
 * of the server; otherwise a comma-separated list of proxy addresses or CIDR ranges.
 */
function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) throw trustProxyError('at most 10 proxy hops');
    return hops;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const prefixOk =
      prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw trustProxyError(`"${entry}" is not an address or CIDR range (use a hop count or addresses)`);
    }
  }
  return entries;
}

function trustProxyError(message: string): AppError {
  return new AppError('config_invalid', `TRUST_PROXY: ${message}`, { field: 'TRUST_PROXY' });
}
