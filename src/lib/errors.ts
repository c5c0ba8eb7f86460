import type { Lang } from '../i18n/langs.ts';
import { type ErrorKey, type ErrorParams, errorText } from './errors.messages.ts';

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

/** A refusal's wording as data: a key of the one error catalog (errors.messages.ts) and its parameters. */
export type ErrorDetail = { key: ErrorKey; params?: ErrorParams };

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The input field (or file:line:field) at fault, when there is one. */
  readonly field: string | undefined;
  /** The wording of the refusal as a catalog key, so a page can say it in the reader's language. */
  readonly detail: ErrorDetail | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string; cause?: unknown; detail?: ErrorDetail } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = options.field;
    this.detail = options.detail;
  }

  /** A refusal worded by the catalog: its English text becomes the message. */
  static of(
    code: ErrorCode,
    detail: ErrorDetail,
    options: { field?: string; cause?: unknown } = {},
  ): AppError {
    const text = errorText('en', detail.key, detail.params);
    // Validation messages name their field (the CLI and the API print only the message).
    const prefixed = code === 'validation_failed' && options.field ? `${options.field}: ${text}` : text;
    return new AppError(code, prefixed, { ...options, detail });
  }

  /** What to show a reader of `lang`: the catalog's wording when there is one, else the message. */
  textIn(lang: Lang): string {
    if (this.detail) return errorText(lang, this.detail.key, this.detail.params);
    const prefix = this.field ? `${this.field}: ` : '';
    return prefix && this.message.startsWith(prefix) ? this.message.slice(prefix.length) : this.message;
  }

  get httpStatus(): number {
    return errorCodes[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** One thing wrong with an input, found by a check that reports every problem (forms, imports). */
export type Problem = { field: string; message: string; detail: ErrorDetail };

export function problem(field: string, key: ErrorKey, params?: ErrorParams): Problem {
  const detail: ErrorDetail = params ? { key, params } : { key };
  return { field, message: errorText('en', key, params), detail };
}

/** The refusal of the first problem, if there is one. */
export function throwFirstProblem(problems: readonly Problem[]): void {
  const first = problems[0];
  if (first) throw AppError.of('validation_failed', first.detail, { field: first.field });
}
