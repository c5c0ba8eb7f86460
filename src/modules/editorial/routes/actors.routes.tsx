import type { FastifyPluginAsync } from 'fastify';
import type { ModuleOptions } from '../../../lib/deps.ts';
import { listRevisions } from '../../../lib/revisions.ts';
import {
  type ActorKind,
  actorInputSchema,
  actorKinds,
  actorUpdateSchema,
  createActor,
  getActor,
  listActors,
  restoreActorRevision,
  suggestActors,
  updateActor,
} from '../../actors/index.ts';
import { editorialGuard } from '../../auth/index.ts';
import { asFormBody, type FieldErrors, numberOf, refusalOf, textOf } from '../editorial.form.ts';
import {
  actorRoles,
  checkInput,
  csrfPasses,
  editorial,
  handleForm,
  noticeOf,
  page,
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
  actorKindLabel,
  actorInputOf,
  actorValues,
} from '../pages/actors.tsx';
import { HistoryPage } from '../pages/history.tsx';

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
    return page(reply, <ActorListPage ed={ed} filters={filters} result={result} notice={noticeOf(request, ed.t)} />);
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

  app.get(`${path}/:id/history`, guard, async (request, reply) => {
    const ed = editorial(request, deps, actorRoles);
    const actor = await getActor(ed.ctx, param(request, 'id'));
    return renderActorHistory(ed, actor.id, actor.name, reply, noticeOf(request, ed.t), new Map(), 200);
  });

  app.post(`${path}/:id/history/:auditId/restore`, guard, async (request, reply) => {
    const ed = editorial(request, deps, actorRoles);
    const actor = await getActor(ed.ctx, param(request, 'id'));
    const auditId = Number(param(request, 'auditId'));
    if (!csrfPasses(request)) {
      return renderActorHistory(ed, actor.id, actor.name, reply, undefined, new Map([['', ed.t('csrfRefused')]]), 403);
    }
    try {
      await restoreActorRevision(ed.ctx, actor.id, auditId);
    } catch (error) {
      const refusal = refusalOf(error);
      return renderActorHistory(ed, actor.id, actor.name, reply, undefined, refusal.errors, refusal.status);
    }
    return redirectDone(reply, `${ed.base}/actors/${encodeURIComponent(actor.id)}`, 'restored');
  });

  async function renderActorHistory(
    ed: ReturnType<typeof editorial>,
    id: string,
    name: string,
    reply: Parameters<typeof page>[0],
    notice: string | undefined,
    errors: FieldErrors,
    status: number,
  ) {
    const revisions = await listRevisions(deps.db, 'actor', id);
    const href = `${ed.base}/actors/${encodeURIComponent(id)}`;
    return page(
      reply,
      <HistoryPage
        ed={ed}
        title={ed.t('historyOf', { id: name })}
        current="actors"
        recordHref={href}
        revisions={revisions}
        restoreAction={(auditId) => `${href}/history/${auditId}/restore`}
        notice={notice}
        errors={errors}
      />,
      status,
    );
  }

  app.get(`${path}/:id/merge`, guard, async (request, reply) => {
    const ed = editorial(request, deps, actorRoles);
    const actor = await getActor(ed.ctx, param(request, 'id'));
    const q = textOf(query(request), 'q').slice(0, 200);
    const candidates = q ? await suggestActors(deps.db, q, 20) : [];
    return page(reply, <ActorMergePage ed={ed} actor={actor} q={q} candidates={candidates} errors={new Map()} />);
  });

  app.get(`${path}/:id/split`, guard, async (request, reply) => {
    const ed = editorial(request, deps, actorRoles);
    const actor = await getActor(ed.ctx, param(request, 'id'));
    const merged = await Promise.all(actor.merged_from.map((id) => getActor(ed.ctx, id)));
    return page(reply, <ActorSplitPage ed={ed} actor={actor} merged={merged} errors={new Map()} />);
  });
};

function isActorKind(value: string): value is ActorKind {
  return (actorKinds as readonly string[]).includes(value);
}

function pageNumber(value: unknown): number {
  const number = Number(typeof value === 'string' ? value : 1);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, 10_000) : 1;
}
