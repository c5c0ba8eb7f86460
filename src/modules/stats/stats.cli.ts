import type { Db } from '../../db/client.ts';
import type { ScopeFigures } from './counting.ts';
import { parseMonth, scopeNames } from './periods.ts';

export { parseMonth };

import { computeMonthStats } from './stats.service.ts';

/** `sozwatch stats --month YYYY-MM [--json]`: the DESIGN 7 JSON, or the same figures as a plain table. */
export async function statsCommand(db: Db, options: { month: string; json?: boolean }): Promise<string> {
  const stats = await computeMonthStats(db, parseMonth(options.month, '--month'));
  if (options.json) return `${JSON.stringify(stats, null, 2)}\n`;
  const rows = figureRows(stats.scope.month).map(([label], index) => [
    label,
    ...scopeNames.map((scope) => String(figureRows(stats.scope[scope])[index]?.[1] ?? '')),
  ]);
  const header = ['figure', 'month', 'year to date', 'same period last year'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return `figures for ${stats.month}\n${[line(header), ...rows.map(line)].join('\n')}\n`;
}

function figureRows(figures: ScopeFigures): Array<[string, number]> {
  return [
    ['rights', figures.groups.rights],
    ['information', figures.groups.information],
    ['legal', figures.groups.legal],
    ['total', figures.groups.total],
    ...Object.entries(figures.categories).map(([code, value]): [string, number] => [`  ${code}`, value]),
    ...(['criminal', 'civil', 'administrative'] as const).flatMap(
      (kind): Array<[string, number]> => [
        [kind, figures.legal[kind].count],
        [`  ${kind} in court`, figures.legal[kind].in_court],
      ],
    ),
    ...Object.entries(figures.legal.subjects).map(([code, value]): [string, number] => [`  ${code}`, value]),
    ['judicial acts', figures.judicial_acts.total],
    ['  first instance', figures.judicial_acts.first],
    ['  appeal', figures.judicial_acts.appeal],
    ['  cassation', figures.judicial_acts.cassation],
    ['  for the media', figures.judicial_acts.for_media],
    ['claims for non-pecuniary damage (KZT)', figures.money.claims_non_pecuniary],
    ['collected by courts (KZT)', figures.money.collected_by_courts],
  ];
}
