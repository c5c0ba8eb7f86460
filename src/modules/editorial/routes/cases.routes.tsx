import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { recordStatuses } from '../../../domain/vocabularies.ts';
import type { ModuleOptions } from '../../../lib/deps.ts';
import { AppError, isAppError } from '../../../lib/errors.ts';
import { editorialGuard } from '../../auth/index.ts';
import {
  type CaseView,
  caseInputSchema,
  caseKinds,
  caseUpdateSchema,
  changeCaseStatus,
  createCase,
  getCase,
  listCases,
  updateCase,
} from '../../cases/index.ts';
import {
  caseFieldName,
  caseInputOf,
  caseValues,
  compactCaseValues,
  eventInputOf,
  newEventFieldName,
  timelineValues,
} from '../case-form.ts';
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
  caseRoles,
  checkInput,
  csrfPasses,
  type Editorial,
  editorial,
  handleForm,
  noticeOf,
  page,
  pageNumber,
  param,
  query,
  recordAction,
  redirectDone,
} from '../editorial.http.tsx';
import { loadReferenceData, type ReferenceData } from '../editorial.repo.ts';
import { CaseFormPage, CaseListPage, CasePage, caseHref, TimelinePage } from '../pages/cases.tsx';
import type { FormState } from '../pages/form-controls.tsx';
import { registerHistoryPages } from './history.routes.tsx';

const pageSize = 50;
const statuses = recordStatuses;

