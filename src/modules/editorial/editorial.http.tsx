import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import type { Role } from '../../db/types.ts';
import { type Translator, translator } from '../../i18n/define.ts';
import { type Lang, langs } from '../../i18n/langs.ts';
import type { CurrentUser, ServiceContext } from '../../lib/context.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { isAppError } from '../../lib/errors.ts';
import { sendPage } from '../../lib/http.ts';
import type { PageFrame } from '../../web/layout.tsx';
import { editorialFrame, requireRole, serviceContext, verifyCsrf } from '../auth/index.ts';
import { type WorkflowAction as RecordAction, workflowActions as recordActions } from '../cases/index.ts';
import {
  type FieldErrors,
  type FormBody,
  type IssueMessages,
  issuesToErrors,
  refusalOf,
  textOf,
} from './editorial.form.ts';
import { type EditorialMessageKey, editorialMessages } from './editorial.messages.ts';
import type { FormState } from './pages/form-controls.tsx';

export type T = Translator<EditorialMessageKey>;

/** Who may open which part of the editorial app. Lawyers follow cases; incidents are the monitors'. */
export const incidentRoles: readonly Role[] = ['admin', 'editor', 'monitor'];
export const caseRoles: readonly Role[] = ['admin', 'editor', 'monitor', 'lawyer'];
export const actorRoles: readonly Role[] = ['admin', 'editor', 'monitor', 'lawyer'];
export const deskRoles: readonly Role[] = ['admin', 'editor'];
export const anyRole: readonly Role[] = ['admin', 'editor', 'monitor', 'lawyer'];

/** What every editorial handler starts from, once the role has been checked. */
export type Editorial = {
  lang: Lang;
  user: CurrentUser;
  ctx: ServiceContext;
  t: T;
  base: string;
  frame: (title: string) => PageFrame;
};

const langParams = z.object({ lang: z.enum(langs) }).loose();

/**
 * Checks the role before anything else (the route's guard has already sent strangers to the login
 * page), then gathers the request's language, user, service context and page frame.
 */
export function editorial(request: FastifyRequest, deps: AppDeps, roles: readonly Role[]): Editorial {
  const user = requireRole(request, roles);
  const { lang } = langParams.parse(request.params);
  return {
    lang,
    user,
    ctx: serviceContext(request, deps),
    t: translator(editorialMessages, lang),
    base: `/${lang}/editorial`,
    frame: (title) => editorialFrame(request, { lang, title, organization: deps.config.organization }),
  };
}

/** True when the form carries this session's CSRF token. */
export function csrfPasses(request: FastifyRequest): boolean {
  try {
    verifyCsrf(request);
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'forbidden') return false;
    throw error;
  }
}

/** A route parameter, e.g. the record id of '/incidents/:id'. */
export function param(request: FastifyRequest, name: string): string {
  const params = request.params as Record<string, unknown>;
  const value = params[name];
  return typeof value === 'string' ? value : '';
}

export function query(request: FastifyRequest): FormBody {
  const raw = request.query;
  if (!raw || typeof raw !== 'object') return {};
  return raw as FormBody;
}

/**
 * The notices a redirect after a successful POST may carry (?done=saved), so a reload never
 * resends the form. Only these keys are shown; anything else in the URL is ignored.
 */
const notices = {
  created: 'createdNotice',
  saved: 'savedNotice',
  status: 'statusChanged',
  restored: 'restored',
  linked: 'linkAdded',
  unlinked: 'linkRemoved',
  event_added: 'eventAdded',
  event_saved: 'eventSaved',
  event_removed: 'eventRemoved',
  merged: 'merged',
  split: 'splitDone',
} as const satisfies Record<string, EditorialMessageKey>;

export function noticeOf(
  request: FastifyRequest,
  t: T,
  values: Record<string, string> = {},
): string | undefined {
  const key = textOf(query(request), 'done');
  // Own keys only: `in` would also match inherited names such as 'constructor' or '__proto__'.
  return Object.hasOwn(notices, key) ? t(notices[key as keyof typeof notices], values) : undefined;
}

export type Notice = keyof typeof notices;

export function redirectDone(reply: FastifyReply, path: string, done: Notice) {
  return reply.redirect(`${path}${path.includes('?') ? '&' : '?'}done=${done}`, 303);
}

