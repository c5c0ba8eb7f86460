import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { recordStatuses } from '../../../domain/vocabularies.ts';
import type { ModuleOptions } from '../../../lib/deps.ts';
import { isAppError } from '../../../lib/errors.ts';
import { editorialGuard } from '../../auth/index.ts';
import { listCases } from '../../cases/index.ts';
import {
  changeIncidentStatus,
  createIncident,
  getIncident,
  type IncidentView,
  incidentInputSchema,
  incidentUpdateSchema,
  linkRecords,
  listIncidents,
  unlinkRecords,
  updateIncident,
} from '../../incidents/index.ts';
import {
  asFormBody,
  type FieldErrors,
  type FormBody,
  numberOf,
  refusalOf,
  textOf,
} from '../editorial.form.ts';
import {
  addRow,
  checkInput,
  csrfPasses,
  type Editorial,
  editorial,
  handleForm,
  incidentRoles,
  noticeOf,
  page,
  pageNumber,
  param,
  query,
  recordAction,
  redirectDone,
} from '../editorial.http.tsx';
import { loadReferenceData } from '../editorial.repo.ts';
import {
  compactIncidentValues,
  incidentFieldName,
  incidentInputOf,
  incidentValues,
} from '../incident-form.ts';
import {
  IncidentFormPage,
  IncidentLinksPage,
  IncidentListPage,
  IncidentPage,
  incidentHref,
  type LinkCandidate,
} from '../pages/incidents.tsx';
import { localized } from '../pages/shell.tsx';
import { registerHistoryPages } from './history.routes.tsx';

const pageSize = 50;
const statuses = recordStatuses;

/** The list's filters as the service's filters; a value it does not know is left out, not an error. */
export function incidentFiltersOf(filters: FormBody) {
  const status = textOf(filters, 'status');
  const month = textOf(filters, 'month');
  const region = textOf(filters, 'region');
  const category = textOf(filters, 'category');
  const q = textOf(filters, 'q');
  return {
    ...(statuses.some((known) => known === status) ? { status } : {}),
    ...(/^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? { counted_in: month } : {}),
    ...(/^[a-z_]{1,50}$/.test(region) ? { region } : {}),
    ...(/^[a-z][a-z0-9_]{0,60}$/.test(category) ? { category } : {}),
    ...(q ? { q: q.slice(0, 200) } : {}),
    ...(textOf(filters, 'mine') ? { mine: true } : {}),
    page: pageNumber(filters.page),
    page_size: pageSize,
  };
}

