import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { insertUser } from '../../../test/factories.ts';
import type { Role } from '../../db/types.ts';
import type { CurrentUser, ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { generatePassword, hashPassword, verifyPassword } from './auth.passwords.ts';
import {
  changePassword,
  createUser,
  disableUser,
  enableUser,
  listUsers,
  resetSecondFactor,
} from './users.service.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const now = new Date('2024-06-03T08:00:00Z');
const as = (user: CurrentUser | null, via: ServiceContext['via'] = 'web'): ServiceContext => ({
  db: database.db,
  user,
  via,
  now: () => now,
});
const cli = () => as(null, 'cli');

async function failure(
  promise: Promise<unknown>,
): Promise<{ code: string; field: string | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected the call to fail');
}

let counter = 0;
const email = (prefix: string) => `${prefix}${++counter}@example.test`;

describe('passwords', () => {
  it('hash with argon2id in the PHC format, and verify round trip', async () => {
    const password = 'Жаңа құпиясөз with unicode ₸ 2024';
    const stored = await hashPassword(password);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verify(stored, password)).toBe(true);
    expect(await verifyPassword(stored, `${password} `)).toBe(false);
    expect(await hashPassword(password)).not.toBe(stored);
  });

  it('never throw on a stored value that is not a hash', async () => {
    expect(await verifyPassword('!', 'anything')).toBe(false);
    expect(await verifyPassword('$argon2id$garbage', 'anything')).toBe(false);
  });

  it('generate strong, readable passwords', () => {
    const passwords = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(passwords.size).toBe(200);
    for (const password of passwords) {
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){4}$/);
      expect(password).not.toMatch(/[01lIoO]/);
    }
  });
});

describe('createUser', () => {
  it('stores an argon2id hash, returns the generated password once, and audits in the same transaction', async () => {
    const address = email('Monitor');
    const { user, password, generated } = await createUser(cli(), {
      email: `  ${address.toUpperCase()} `,
      role: 'monitor',
    });
    expect(generated).toBe(true);
    expect(user).toMatchObject({
      email: address.toLowerCase(),
      role: 'monitor',
      displayName: address.split('@')[0]?.toLowerCase(),
    });
    const row = await database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.password_hash, password)).toBe(true);
    const audit = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(user.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.create', via: 'cli', user_id: null, before: null });
    expect(audit[0]?.after).toEqual({
      email: user.email,
      displayName: user.displayName,
      role: 'monitor',
      disabled: false,
      secondFactor: false,
    });
    expect(JSON.stringify(audit[0])).not.toContain(password);
    expect(JSON.stringify(audit[0])).not.toContain('argon2');
  });

  it('names the field of bad input, and writes nothing', async () => {
    const before = await database.db.selectFrom('users').select('id').execute();
    expect(await failure(createUser(cli(), { email: 'not an email', role: 'monitor' }))).toMatchObject({
      code: 'validation_failed',
      field: 'email',
      message: 'email: not a valid email address',
    });
    expect(await failure(createUser(cli(), { email: email('x'), role: 'chief' }))).toMatchObject({
      code: 'validation_failed',
      field: 'role',
      message: 'role: must be one of admin, editor, monitor, lawyer',
    });
    expect(
      await failure(createUser(cli(), { email: email('x'), role: 'lawyer', password: 'short' })),
    ).toMatchObject({
      field: 'password',
    });
    expect(
      await failure(createUser(cli(), { email: email('x'), role: 'lawyer', displayName: '   ' })),
    ).toMatchObject({
      field: 'displayName',
    });
    expect(await database.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses a second user with the same email, in any case', async () => {
    const address = email('dup');
    await createUser(cli(), { email: address, role: 'lawyer' });
    expect(await failure(createUser(cli(), { email: address.toUpperCase(), role: 'editor' }))).toMatchObject({
      code: 'conflict',
      field: 'email',
    });
  });

  it.each<[Role | 'anonymous web', string]>([
    ['editor', 'forbidden'],
    ['monitor', 'forbidden'],
    ['lawyer', 'forbidden'],
    ['anonymous web', 'unauthenticated'],
  ])('is refused to %s', async (who, code) => {
    const ctx = who === 'anonymous web' ? as(null, 'web') : as(await insertUser(database.db, { role: who }));
    expect(await failure(createUser(ctx, { email: email('y'), role: 'admin' }))).toMatchObject({ code });
    expect(await failure(listUsers(ctx))).toMatchObject({ code });
  });

  it('is allowed to an admin, and the audit names the admin', async () => {
    const admin = await insertUser(database.db, { role: 'admin' });
    const { user } = await createUser(as(admin), {
      email: email('by-admin'),
      role: 'editor',
      displayName: 'Dana',
    });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['user_id', 'via'])
      .where('entity_id', '=', String(user.id))
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ user_id: admin.id, via: 'web' });
  });
});