export function page(reply: FastifyReply, body: VNode, status = 200) {
  reply.header('cache-control', 'no-store');
  return sendPage(reply, body, status);
}

/**
 * The one path of every editorial form POST: check the CSRF token, turn the form into the service's
 * input (collecting every problem a person can fix at once), call the service, and redirect on
 * success. A refusal re-renders the same form with what was typed and the problems next to their
 * fields: 403 for an expired form, 422 for invalid input, 409 for a stale version or a conflict.
 */
export async function handleForm<Input>(options: {
  request: FastifyRequest;
  reply: FastifyReply;
  ed: Editorial;
  values: FormBody;
  toInput: (values: FormBody) => { input: Input | undefined; errors: FieldErrors };
  /** Saves and names where to go next, with the notice to show there. */
  save: (input: Input) => Promise<{ path: string; done: Notice }>;
  render: (form: FormState, status: number) => unknown;
  rename?: (path: string) => string;
}) {
  const { ed, values } = options;
  if (!csrfPasses(options.request)) {
    return options.render({ values, errors: new Map([['', ed.t('csrfRefused')]]) }, 403);
  }
  const { input, errors } = options.toInput(values);
  if (errors.size > 0 || input === undefined) return options.render({ values, errors }, 422);
  let next: { path: string; done: Notice };
  try {
    next = await options.save(input);
  } catch (error) {
    const refusal = refusalOf(error, ed.lang, options.rename);
    return options.render({ values, errors: refusal.errors, stale: refusal.stale }, refusal.status);
  }
  return redirectDone(options.reply, next.path, next.done);
}

/** The messages of field problems, in the reader's language. */
export function issueMessages(t: T): IssueMessages {
  return {
    required: t('errRequired'),
    tooLong: (max) => t('errTooLong', { max }),
    tooSmall: (min) => t('errTooSmall', { min }),
    tooBig: (max) => t('errTooBig', { max }),
    chooseOne: t('errChooseOne'),
    chooseAtLeastOne: t('errChooseAtLeastOne'),
    badFormat: t('errBadFormat'),
    notANumber: t('errNotANumber'),
    refinement: (field) => {
      if (field === 'date') return t('errDateFormat');
      if (/^(events\.\d+|new)\.date$/.test(field)) return t('errDayFormat');
      if (field === 'counted_in') return t('errMonthFormat');
      if (field === 'title') return t('errTitleNeeded');
      return undefined;
    },
  };
}

/**
 * Checks a form's input against the service's own schema before calling it, so every problem
 * shows at once (the service, which stops at the first, checks again). The parsed value is what
 * the service receives.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  t: T,
  rename?: (path: string) => string,
  extra: FieldErrors = new Map(),
): { input: z.output<S> | undefined; errors: FieldErrors } {
  const parsed = schema.safeParse(raw);
  const errors = new Map(extra);
  if (!parsed.success) {
    for (const [name, message] of issuesToErrors(parsed.error, raw, issueMessages(t), rename)) {
      if (!errors.has(name)) errors.set(name, message);
    }
  }
  return { input: parsed.success && errors.size === 0 ? parsed.data : undefined, errors };
}

/** The page number of a list's query: a whole number from 1, anything else is the first page. */
export function pageNumber(value: unknown): number {
  const number = Number(typeof value === 'string' ? value : 1);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, 10_000) : 1;
}

/** "Add another row": the same form again, with one more blank row and nothing saved. */
export function addRow(
  request: FastifyRequest,
  ed: Editorial,
  values: FormBody,
  render: (form: FormState, status: number) => unknown,
) {
  if (!csrfPasses(request)) return render({ values, errors: new Map([['', ed.t('csrfRefused')]]) }, 403);
  return render({ values, errors: new Map() }, 200);
}

/**
 * A workflow step the record services take. The workflow's table (lib/workflow.ts) may know more
 * steps than the services accept yet; only those both know are offered and sent.
 */
export function recordAction(value: string): RecordAction | undefined {
  return recordActions.find((action) => action === value);
}

export function offeredActions(actions: readonly string[]): RecordAction[] {
  return actions.flatMap((action) => recordAction(action) ?? []);
}
