import cors from '@fastify/cors';
import etag from '@fastify/etag';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../../lib/deps.ts';
import { AppError } from '../../lib/errors.ts';
import { SESSION_COOKIE } from '../auth/index.ts';
import {
  actorDetailSchema,
  actorSummarySchema,
  caseDetailSchema,
  caseSummarySchema,
  incidentDetailSchema,
  incidentSummarySchema,
  listActors,
  listCases,
  loadActor,
  loadCase,
  loadIncident,
  loadIncidentSummaries,
  loadRegions,
  loadTaxonomy,
  makeLabels,
  regionSchema,
  taxonomySchema,
} from '../portal/index.ts';
import {
  type AggregateDimension,
  type Aggregation,
  aggregateIncidents,
  checkListWindow,
  facetIncidents,
  listIncidentIds,
  MAX_LIST_OFFSET,
  matchActorNames,
  pageableCount,
  prepareSearch,
} from '../search/index.ts';
import { computeMonthlySeries, computeMonthStats } from '../stats/index.ts';
import { EXPORT_LIMIT, incidentsCsv, incidentsJson } from './api.export.ts';
import {
  actorsQuerySchema,
  casesQuerySchema,
  countSchema,
  countsSchema,
  errorResponses,
  exportQuerySchema,
  facetsQuerySchema,
  idParams,
  incidentsQuerySchema,
  monthlyQuerySchema,
  monthQuerySchema,
  pageMetaSchema,
  statsIncidentsQuerySchema,
  statsSchema,
} from './api.schemas.ts';

export type ApiOptions = ModuleOptions & {
  /**
   * Routes of other modules under /api/v1 (the bulletins module adds /bulletins here): they get the
   * same CORS, rate limit, ETag and Cache-Control, and appear in the OpenAPI document.
   */
  extensions?: Array<FastifyPluginAsync<ModuleOptions>>;
};

export const API_VERSION = '1.0.0';

const facetDimensions = [
  'year',
  'month',
  'region',
  'category',
  'victim_kind',
  'perpetrator_kind',
  'article',
] as const;

function countsOf(aggregation: Aggregation, dimensions: readonly AggregateDimension[]) {
  const result: Record<string, Array<{ value: string; count: number }>> = {};
  for (const dimension of dimensions) {
    const values = aggregation.counts.get(dimension) ?? new Map<string, number>();
    result[dimension] = [...values.entries()]
      .filter(([, count]) => count > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([value, count]) => ({ value, count }));
  }
  return result;
}

