import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ModuleOptions } from '../../../lib/deps.ts';
import {
  type ActorKind,
  actorInputSchema,
  actorKinds,
  actorUpdateSchema,
  createActor,
  getActor,
  listActors,
  suggestActors,
  updateActor,
} from '../../actors/index.ts';
import { editorialGuard } from '../../auth/index.ts';
import { mergeActors, splitActor } from '../../incidents/index.ts';
import { asFormBody, type FieldErrors, numberOf, refusalOf, textOf } from '../editorial.form.ts';
import {
  actorRoles,
  checkInput,
  csrfPasses,
  deskRoles,
  type Editorial,
  editorial,
  handleForm,
  noticeOf,
  page,
  pageNumber,
  param,
  query,
  redirectDone,
} from '../editorial.http.tsx';
import {
  ActorFormPage,
  ActorListPage,
  ActorMergePage,
  ActorSplitPage,
  actorFieldName,
  actorInputOf,
  actorKindLabel,
  actorValues,
} from '../pages/actors.tsx';
import { registerHistoryPages } from './history.routes.tsx';

const pageSize = 50;

export const actorPages: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const guard = { preHandler: editorialGuard(deps, actorRoles) };
  const path = '/:lang(kk|ru|en)/editorial/actors';

  app.get(path, guard, async (request, reply) => {
    const ed = editorial(request, deps, actorRoles);
    const filters = query(request);
    const kind = textOf(filters, 'kind');
    const result = await listActors(ed.ctx, {
      ...(textOf(filters, 'q') ? { q: textOf(filters, 'q') } : {}),
      ...(isActorKind(kind) ? { kind } : {}),
      page: pageNumber(filters.page),
      page_size: pageSize,
    });
    return page(
      reply,
      <ActorListPage ed={ed} filters={filters} result={result} notice={noticeOf(request, ed.t)} />,
    );
  });

  /** Names as typed, matched across scripts and spellings, for the suggestion script. */
  app.get(`${path}/suggest`, guard, async (request, reply) => {
    const ed = editorial(request, deps, actorRoles);
    const typed = textOf(query(request), 'q').slice(0, 200);
    const suggestions = typed ? await suggestActors(deps.db, typed, 8) : [];
    reply.header('cache-control', 'no-store');
    return {
      suggestions: suggestions.map(({ id, name, kind, matched }) => ({
        id,
        name,
        kind,
        kind_label: actorKindLabel(ed.t, kind),
        matched,
      })),
    };
  });

  app.get(`${path}/new`, guard, async (request, reply) => {
    const ed = editorial(request, deps, actorRoles);
    return page(reply, <ActorFormPage ed={ed} form={{ values: {}, errors: new Map() }} />);
  });

  app.post(path, guard, async (request, reply) => {
    const ed = editorial(request, deps, actorRoles);
    return handleForm({
      request,
      reply,
      ed,
      values: asFormBody(request.body),
      rename: actorFieldName,
      toInput: (values) => checkInput(actorInputSchema, actorInputOf(values), ed.t, actorFieldName),
      save: async (input) => {
        const actor = await createActor(ed.ctx, input);
        return { path: `${ed.base}/actors/${encodeURIComponent(actor.id)}`, done: 'created' };
      },
      render: (form, status) => page(reply, <ActorFormPage ed={ed} form={form} />, status),
    });
  });

  app.get(`${path}/:id`, guard, async (request, reply) => {
    const ed = editorial(request, deps, actorRoles);
    const actor = await getActor(ed.ctx, param(request, 'id'));
    return page(
      reply,
      <ActorFormPage
        ed={ed}
        actor={actor}
        form={{ values: actorValues(actor), errors: new Map() }}
        notice={noticeOf(request, ed.t)}
      />,
    );
  });

  app.post(`${path}/:id`, guard, async (request, reply) => {
    const ed = editorial(request, deps, actorRoles);
    const actor = await getActor(ed.ctx, param(request, 'id'));
    return handleForm({
      request,
      reply,
      ed,
      values: asFormBody(request.body),
      rename: actorFieldName,
      toInput: (values) =>
        checkInput(
          actorUpdateSchema,
          { ...actorInputOf(values), id: actor.id, version: numberOf(values, 'version') },
          ed.t,
          actorFieldName,
        ),
      save: async (input) => {
        await updateActor(ed.ctx, input);
        return { path: `${ed.base}/actors/${encodeURIComponent(actor.id)}`, done: 'saved' };
      },
      render: (form, status) => page(reply, <ActorFormPage ed={ed} actor={actor} form={form} />, status),
    });
  });

  registerHistoryPages(app, deps, 'actor', actorRoles);

  const desk = { preHandler: editorialGuard(deps, deskRoles) };

  const renderMerge = async (
    ed: Editorial,
    id: string,
    q: string,
    reply: FastifyReply,
    errors: FieldErrors,
    status: number,
  ) => {
    const actor = await getActor(ed.ctx, id);
    const candidates = q ? await suggestActors(deps.db, q, 20) : [];
    return page(
      reply,
      <ActorMergePage ed={ed} actor={actor} q={q} candidates={candidates} errors={errors} />,
      status,
    );
  };

  app.get(`${path}/:id/merge`, desk, async (request, reply) => {
    const ed = editorial(request, deps, deskRoles);
    return renderMerge(
      ed,
      param(request, 'id'),
      textOf(query(request), 'q').slice(0, 200),
      reply,
      new Map(),
      200,
    );
  });

  app.post(`${path}/:id/merge`, desk, async (request, reply) => {
    const ed = editorial(request, deps, deskRoles);
    const id = param(request, 'id');
    const body = asFormBody(request.body);
    const into = textOf(body, 'into');
    if (!csrfPasses(request))
      return renderMerge(ed, id, '', reply, new Map([['', ed.t('csrfRefused')]]), 403);
    try {
      await mergeActors(ed.ctx, { survivor_id: into, merged_id: id });
    } catch (error) {
      const refusal = refusalOf(error, ed.lang);
      return renderMerge(ed, id, '', reply, refusal.errors, refusal.status);
    }
    return redirectDone(reply, `${ed.base}/actors/${encodeURIComponent(into)}`, 'merged');
  });

  const renderSplit = async (
    ed: Editorial,
    id: string,
    reply: FastifyReply,
    errors: FieldErrors,
    status: number,
  ) => {
    const actor = await getActor(ed.ctx, id);
    const merged = await Promise.all(actor.merged_from.map((mergedId) => getActor(ed.ctx, mergedId)));
    return page(reply, <ActorSplitPage ed={ed} actor={actor} merged={merged} errors={errors} />, status);
  };

  app.get(`${path}/:id/split`, desk, async (request, reply) => {
    const ed = editorial(request, deps, deskRoles);
    return renderSplit(ed, param(request, 'id'), reply, new Map(), 200);
  });

  app.post(`${path}/:id/split`, desk, async (request, reply) => {
    const ed = editorial(request, deps, deskRoles);
    const id = param(request, 'id');
    if (!csrfPasses(request)) return renderSplit(ed, id, reply, new Map([['', ed.t('csrfRefused')]]), 403);
    const merged = textOf(asFormBody(request.body), 'merged');
    try {
      await splitActor(ed.ctx, merged);
    } catch (error) {
      const refusal = refusalOf(error, ed.lang);
      return renderSplit(ed, id, reply, refusal.errors, refusal.status);
    }
    return redirectDone(reply, `${ed.base}/actors/${encodeURIComponent(id)}`, 'split');
  });
};

function isActorKind(value: string): value is ActorKind {
  return (actorKinds as readonly string[]).includes(value);
}
