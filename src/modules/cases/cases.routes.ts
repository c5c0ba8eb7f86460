import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { bodyOf, editorialContext, pathId, queryOf } from '../../lib/api-context.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { parseInput } from '../../lib/input.ts';
import { type CaseFilters, type CaseInput, type CaseUpdateInput, workflowActions } from './cases.schemas.ts';
import { changeCaseStatus, createCase, getCase, listCases, updateCase } from './cases.service.ts';

const base = '/api/v1/editorial/cases';
export const statusChangeSchema = z.strictObject({ action: z.enum(workflowActions) });

/** The editorial JSON API for legal cases; the timeline is edited as the case's `events`. */
export const caseRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  app.get(base, async (request) =>
    listCases(editorialContext(request, deps, { write: false }), queryOf(request) as CaseFilters),
  );

  app.post(base, async (request, reply) => {
    const ctx = editorialContext(request, deps, { write: true });
    return reply.code(201).send(await createCase(ctx, bodyOf(request) as CaseInput));
  });

  app.get(`${base}/:id`, async (request) =>
    getCase(editorialContext(request, deps, { write: false }), pathId(request)),
  );

  app.patch(`${base}/:id`, async (request) => {
    const ctx = editorialContext(request, deps, { write: true });
    return updateCase(ctx, { ...bodyOf(request), id: pathId(request) } as CaseUpdateInput);
  });

  app.post(`${base}/:id/status`, async (request) => {
    const ctx = editorialContext(request, deps, { write: true });
    const { action } = parseInput(statusChangeSchema, bodyOf(request));
    return changeCaseStatus(ctx, pathId(request), action);
  });
};
