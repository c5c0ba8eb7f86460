import fs from 'node:fs';
import type { Db } from '../../db/client.ts';
import { systemContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/input.ts';
import { exportOptionsSchema, exportRecords } from './interchange.export.ts';
import { type ImportReport, importFile } from './interchange.import.ts';

/** `sozwatch import FILE.jsonl`: one transaction; prints one summary line. */
export async function runImportCommand(db: Db, file: string, out: (line: string) => void) {
  const report = await importFile(systemContext(db, 'import'), file);
  out(describeImport(report));
  return report;
}

export function describeImport(report: ImportReport): string {
  const part = (name: string, counts: { created: number; updated: number; unchanged: number }) =>
    `${name} ${counts.created} new, ${counts.updated} changed, ${counts.unchanged} unchanged`;
  return (
    `imported ${report.file}: ${part('incidents', report.incidents)}; ${part('cases', report.cases)}; ` +
    `${part('actors', report.actors)}, ${report.actors.mentioned} added from names (${report.ms} ms)`
  );
}

/** `sozwatch export`: writes to standard output, or to --out FILE. */
export async function runExportCommand(db: Db, options: Record<string, unknown>) {
  const { out: outOption, ...rest } = options;
  const out = typeof outOption === 'string' ? outOption : undefined;
  const exportOptions = parseInput(exportOptionsSchema, rest);
  if (!out) {
    return exportRecords(
      db,
      exportOptions,
      (chunk) =>
        new Promise<void>((resolve) => {
          if (process.stdout.write(chunk)) resolve();
          else process.stdout.once('drain', resolve);
        }),
    );
  }
  let stream: fs.WriteStream;
  try {
    stream = fs.createWriteStream(out, { flags: 'w' });
  } catch (error) {
    throw new AppError(
      'bad_request',
      `${out}: cannot write (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const counts = await exportRecords(
    db,
    exportOptions,
    (chunk) =>
      new Promise<void>((resolve) => {
        if (stream.write(chunk)) resolve();
        else stream.once('drain', resolve);
      }),
  );
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(resolve);
  });
  return counts;
}
