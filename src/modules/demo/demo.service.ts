import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { hash } from '@node-rs/argon2';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/types.ts';
import { writeAudit } from '../../lib/audit.ts';
import { systemContext } from '../../lib/context.ts';
import { type ImportReport, importParsed, parseInterchangeObjects } from '../interchange/index.ts';
import { demoActors } from './demo.actors.ts';
import { inventedCases, inventedIncidents } from './demo.invented.ts';
import { seededCases, seededIncidents } from './demo.seeded.ts';

/** The whole demo data set as interchange records: actors first, then cases, then incidents. */
export function demoRecords(): unknown[] {
  return [...demoActors, ...seededCases, ...inventedCases, ...seededIncidents, ...inventedIncidents];
}

export const demoUsers: ReadonlyArray<{ role: Role; email: string; displayName: string }> = [
  { role: 'admin', email: 'admin@demo.example.org', displayName: 'Demo administrator' },
  { role: 'editor', email: 'editor@demo.example.org', displayName: 'Demo editor' },
  { role: 'monitor', email: 'monitor@demo.example.org', displayName: 'Demo monitor' },
  { role: 'lawyer', email: 'lawyer@demo.example.org', displayName: 'Demo lawyer' },
];

export type DemoReport = {
  import: ImportReport;
  /** Accounts created by this run, each with its generated password (shown once, never stored). */
  createdUsers: Array<{ role: Role; email: string; password: string }>;
  usersMs: number;
  totalMs: number;
};

/**
 * Loads the demo data set. It is idempotent: records go through the interchange import (by id), and
 * demo accounts are created only when missing, so a second run changes nothing.
 */
export async function loadDemo(db: Db): Promise<DemoReport> {
  const started = performance.now();
  const ctx = systemContext(db, 'demo');
  const report = await importParsed(ctx, parseInterchangeObjects(demoRecords(), 'demo'));
  const usersStarted = performance.now();
  const createdUsers = await ensureDemoUsers(db);
  const now = performance.now();
  return {
    import: report,
    createdUsers,
    usersMs: Math.round(now - usersStarted),
    totalMs: Math.round(now - started),
  };
}

async function ensureDemoUsers(db: Db) {
  const existing = new Set(
    (
      await db
        .selectFrom('users')
        .where(
          'email',
          'in',
          demoUsers.map((user) => user.email),
        )
        .select('email')
        .execute()
    ).map((row) => row.email),
  );
  const missing = demoUsers.filter((user) => !existing.has(user.email));
  // argon2id (the library's default), hashed in parallel on the library's own threads.
  const prepared = await Promise.all(
    missing.map(async (user) => {
      const password = randomBytes(12).toString('base64url');
      return { ...user, password, passwordHash: await hash(password) };
    }),
  );
  if (prepared.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const ctx = systemContext(trx, 'demo');
    const created: DemoReport['createdUsers'] = [];
    for (const user of prepared) {
      const row = await trx
        .insertInto('users')
        .values({
          email: user.email,
          display_name: user.displayName,
          role: user.role,
          password_hash: user.passwordHash,
          totp_secret: null,
          totp_enabled_at: null,
          created_at: ctx.now(),
          disabled_at: null,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) continue;
      await writeAudit(trx, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: String(row.id),
        after: { email: user.email, display_name: user.displayName, role: user.role },
      });
      created.push({ role: user.role, email: user.email, password: user.password });
    }
    return created;
  });
}

/** The lines `sozwatch demo` and the first start print. */
export function describeDemo(report: DemoReport): string[] {
  const { incidents, cases, actors } = report.import;
  const lines = [
    `demo data set: incidents ${incidents.created} new, ${incidents.updated} changed, ${incidents.unchanged} unchanged; ` +
      `cases ${cases.created} new, ${cases.updated} changed, ${cases.unchanged} unchanged; ` +
      `actors ${actors.created + actors.mentioned} new (${report.import.ms} ms to import, ${report.totalMs} ms in all)`,
  ];
  if (report.createdUsers.length > 0) {
    lines.push('demo accounts (the passwords are shown only now; write them down):');
    for (const user of report.createdUsers) {
      lines.push(`  ${user.role.padEnd(8)} ${user.email}  password: ${user.password}`);
    }
  }
  return lines;
}

export async function runDemoCommand(db: Db, out: (line: string) => void) {
  const report = await loadDemo(db);
  for (const line of describeDemo(report)) out(line);
  return report;
}