/** The list's filters as the service's: a month becomes its first and last day (any event in it). */
export function caseFiltersOf(filters: FormBody) {
  const status = textOf(filters, 'status');
  const kind = textOf(filters, 'kind');
  const subject = textOf(filters, 'subject');
  const month = textOf(filters, 'month');
  const q = textOf(filters, 'q');
  const monthMatch = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  const lastDay = monthMatch
    ? new Date(Date.UTC(Number(monthMatch[1]), Number(monthMatch[2]), 0)).getUTCDate()
    : 0;
  return {
    ...(statuses.some((known) => known === status) ? { status } : {}),
    ...(caseKinds.some((known) => known === kind) ? { kind: caseKinds.find((known) => known === kind) } : {}),
    ...(/^[a-z][a-z0-9_]{0,60}$/.test(subject) ? { subject } : {}),
    ...(monthMatch ? { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}` } : {}),
    ...(q ? { q: q.slice(0, 200) } : {}),
    ...(textOf(filters, 'mine') ? { mine: true } : {}),
    page: pageNumber(filters.page),
    page_size: pageSize,
  };
}

export const casePages: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const guard = { preHandler: editorialGuard(deps, caseRoles) };
  const path = '/:lang(kk|ru|en)/editorial/cases';

  app.get(path, guard, async (request, reply) => {
    const ed = editorial(request, deps, caseRoles);
    const filters = query(request);
    const [result, reference] = await Promise.all([
      listCases(ed.ctx, caseFiltersOf(filters)),
      loadReferenceData(deps.db),
    ]);
    return page(
      reply,
      <CaseListPage
        ed={ed}
        filters={filters}
        result={result}
        reference={reference}
        notice={noticeOf(request, ed.t)}
      />,
    );
  });

  app.get(`${path}/new`, guard, async (request, reply) => {
    const ed = editorial(request, deps, caseRoles);
    const reference = await loadReferenceData(deps.db);
    return page(
      reply,
      <CaseFormPage
        ed={ed}
        reference={reference}
        form={{ values: { outcome: 'pending' }, errors: new Map() }}
      />,
    );
  });

  app.post(path, guard, async (request, reply) => {
    const ed = editorial(request, deps, caseRoles);
    const reference = await loadReferenceData(deps.db);
    const values = compactCaseValues(asFormBody(request.body));
    const render = (form: FormState, status: number) =>
      page(reply, <CaseFormPage ed={ed} form={form} reference={reference} />, status);
    if (textOf(values, '_add')) return addRow(request, ed, values, render);
    return handleForm({
      request,
      reply,
      ed,
      values,
      rename: caseFieldName,
      toInput: (posted) =>
        checkInput(caseInputSchema, caseInputOf(posted, { withFirstEvent: true }), ed.t, caseFieldName),
      save: async (input) => {
        const created = await createCase(ed.ctx, input);
        return { path: caseHref(ed, created.id), done: 'created' };
      },
      render,
    });
  });

  const load = async (ed: Editorial, request: FastifyRequest) =>
    Promise.all([getCase(ed.ctx, param(request, 'id')), loadReferenceData(deps.db)]);

  app.get(`${path}/:id`, guard, async (request, reply) => {
    const ed = editorial(request, deps, caseRoles);
    const [record, reference] = await load(ed, request);
    const notice = noticeOf(request, ed.t, { status: ed.t(`status_${record.status}`) });
    return page(reply, <CasePage ed={ed} record={record} reference={reference} notice={notice} />);
  });

  app.get(`${path}/:id/edit`, guard, async (request, reply) => {
    const ed = editorial(request, deps, caseRoles);
    const [record, reference] = await load(ed, request);
    return page(
      reply,
      <CaseFormPage
        ed={ed}
        record={record}
        reference={reference}
        form={{ values: caseValues(record), errors: new Map() }}
      />,
    );
  });

  app.post(`${path}/:id/edit`, guard, async (request, reply) => {
    const ed = editorial(request, deps, caseRoles);
    const [record, reference] = await load(ed, request);
    const values = compactCaseValues(asFormBody(request.body));
    const render = (form: FormState, status: number) =>
      page(reply, <CaseFormPage ed={ed} record={record} form={form} reference={reference} />, status);
    if (textOf(values, '_add')) return addRow(request, ed, values, render);
    return handleForm({
      request,
      reply,
      ed,
      values,
      rename: caseFieldName,
      toInput: (posted) =>
        checkInput(
          caseUpdateSchema,
          {
            ...caseInputOf(posted, { withFirstEvent: false }),
            id: record.id,
            version: numberOf(posted, 'version'),
          },
          ed.t,
          caseFieldName,
        ),
      save: async (input) => {
        await updateCase(ed.ctx, input);
        return { path: caseHref(ed, record.id), done: 'saved' };
      },
      render,
    });
  });

  app.post(`${path}/:id/status`, guard, async (request, reply) => {
    const ed = editorial(request, deps, caseRoles);
    const id = param(request, 'id');
    const renderRefusal = async (errors: FieldErrors, status: number) => {
      const [record, reference] = await load(ed, request);
      return page(reply, <CasePage ed={ed} record={record} reference={reference} errors={errors} />, status);
    };
    if (!csrfPasses(request)) return renderRefusal(new Map([['', ed.t('csrfRefused')]]), 403);
    const action = recordAction(textOf(asFormBody(request.body), 'action'));
    if (!action) return renderRefusal(new Map([['', ed.t('errChooseOne')]]), 422);
    try {
      await changeCaseStatus(ed.ctx, id, action);
    } catch (error) {
      if (isAppError(error) && error.code === 'forbidden')
        return renderRefusal(new Map([['', error.message]]), 403);
      const refusal = refusalOf(error, ed.lang);
      return renderRefusal(refusal.errors, refusal.status);
    }
    return redirectDone(reply, caseHref(ed, id), 'status');
  });

  // The timeline editor: each change saves the whole list of events with the case's version.
  const renderTimeline = (
    ed: Editorial,
    reply: FastifyReply,
    record: CaseView,
    reference: ReferenceData,
    form: FormState,
    status: number,
    notice?: string,
  ) =>
    page(
      reply,
      <TimelinePage ed={ed} record={record} reference={reference} form={form} notice={notice} />,
      status,
    );

  app.get(`${path}/:id/timeline`, guard, async (request, reply) => {
    const ed = editorial(request, deps, caseRoles);
    const [record, reference] = await load(ed, request);
    const form = { values: timelineValues(record), errors: new Map() };
    return renderTimeline(ed, reply, record, reference, form, 200, noticeOf(request, ed.t));
  });

  /**
   * One change of the timeline: `change` turns the current events (as their inputs) into the new
   * list; the posted values are shown again over the record's on a refusal.
   */
  const changeTimeline = async (
    request: FastifyRequest,
    reply: FastifyReply,
    change: (
      events: ReturnType<typeof eventInputOf>[],
      posted: FormBody,
    ) => ReturnType<typeof eventInputOf>[],
    done: 'event_added' | 'event_saved' | 'event_removed',
    edited?: number,
  ) => {
    const ed = editorial(request, deps, caseRoles);
    const [record, reference] = await load(ed, request);
    const posted = asFormBody(request.body);
    const current = timelineValues(record);
    const rename = newEventFieldName(record.events.length);
    if (done === 'event_removed' && record.events.length <= 1) {
      const form = { values: current, errors: new Map([['', ed.t('lastEventRefused')]]) };
      return renderTimeline(ed, reply, record, reference, form, 422);
    }
    // The edited event's fields come from the form alone: an unticked box is simply absent.
    const kept = Object.fromEntries(
      Object.entries(current).filter(
        ([name]) => edited === undefined || !name.startsWith(`events.${edited}.`),
      ),
    );
    return handleForm({
      request,
      reply,
      ed,
      values: { ...kept, ...posted },
      rename,
      toInput: (values) => {
        const events = record.events.map((_, index) => eventInputOf(current, `events.${index}`));
        return checkInput(
          caseUpdateSchema,
          { id: record.id, version: numberOf(values, 'version'), events: change(events, values) },
          ed.t,
          rename,
        );
      },
      save: async (input) => {
        await updateCase(ed.ctx, input);
        return { path: `${caseHref(ed, record.id)}/timeline`, done };
      },
      render: (form, status) => renderTimeline(ed, reply, record, reference, form, status),
    });
  };

  app.post(`${path}/:id/timeline`, guard, async (request, reply) =>
    changeTimeline(
      request,
      reply,
      (events, posted) => [...events, eventInputOf(posted, 'new')],
      'event_added',
    ),
  );

  app.post(`${path}/:id/timeline/:index`, guard, async (request, reply) => {
    const index = eventIndex(request);
    return changeTimeline(
      request,
      reply,
      (events, posted) =>
        events.map((event, position) =>
          position === index ? eventInputOf(posted, `events.${index}`) : event,
        ),
      'event_saved',
      index,
    );
  });

  app.post(`${path}/:id/timeline/:index/remove`, guard, async (request, reply) => {
    const index = eventIndex(request);
    return changeTimeline(
      request,
      reply,
      (events) => events.filter((_, position) => position !== index),
      'event_removed',
    );
  });

  registerHistoryPages(app, deps, 'case', caseRoles);
};

function eventIndex(request: FastifyRequest): number {
  const index = Number(param(request, 'index'));
  if (!Number.isInteger(index) || index < 0 || index > 10_000)
    throw new AppError('not_found', 'no such event');
  return index;
}
