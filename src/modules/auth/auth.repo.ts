import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/types.ts';

const credentialColumns = [
  'id',
  'email',
  'display_name',
  'role',
  'password_hash',
  'totp_secret',
  'totp_enabled_at',
  'totp_last_step',
  'disabled_at',
] as const;

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(credentialColumns).where('email', '=', email).executeTakeFirst();
}

/** The user's row, locked until the transaction ends, so concurrent changes queue up. */
export function lockUser(trx: Db, userId: number) {
  return trx
    .selectFrom('users')
    .select(credentialColumns)
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

export function findUserById(db: Db, userId: number) {
  return db.selectFrom('users').select(credentialColumns).where('id', '=', userId).executeTakeFirst();
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

export function insertUserRow(
  trx: Db,
  values: { email: string; displayName: string; role: Role; passwordHash: string; now: Date },
) {
  return trx
    .insertInto('users')
    .values({
      email: values.email,
      display_name: values.displayName,
      role: values.role,
      password_hash: values.passwordHash,
      totp_secret: null,
      totp_enabled_at: null,
      created_at: values.now,
      disabled_at: null,
    })
    .returning(['id', 'email', 'display_name', 'role'])
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  trx: Db,
  userId: number,
  changes: {
    password_hash?: string;
    totp_secret?: string | null;
    totp_enabled_at?: Date | null;
    totp_last_step?: number | null;
    disabled_at?: Date | null;
  },
) {
  await trx.updateTable('users').set(changes).where('id', '=', userId).execute();
}

/**
 * Moves the user's last accepted TOTP step forward, only if `step` is newer. Returns false when a
 * concurrent sign-in already used this step: the code is then refused as a replay.
 */
export async function advanceTotpStep(trx: Db, userId: number, step: number): Promise<boolean> {
  const result = await trx
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function listUserRows(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'role', 'totp_enabled_at', 'disabled_at', 'created_at'])
    .orderBy('disabled_at', (order) => order.desc().nullsFirst())
    .orderBy('role')
    .orderBy('email')
    .execute();
}

/** Active admins, locked: the last one cannot be disabled by two admins disabling each other at once. */
export async function lockActiveAdmins(trx: Db): Promise<number[]> {
  const rows = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Deletes expired sessions and sign-in attempts older than a day (the longest throttling window is
 * 15 minutes). Each key's old attempts go as that key is used again; this catches the keys that never
 * come back. Run at each successful sign-in, which is rare enough for a table scan.
 */
export async function forgetExpired(db: Db, now: Date) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  // Attempts matter for an hour at most; the addresses an account signed in from, for 30 days.
  await db
    .deleteFrom('login_attempts')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('attempted_at', '<', new Date(now.getTime() - 86_400_000)),
          eb('throttle_key', 'not like', 'known:%'),
        ]),
        eb('attempted_at', '<', new Date(now.getTime() - 30 * 86_400_000)),
      ]),
    )
    .execute();
}
