import path from 'node:path';
import { withDatabase } from '../../cli/runtime.ts';
import { systemContext } from '../../lib/context.ts';
import { computeMonthStats } from '../stats/index.ts';
import { parsedReportSchema } from './importer.schemas.ts';
import { importReports } from './importer.service.ts';
import { parseReportFile } from './parse-report.ts';
import { formatReconciliation, formatReportSummary } from './summary.ts';

/** `sozwatch parse-report FILE [--json]`: no database. */
export async function runParseReport(file: string, options: { json?: boolean }) {
  const { report } = await parseReportFile(file);
  if (options.json) process.stdout.write(`${JSON.stringify(parsedReportSchema.parse(report), null, 2)}\n`);
  else process.stdout.write(`${formatReportSummary(path.basename(file), report)}\n`);
}

/** `sozwatch import-report FILE…`: every file is read and parsed before the database is touched. */
export async function runImportReport(files: string[]) {
  const parsed: Array<Awaited<ReturnType<typeof parseReportFile>>> = [];
  for (const file of files) parsed.push(await parseReportFile(file));
  const results = await withDatabase(({ handle }) =>
    importReports(systemContext(handle.db, 'cli'), {
      reports: parsed.map(({ file, report }) => ({
        fileName: file.path,
        sha256: file.sha256,
        text: file.text,
        report,
      })),
      computeFigures: computeMonthStats,
    }),
  );
  const created = results.reduce((total, result) => total + result.created.length, 0);
  const unchanged = results.reduce((total, result) => total + result.unchanged.length, 0);
  const out = [
    `imported ${results.length} report(s) in one transaction: ${created} draft(s) created, ${unchanged} already there`,
  ];
  for (const result of results) {
    out.push(
      `${result.fileName} (${result.month ?? 'no month'}): ${result.created.length} created, ${result.unchanged.length} unchanged; ${result.facts} facts, ${result.flags} flags`,
    );
    if (result.reconciliation) out.push('  reconciliation:', formatReconciliation(result.reconciliation));
    else out.push(`  reconciliation: ${result.reconciliationNote ?? 'figures not available'}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
