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
  type ActorFilters,
  type ActorInput,
  actorFiltersSchema,
  actorInputSchema,
  actorUpdateSchema,
} from './actors.schemas.ts';
import { createActor, getActor, listActors, suggestActors, updateActor } from './actors.service.ts';

const base = '/api/v1/editorial/actors';
const suggestQuery = z.strictObject({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/**
 * The editorial JSON API for actors. Revisions, merge and split are served with the incidents
 * routes, beside the services that rewrite incident and case links.
 */
export const actorRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  app.get(
    `${base}/suggest`,
    op({
      operationId: 'editorialSuggestActors',
      summary: 'Existing actors whose names are like a query',
      write: false,
      querystring: suggestQuery,
    }),
    async (request) => {
      editorialContext(request, deps, { write: false });
      const { q, limit } = parseInput(suggestQuery, queryOf(request));
      return { items: await suggestActors(deps.db, q, limit) };
    },
  );

  app.get(
    base,
    op({
      operationId: 'editorialListActors',
      summary: 'Actors matching a filter',
      write: false,
      querystring: actorFiltersSchema,
    }),
    async (request) =>
      listActors(editorialContext(request, deps, { write: false }), queryOf(request) as ActorFilters),
  );

  app.post(
    base,
    op({
      operationId: 'editorialCreateActor',
      summary: 'Create an actor',
      write: true,
      body: actorInputSchema,
    }),
    async (request, reply) => {
      const ctx = editorialContext(request, deps, { write: true });
      return reply.code(201).send(await createActor(ctx, bodyOf(request) as ActorInput));
    },
  );

  app.get(
    `${base}/:id`,
    op({
      operationId: 'editorialGetActor',
      summary: 'One actor with its names and usage',
      write: false,
      params: ['id'],
    }),
    async (request) => getActor(editorialContext(request, deps, { write: false }), pathId(request)),
  );

  app.patch(
    `${base}/:id`,
    op({
      operationId: 'editorialUpdateActor',
      summary: 'Change an actor (fields left out keep their value)',
      write: true,
      params: ['id'],
      body: actorUpdateSchema.omit({ id: true }),
    }),
    async (request) => {
      const ctx = editorialContext(request, deps, { write: true });
      return updateActor(ctx, { ...bodyOf(request), id: pathId(request) } as Parameters<
        typeof updateActor
      >[1]);
    },
  );
};
