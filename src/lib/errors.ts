/**
 * The one error type of sozwatch. Every failure a user can see is an AppError with a code from this
 * closed list; the HTTP handler and the CLI map codes to a status and a one-line message.
 */
export const errorCodes = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  rate_limited: 429,
  payload_too_large: 413,
  invalid_transition: 409,
  config_invalid: 500,
  database_locked: 503,
  database_unavailable: 503,
  not_implemented: 501,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The input field (or file:line:field) at fault, when there is one. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, options: { field?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
  }

  get httpStatus(): number {
    return errorCodes[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
