import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServiceContext } from '../../lib/context.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { sendPage } from '../../lib/http.ts';
import { parseInput } from '../../lib/input.ts';
import { publicFrame } from '../../lib/page-frame.ts';
import { editorialFrame, editorialGuard, requireRole, verifyCsrf } from '../auth/index.ts';
import {
  addBlockingEvidence,
  getBlockingForEditor,
  getPublicBlocking,
  getPublishedScreenshot,
  listPublicBlocking,
  publicBlockingFigures,
  saveBlocking,
  setBlockingStatus,
} from './blocking.service.ts';
import {
  BlockingEditPage,
  type BlockingFormValues,
  BlockingListPage,
  BlockingPage,
  emptyBlockingForm,
} from './blocking.views.tsx';
import { editorialFailure, statusActions } from './registers.http.ts';
import { listRegions } from './registers.repo.ts';
import {
  apiIdParams,
  blockingFiltersSchema,
  blockingFormSchema,
  blockingYearSchema,
  evidenceParams,
  idParams,
  langParams,
  MAX_SCREENSHOT_BYTES,
  publicBlockingSchema,
  versionBodySchema,
} from './registers.schemas.ts';
import { REGISTER_ROLES } from './registers.service.ts';
import { tFor } from './registers.views.tsx';