const apiV1: FastifyPluginAsync<ApiOptions> = async (parent, { deps, extensions = [] }) => {
  const app = parent.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const origin = deps.config.publicUrl;

  await app.register(cors, { origin: '*', methods: ['GET', 'HEAD', 'OPTIONS'] });
  await app.register(rateLimit, {
    max: deps.config.apiRateLimit.max,
    timeWindow: deps.config.apiRateLimit.windowSeconds * 1000,
    keyGenerator: (request) => request.ip,
  });
  // FNV-1a: an ETag needs no cryptographic hash, and sha1 of every body cost a light route 2%.
  await app.register(etag, { hashFn: etag.fnv1a });
  // Public data changes a few times a day: a minute of caching spares the database, and the ETag
  // makes a revalidation cheap.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) {
      const cacheable = (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode < 400;
      reply.header('cache-control', cacheable ? 'public, max-age=60' : 'no-store');
    }
    return payload;
  });

  app.get(
    '/',
    {
      schema: {
        operationId: 'getIndex',
        summary: 'The entry point: where each collection is',
        tags: ['meta'],
        response: {
          200: z.object({
            name: z.string(),
            version: z.string(),
            openapi: z.string(),
            links: z.record(z.string(), z.string()),
          }),
        },
      },
    },
    async () => ({
      name: 'sozwatch',
      version: API_VERSION,
      openapi: '/api/v1/openapi.json',
      links: {
        incidents: '/api/v1/incidents',
        cases: '/api/v1/cases',
        actors: '/api/v1/actors',
        stats: '/api/v1/stats?month=YYYY-MM',
        monthly: '/api/v1/stats/monthly?from=YYYY-MM&to=YYYY-MM',
        taxonomy: '/api/v1/taxonomy',
        regions: '/api/v1/regions',
      },
    }),
  );

  app.get('/openapi.json', { schema: { hide: true } }, async () => parent.swagger());

  app.get(
    '/incidents',
    {
      schema: {
        operationId: 'listIncidents',
        summary: 'Published incidents matching a filter, a page at a time',
        description:
          'The filter is the one of the list page, the charts and the downloads. A text search (q) pages through its newest 1000 matches; other lists reach 10000 records; use the downloads for more.',
        tags: ['incidents'],
        querystring: incidentsQuerySchema,
        response: {
          200: z.object({ data: z.array(incidentSummarySchema), meta: pageMetaSchema }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const query = request.query;
      checkListWindow(query);
      const search = await prepareSearch(db, query);
      const [ids, total] = await Promise.all([
        listIncidentIds(db, search, {
          sort: query.sort,
          offset: (query.page - 1) * query.per_page,
          limit: query.per_page,
        }),
        aggregateIncidents(db, search, ['all']).then((aggregation) => aggregation.total),
      ]);
      const reachable = Math.min(pageableCount(search, total), MAX_LIST_OFFSET + query.per_page);
      return {
        data: await loadIncidentSummaries(db, ids),
        meta: {
          page: query.page,
          per_page: query.per_page,
          total,
          pages: Math.max(1, Math.ceil(reachable / query.per_page)),
        },
      };
    },
  );

  app.get(
    '/incidents/facets',
    {
      schema: {
        operationId: 'facetIncidents',
        summary: 'Facet counts of a filter, as on the list page',
        description:
          'Each dimension is counted under the whole filter, except that a dimension with a filter of its own is counted without it. Large selections are estimated from a sample (exact: false).',
        tags: ['incidents'],
        querystring: facetsQuerySchema,
        response: {
          200: z.object({ total: countSchema, exact: z.boolean(), facets: countsSchema }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const search = await prepareSearch(db, request.query);
      const facets = await facetIncidents(db, search, [...facetDimensions]);
      return { total: facets.total, exact: facets.exact, facets: countsOf(facets, facetDimensions) };
    },
  );

  for (const format of ['csv', 'json'] as const) {
    app.get(
      `/incidents.${format}`,
      {
        schema: {
          operationId: `downloadIncidents${format.toUpperCase()}`,
          summary: `Download the records of a filter as ${format.toUpperCase()}`,
          description: `Every record of the filter in the list's order (newest first unless sort says otherwise), at most ${EXPORT_LIMIT}. Labels and texts in the chosen language, falling back to another language where a text has no translation.`,
          tags: ['incidents'],
          querystring: exportQuerySchema,
          produces: [format === 'csv' ? 'text/csv' : 'application/json'],
        },
      },
      async (request, reply) => {
        const { lang, sort, ...filters } = request.query;
        const search = await prepareSearch(db, filters);
        const stamp = deps.now().toISOString().slice(0, 10);
        reply.header('content-disposition', `attachment; filename="incidents-${stamp}.${format}"`);
        if (format === 'csv') {
          const [taxonomy, regions] = await Promise.all([loadTaxonomy(db), loadRegions(db)]);
          reply.type('text/csv; charset=utf-8');
          return reply.send(incidentsCsv(db, search, makeLabels(lang, taxonomy, regions), origin, sort));
        }
        reply.type('application/json; charset=utf-8');
        return reply.send(incidentsJson(db, search, lang, origin, sort));
      },
    );
  }

  app.get(
    '/incidents/:id',
    {
      schema: {
        operationId: 'getIncident',
        summary: 'One published incident',
        tags: ['incidents'],
        params: idParams,
        response: { 200: z.object({ data: incidentDetailSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const incident = await loadIncident(db, request.params.id);
      if (!incident)
        throw new AppError('not_found', `no published incident ${request.params.id}`, { field: 'id' });
      return { data: incident };
    },
  );

  app.get(
    '/cases',
    {
      schema: {
        operationId: 'listCases',
        summary: 'Published legal cases, most recent activity first',
        tags: ['cases'],
        querystring: casesQuerySchema,
        response: {
          200: z.object({
            data: z.array(caseSummarySchema),
            meta: z.object({ page: z.number().int(), per_page: z.number().int(), total: z.number().int() }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { kind, page, per_page } = request.query;
      const { cases, total } = await listCases(db, { kind, offset: (page - 1) * per_page, limit: per_page });
      return { data: cases, meta: { page, per_page, total } };
    },
  );

  app.get(
    '/cases/:id',
    {
      schema: {
        operationId: 'getCase',
        summary: 'One published legal case with its timeline',
        tags: ['cases'],
        params: idParams,
        response: { 200: z.object({ data: caseDetailSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const legalCase = await loadCase(db, request.params.id);
      if (!legalCase)
        throw new AppError('not_found', `no published case ${request.params.id}`, { field: 'id' });
      return { data: legalCase };
    },
  );

  app.get(
    '/actors',
    {
      schema: {
        operationId: 'listActors',
        summary: 'People and organizations named in published records',
        tags: ['actors'],
        querystring: actorsQuerySchema,
        response: {
          200: z.object({
            data: z.array(actorSummarySchema),
            meta: z.object({ page: z.number().int(), per_page: z.number().int(), has_more: z.boolean() }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { q, kind, page, per_page } = request.query;
      const matchedIds = q ? await matchActorNames(db, q, 200) : undefined;
      const { actors, hasMore } = await listActors(db, {
        matchedIds,
        kind,
        offset: (page - 1) * per_page,
        limit: per_page,
      });
      return { data: actors, meta: { page, per_page, has_more: hasMore } };
    },
  );

  app.get(
    '/actors/:id',
    {
      schema: {
        operationId: 'getActor',
        summary: 'Everything public about one journalist or outlet',
        description: 'A merged actor answers 301 with the location of the actor it was merged into.',
        tags: ['actors'],
        params: idParams,
        response: { 200: z.object({ data: actorDetailSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = await loadActor(db, request.params.id);
      if (!actor) throw new AppError('not_found', `no public actor ${request.params.id}`, { field: 'id' });
      if ('mergedInto' in actor)
        return reply.redirect(`/api/v1/actors/${encodeURIComponent(actor.mergedInto)}`, 301);
      return { data: actor };
    },
  );

  app.get(
    '/stats',
    {
      schema: {
        operationId: 'getMonthStats',
        summary: "A month's figures: the month, the year to date and the same period last year",
        description:
          'The shape of `sozwatch stats --json` (DESIGN section 7), counted by the rules of section 4.',
        tags: ['stats'],
        querystring: monthQuerySchema,
        response: { 200: statsSchema, ...errorResponses },
      },
    },
    async (request) => computeMonthStats(db, request.query.month),
  );

  app.get(
    '/stats/monthly',
    {
      schema: {
        operationId: 'getMonthlyStats',
        summary: 'Group figures month by month',
        description:
          'rights and information: distinct published incidents counted in the month; legal: published cases new in the month; total: their sum (DESIGN section 4).',
        tags: ['stats'],
        querystring: monthlyQuerySchema,
        response: {
          200: z.object({
            data: z.array(
              z.object({
                month: z.string(),
                rights: z.number().int(),
                information: z.number().int(),
                legal: z.number().int(),
                total: z.number().int(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const span =
        (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
        Number(to.slice(5)) -
        Number(from.slice(5));
      if (span < 0 || span >= 120) {
        throw new AppError('validation_failed', 'to: must be from 0 to 119 months after from', {
          field: 'to',
        });
      }
      return { data: await computeMonthlySeries(db, from, to) };
    },
  );

  app.get(
    '/stats/incidents',
    {
      schema: {
        operationId: 'countIncidents',
        summary: 'Counts of the incidents of a filter, by dimension (the data of the charts)',
        tags: ['stats'],
        querystring: statsIncidentsQuerySchema,
        response: {
          200: z.object({ total: countSchema, exact: z.boolean(), counts: countsSchema }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { by, ...filters } = request.query;
      const dimensions = by.length > 0 ? by : (['category'] as const);
      const aggregation = await aggregateIncidents(db, await prepareSearch(db, filters), [...dimensions]);
      return {
        total: aggregation.total,
        exact: aggregation.exact,
        counts: countsOf(aggregation, dimensions),
      };
    },
  );

  app.get(
    '/taxonomy',
    {
      schema: {
        operationId: 'getTaxonomy',
        summary: 'Groups, categories and legal articles with their labels',
        tags: ['reference'],
        response: { 200: z.object({ data: taxonomySchema }) },
      },
    },
    async () => ({ data: await loadTaxonomy(db) }),
  );

  app.get(
    '/regions',
    {
      schema: {
        operationId: 'getRegions',
        summary: 'Regions with their history and their place on the tile map',
        tags: ['reference'],
        response: { 200: z.object({ data: z.array(regionSchema) }) },
      },
    },
    async () => ({ data: await loadRegions(db) }),
  );

  for (const extension of extensions) await app.register(extension, { deps });
};

/**
 * The public API. The OpenAPI generator is registered on the server itself (not inside /api/v1)
 * so that it sees /api/v1 routes that other modules register; it documents /api/v1 only.
 */
export const apiModule = Object.assign(
  async (app: FastifyInstance, options: ApiOptions) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'sozwatch public API',
          version: API_VERSION,
          description:
            'Published incidents, legal cases, actors, figures and reference data: read-only, CORS-enabled, rate-limited; confidential fields never appear. The editorial operations (tag editorial) need a signed-in session. Errors are {"error":{"code","message","field"?}}.',
        },
        servers: [{ url: '/' }],
        components: {
          securitySchemes: {
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: SESSION_COOKIE,
              description:
                'The session of a signed-in monitor, lawyer, editor or administrator (sign in at /{lang}/login). A write also sends the session CSRF token in the x-csrf-token header.',
            },
          },
        },
        tags: [
          { name: 'incidents' },
          { name: 'cases' },
          { name: 'actors' },
          { name: 'stats' },
          { name: 'reference' },
          { name: 'meta' },
          { name: 'answers' },
          { name: 'editorial', description: 'Records of every status, for signed-in staff' },
        ],
      },
      transform: (document) => {
        // The document covers /api/v1: the public API (no security) and the editorial API, which
        // needs a signed-in session (and its CSRF token for a write). Pages are not in it.
        if (!document.url.startsWith('/api/v1'))
          return { schema: { ...document.schema, hide: true }, url: document.url };
        const transformed = jsonSchemaTransform(document);
        const security = document.url.startsWith('/api/v1/editorial') ? [{ session: [] }] : [];
        return { ...transformed, schema: { ...transformed.schema, security } };
      },
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(apiV1, { ...options, prefix: '/api/v1' });
  },
  // Like fastify-plugin: register swagger on the server, not in an encapsulated child.
  { [Symbol.for('skip-override')]: true },
);
