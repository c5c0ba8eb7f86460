import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Role } from '../../db/types.ts';
import { translator } from '../../i18n/define.ts';
import { type Lang, langs } from '../../i18n/langs.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { isAppError } from '../../lib/errors.ts';
import { sendPage } from '../../lib/http.ts';
import {
  editorialFrame,
  editorialGuard,
  type FormError,
  requireRole,
  serviceContext,
  verifyCsrf,
} from '../auth/index.ts';
import { intakeMessages } from './intake.messages.ts';
import { categoryLabels, regionLabels } from './intake.repo.ts';
import { dismissReasons } from './intake.schemas.ts';
import {
  addSource,
  attachToIncident,
  dismissCandidate,
  fetchDueSources,
  getCandidate,
  getMeasures,
  listIntakeSources,
  listQueue,
  makeDraft,
  pasteCandidate,
  pauseSource,
} from './intake.service.ts';
import { CandidatePage, type Labelled, PastePage, QueuePage, SourcesPage } from './intake.views.tsx';

const triagers: readonly Role[] = ['admin', 'editor', 'monitor'];
const managers: readonly Role[] = ['admin', 'editor'];
const langParams = z.object({ lang: z.enum(langs) });
const idParams = langParams.extend({ id: z.coerce.number().int().positive() });
const formText = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().optional());
const noticeQuery = z.object({
  done: z.enum(['drafted', 'attached', 'dismissed']).optional(),
  incident: z.string().max(100).optional(),
  reason: z.enum(dismissReasons).optional(),
});

const fetchedQuery = z.object({
  added: z.string().optional(),
  fetched: z.coerce.number().int().min(0).optional(),
  new: z.coerce.number().int().min(0).optional(),
  failed: z.coerce.number().int().min(0).optional(),
});

/** The input of a candidate's action form that an error names, for the error summary's link. */
function inputOf(field: string | undefined, id: number): string | null {
  const inputs: Record<string, string> = { incident_id: 'attach', reason: 'reason', note: 'note' };
  return field && inputs[field] ? `${inputs[field]}-${id}` : null;
}

