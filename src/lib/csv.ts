/**
 * A cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return) is prefixed with an apostrophe, so a hostile record cannot turn a download into a link or a
 * calculation (CSV injection). Every CSV the system writes for people goes through this.
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
