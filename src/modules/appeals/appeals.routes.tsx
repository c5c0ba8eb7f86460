import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { translator } from '../../i18n/define.ts';
import { type Lang, langs } from '../../i18n/langs.ts';
import type { ServiceContext } from '../../lib/context.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { isAppError } from '../../lib/errors.ts';
import { sendPage } from '../../lib/http.ts';
import { parseInput } from '../../lib/input.ts';
import { publicFrame } from '../../lib/page-frame.ts';
import { editorialFrame, editorialGuard, requireRole, verifyCsrf } from '../auth/index.ts';
import { assembleAppeal, renderAppealDocx, renderAppealPdf, renderAppealsFeed } from './appeals.documents.ts';
import { appealMessages } from './appeals.messages.ts';
import { listRegions } from './appeals.repo.ts';
import {
  type AppealForm,
  appealFormSchema,
  createBodySchema,
  idParams,
  ids,
  langParams,
  lines,
  publishBodySchema,
  responseBodySchema,
  selectionFiltersSchema,
} from './appeals.schemas.ts';
import {
  APPEAL_ROLES,
  addAppealResponse,
  createAppealFromIncidents,
  getAppealForEditor,
  getPublishedAppeal,
  listAppealsForEditor,
  listIncidentsForSelection,
  listPublishedAppeals,
  publishAppeal,
  unpublishAppeal,
  updateAppeal,
} from './appeals.service.ts';
import {
  type AppealFormValues,
  AppealPage,
  AppealsPage,
  ConfirmPublishAppealPage,
  EditAppealPage,
  EditorialAppealsPage,
  SelectIncidentsPage,
} from './appeals.views.tsx';

const byLang = (read: (lang: Lang) => string) =>
  Object.fromEntries(langs.map((lang) => [lang, read(lang)])) as Record<Lang, string>;

function formToInput(form: AppealForm) {
  return {
    title: byLang((lang) => form[`title_${lang}`]),
    // Stored with plain line feeds, whatever the browser sent (textareas send CR LF).
    body: byLang((lang) => form[`body_${lang}`].replace(/\r\n?/g, '\n')),
    date: form.date.trim(),
    addressees: lines(form.addressees),
    signatories: lines(form.signatories),
    incidentIds: ids(form.incidents),
    caseIds: ids(form.cases),
  };
}

