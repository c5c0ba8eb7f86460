import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Lang } from '../../i18n/langs.ts';
import type { ServiceContext } from '../../lib/context.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { sendPage } from '../../lib/http.ts';
import { parseInput } from '../../lib/input.ts';
import { publicFrame } from '../../lib/page-frame.ts';
import { editorialFrame, editorialGuard, requireRole, verifyCsrf } from '../auth/index.ts';
import {
  addRequestAppeal,
  getPublicRequest,
  getRequestForEditor,
  listPublicRequests,
  publishedRequestYears,
  refusalRanking,
  saveRequest,
  setRequestStatus,
} from './refusals.service.ts';
import {
  emptyRequestForm,
  RefusalsPage,
  RequestEditPage,
  type RequestFormValues,
  RequestPage,
  RequestsPage,
} from './refusals.views.tsx';
import { editorialFailure, statusActions } from './registers.http.ts';
import { listRegions } from './registers.repo.ts';
import {
  apiIdParams,
  idParams,
  langParams,
  publicRequestSchema,
  rankingRowSchema,
  refusalFiltersSchema,
  requestFormSchema,
  versionBodySchema,
} from './registers.schemas.ts';
import { REGISTER_ROLES } from './registers.service.ts';
import { tFor } from './registers.views.tsx';

