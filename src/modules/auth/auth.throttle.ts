import type { Db } from '../../db/client.ts';

/**
 * Sign-in throttling, kept in the login_attempts table so that every instance behind a load balancer
 * sees the same counts. A key is limited to `max` failures within `windowMs`; an email's count starts
 * again after a successful sign-in, an address's does not (one valid account must not unlock
 * guessing at the others from the same address).
 */
export type ThrottleRule = { key: string; max: number; windowMs: number; resetOnSuccess: boolean };

const fifteenMinutes = 15 * 60_000;

export const throttleRules = {
  email: (email: string): ThrottleRule => ({
    key: `email:${email}`,
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
  code: (userId: number): ThrottleRule => ({
    key: `code:${userId}`,
    max: 5,
    windowMs: fifteenMinutes,
    resetOnSuccess: true,
  }),
};

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
