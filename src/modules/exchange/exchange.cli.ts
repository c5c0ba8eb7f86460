import fs from 'node:fs';
import type { CliRuntime } from '../../cli/runtime.ts';
import { systemContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/input.ts';
import { describeImport } from '../interchange/index.ts';
import { exportProfile } from './exchange.export.ts';
import { profileExportOptionsSchema, uwaziImportOptionsSchema } from './exchange.schemas.ts';
import { importUwaziCsv } from './exchange.uwazi.ts';

/** `sozwatch export --profile mmf|jfj|coe [--lang] [--from] [--to] [--out FILE]`: public records only. */
export async function runProfileExport({ config, handle }: CliRuntime, options: Record<string, unknown>) {
  const { out, profile, lang, from, to } = options;
  const parsed = parseInput(
    profileExportOptionsSchema,
    Object.fromEntries(
      Object.entries({ profile, lang, from, to }).filter(([, value]) => value !== undefined),
    ),
  );
  if (typeof out !== 'string') {
    return exportProfile(handle.db, config, parsed, (chunk) => void process.stdout.write(chunk));
  }
  const parts: string[] = [];
  const counts = await exportProfile(handle.db, config, parsed, (chunk) => void parts.push(chunk));
  try {
    // Written whole at the end: a failed export leaves no half-written file.
    fs.writeFileSync(out, parts.join(''));
  } catch (error) {
    throw new AppError(
      'bad_request',
      `${out}: cannot write (${error instanceof Error ? error.message : error})`,
    );
  }
  process.stderr.write(`${counts.incidents} incidents written to ${out} (${parsed.profile})\n`);
  return counts;
}

/** `sozwatch import-uwazi FILE.csv [--lang ru]`: draft incidents from an Uwazi CSV export. */
export async function runUwaziImport({ handle }: CliRuntime, file: string, options: Record<string, unknown>) {
  const { lang } = parseInput(uwaziImportOptionsSchema, options);
  const report = await importUwaziCsv(systemContext(handle.db, 'import'), file, { lang });
  process.stdout.write(`${describeImport(report)}\n`);
  return report;
}
