import type { Db } from '../../db/client.ts';

/**
 * Sign-in throttling, kept in the login_attempts table so that every instance behind a load balancer
 * sees the same counts. Nobody can lock a person out from elsewhere:
 * - one address and one account (`pair`): 5 failures in 15 minutes lock that pair only;
 * - one address (`address`): 20 failures in 15 minutes, whatever the accounts, lock the address;
 * - one account from everywhere (`account`): after 10 failures in an hour each further attempt waits
 *   twice as long as the one before (1 s, 2 s, 4 s… up to 15 minutes), which keeps a guesser with many
 *   addresses slow. An address the account signed in from in the last 30 days (`knownAddress`) is
 *   exempt, so the real user at their usual desk still gets in during such an attack.
 * A success starts the pair's and the account's counts again; an address's count never (one valid
 * account must not unlock guessing at the others from the same address).
 */
export type ThrottleRule = {
  key: string;
  /** Failures allowed within `windowMs` before the rule holds attempts back. */
  max: number;
  windowMs: number;
  resetOnSuccess: boolean;
  /** Without it, `max` failures lock the key until the oldest leaves the window; with it, delays grow. */
  backoff?: { firstDelayMs: number; maxDelayMs: number };
};

const fifteenMinutes = 15 * 60_000;
const KNOWN_ADDRESS_MS = 30 * 86_400_000;

export const throttleRules = {
  pair: (email: string, ip: string): ThrottleRule => ({
    key: `pair:${ip}:${email}`,
    max: 5,
    windowMs: fifteenMinutes,
    resetOnSuccess: true,
  }),
  address: (ip: string): ThrottleRule => ({
    key: `ip:${ip}`,
    max: 20,
    windowMs: fifteenMinutes,
    resetOnSuccess: false,
  }),
  account: (email: string): ThrottleRule => ({
    key: `email:${email}`,
    max: 10,
    windowMs: 60 * 60_000,
    resetOnSuccess: true,
    backoff: { firstDelayMs: 1000, maxDelayMs: fifteenMinutes },
  }),
  code: (userId: number): ThrottleRule => ({
    key: `code:${userId}`,
    max: 5,
    windowMs: fifteenMinutes,
    resetOnSuccess: true,
  }),
  /** Only successes are recorded under it: the addresses an account signed in from. */
  knownAddress: (email: string, ip: string): ThrottleRule => ({
    key: `known:${ip}:${email}`,
    max: 0,
    windowMs: KNOWN_ADDRESS_MS,
    resetOnSuccess: false,
  }),
};

/** True when the account signed in from this address within the last 30 days. */
export async function isKnownAddress(db: Db, email: string, ip: string, now: Date): Promise<boolean> {
  const rule = throttleRules.knownAddress(email, ip);
  const row = await db
    .selectFrom('login_attempts')
    .select('id')
    .where('throttle_key', '=', rule.key)
    .where('succeeded', '=', true)
    .where('attempted_at', '>', new Date(now.getTime() - rule.windowMs))
    .executeTakeFirst();
  return row !== undefined;
}

/** Milliseconds until every rule allows another attempt, or 0 when they all do now. */
export async function throttleWait(db: Db, rules: readonly ThrottleRule[], now: Date): Promise<number> {
  let wait = 0;
  for (const rule of rules) {
    const since = new Date(now.getTime() - rule.windowMs);
    const rows = await db
      .selectFrom('login_attempts')
      .select(['attempted_at', 'succeeded'])
      .where('throttle_key', '=', rule.key)
      .where('attempted_at', '>', since)
      .orderBy('attempted_at')
      .orderBy('id')
      .execute();
    const lastSuccess = rule.resetOnSuccess ? rows.findLastIndex((row) => row.succeeded) : -1;
    const failures = rows.slice(lastSuccess + 1).filter((row) => !row.succeeded);
    if (failures.length < rule.max) continue;
    if (rule.backoff) {
      const latest = failures[failures.length - 1];
      const delay = Math.min(
        rule.backoff.firstDelayMs * 2 ** (failures.length - rule.max),
        rule.backoff.maxDelayMs,
      );
      if (latest) wait = Math.max(wait, latest.attempted_at.getTime() + delay - now.getTime());
      continue;
    }
    // Locked until enough of the oldest failures leave the window to bring the count under `max`.
    const unlocking = failures[failures.length - rule.max];
    if (unlocking) {
      wait = Math.max(wait, unlocking.attempted_at.getTime() + rule.windowMs - now.getTime());
    }
  }
  return wait;
}

/** Records one attempt under every rule's key, and forgets that key's attempts older than its window. */
export async function recordAttempt(db: Db, rules: readonly ThrottleRule[], succeeded: boolean, now: Date) {
  if (rules.length === 0) return;
  await db
    .insertInto('login_attempts')
    .values(rules.map((rule) => ({ throttle_key: rule.key, attempted_at: now, succeeded })))
    .execute();
  for (const rule of rules) {
    await db
      .deleteFrom('login_attempts')
      .where('throttle_key', '=', rule.key)
      .where('attempted_at', '<', new Date(now.getTime() - rule.windowMs))
      .execute();
  }
}
