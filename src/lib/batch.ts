/** Splits rows for multi-row statements, keeping each under PostgreSQL's 65,535 parameters. */
export function chunked<T>(rows: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < rows.length; start += size) out.push(rows.slice(start, start + size));
  return out;
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
