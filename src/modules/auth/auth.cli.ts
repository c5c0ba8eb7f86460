import { withDatabase } from '../../cli/runtime.ts';
import { systemContext } from '../../lib/context.ts';
import { AppError, isAppError } from '../../lib/errors.ts';
import { newUserSchema, parseInput, rolesRequiringSecondFactor } from './auth.schemas.ts';
import { createUser } from './users.service.ts';

const optionOf: Record<string, string> = { email: '--email', role: '--role', displayName: '--name' };

/** Renames a service error's field to the command-line option the user typed. */
function asOptionError(error: unknown, given: Record<string, string | undefined>): unknown {
  if (!isAppError(error) || !error.field || !(error.field in optionOf)) return error;
  const reason = error.message.replace(/^[\w.]+: /, '');
  const value = given[error.field];
  const shown = value === undefined ? '' : ` (got ${JSON.stringify(value)})`;
  return new AppError(error.code, `${optionOf[error.field]}: ${reason}${shown}`, { field: error.field });
}

/**
 * `sozwatch user add --email E --role R [--name N]`: creates the user and prints a generated password
 * once. The input is checked before the database is opened, so a typo costs nothing.
 */
export async function userAddCommand(
  options: { email: string; role: string; name?: string | undefined },
  write: (text: string) => void = (text) => process.stdout.write(text),
): Promise<void> {
  const input = {
    email: options.email,
    role: options.role,
    ...(options.name === undefined ? {} : { displayName: options.name }),
  };
  const given = { email: options.email, role: options.role, displayName: options.name };
  try {
    parseInput(newUserSchema, input);
    await withDatabase(async ({ handle }) => {
      const { user, password } = await createUser(systemContext(handle.db, 'cli'), input);
      write(`created ${user.role} ${user.email} (id ${user.id}, name "${user.displayName}")\n`);
      write(`password: ${password}\n`);
      write('This password is shown only once: hand it over through a safe channel.\n');
      if (rolesRequiringSecondFactor.includes(user.role)) {
        write('At the first sign-in this user sets up two-factor sign-in (an authenticator app).\n');
      }
    });
  } catch (error) {
    throw asOptionError(error, given);
  }
}
