import type { z } from 'zod';
import type { Lang } from '../../i18n/langs.ts';
import { isAppError } from '../../lib/errors.ts';

/**
 * Editorial forms post application/x-www-form-urlencoded bodies whose field names are the dotted
 * paths of the service input ('title.kk', 'victims.0.name'), so a zod issue path names the very
 * input that caused it. Repeated names (checkboxes) arrive as arrays.
 */
export type FormBody = Readonly<Record<string, string | readonly string[] | undefined>>;

export function asFormBody(body: unknown): FormBody {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value))
      out[key] = value.filter((item): item is string => typeof item === 'string');
  }
  return out;
}

/** The first value of a field, trimmed; '' when absent. */
export function textOf(body: FormBody, name: string): string {
  const value = body[name];
  const first = typeof value === 'string' ? value : value?.[0];
  return (first ?? '').trim();
}

/** Every value of a field (checkbox groups, multiple selects), trimmed and without blanks. */
export function listOf(body: FormBody, name: string): string[] {
  const value = body[name];
  const all = value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
  return all.map((item) => item.trim()).filter((item) => item !== '');
}

export function checked(body: FormBody, name: string): boolean {
  const value = textOf(body, name);
  return value === 'on' || value === 'true' || value === '1';
}

/** A whole number typed into a form; undefined when blank, NaN-safe (a bad value stays a string). */
export function numberOf(body: FormBody, name: string): number | string | undefined {
  const value = textOf(body, name).replace(/[\s\u00a0,]/g, '');
  if (value === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/**
 * The rows of a repeated group ('victims.0.name', 'victims.1.name', ...), in index order. Rows
 * whose meaningful fields are all blank (the spare rows every form offers) are dropped; `keys`
 * lists the fields that make a row meaningful.
 */
export function rowsOf(body: FormBody, prefix: string, keys: readonly string[]): Array<{ index: number }> {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.`);
  for (const name of Object.keys(body)) {
    const match = pattern.exec(name);
    if (match?.[1] !== undefined) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .filter((index) => keys.some((key) => textOf(body, `${prefix}.${index}.${key}`) !== ''))
    .map((index) => ({ index }));
}

/** Field name → message, in the order the form shows them; '' is an error of the whole form. */
export type FieldErrors = Map<string, string>;

export type IssueMessages = {
  required: string;
  tooLong: (max: number) => string;
  tooSmall: (min: number) => string;
  tooBig: (max: number) => string;
  chooseOne: string;
  chooseAtLeastOne: string;
  badFormat: string;
  notANumber: string;
  /** The form's own words for a refinement of one field (a date, a title), else the schema's. */
  refinement: (field: string) => string | undefined;
};

/**
 * Every issue of a failed parse, one message per field, in words the form's reader can act on.
 * `input` is what was parsed: an empty value is "required", a wrong one is "not a number".
 */
export function issuesToErrors(
  error: z.ZodError,
  input: unknown,
  messages: IssueMessages,
  rename: Rename = same,
): FieldErrors {
  const errors: FieldErrors = new Map();
  for (const issue of error.issues) {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const name = rename(path.map(String).join('.'));
    if (errors.has(name)) continue;
    errors.set(name, issueMessage(issue, valueAt(input, path), name, messages));
  }
  return errors;
}

type Rename = (path: string) => string;
const same: Rename = (path) => path;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueMessage(
  issue: z.core.$ZodIssue,
  value: unknown,
  field: string,
  messages: IssueMessages,
): string {
  const blank = value === undefined || value === null || value === '';
  switch (issue.code) {
    case 'invalid_type':
      if (blank) return messages.required;
      return issue.expected === 'number' || issue.expected === 'int'
        ? messages.notANumber
        : messages.badFormat;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return messages.required;
      if ((issue.origin === 'array' || issue.origin === 'set') && Number(issue.minimum) <= 1)
        return messages.chooseAtLeastOne;
      return messages.tooSmall(Number(issue.minimum));
    case 'too_big':
      return issue.origin === 'string'
        ? messages.tooLong(Number(issue.maximum))
        : messages.tooBig(Number(issue.maximum));
    case 'invalid_value':
    case 'invalid_union':
      return blank ? messages.required : messages.chooseOne;
    case 'invalid_format':
      return messages.badFormat;
    default:
      if (blank && issue.code === 'custom' && !field.endsWith('title')) return messages.required;
      return messages.refinement(field) ?? issue.message;
  }
}

/**
 * A service refusal shown on the form: an AppError naming a field lands next to that field, any
 * other lands at the top. Anything that is not the user's to fix (a bug, a lost database) is
 * rethrown for the error page.
 */
export function refusalOf(
  error: unknown,
  lang: Lang,
  rename: Rename = same,
): { errors: FieldErrors; status: number; stale: boolean } {
  if (!isAppError(error) || !formCodes.has(error.code)) throw error;
  const field = error.field && error.code === 'validation_failed' ? error.field : '';
  return {
    errors: new Map([[field ? rename(field) : '', error.textIn(lang)]]),
    status: error.httpStatus,
    stale: error.code === 'stale_version',
  };
}

const formCodes = new Set(['validation_failed', 'stale_version', 'conflict', 'invalid_transition']);

/** The id of the input that a field name (a dotted path) renders to. */
export function fieldId(name: string): string {
  return name === '' ? 'form-errors' : `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The form with the blank rows of a repeated group dropped and the rest numbered 0, 1, 2..., so
 * row i of the service's input is row i of the form, and a refused form comes back without gaps.
 */
export function compactRows(body: FormBody, prefix: string, keys: readonly string[]): FormBody {
  const rows = rowsOf(body, prefix, keys);
  const out: Record<string, string | readonly string[] | undefined> = {};
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.(.+)$`);
  for (const [name, value] of Object.entries(body)) if (!pattern.test(name)) out[name] = value;
  rows.forEach(({ index }, position) => {
    for (const [name, value] of Object.entries(body)) {
      const match = pattern.exec(name);
      if (match && Number(match[1]) === index) out[`${prefix}.${position}.${match[2]}`] = value;
    }
  });
  return out;
}

/** How many rows of a group the form holds (after compactRows: the filled ones). */
export function rowTotal(body: FormBody, prefix: string, keys: readonly string[]): number {
  return rowsOf(body, prefix, keys).length;
}
