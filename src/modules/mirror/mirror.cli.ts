import type { CliRuntime } from '../../cli/runtime.ts';
import { AppError } from '../../lib/errors.ts';
import { mirrorSite } from './mirror.service.ts';

export type MirrorOptions = { out: string; maxFiles?: string };

/** `sozwatch mirror --out DIR`: the public site as static files; prints what changed since the last run. */
export async function runMirrorCommand(
  { config, handle }: CliRuntime,
  options: MirrorOptions,
  out: (line: string) => void,
) {
  const maxFiles = Number(options.maxFiles ?? 500_000);
  if (!Number.isInteger(maxFiles) || maxFiles < 1) {
    throw new AppError('validation_failed', '--max-files: must be a whole number above 0', {
      field: 'max-files',
    });
  }
  const report = await mirrorSite(
    { config, db: handle.db, engine: handle.engine, now: () => new Date() },
    { outDir: options.out, maxFiles },
  );
  for (const name of report.added) out(`added ${name}`);
  for (const name of report.changed) out(`changed ${name}`);
  for (const name of report.removed) out(`removed ${name}`);
  out(
    `mirror ${options.out}: ${report.files} files (${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed, ${report.unchanged} unchanged)`,
  );
  if (report.truncated) out(`the crawl stopped at ${maxFiles} files: raise --max-files for a whole copy`);
}