export const refusalRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const { db } = deps;

  // ---------------------------------------------------------------- public pages
  app.get(
    '/:lang(kk|ru|en)/registers/refusals',
    { schema: { params: langParams } },
    async (request, reply) => {
      const { lang } = request.params as z.infer<typeof langParams>;
      const filters = parseInput(refusalFiltersSchema, request.query ?? {});
      const [ranking, years, regions] = await Promise.all([
        refusalRanking(db, filters),
        publishedRequestYears(db),
        listRegions(db),
      ]);
      return sendPage(
        reply,
        <RefusalsPage
          frame={publicFrame(request, deps, lang, tFor(lang)('refusalsTitle'))}
          {...{ ranking, filters, years, regions }}
        />,
      );
    },
  );

  app.get(
    '/:lang(kk|ru|en)/registers/refusals/records',
    { schema: { params: langParams } },
    async (request, reply) => {
      const { lang } = request.params as z.infer<typeof langParams>;
      const filters = parseInput(refusalFiltersSchema, request.query ?? {});
      const [requests, years, regions] = await Promise.all([
        listPublicRequests(db, filters),
        publishedRequestYears(db),
        listRegions(db),
      ]);
      return sendPage(
        reply,
        <RequestsPage
          frame={publicFrame(request, deps, lang, tFor(lang)('refusalsTitle'))}
          {...{ requests, filters, years, regions }}
        />,
      );
    },
  );

  app.get(
    '/:lang(kk|ru|en)/registers/refusals/:id(\\d+)',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { lang, id } = request.params as z.infer<typeof idParams>;
      const found = await getPublicRequest(db, id);
      return sendPage(
        reply,
        <RequestPage
          frame={publicFrame(request, deps, lang, tFor(lang)('refusalsTitle'))}
          request={found}
          regions={await listRegions(db)}
        />,
      );
    },
  );

  // ---------------------------------------------------------------- API
  app.get(
    '/api/v1/registers/refusals',
    {
      schema: {
        summary: 'Requests for information: published records, with the same filters as the page',
        tags: ['registers'],
        querystring: refusalFiltersSchema,
        response: { 200: z.object({ data: z.array(publicRequestSchema) }) },
      },
    },
    async (request) => ({
      data: await listPublicRequests(db, request.query as z.infer<typeof refusalFiltersSchema>),
    }),
  );
  app.get(
    '/api/v1/registers/refusals/ranking',
    {
      schema: {
        summary: 'State bodies by refusals and late answers, per year and region',
        tags: ['registers'],
        querystring: refusalFiltersSchema.pick({ year: true, region: true }),
        response: { 200: z.object({ data: z.array(rankingRowSchema) }) },
      },
    },
    async (request) => ({
      data: await refusalRanking(db, request.query as z.infer<typeof refusalFiltersSchema>),
    }),
  );
  app.get(
    '/api/v1/registers/refusals/:id',
    {
      schema: {
        summary: 'One published request for information',
        tags: ['registers'],
        params: apiIdParams,
        response: { 200: z.object({ data: publicRequestSchema }) },
      },
    },
    async (request) => ({
      data: await getPublicRequest(db, (request.params as z.infer<typeof apiIdParams>).id),
    }),
  );

  // ---------------------------------------------------------------- editorial
  await app.register(async (app) => {
    app.addHook('preHandler', editorialGuard(deps, REGISTER_ROLES));
    const context = (request: FastifyRequest): ServiceContext => ({
      db,
      user: requireRole(request, REGISTER_ROLES),
      via: 'web',
      now: deps.now,
    });
    const base = '/:lang(kk|ru|en)/editorial/registers/refusals';
    const editPath = (lang: Lang, id: number) => `/${lang}/editorial/registers/refusals/${id}`;

    const renderForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      lang: Lang,
      id: number | undefined,
      options: {
        status?: number;
        flash?: { kind: 'info' | 'error'; text: string };
        values?: RequestFormValues;
      } = {},
    ) => {
      const loaded = id === undefined ? null : await getRequestForEditor(context(request), id);
      const values: RequestFormValues =
        options.values ??
        (loaded
          ? {
              requester_kind: loaded.row.requester_kind,
              requester_name: loaded.row.requester_name,
              requester_anonymous: loaded.row.requester_anonymous,
              body_name: loaded.row.body_name,
              region: loaded.row.region_code ?? '',
              requested_on: loaded.row.requested_on,
              subject: { kk: '', ru: '', en: '', ...(loaded.row.subject as Record<string, string>) },
              deadline_on: loaded.row.deadline_on,
              answer: loaded.row.answer,
              answered_on: loaded.row.answered_on ?? '',
              grounds: loaded.row.grounds,
              incident: loaded.row.incident_id ?? '',
              editorial_note: loaded.row.editorial_note,
            }
          : emptyRequestForm);
      return sendPage(
        reply,
        <RequestEditPage
          frame={editorialFrame(request, {
            lang,
            title: tFor(lang)('editRequest'),
            organization: deps.config.organization,
          })}
          user={requireRole(request, REGISTER_ROLES)}
          {...(loaded ? { record: loaded.row } : {})}
          values={values}
          appeals={loaded?.appeals ?? []}
          regions={await listRegions(db)}
          flash={options.flash}
        />,
        options.status ?? 200,
      );
    };

    app.get(`${base}/new`, { schema: { params: langParams } }, async (request, reply) => {
      const { lang } = request.params as z.infer<typeof langParams>;
      return renderForm(request, reply, lang, undefined);
    });
    app.get(`${base}/:id(\\d+)`, { schema: { params: idParams } }, async (request, reply) => {
      const { lang, id } = request.params as z.infer<typeof idParams>;
      const done = (request.query as Record<string, string> | undefined)?.done === '1';
      return renderForm(
        request,
        reply,
        lang,
        id,
        done ? { flash: { kind: 'info', text: tFor(lang)('saved') } } : {},
      );
    });

    const save = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, id?: number) => {
      verifyCsrf(request);
      const form = parseInput(requestFormSchema, request.body ?? {});
      const version =
        id === undefined ? undefined : parseInput(versionBodySchema, request.body ?? {}).version;
      try {
        const saved = await saveRequest(context(request), {
          ...(id === undefined ? {} : { id, version }),
          input: form,
        });
        return reply.redirect(`${editPath(lang, saved)}?done=1`, 303);
      } catch (error) {
        const failure = editorialFailure(lang, error);
        return renderForm(request, reply, lang, id, { ...failure, values: form });
      }
    };
    app.post(base, { schema: { params: langParams } }, async (request, reply) => {
      const { lang } = request.params as z.infer<typeof langParams>;
      return save(request, reply, lang);
    });
    app.post(`${base}/:id(\\d+)`, { schema: { params: idParams } }, async (request, reply) => {
      const { lang, id } = request.params as z.infer<typeof idParams>;
      return save(request, reply, lang, id);
    });

    statusActions(app, {
      route: base,
      editPath,
      setStatus: (request, change) => setRequestStatus(context(request), change),
      showFailure: (request, reply, lang, id, failure) => renderForm(request, reply, lang, id, failure),
    });

    app.post(`${base}/:id(\\d+)/appeals`, { schema: { params: idParams } }, async (request, reply) => {
      const { lang, id } = request.params as z.infer<typeof idParams>;
      verifyCsrf(request);
      try {
        await addRequestAppeal(context(request), { id, input: request.body ?? {} });
      } catch (error) {
        return renderForm(request, reply, lang, id, editorialFailure(lang, error));
      }
      return reply.redirect(`${editPath(lang, id)}?done=1`, 303);
    });
  });
};
