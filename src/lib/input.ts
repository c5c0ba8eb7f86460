import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from './errors.ts';

/** A zod issue path as one dotted field name ('victims.0.kind'). */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}

/** The first problem of a failed parse as a field and a message a person can act on. */
export function describeIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: '', message: 'invalid input' };
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return { field: fieldPath([...issue.path, key]), message: `unknown field "${key}"` };
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return { field: fieldPath(issue.path), message: 'required' };
  }
  return { field: fieldPath(issue.path), message: issue.message };
}

/** Parses input at a boundary; a failure becomes one AppError naming the field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { field, message } = describeIssue(parsed.error);
  throw new AppError('validation_failed', field ? `${field}: ${message}` : message, {
    ...(field ? { field } : {}),
  });
}

/** A new record id: a readable prefix and 10 random hex digits. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** A record's stable external id: letters, digits and . _ : - (no spaces), at most 100 characters. */
export const recordIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
