import type { FastifyRequest } from 'fastify';
import { requireRole, verifyCsrf } from '../modules/auth/index.ts';
import type { ServiceContext } from './context.ts';
import type { AppDeps } from './deps.ts';
import { AppError } from './errors.ts';
import { recordIdPattern } from './input.ts';

/**
 * The service context of an editorial API request: a signed-in user of any editorial role (the
 * services check what each role may do), and for a write the session's CSRF token in the
 * `x-csrf-token` header (or `_csrf` in the body).
 */
export function editorialContext(
  request: FastifyRequest,
  deps: AppDeps,
  options: { write: boolean },
): ServiceContext {
  const user = requireRole(request, ['admin', 'editor', 'monitor', 'lawyer']);
  if (options.write) verifyCsrf(request);
  return { db: deps.db, user, via: 'api', now: deps.now };
}

/** The JSON body without the form's CSRF field, which is not part of any record. */
export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('bad_request', 'the request body must be a JSON object');
  }
  const { _csrf: _ignored, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** A record id from the path; anything else cannot exist. */
export function pathId(request: FastifyRequest, name = 'id'): string {
  const params = request.params as Record<string, string | undefined>;
  const value = params[name] ?? '';
  if (!recordIdPattern.test(value)) throw new AppError('not_found', `no record ${value}`);
  return value;
}

export function auditIdParam(request: FastifyRequest): number {
  const params = request.params as Record<string, string | undefined>;
  const value = Number(params.auditId);
  if (!Number.isSafeInteger(value) || value <= 0) throw new AppError('not_found', 'no such revision');
  return value;
}

export function queryOf(request: FastifyRequest): Record<string, unknown> {
  return { ...(request.query as Record<string, unknown> | undefined) };
}