describe('changePassword', () => {
  it('lets users change their own with the current password, and ends their other sessions', async () => {
    const { user, password } = await createUser(cli(), { email: email('self'), role: 'monitor' });
    const me: CurrentUser = {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
    };
    for (const token of ['keep', 'drop']) {
      await database.db
        .insertInto('sessions')
        .values({
          token_hash: `hash-${token}-${user.id}`,
          user_id: user.id,
          csrf_token: 'c',
          created_at: now,
          last_seen_at: now,
          expires_at: new Date('2999-01-01'),
        })
        .execute();
    }
    expect(
      await failure(
        changePassword(as(me), {
          userId: user.id,
          currentPassword: 'wrong',
          newPassword: 'a brand new passphrase',
        }),
      ),
    ).toMatchObject({ field: 'currentPassword' });
    expect(
      await failure(
        changePassword(as(me), { userId: user.id, currentPassword: password, newPassword: user.email }),
      ),
    ).toMatchObject({ field: 'newPassword' });
    expect(
      await failure(
        changePassword(as(me), { userId: user.id, currentPassword: password, newPassword: 'short' }),
      ),
    ).toMatchObject({ field: 'newPassword' });
    await changePassword(as(me), {
      userId: user.id,
      currentPassword: password,
      newPassword: 'a brand new passphrase',
    });
    const row = await database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash, 'a brand new passphrase')).toBe(true);
    expect(
      await database.db.selectFrom('sessions').select('token_hash').where('user_id', '=', user.id).execute(),
    ).toEqual([]);
    const actions = await database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(user.id))
      .orderBy('id')
      .execute();
    expect(actions.map((entry) => entry.action)).toEqual(['user.create', 'user.password_change']);
  });

  it("lets an admin reset another user's password, and nobody else", async () => {
    const target = await insertUser(database.db, { role: 'lawyer' });
    const editor = await insertUser(database.db, { role: 'editor' });
    expect(
      await failure(
        changePassword(as(editor), { userId: target.id, newPassword: 'an editor cannot do this' }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    const admin = await insertUser(database.db, { role: 'admin' });
    await changePassword(as(admin), { userId: target.id, newPassword: 'reset by the admin today' });
    const row = await database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash, 'reset by the admin today')).toBe(true);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('entity_id', '=', String(target.id))
      .execute();
    expect(audit).toEqual([{ action: 'user.password_reset', user_id: admin.id }]);
  });
});

describe('disableUser, enableUser and resetSecondFactor', () => {
  it('disable and enable with before/after in the audit trail, and end the sessions', async () => {
    const admin = await insertUser(database.db, { role: 'admin' });
    const target = await insertUser(database.db, { role: 'monitor' });
    await database.db
      .insertInto('sessions')
      .values({
        token_hash: `t-${target.id}`,
        user_id: target.id,
        csrf_token: 'c',
        created_at: now,
        last_seen_at: now,
        expires_at: new Date('2999-01-01'),
      })
      .execute();
    await disableUser(as(admin), { userId: target.id });
    await disableUser(as(admin), { userId: target.id });
    expect(
      await database.db
        .selectFrom('sessions')
        .select('token_hash')
        .where('user_id', '=', target.id)
        .execute(),
    ).toEqual([]);
    const listed = (await listUsers(as(admin))).find((user) => user.id === target.id);
    expect(listed?.disabled).toBe(true);
    await enableUser(as(admin), { userId: target.id });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', String(target.id))
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      [
        'user.disable',
        expect.objectContaining({ disabled: false }),
        expect.objectContaining({ disabled: true }),
      ],
      [
        'user.enable',
        expect.objectContaining({ disabled: true }),
        expect.objectContaining({ disabled: false }),
      ],
    ]);
  });

  it('never disables the caller, nor the last active admin', async () => {
    await database.db.updateTable('users').set({ disabled_at: now }).where('role', '=', 'admin').execute();
    const only = await insertUser(database.db, { role: 'admin' });
    expect(await failure(disableUser(as(only), { userId: only.id }))).toMatchObject({
      code: 'conflict',
      field: 'userId',
    });
    expect(await failure(disableUser(cli(), { userId: only.id }))).toMatchObject({
      code: 'conflict',
      message: 'userId: the last active admin cannot be disabled',
    });
    const second = await insertUser(database.db, { role: 'admin' });
    await disableUser(as(second), { userId: only.id });
    expect(await failure(disableUser(as(second), { userId: 999_999 }))).toMatchObject({ code: 'not_found' });
  });

  it('forgets a TOTP secret on reset', async () => {
    const admin = await insertUser(database.db, { role: 'admin' });
    const editor = await insertUser(database.db, { role: 'editor' });
    await database.db
      .updateTable('users')
      .set({ totp_secret: 'JBSWY3DPEHPK3PXP', totp_enabled_at: now, totp_last_step: 5 })
      .where('id', '=', editor.id)
      .execute();
    await resetSecondFactor(as(admin), { userId: editor.id });
    const row = await database.db
      .selectFrom('users')
      .select(['totp_secret', 'totp_enabled_at', 'totp_last_step'])
      .where('id', '=', editor.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null, totp_last_step: null });
    expect(await failure(resetSecondFactor(as(editor), { userId: editor.id }))).toMatchObject({
      code: 'forbidden',
    });
  });
});
