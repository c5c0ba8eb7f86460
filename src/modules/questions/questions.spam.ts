import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Spam defences that need no third party: a honeypot field, a signed time stamp (a form sent too
 * soon after it was served was not filled in by a person), and a key per client address for the
 * rate limits. The address itself is never stored, only an HMAC of it.
 */
export const HONEYPOT_FIELD = 'website';
export const FORM_MAX_AGE_MS = 24 * 3_600_000;
/** Instances' clocks may differ by a little; a stamp from further in the future is forged. */
const CLOCK_SKEW_MS = 60_000;

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function issueFormStamp(secret: string, now: Date): string {
  const issued = String(now.getTime());
  return `${issued}.${sign(secret, `ask-form:${issued}`)}`;
}

export type StampVerdict = 'ok' | 'too_fast' | 'expired' | 'invalid';

export function checkFormStamp(
  secret: string,
  stamp: string,
  now: Date,
  minFillSeconds: number,
): StampVerdict {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(stamp);
  if (!match?.[1] || !match[2]) return 'invalid';
  const expected = Buffer.from(sign(secret, `ask-form:${match[1]}`));
  const sent = Buffer.from(match[2]);
  if (expected.length !== sent.length || !timingSafeEqual(expected, sent)) return 'invalid';
  const age = now.getTime() - Number(match[1]);
  if (age < -CLOCK_SKEW_MS) return 'invalid';
  if (age < minFillSeconds * 1000) return 'too_fast';
  if (age > FORM_MAX_AGE_MS) return 'expired';
  return 'ok';
}

export function isHoneypotFilled(value: string): boolean {
  return value.trim() !== '';
}

/**
 * An HMAC of the address under SESSION_SECRET or the database's shared key: nobody can reverse it by
 * trying every address, and it is the same on every instance and across restarts.
 */
export function clientKey(secret: string, address: string): string {
  return createHmac('sha256', secret).update(`client:${address}`).digest('hex').slice(0, 32);
}

export type RateLimits = { short: number; shortMinutes: number; daily: number };