export const appealRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const organization = deps.config.organization;

  // ---------------------------------------------------------------- public
  app.get('/:lang(kk|ru|en)/appeals', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params as z.infer<typeof langParams>;
    const t = translator(appealMessages, lang);
    return sendPage(
      reply,
      <AppealsPage
        frame={publicFrame(request, deps, lang, t('appealsTitle'))}
        appeals={await listPublishedAppeals(deps.db)}
      />,
    );
  });

  app.get('/:lang(kk|ru|en)/appeals/feed.xml', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params as z.infer<typeof langParams>;
    const appeals = await listPublishedAppeals(deps.db, 50);
    return reply
      .type('application/atom+xml; charset=utf-8')
      .send(renderAppealsFeed(appeals, lang, deps.config.publicUrl, organization));
  });

  app.get('/:lang(kk|ru|en)/appeals/:id(\\d+)', { schema: { params: idParams } }, async (request, reply) => {
    const { lang, id } = request.params as z.infer<typeof idParams>;
    const published = await getPublishedAppeal(deps.db, id);
    const title = assembleAppeal(published, lang, organization).title;
    return sendPage(
      reply,
      <AppealPage frame={publicFrame(request, deps, lang, title)} published={published} />,
    );
  });

  app.get(
    '/:lang(kk|ru|en)/appeals/:id(\\d+).pdf',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { lang, id } = request.params as z.infer<typeof idParams>;
      const pdf = await renderAppealPdf(
        assembleAppeal(await getPublishedAppeal(deps.db, id), lang, organization),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="appeal-${id}-${lang}.pdf"`)
        .send(pdf);
    },
  );

  app.get(
    '/:lang(kk|ru|en)/appeals/:id(\\d+).docx',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { lang, id } = request.params as z.infer<typeof idParams>;
      const docx = await renderAppealDocx(
        assembleAppeal(await getPublishedAppeal(deps.db, id), lang, organization),
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="appeal-${id}-${lang}.docx"`)
        .send(docx);
    },
  );

  // ---------------------------------------------------------------- editorial
  // Signed-in editors, lawyers and admins only: others go to the login page or get a 403 page.
  await app.register(async (app) => {
    app.addHook('preHandler', editorialGuard(deps, APPEAL_ROLES));
    const context = (request: FastifyRequest): ServiceContext => ({
      db: deps.db,
      user: requireRole(request, APPEAL_ROLES),
      via: 'web',
      now: deps.now,
    });

    app.get(
      '/:lang(kk|ru|en)/editorial/appeals',
      { schema: { params: langParams } },
      async (request, reply) => {
        const { lang } = request.params as z.infer<typeof langParams>;
        const ctx = context(request);
        const appeals = await listAppealsForEditor(ctx);
        const t = translator(appealMessages, lang);
        return sendPage(
          reply,
          <EditorialAppealsPage
            frame={editorialFrame(request, { lang, title: t('editorialTitle'), organization })}
            user={requireRole(request, APPEAL_ROLES)}
            appeals={appeals}
          />,
        );
      },
    );

    const renderSelection = async (
      request: FastifyRequest,
      reply: FastifyReply,
      lang: Lang,
      error?: string,
    ) => {
      const filters = parseInput(selectionFiltersSchema, request.query ?? {});
      const incidents = await listIncidentsForSelection(context(request), filters);
      const t = translator(appealMessages, lang);
      return sendPage(
        reply,
        <SelectIncidentsPage
          frame={editorialFrame(request, { lang, title: t('selectTitle'), organization })}
          user={requireRole(request, APPEAL_ROLES)}
          incidents={incidents}
          filters={filters}
          regions={await listRegions(deps.db)}
          {...(error ? { error } : {})}
        />,
        error ? 422 : 200,
      );
    };

    app.get(
      '/:lang(kk|ru|en)/editorial/appeals/new',
      { schema: { params: langParams } },
      async (request, reply) => {
        const { lang } = request.params as z.infer<typeof langParams>;
        return renderSelection(request, reply, lang);
      },
    );

    app.post(
      '/:lang(kk|ru|en)/editorial/appeals',
      { schema: { params: langParams } },
      async (request, reply) => {
        const { lang } = request.params as z.infer<typeof langParams>;
        const ctx = context(request);
        verifyCsrf(request);
        const body = parseInput(createBodySchema, request.body ?? {});
        if (body.incidents.length === 0) {
          return renderSelection(request, reply, lang, translator(appealMessages, lang)('errorNoSelection'));
        }
        const id = await createAppealFromIncidents(ctx, { incidentIds: body.incidents, lang });
        return reply.redirect(`/${lang}/editorial/appeals/${id}`, 303);
      },
    );

    const renderEdit = async (
      request: FastifyRequest,
      reply: FastifyReply,
      lang: Lang,
      id: number,
      options: { status?: number; flash?: { kind: 'info' | 'error'; text: string }; form?: AppealForm } = {},
    ) => {
      const { appeal, links, responses } = await getAppealForEditor(context(request), id);
      const t = translator(appealMessages, lang);
      const values: AppealFormValues = options.form
        ? {
            title: byLang((code) => options.form?.[`title_${code}`] ?? ''),
            body: byLang((code) => options.form?.[`body_${code}`] ?? ''),
            date: options.form.date,
            addressees: options.form.addressees,
            signatories: options.form.signatories,
            incidents: options.form.incidents,
            cases: options.form.cases,
          }
        : {
            title: byLang((code) => appeal.title[code] ?? ''),
            body: byLang((code) => appeal.body[code] ?? ''),
            date: appeal.date,
            addressees: appeal.addressees.join('\n'),
            signatories: appeal.signatories.join('\n'),
            incidents: links.incidents.map((incident) => incident.id).join(', '),
            cases: links.cases.map((item) => item.id).join(', '),
          };
      return sendPage(
        reply,
        <EditAppealPage
          frame={editorialFrame(request, { lang, title: t('editTitle'), organization })}
          user={requireRole(request, APPEAL_ROLES)}
          appeal={appeal}
          values={values}
          links={links}
          responses={responses}
          {...(options.flash ? { flash: options.flash } : {})}
        />,
        options.status ?? 200,
      );
    };

    const errorFlash = (lang: Lang, error: unknown) => {
      const t = translator(appealMessages, lang);
      if (!isAppError(error)) return null;
      if (error.code === 'stale_version') return t('errorStale');
      if (error.code === 'validation_failed' && error.field === 'appeal') return t('errorNotReady');
      if (error.code === 'validation_failed' || error.code === 'invalid_transition') {
        return t('errorInvalid', { message: error.message });
      }
      return null;
    };

    app.get(
      '/:lang(kk|ru|en)/editorial/appeals/:id(\\d+)',
      { schema: { params: idParams } },
      async (request, reply) => {
        const { lang, id } = request.params as z.infer<typeof idParams>;
        const done = (request.query as Record<string, string> | undefined)?.done;
        const t = translator(appealMessages, lang);
        const flash = { '1': t('saved'), published: t('published'), unpublished: t('unpublished') }[
          done ?? ''
        ];
        return renderEdit(request, reply, lang, id, flash ? { flash: { kind: 'info', text: flash } } : {});
      },
    );

    app.post(
      '/:lang(kk|ru|en)/editorial/appeals/:id(\\d+)',
      { schema: { params: idParams } },
      async (request, reply) => {
        const { lang, id } = request.params as z.infer<typeof idParams>;
        const ctx = context(request);
        verifyCsrf(request);
        let form: AppealForm | undefined;
        try {
          form = parseInput(appealFormSchema, request.body ?? {});
          await updateAppeal(ctx, { id, version: form.version, input: formToInput(form) });
        } catch (error) {
          const text = errorFlash(lang, error);
          if (!text || !isAppError(error)) throw error;
          return renderEdit(request, reply, lang, id, {
            status: error.httpStatus,
            flash: { kind: 'error', text },
            ...(form ? { form } : {}),
          });
        }
        return reply.redirect(`/${lang}/editorial/appeals/${id}?done=1`, 303);
      },
    );

    for (const action of ['publish', 'unpublish'] as const) {
      app.post(
        `/:lang(kk|ru|en)/editorial/appeals/:id(\\d+)/${action}`,
        { schema: { params: idParams } },
        async (request, reply) => {
          const { lang, id } = request.params as z.infer<typeof idParams>;
          const ctx = context(request);
          verifyCsrf(request);
          try {
            const { version, confirm } = parseInput(publishBodySchema, request.body ?? {});
            if (action === 'publish' && confirm !== 'yes') {
              const { appeal } = await getAppealForEditor(ctx, id);
              const t = translator(appealMessages, lang);
              return sendPage(
                reply,
                <ConfirmPublishAppealPage
                  frame={editorialFrame(request, { lang, title: t('confirmPublishTitle'), organization })}
                  user={requireRole(request, APPEAL_ROLES)}
                  appeal={{ ...appeal, version }}
                />,
              );
            }
            await (action === 'publish' ? publishAppeal : unpublishAppeal)(ctx, { id, version });
          } catch (error) {
            const text = errorFlash(lang, error);
            if (!text || !isAppError(error)) throw error;
            return renderEdit(request, reply, lang, id, {
              status: error.httpStatus,
              flash: { kind: 'error', text },
            });
          }
          return reply.redirect(`/${lang}/editorial/appeals/${id}?done=${action}ed`, 303);
        },
      );
    }

    app.post(
      '/:lang(kk|ru|en)/editorial/appeals/:id(\\d+)/responses',
      { schema: { params: idParams } },
      async (request, reply) => {
        const { lang, id } = request.params as z.infer<typeof idParams>;
        const ctx = context(request);
        verifyCsrf(request);
        const parsed = responseBodySchema.safeParse(request.body ?? {});
        if (!parsed.success) {
          const t = translator(appealMessages, lang);
          const issue = parsed.error.issues[0];
          return renderEdit(request, reply, lang, id, {
            status: 422,
            flash: {
              kind: 'error',
              text: t('errorInvalid', {
                message: `${String(issue?.path[0] ?? '')}: ${issue?.message ?? ''}`,
              }),
            },
          });
        }
        await addAppealResponse(ctx, { id, ...parsed.data });
        return reply.redirect(`/${lang}/editorial/appeals/${id}?done=1`, 303);
      },
    );
  });
};