/** The triage queue, a candidate, the sources and their health, and the paste form. */
export const intakeRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const base = (lang: Lang) => `/${lang}/editorial/intake`;
  const frameOf = (request: FastifyRequest, lang: Lang, title: string) =>
    editorialFrame(request, { lang, title, organization: deps.config.organization });
  const labels = async (): Promise<{ categories: Labelled[]; regions: Labelled[] }> => {
    const [categories, regions] = await Promise.all([categoryLabels(deps.db), regionLabels(deps.db)]);
    return { categories, regions };
  };
  const triage = { preHandler: editorialGuard(deps, triagers) };
  const limits = { allowPrivateAddresses: deps.config.intake.allowPrivateAddresses };

  app.get('/:lang(kk|ru|en)/editorial/intake', triage, async (request, reply) => {
    const { lang } = langParams.parse(request.params);
    const user = requireRole(request, triagers);
    const ctx = serviceContext(request, deps);
    const query = (request.query ?? {}) as Record<string, string>;
    const [queue, measures, named] = await Promise.all([listQueue(ctx, query), getMeasures(ctx), labels()]);
    const t = translator(intakeMessages, lang);
    const notice = noticeQuery.safeParse(query);
    let noticeText = null;
    if (notice.success && notice.data.done) {
      const incident = notice.data.incident;
      noticeText =
        notice.data.done === 'dismissed' ? (
          t('decidedDismissed', { reason: t(`reason_${notice.data.reason ?? 'other'}`) })
        ) : (
          <>
            {t(notice.data.done === 'drafted' ? 'decidedDrafted' : 'decidedAttached', {
              incident: '',
            }).trim()}{' '}
            {incident ? (
              <a href={`/${lang}/editorial/incidents/${encodeURIComponent(incident)}`}>{incident}</a>
            ) : null}
          </>
        );
    }
    return sendPage(
      reply,
      <QueuePage
        frame={frameOf(request, lang, t('queueTitle'))}
        user={user}
        queue={queue}
        measures={measures}
        notice={noticeText}
        {...named}
      />,
    );
  });

  const renderCandidate = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    id: number,
    options: { errors?: FormError[]; status?: number } = {},
  ) => {
    const user = requireRole(request, triagers);
    const { row, group } = await getCandidate(serviceContext(request, deps), id);
    const t = translator(intakeMessages, lang);
    return sendPage(
      reply,
      <CandidatePage
        frame={frameOf(request, lang, t('candidateTitle', { id }))}
        user={user}
        row={row}
        group={group}
        {...(options.errors ? { errors: options.errors } : {})}
        {...(await labels())}
      />,
      options.status ?? 200,
    );
  };

  app.get('/:lang(kk|ru|en)/editorial/intake/candidates/:id', triage, async (request, reply) => {
    const { lang, id } = idParams.parse(request.params);
    return renderCandidate(request, reply, lang, id);
  });

  const actionParams = idParams.extend({ action: z.enum(['draft', 'attach', 'dismiss']) });
  app.post('/:lang(kk|ru|en)/editorial/intake/candidates/:id/:action', triage, async (request, reply) => {
    const { lang, id, action } = actionParams.parse(request.params);
    requireRole(request, triagers);
    verifyCsrf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const ctx = serviceContext(request, deps);
    try {
      if (action === 'draft') {
        const { incidentId } = await makeDraft(ctx, { id });
        return reply.redirect(`${base(lang)}?done=drafted&incident=${encodeURIComponent(incidentId)}`, 303);
      }
      if (action === 'attach') {
        const { incidentId } = await attachToIncident(ctx, {
          id,
          incident_id: formText.parse(body.incident_id) ?? '',
        });
        return reply.redirect(`${base(lang)}?done=attached&incident=${encodeURIComponent(incidentId)}`, 303);
      }
      const reason = formText.parse(body.reason) ?? '';
      await dismissCandidate(ctx, {
        id,
        reason: reason as (typeof dismissReasons)[number],
        note: formText.parse(body.note) ?? '',
      });
      return reply.redirect(`${base(lang)}?done=dismissed&reason=${encodeURIComponent(reason)}`, 303);
    } catch (error) {
      if (!isAppError(error) || error.code === 'not_found' || error.code === 'forbidden') throw error;
      return renderCandidate(request, reply, lang, id, {
        errors: [{ field: inputOf(error.field, id), message: error.message }],
        status: error.httpStatus,
      });
    }
  });

  const renderSources = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    page: Pick<Parameters<typeof SourcesPage>[0], 'notice' | 'errors' | 'values'>,
    status = 200,
  ) => {
    const user = requireRole(request, triagers);
    const sources = await listIntakeSources(serviceContext(request, deps));
    const t = translator(intakeMessages, lang);
    return sendPage(
      reply,
      <SourcesPage
        frame={frameOf(request, lang, t('sourcesTitle'))}
        user={user}
        sources={sources}
        canManage={managers.includes(user.role)}
        {...page}
      />,
      status,
    );
  };

  app.get('/:lang(kk|ru|en)/editorial/intake/sources', triage, async (request, reply) => {
    const { lang } = langParams.parse(request.params);
    const t = translator(intakeMessages, lang);
    const query = fetchedQuery.safeParse(request.query ?? {});
    const fetched = query.success && query.data.fetched !== undefined ? query.data : null;
    const notice = fetched
      ? t('fetchDone', { count: fetched.fetched ?? 0, added: fetched.new ?? 0, failed: fetched.failed ?? 0 })
      : query.success && query.data.added === '1'
        ? t('sourceAdded')
        : undefined;
    return renderSources(request, reply, lang, notice ? { notice } : {});
  });

  const manage = { preHandler: editorialGuard(deps, managers) };
  app.post('/:lang(kk|ru|en)/editorial/intake/sources', manage, async (request, reply) => {
    const { lang } = langParams.parse(request.params);
    requireRole(request, managers);
    verifyCsrf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = {
      url: formText.parse(body.url) ?? '',
      name: formText.parse(body.name) ?? '',
      lang: formText.parse(body.lang) ?? '',
      interval_minutes: formText.parse(body.interval_minutes) ?? '',
    };
    try {
      await addSource(serviceContext(request, deps), values);
      return reply.redirect(`${base(lang)}/sources?added=1`, 303);
    } catch (error) {
      if (!isAppError(error) || error.code === 'forbidden') throw error;
      return renderSources(
        request,
        reply,
        lang,
        { values, errors: [{ field: error.field ?? 'url', message: error.message }] },
        error.httpStatus,
      );
    }
  });

  // On the embedded database the server holds the data folder, so `sozwatch intake fetch` cannot run
  // beside it: editors start a pass from here instead.
  app.post('/:lang(kk|ru|en)/editorial/intake/sources/fetch', manage, async (request, reply) => {
    const { lang } = langParams.parse(request.params);
    requireRole(request, managers);
    verifyCsrf(request);
    const outcomes = await fetchDueSources(serviceContext(request, deps), { limits });
    const failed = outcomes.filter((outcome) => outcome.status === 'error').length;
    const added = outcomes.reduce((total, outcome) => total + outcome.newItems, 0);
    return reply.redirect(
      `${base(lang)}/sources?fetched=${outcomes.length}&new=${added}&failed=${failed}`,
      303,
    );
  });

  const pauseParams = idParams.extend({ action: z.enum(['pause', 'resume']) });
  app.post('/:lang(kk|ru|en)/editorial/intake/sources/:id/:action', manage, async (request, reply) => {
    const { lang, id, action } = pauseParams.parse(request.params);
    requireRole(request, managers);
    verifyCsrf(request);
    await pauseSource(serviceContext(request, deps), { id, paused: action === 'pause' });
    return reply.redirect(`${base(lang)}/sources`, 303);
  });

  app.get('/:lang(kk|ru|en)/editorial/intake/paste', triage, async (request, reply) => {
    const { lang } = langParams.parse(request.params);
    const user = requireRole(request, triagers);
    const t = translator(intakeMessages, lang);
    return sendPage(reply, <PastePage frame={frameOf(request, lang, t('pasteTitle'))} user={user} />);
  });

  app.post('/:lang(kk|ru|en)/editorial/intake/paste', triage, async (request, reply) => {
    const { lang } = langParams.parse(request.params);
    const user = requireRole(request, triagers);
    verifyCsrf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values = { text: formText.parse(body.text) ?? '', lang: formText.parse(body.lang) ?? '' };
    try {
      const { id } = await pasteCandidate(serviceContext(request, deps), values, { limits });
      return reply.redirect(`${base(lang)}/candidates/${id}`, 303);
    } catch (error) {
      if (!isAppError(error) || error.code === 'forbidden') throw error;
      const t = translator(intakeMessages, lang);
      return sendPage(
        reply,
        <PastePage
          frame={frameOf(request, lang, t('pasteTitle'))}
          user={user}
          values={values}
          errors={[{ field: error.field ?? 'text', message: error.message }]}
        />,
        error.httpStatus,
      );
    }
  });
};
