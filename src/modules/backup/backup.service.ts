import type { PGlite } from '@electric-sql/pglite';
import { writeAudit } from '../../lib/audit.ts';
import type { ServiceContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { dumpEmbeddedDatabase } from './backup.repo.ts';

export type Backup = { fileName: string; bytes: Buffer };

/** The file name `sozwatch backup` would choose at that moment. */
function backupFileName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
  return `sozwatch-backup-${stamp}.tar.gz`;
}

/**
 * A backup of the embedded database while the server runs, for administrators only. The audit entry
 * is written before the copy is taken, so the copy itself records who took it.
 */
export async function takeOnlineBackup(ctx: ServiceContext, pglite: PGlite | undefined): Promise<Backup> {
  if (ctx.user?.role !== 'admin') throw new AppError('forbidden', 'only administrators take backups');
  if (!pglite) {
    throw new AppError(
      'not_found',
      'the database is a PostgreSQL server: back it up with `sozwatch backup` (pg_dump) while it runs',
    );
  }
  const now = ctx.now();
  const fileName = backupFileName(now);
  await writeAudit(ctx.db, ctx, {
    action: 'database.backup',
    entityType: 'database',
    entityId: 'embedded',
    after: { file: fileName },
  });
  return { fileName, bytes: await dumpEmbeddedDatabase(pglite) };
}
