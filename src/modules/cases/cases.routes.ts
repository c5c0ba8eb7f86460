import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  bodyOf,
  editorialContext,
  editorialOperation as op,
  pathId,
  queryOf,
} from '../../lib/api-context.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { parseInput } from '../../lib/input.ts';
import {
  type CaseFilters,
  type CaseInput,
  type CaseUpdateInput,
  caseFiltersSchema,
  caseInputSchema,
  caseUpdateSchema,
  workflowActions,
} from './cases.schemas.ts';
import { changeCaseStatus, createCase, getCase, listCases, updateCase } from './cases.service.ts';

const base = '/api/v1/editorial/cases';
export const statusChangeSchema = z.strictObject({ action: z.enum(workflowActions) });

/** The editorial JSON API for legal cases; the timeline is edited as the case's `events`. */
export const caseRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  app.get(
    base,
    op({
      operationId: 'editorialListCases',
      summary: 'Legal cases of any status matching a filter',
      write: false,
      querystring: caseFiltersSchema,
    }),
    async (request) =>
      listCases(editorialContext(request, deps, { write: false }), queryOf(request) as CaseFilters),
  );

  app.post(
    base,
    op({
      operationId: 'editorialCreateCase',
      summary: 'Create a legal case as a draft',
      write: true,
      body: caseInputSchema,
    }),
    async (request, reply) => {
      const ctx = editorialContext(request, deps, { write: true });
      return reply.code(201).send(await createCase(ctx, bodyOf(request) as CaseInput));
    },
  );

  app.get(
    `${base}/:id`,
    op({
      operationId: 'editorialGetCase',
      summary: 'One legal case with every field and its timeline',
      write: false,
      params: ['id'],
    }),
    async (request) => getCase(editorialContext(request, deps, { write: false }), pathId(request)),
  );

  app.patch(
    `${base}/:id`,
    op({
      operationId: 'editorialUpdateCase',
      summary: 'Change a legal case (fields left out keep their value)',
      write: true,
      params: ['id'],
      body: caseUpdateSchema.omit({ id: true }),
    }),
    async (request) => {
      const ctx = editorialContext(request, deps, { write: true });
      return updateCase(ctx, { ...bodyOf(request), id: pathId(request) } as CaseUpdateInput);
    },
  );

  app.post(
    `${base}/:id/status`,
    op({
      operationId: 'editorialChangeCaseStatus',
      summary: 'Take a workflow step (submit, withdraw, publish…)',
      write: true,
      params: ['id'],
      body: statusChangeSchema,
    }),
    async (request) => {
      const ctx = editorialContext(request, deps, { write: true });
      const { action } = parseInput(statusChangeSchema, bodyOf(request));
      return changeCaseStatus(ctx, pathId(request), action);
    },
  );
};
