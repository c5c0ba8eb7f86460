import { z } from 'zod';
import type { Role } from '../../db/types.ts';
import { roles } from '../../domain/vocabularies.ts';
import { AppError } from '../../lib/errors.ts';
import { passwordLength } from './auth.passwords.ts';

export { roles } from '../../domain/vocabularies.ts';

/** Roles that must sign in with a second factor (they can publish, or manage users). */
export const rolesRequiringSecondFactor: readonly Role[] = ['admin', 'editor'];

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'too long')
  .pipe(z.email('not a valid email address'));

export const roleSchema = z.enum(roles, `must be one of ${roles.join(', ')}`);

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters');

export const passwordSchema = z
  .string()
  .min(passwordLength.min, `must be at least ${passwordLength.min} characters`)
  .max(passwordLength.max, `must be at most ${passwordLength.max} characters`);

export const newUserSchema = z.object({
  email: emailSchema,
  role: roleSchema,
  displayName: displayNameSchema.optional(),
  password: passwordSchema.optional(),
});
/** `role` is checked at run time, so form and command-line input can be passed as it came. */
export type NewUserInput = Omit<z.input<typeof newUserSchema>, 'role'> & { role: string };

export const changePasswordSchema = z.object({
  userId: z.number().int().positive(),
  currentPassword: z.string().max(passwordLength.max).optional(),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const userIdSchema = z.object({ userId: z.number().int().positive() });

/** Form bodies arrive as strings (or arrays when a name repeats); anything else reads as ''. */
export function formField(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** `key` when it is one of `map`'s own keys (never an inherited one such as 'constructor'). */
export function ownKey<Map extends object>(map: Map, key: string): (keyof Map & string) | undefined {
  return Object.hasOwn(map, key) ? (key as keyof Map & string) : undefined;
}

/** Parses service input; the first problem becomes one AppError naming its field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'input';
  throw new AppError('validation_failed', `${field}: ${issue?.message ?? 'invalid value'}`, { field });
}
