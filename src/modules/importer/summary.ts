import path from 'node:path';
import type { Fact } from './facts.ts';
import type { ParsedReport } from './parse-report.ts';
import type { ReconciliationRow } from './reconcile.ts';

/** The readable form of a parsed report that `parse-report` prints without --json. */
const groupDigits = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

function describeScope(fact: Fact): string {
  return fact.scope === 'period' || fact.scope === 'year'
    ? `${fact.period?.from ?? '?'}..${fact.period?.to ?? '?'}`
    : fact.scope;
}

export function describeFact(fact: Fact): string {
  if (fact.type === 'count') {
    const inCourt = fact.in_court === undefined ? '' : ` (${fact.in_court} in court)`;
    return `${fact.category}: ${fact.count}${inCourt}`;
  }
  if (fact.type === 'money') return `${fact.kind}: ${groupDigits(fact.tenge)} tenge`;
  const details = [
    fact.for_media === undefined ? null : `${fact.for_media} for the media`,
    fact.appeal === undefined ? null : `${fact.appeal} on appeal`,
    fact.cassation === undefined ? null : `${fact.cassation} in cassation`,
  ].filter(Boolean);
  return `judicial acts: ${fact.count}${details.length ? ` (${details.join(', ')})` : ''}`;
}

export function formatReportSummary(fileName: string, report: ParsedReport): string {
  const lines: string[] = [];
  lines.push(`${fileName}: ${report.title ?? '(no title)'}`);
  lines.push(
    `  month ${report.month ?? '?'} · published ${report.published ?? '?'} · language ${report.language} · format ${report.format ?? '?'}`,
  );
  lines.push('', `Facts (${report.facts.length})`);
  for (const fact of report.facts) {
    lines.push(
      `  ${describeScope(fact).padEnd(22)} ${describeFact(fact).padEnd(52)} [${fact.span[0]}–${fact.span[1]}]`,
    );
  }
  lines.push('', `Items (${report.items.length})`);
  for (const item of report.items) {
    const place = item.region ? ` · ${item.locality ?? ''} (${item.region})` : '';
    lines.push(`  ${String(item.index + 1).padStart(2)}. ${item.date}${place}`);
    lines.push(`      ${item.title}`);
    const details = [
      `categories: ${item.categories.map((c) => `${c.code} ${c.confidence.toFixed(2)}`).join(', ')}`,
      item.people.length
        ? `people: ${item.people.map((p) => p.name + (p.kind ? ` (${p.kind})` : '')).join('; ')}`
        : null,
      item.outlets.length ? `outlets: ${item.outlets.map((o) => o.name).join('; ')}` : null,
      item.articles.length ? `articles: ${item.articles.map((a) => a.code).join(', ')}` : null,
      item.amounts.length
        ? `amounts: ${item.amounts
            .map(
              (a) =>
                `${a.tenge !== undefined ? `${groupDigits(a.tenge)} tenge` : a.mci !== undefined ? `${a.mci} MCI` : `${a.usd} USD`}${a.kind ? ` (${a.kind})` : ''}`,
            )
            .join('; ')}`
        : null,
    ].filter((line): line is string => line !== null);
    for (const detail of details) lines.push(`      ${detail}`);
  }
  if (report.flags.length > 0) {
    lines.push('', `Flags (${report.flags.length})`);
    for (const flag of report.flags) lines.push(`  - ${flag.code}: ${flag.message}`);
  }
  return lines.join('\n');
}

/**
 * The figures every imported report states, month by month, beside the database's: what a reviewer
 * checks after importing a folder of the archive. The difference is the database's figure less the
 * stated one; a figure the database does not compute (a fine, a whole past year) shows no difference.
 */
export function formatMonthReconciliation(
  results: ReadonlyArray<{
    fileName: string;
    month: string | null;
    reconciliation: readonly ReconciliationRow[] | null;
  }>,
): string {
  const rows = results
    .filter((result) => result.month && result.reconciliation && result.reconciliation.length > 0)
    .flatMap((result) =>
      (result.reconciliation ?? []).map((row) => ({
        month: result.month ?? '',
        file: path.basename(result.fileName),
        row,
      })),
    )
    .sort((a, b) => a.month.localeCompare(b.month));
  if (rows.length === 0) return 'Reconciliation by month: no stated figures to compare';
  const header = ['month', 'report', 'scope', 'figure', 'stated', 'database', 'difference'];
  const table = rows.map(({ month, file, row }) => [
    month,
    file,
    row.scope,
    row.figure,
    String(row.stated),
    row.computed === null ? '—' : String(row.computed),
    row.computed === null ? '—' : signed(row.computed - row.stated),
  ]);
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...table.map((line) => (line[column] ?? '').length)),
  );
  const numeric = new Set([4, 5, 6]);
  const render = (cells: string[]) =>
    cells
      .map((cell, column) =>
        numeric.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const agree = rows.filter(({ row }) => row.status === 'agrees').length;
  const differ = rows.filter(({ row }) => row.status === 'differs').length;
  return [
    `Reconciliation by month (stated by the report, computed by the database): ${agree} agree, ${differ} differ, ${rows.length - agree - differ} not comparable`,
    render(header),
    ...table.map(render),
  ].join('\n');
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}
