import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
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

/** A path id as the editorial routes document it (pathId checks the same pattern). */
const idParam = z.string().describe('a record id');

/**
 * The route options of an editorial API operation: its OpenAPI description and the service's own
 * zod schemas for its input. The schemas document the input; the service validates it, after the
 * session and CSRF checks (so an anonymous caller is refused before anything about its input is
 * said). Fastify therefore runs no validator of its own on these routes.
 */
export function editorialOperation(spec: {
  operationId: string;
  summary: string;
  description?: string;
  write: boolean;
  params?: readonly string[];
  querystring?: z.ZodType;
  body?: z.ZodType;
}) {
  const params = spec.params ?? [];
  return {
    schema: {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: ['editorial'],
      ...(params.length > 0
        ? { params: z.object(Object.fromEntries(params.map((name) => [name, idParam]))) }
        : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.write
        ? {
            headers: z.object({ 'x-csrf-token': z.string().describe("the session's CSRF token").optional() }),
          }
        : {}),
    },
    validatorCompiler: () => (value: unknown) => ({ value }),
  };
}