export const incidentPages: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const guard = { preHandler: editorialGuard(deps, incidentRoles) };
  const path = '/:lang(kk|ru|en)/editorial/incidents';

  app.get(path, guard, async (request, reply) => {
    const ed = editorial(request, deps, incidentRoles);
    const filters = query(request);
    const [result, reference] = await Promise.all([
      listIncidents(ed.ctx, incidentFiltersOf(filters)),
      loadReferenceData(deps.db),
    ]);
    return page(
      reply,
      <IncidentListPage
        ed={ed}
        filters={filters}
        result={result}
        reference={reference}
        notice={noticeOf(request, ed.t)}
      />,
    );
  });

  app.get(`${path}/new`, guard, async (request, reply) => {
    const ed = editorial(request, deps, incidentRoles);
    const reference = await loadReferenceData(deps.db);
    return page(
      reply,
      <IncidentFormPage
        ed={ed}
        form={{ values: { visibility: 'public' }, errors: new Map() }}
        reference={reference}
      />,
    );
  });

  app.post(path, guard, async (request, reply) => {
    const ed = editorial(request, deps, incidentRoles);
    const reference = await loadReferenceData(deps.db);
    const values = compactIncidentValues(asFormBody(request.body));
    const render = (form: Parameters<typeof IncidentFormPage>[0]['form'], status: number) =>
      page(reply, <IncidentFormPage ed={ed} form={form} reference={reference} />, status);
    if (textOf(values, '_add')) return addRow(request, ed, values, render);
    return handleForm({
      request,
      reply,
      ed,
      values,
      rename: incidentFieldName,
      toInput: (posted) => checkInput(incidentInputSchema, incidentInputOf(posted), ed.t, incidentFieldName),
      save: async (input) => {
        const incident = await createIncident(ed.ctx, input);
        return { path: incidentHref(ed, incident.id), done: 'created' };
      },
      render,
    });
  });

  app.get(`${path}/:id`, guard, async (request, reply) => {
    const ed = editorial(request, deps, incidentRoles);
    const [incident, reference] = await Promise.all([
      getIncident(ed.ctx, param(request, 'id')),
      loadReferenceData(deps.db),
    ]);
    const notice = noticeOf(request, ed.t, { status: ed.t(`status_${incident.status}`) });
    return page(reply, <IncidentPage ed={ed} incident={incident} reference={reference} notice={notice} />);
  });

  app.get(`${path}/:id/edit`, guard, async (request, reply) => {
    const ed = editorial(request, deps, incidentRoles);
    const [incident, reference] = await Promise.all([
      getIncident(ed.ctx, param(request, 'id')),
      loadReferenceData(deps.db),
    ]);
    return page(
      reply,
      <IncidentFormPage
        ed={ed}
        incident={incident}
        reference={reference}
        form={{ values: incidentValues(incident), errors: new Map() }}
      />,
    );
  });

  app.post(`${path}/:id/edit`, guard, async (request, reply) => {
    const ed = editorial(request, deps, incidentRoles);
    const [incident, reference] = await Promise.all([
      getIncident(ed.ctx, param(request, 'id')),
      loadReferenceData(deps.db),
    ]);
    const values = compactIncidentValues(asFormBody(request.body));
    const render = (form: Parameters<typeof IncidentFormPage>[0]['form'], status: number) =>
      page(reply, <IncidentFormPage ed={ed} incident={incident} form={form} reference={reference} />, status);
    if (textOf(values, '_add')) return addRow(request, ed, values, render);
    return handleForm({
      request,
      reply,
      ed,
      values,
      rename: incidentFieldName,
      toInput: (posted) =>
        checkInput(
          incidentUpdateSchema,
          { ...incidentInputOf(posted), id: incident.id, version: numberOf(posted, 'version') },
          ed.t,
          incidentFieldName,
        ),
      save: async (input) => {
        await updateIncident(ed.ctx, input);
        return { path: incidentHref(ed, incident.id), done: 'saved' };
      },
      render,
    });
  });

  app.post(`${path}/:id/status`, guard, async (request, reply) => {
    const ed = editorial(request, deps, incidentRoles);
    const id = param(request, 'id');
    const renderRefusal = async (errors: FieldErrors, status: number) => {
      const [incident, reference] = await Promise.all([getIncident(ed.ctx, id), loadReferenceData(deps.db)]);
      return page(
        reply,
        <IncidentPage ed={ed} incident={incident} reference={reference} errors={errors} />,
        status,
      );
    };
    if (!csrfPasses(request)) return renderRefusal(new Map([['', ed.t('csrfRefused')]]), 403);
    const action = recordAction(textOf(asFormBody(request.body), 'action'));
    if (!action) return renderRefusal(new Map([['', ed.t('errChooseOne')]]), 422);
    try {
      await changeIncidentStatus(ed.ctx, id, action);
    } catch (error) {
      if (isAppError(error) && error.code === 'forbidden')
        return renderRefusal(new Map([['', error.message]]), 403);
      const refusal = refusalOf(error, ed.lang);
      return renderRefusal(refusal.errors, refusal.status);
    }
    return redirectDone(reply, incidentHref(ed, id), 'status');
  });

  const renderLinks = async (
    ed: Editorial,
    id: string,
    q: string,
    reply: FastifyReply,
    notice: string | undefined,
    errors: FieldErrors,
    status: number,
  ) => {
    const incident = await getIncident(ed.ctx, id);
    const candidates = q ? await linkCandidates(ed, q) : [];
    return page(
      reply,
      <IncidentLinksPage
        ed={ed}
        incident={incident}
        q={q}
        candidates={candidates}
        notice={notice}
        errors={errors}
      />,
      status,
    );
  };

  app.get(`${path}/:id/links`, guard, async (request, reply) => {
    const ed = editorial(request, deps, incidentRoles);
    const q = textOf(query(request), 'q').slice(0, 200);
    return renderLinks(ed, param(request, 'id'), q, reply, noticeOf(request, ed.t), new Map(), 200);
  });

  for (const change of ['add', 'remove'] as const) {
    app.post(
      change === 'add' ? `${path}/:id/links` : `${path}/:id/links/remove`,
      guard,
      async (request, reply) => {
        const ed = editorial(request, deps, incidentRoles);
        const id = param(request, 'id');
        const body = asFormBody(request.body);
        const q = textOf(body, 'q').slice(0, 200);
        if (!csrfPasses(request))
          return renderLinks(ed, id, q, reply, undefined, new Map([['', ed.t('csrfRefused')]]), 403);
        const caseId = textOf(body, 'case_id');
        const input = caseId
          ? { incident_id: id, case_id: caseId }
          : { incident_id: id, linked_incident_id: textOf(body, 'incident_id') };
        try {
          await (change === 'add' ? linkRecords(ed.ctx, input) : unlinkRecords(ed.ctx, input));
        } catch (error) {
          const refusal = refusalOf(error, ed.lang);
          return renderLinks(ed, id, q, reply, undefined, refusal.errors, refusal.status);
        }
        const back = `${incidentHref(ed, id)}/links${q ? `?q=${encodeURIComponent(q)}` : ''}`;
        return redirectDone(reply, back, change === 'add' ? 'linked' : 'unlinked');
      },
    );
  }

  registerHistoryPages(app, deps, 'incident', incidentRoles);
};

/** Cases and incidents whose id or title matches what was typed, for the links page. */
async function linkCandidates(ed: Editorial, q: string): Promise<LinkCandidate[]> {
  const [cases, incidents] = await Promise.all([
    listCases(ed.ctx, { q, page_size: 10 }),
    listIncidents(ed.ctx, { q, page_size: 10 }),
  ]);
  return [
    ...cases.items.map((item) => ({
      kind: 'case' as const,
      id: item.id,
      title: localized(item.title, ed.lang, item.id),
      status: item.status,
    })),
    ...incidents.items.map((item: IncidentView) => ({
      kind: 'incident' as const,
      id: item.id,
      title: localized(item.title, ed.lang, item.id),
      status: item.status,
    })),
  ];
}
