import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  auditIdParam,
  bodyOf,
  editorialContext,
  editorialOperation,
  pathId,
  queryOf,
} from '../../lib/api-context.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { AppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/input.ts';
import { recordId } from '../actors/index.ts';
import { statusChangeSchema } from '../cases/index.ts';
import { mergeActors, splitActor } from './actor-merge.service.ts';
import {
  type IncidentFilters,
  type IncidentInput,
  type IncidentUpdateInput,
  incidentFiltersSchema,
  incidentInputSchema,
  incidentUpdateSchema,
} from './incidents.schemas.ts';
import {
  changeIncidentStatus,
  createIncident,
  getIncident,
  linkRecords,
  listIncidents,
  unlinkRecords,
  updateIncident,
} from './incidents.service.ts';
import { listRecordRevisions, type RecordEntity, restoreRevision } from './revisions.service.ts';

const api = '/api/v1/editorial';
const base = `${api}/incidents`;
const linkBody = z.union([
  z.strictObject({ case_id: recordId }),
  z.strictObject({ linked_incident_id: recordId }),
]);
const mergeBody = z.strictObject({ into: recordId });
const entityByPath: Record<string, RecordEntity> = { incidents: 'incident', cases: 'case', actors: 'actor' };

function entityOf(request: FastifyRequest): RecordEntity {
  const segment = request.url.slice(api.length + 1).split('/')[0] ?? '';
  const entity = entityByPath[segment];
  if (!entity) throw new AppError('not_found', `no records called ${segment}`);
  return entity;
}

/**
 * The editorial JSON API for incidents and their links, plus what spans every kind of record:
 * revision history and restore (incidents, cases, actors), and merging and splitting actors.
 */
export const incidentRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const op = editorialOperation;
  app.get(
    base,
    op({
      operationId: 'editorialListIncidents',
      summary: 'Incidents of any status matching a filter',
      write: false,
      querystring: incidentFiltersSchema,
    }),
    async (request) =>
      listIncidents(editorialContext(request, deps, { write: false }), queryOf(request) as IncidentFilters),
  );

  app.post(
    base,
    op({
      operationId: 'editorialCreateIncident',
      summary: 'Create an incident as a draft',
      write: true,
      body: incidentInputSchema,
    }),
    async (request, reply) => {
      const ctx = editorialContext(request, deps, { write: true });
      return reply.code(201).send(await createIncident(ctx, bodyOf(request) as IncidentInput));
    },
  );

  app.get(
    `${base}/:id`,
    op({
      operationId: 'editorialGetIncident',
      summary: 'One incident with every field',
      write: false,
      params: ['id'],
    }),
    async (request) => getIncident(editorialContext(request, deps, { write: false }), pathId(request)),
  );

  app.patch(
    `${base}/:id`,
    op({
      operationId: 'editorialUpdateIncident',
      summary: 'Change an incident (fields left out keep their value)',
      write: true,
      params: ['id'],
      body: incidentUpdateSchema.omit({ id: true }),
    }),
    async (request) => {
      const ctx = editorialContext(request, deps, { write: true });
      return updateIncident(ctx, { ...bodyOf(request), id: pathId(request) } as IncidentUpdateInput);
    },
  );

  app.post(
    `${base}/:id/status`,
    op({
      operationId: 'editorialChangeIncidentStatus',
      summary: 'Take a workflow step (submit, withdraw, publish…)',
      write: true,
      params: ['id'],
      body: statusChangeSchema,
    }),
    async (request) => {
      const ctx = editorialContext(request, deps, { write: true });
      const { action } = parseInput(statusChangeSchema, bodyOf(request));
      return changeIncidentStatus(ctx, pathId(request), action);
    },
  );

  app.post(
    `${base}/:id/links`,
    op({
      operationId: 'editorialLinkIncident',
      summary: 'Link an incident to a case or to another incident',
      write: true,
      params: ['id'],
      body: linkBody,
    }),
    async (request) => {
      const ctx = editorialContext(request, deps, { write: true });
      return linkRecords(ctx, { ...parseInput(linkBody, bodyOf(request)), incident_id: pathId(request) });
    },
  );

  app.delete(
    `${base}/:id/links/cases/:other`,
    op({
      operationId: 'editorialUnlinkCase',
      summary: 'Remove the link between an incident and a case',
      write: true,
      params: ['id', 'other'],
    }),
    async (request) => {
      const ctx = editorialContext(request, deps, { write: true });
      return unlinkRecords(ctx, { incident_id: pathId(request), case_id: pathId(request, 'other') });
    },
  );

  app.delete(
    `${base}/:id/links/incidents/:other`,
    op({
      operationId: 'editorialUnlinkIncident',
      summary: 'Remove the link between two incidents',
      write: true,
      params: ['id', 'other'],
    }),
    async (request) => {
      const ctx = editorialContext(request, deps, { write: true });
      return unlinkRecords(ctx, {
        incident_id: pathId(request),
        linked_incident_id: pathId(request, 'other'),
      });
    },
  );

  for (const path of ['incidents', 'cases', 'actors']) {
    const entity = entityByPath[path] ?? 'incident';
    const Entity = entity.charAt(0).toUpperCase() + entity.slice(1);
    app.get(
      `${api}/${path}/:id/revisions`,
      op({
        operationId: `editorialList${Entity}Revisions`,
        summary: `The revisions of one ${entity}, newest first`,
        write: false,
        params: ['id'],
      }),
      async (request) => ({
        items: await listRecordRevisions(
          editorialContext(request, deps, { write: false }),
          entityOf(request),
          pathId(request),
        ),
      }),
    );
    app.post(
      `${api}/${path}/:id/revisions/:auditId/restore`,
      op({
        operationId: `editorialRestore${Entity}Revision`,
        summary: `Restore an earlier revision of one ${entity}`,
        write: true,
        params: ['id', 'auditId'],
      }),
      async (request) => {
        const ctx = editorialContext(request, deps, { write: true });
        return restoreRevision(ctx, entityOf(request), pathId(request), auditIdParam(request));
      },
    );
  }

  app.post(
    `${api}/actors/:id/merge`,
    op({
      operationId: 'editorialMergeActor',
      summary: 'Merge an actor into another (undone by split)',
      write: true,
      params: ['id'],
      body: mergeBody,
    }),
    async (request) => {
      const ctx = editorialContext(request, deps, { write: true });
      const { into } = parseInput(mergeBody, bodyOf(request));
      return mergeActors(ctx, { survivor_id: into, merged_id: pathId(request) });
    },
  );

  app.post(
    `${api}/actors/:id/split`,
    op({
      operationId: 'editorialSplitActor',
      summary: 'Undo the last merge into an actor',
      write: true,
      params: ['id'],
    }),
    async (request) => {
      const ctx = editorialContext(request, deps, { write: true });
      return splitActor(ctx, pathId(request));
    },
  );
};
