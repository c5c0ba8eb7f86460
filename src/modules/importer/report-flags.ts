/**
 * What the parser noticed but tolerated. A flag never stops a parse: it tells the reviewer where the
 * report is odd (typos, a wrong month label, lines that do not add up) so nothing is silently trusted.
 */
export const flagCodes = [
  'literal_escapes',
  'encoding',
  'typo',
  'glued_words',
  'name_variants',
  'month_label_mismatch',
  'sum_mismatch',
  'and_others',
  'ambiguous_figure',
  'format_guessed',
  'published_before_month_end',
  'month_guessed',
  'no_figures',
  'truncated',
] as const;

export type FlagCode = (typeof flagCodes)[number];

export type ReportFlag = { code: FlagCode; message: string; span?: [number, number] };
