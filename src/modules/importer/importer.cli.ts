import fs from 'node:fs/promises';
import path from 'node:path';
import { withDatabase } from '../../cli/runtime.ts';
import { systemContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { computeMonthStats } from '../stats/index.ts';
import { parsedReportSchema } from './importer.schemas.ts';
import { importReports } from './importer.service.ts';
import { parseReportFile } from './parse-report.ts';
import { formatMonthReconciliation, formatReportSummary } from './summary.ts';

/** `sozwatch parse-report FILE [--json]`: no database. */
export async function runParseReport(file: string, options: { json?: boolean }) {
  const { report } = await parseReportFile(file);
  if (options.json) process.stdout.write(`${JSON.stringify(parsedReportSchema.parse(report), null, 2)}\n`);
  else process.stdout.write(`${formatReportSummary(path.basename(file), report)}\n`);
}

/**
 * `sozwatch import-report FILE|DIR…`: a folder stands for the report files in it (and its subfolders).
 * Every file is read and parsed before the database is touched; then all drafts go in in one
 * transaction, so a bad file writes nothing and a second run finds its drafts and adds none.
 */
export async function runImportReport(paths: string[]) {
  const files = await reportFilesIn(paths);
  if (files.length === 0)
    throw new AppError('bad_request', `${paths.join(', ')}: no report files (.txt, .html, .htm) found`);
  const progress = progressBar(process.stderr, files.length);
  const parsed: Array<Awaited<ReturnType<typeof parseReportFile>>> = [];
  for (const file of files) {
    progress.tick(`reading ${path.basename(file)}`);
    parsed.push(await parseReportFile(file));
  }
  const saving = progressBar(process.stderr, parsed.length);
  const results = await withDatabase(({ handle }) =>
    importReports(systemContext(handle.db, 'cli'), {
      reports: parsed.map(({ file, report }) => ({
        fileName: file.path,
        sha256: file.sha256,
        text: file.text,
        report,
      })),
      computeFigures: computeMonthStats,
      onReport: (fileName) => saving.tick(`importing ${path.basename(fileName)}`),
    }),
  );
  saving.done();
  const created = results.reduce((total, result) => total + result.created.length, 0);
  const unchanged = results.reduce((total, result) => total + result.unchanged.length, 0);
  const out = [
    `imported ${results.length} report(s) in one transaction: ${created} draft(s) created, ${unchanged} already there`,
  ];
  for (const result of results) {
    const note = result.reconciliation ? '' : ` (${result.reconciliationNote ?? 'no reconciliation'})`;
    out.push(
      `  ${result.fileName} (${result.month ?? 'no month'}): ${result.created.length} created, ${result.unchanged.length} unchanged; ${result.facts} facts, ${result.flags} flags${note}`,
    );
  }
  out.push('', formatMonthReconciliation(results));
  process.stdout.write(`${out.join('\n')}\n`);
}

const reportExtensions = new Set(['.txt', '.html', '.htm']);

/** The files named, with each folder replaced by the report files under it, in name order. */
async function reportFilesIn(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const stat = await fs.stat(given).catch(() => null);
    if (!stat?.isDirectory()) {
      files.push(given); // a missing or unreadable file is reported by name when it is read
      continue;
    }
    const entries = await fs.readdir(given, { recursive: true, withFileTypes: true });
    files.push(
      ...entries
        .filter(
          (entry) =>
            entry.isFile() &&
            !entry.name.startsWith('.') &&
            reportExtensions.has(path.extname(entry.name).toLowerCase()),
        )
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort(),
    );
  }
  return files;
}

/** A one-line bar on a terminal; silent when the output is a file or a pipe (scripts, tests). */
function progressBar(stream: NodeJS.WriteStream, total: number) {
  let done = 0;
  const draw = (label: string) => {
    if (!stream.isTTY) return;
    const width = 24;
    const filled = Math.round((done / total) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`;
    stream.write(`\r${line.slice(0, (stream.columns ?? 80) - 1).padEnd((stream.columns ?? 80) - 1)}`);
  };
  return {
    tick(label: string) {
      done += 1;
      draw(label);
    },
    done() {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