export const blockingRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const { db } = deps;

  // ---------------------------------------------------------------- public pages
  app.get(
    '/:lang(kk|ru|en)/registers/blocking',
    { schema: { params: langParams } },
    async (request, reply) => {
      const { lang } = request.params as z.infer<typeof langParams>;
      const filters = parseInput(blockingFiltersSchema, request.query ?? {});
      const [records, figures, regions] = await Promise.all([
        listPublicBlocking(db, filters),
        publicBlockingFigures(db),
        listRegions(db),
      ]);
      return sendPage(
        reply,
        <BlockingListPage
          frame={publicFrame(request, deps, lang, tFor(lang)('blockingTitle'))}
          records={records}
          figures={figures}
          filters={filters}
          regions={regions}
        />,
      );
    },
  );

  app.get(
    '/:lang(kk|ru|en)/registers/blocking/:id(\\d+)',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { lang, id } = request.params as z.infer<typeof idParams>;
      const record = await getPublicBlocking(db, id);
      return sendPage(
        reply,
        <BlockingPage
          frame={publicFrame(request, deps, lang, record.resource)}
          record={record}
          regions={await listRegions(db)}
        />,
      );
    },
  );

  // ---------------------------------------------------------------- API
  app.get(
    '/api/v1/registers/blocking',
    {
      schema: {
        summary: 'The register of blocking: published records, with the same filters as the page',
        tags: ['registers'],
        querystring: blockingFiltersSchema,
        response: { 200: z.object({ data: z.array(publicBlockingSchema) }) },
      },
    },
    async (request) => ({
      data: await listPublicBlocking(db, request.query as z.infer<typeof blockingFiltersSchema>),
    }),
  );
  app.get(
    '/api/v1/registers/blocking/figures',
    {
      schema: {
        summary: 'Blocking by year: blocked, lifted, and still blocked on 31 December',
        tags: ['registers'],
        response: { 200: z.object({ data: z.array(blockingYearSchema) }) },
      },
    },
    async () => ({ data: await publicBlockingFigures(db) }),
  );
  app.get(
    '/api/v1/registers/blocking/:id',
    {
      schema: {
        summary: 'One published record of the register of blocking',
        tags: ['registers'],
        params: apiIdParams,
        response: { 200: z.object({ data: publicBlockingSchema }) },
      },
    },
    async (request) => ({
      data: await getPublicBlocking(db, (request.params as z.infer<typeof apiIdParams>).id),
    }),
  );
  app.get(
    '/api/v1/registers/blocking/:id/evidence/:evidenceId/screenshot',
    { schema: { summary: 'The screenshot of one check', tags: ['registers'], params: evidenceParams } },
    async (request, reply) => {
      const { id, evidenceId } = request.params as z.infer<typeof evidenceParams>;
      const screenshot = await getPublishedScreenshot(db, id, evidenceId);
      return reply
        .type(screenshot.type)
        .header('cache-control', 'public, max-age=86400')
        .send(screenshot.data);
    },
  );

  // ---------------------------------------------------------------- editorial
  await app.register(async (app) => {
    app.addHook('preHandler', editorialGuard(deps, REGISTER_ROLES));
    // Only here: the evidence form sends a screenshot; fields become strings, the file a Buffer.
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_SCREENSHOT_BYTES + 1, files: 1, fields: 20 },
    });
    const context = (request: FastifyRequest): ServiceContext => ({
      db,
      user: requireRole(request, REGISTER_ROLES),
      via: 'web',
      now: deps.now,
    });
    const base = '/:lang(kk|ru|en)/editorial/registers/blocking';

    const renderForm = async (
      request: FastifyRequest,
      reply: FastifyReply,
      lang: z.infer<typeof langParams>['lang'],
      id: number | undefined,
      options: {
        status?: number;
        flash?: { kind: 'info' | 'error'; text: string };
        values?: BlockingFormValues;
      } = {},
    ) => {
      const t = tFor(lang);
      const loaded = id === undefined ? null : await getBlockingForEditor(context(request), id);
      const values: BlockingFormValues =
        options.values ??
        (loaded
          ? {
              resource: loaded.row.resource,
              resource_kind: loaded.row.resource_kind,
              ordered_by: loaded.row.ordered_by,
              legal_basis: loaded.row.legal_basis,
              blocked_on: loaded.row.blocked_on,
              lifted_on: loaded.row.lifted_on ?? '',
              region: loaded.row.region_code ?? '',
              description: { kk: '', ru: '', en: '', ...(loaded.row.description as Record<string, string>) },
              editorial_note: loaded.row.editorial_note,
              incidents: loaded.incidents.join(', '),
            }
          : emptyBlockingForm);
      return sendPage(
        reply,
        <BlockingEditPage
          frame={editorialFrame(request, {
            lang,
            title: t('editBlocking'),
            organization: deps.config.organization,
          })}
          user={requireRole(request, REGISTER_ROLES)}
          {...(loaded ? { record: loaded.row } : {})}
          values={values}
          evidence={loaded?.evidence ?? []}
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

    const save = async (
      request: FastifyRequest,
      reply: FastifyReply,
      lang: 'kk' | 'ru' | 'en',
      id?: number,
    ) => {
      verifyCsrf(request);
      const form = parseInput(blockingFormSchema, request.body ?? {});
      const version =
        id === undefined ? undefined : parseInput(versionBodySchema, request.body ?? {}).version;
      try {
        const saved = await saveBlocking(context(request), {
          ...(id === undefined ? {} : { id, version }),
          input: form,
        });
        return reply.redirect(`/${lang}/editorial/registers/blocking/${saved}?done=1`, 303);
      } catch (error) {
        const flash = editorialFailure(lang, error);
        return renderForm(request, reply, lang, id, {
          status: flash.status,
          flash: flash.flash,
          values: form,
        });
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
      editPath: (lang, id) => `/${lang}/editorial/registers/blocking/${id}`,
      setStatus: (request, change) => setBlockingStatus(context(request), change),
      showFailure: (request, reply, lang, id, failure) => renderForm(request, reply, lang, id, failure),
    });

    app.post(`${base}/:id(\\d+)/evidence`, { schema: { params: idParams } }, async (request, reply) => {
      const { lang, id } = request.params as z.infer<typeof idParams>;
      verifyCsrf(request);
      const { screenshot, ...fields } = (request.body ?? {}) as Record<string, unknown>;
      try {
        await addBlockingEvidence(context(request), {
          id,
          input: fields,
          screenshot: Buffer.isBuffer(screenshot) ? screenshot : undefined,
        });
      } catch (error) {
        const flash = editorialFailure(lang, error);
        return renderForm(request, reply, lang, id, flash);
      }
      return reply.redirect(`/${lang}/editorial/registers/blocking/${id}?done=1`, 303);
    });
  });
};
