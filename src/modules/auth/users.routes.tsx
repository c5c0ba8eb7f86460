import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { translator } from '../../i18n/define.ts';
import { type Lang, langs } from '../../i18n/langs.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { isAppError } from '../../lib/errors.ts';
import { sendPage } from '../../lib/http.ts';
import { editorialGuard, noStore, passes, serviceContext } from './auth.http.tsx';
import { authMessages } from './auth.messages.ts';
import { formField, ownKey } from './auth.schemas.ts';
import { requireRole, verifyCsrf } from './auth.session.ts';
import type { FormError } from './auth.views.tsx';
import { editorialFrame } from './editorial-layout.tsx';
import { createUser, disableUser, enableUser, listUsers, resetSecondFactor } from './users.service.ts';
import { type NewUserValues, UserCreatedPage, UsersPage } from './users.views.tsx';

const langParams = z.object({ lang: z.enum(langs) });
const userParams = z.object({ lang: z.enum(langs), id: z.coerce.number().int().positive() });

const doneNotices = {
  disabled: 'noticeDisabled',
  enabled: 'noticeEnabled',
  'second-factor-reset': 'noticeSecondFactorReset',
} as const;
type Done = keyof typeof doneNotices;

/** What the service's field errors mean to the person filling in the form. */
const fieldMessages = {
  email: { validation_failed: 'errorEmailInvalid', conflict: 'errorEmailTaken' },
  role: { validation_failed: 'errorRoleInvalid' },
  displayName: { validation_failed: 'errorNameTooLong' },
} as const;

/** Admin pages: the list of users, adding one, disabling and enabling, resetting two-factor. */
export const users: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const guard = { preHandler: editorialGuard(deps, ['admin']) };
  const emptyValues: NewUserValues = { email: '', displayName: '', role: '' };

  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: { lang: Lang; values: NewUserValues; errors: FormError[]; done?: Done | undefined },
    status: number,
  ) => {
    const user = requireRole(request, ['admin']);
    const t = translator(authMessages, page.lang);
    const frame = editorialFrame(request, {
      lang: page.lang,
      title: t('usersTitle'),
      organization: deps.config.organization,
    });
    const all = await listUsers(serviceContext(request, deps));
    return sendPage(
      reply,
      <UsersPage
        frame={frame}
        user={user}
        users={all}
        values={page.values}
        errors={page.errors}
        notice={page.done ? t(doneNotices[page.done]) : undefined}
      />,
      status,
    );
  };

  app.get('/:lang(kk|ru|en)/editorial/users', guard, async (request, reply) => {
    const { lang } = langParams.parse(request.params);
    const done = ownKey(doneNotices, formField(request.query, 'done'));
    return renderList(request, reply, { lang, values: emptyValues, errors: [], done }, 200);
  });

  app.post('/:lang(kk|ru|en)/editorial/users', guard, async (request, reply) => {
    const { lang } = langParams.parse(request.params);
    const t = translator(authMessages, lang);
    const admin = requireRole(request, ['admin']);
    const values: NewUserValues = {
      email: formField(request.body, 'email').trim(),
      displayName: formField(request.body, 'displayName').trim(),
      role: formField(request.body, 'role'),
    };
    if (!passes(() => verifyCsrf(request))) {
      return renderList(
        request,
        reply,
        { lang, values, errors: [{ field: null, message: t('errorFormExpired') }] },
        403,
      );
    }
    try {
      const created = await createUser(serviceContext(request, deps), {
        email: values.email,
        role: values.role,
        ...(values.displayName ? { displayName: values.displayName } : {}),
      });
      noStore(reply);
      const frame = editorialFrame(request, {
        lang,
        title: t('userCreatedTitle'),
        organization: deps.config.organization,
      });
      return sendPage(
        reply,
        <UserCreatedPage frame={frame} user={admin} created={created.user} password={created.password} />,
        201,
      );
    } catch (error) {
      const field = isAppError(error) && error.field ? ownKey(fieldMessages, error.field) : undefined;
      if (!isAppError(error) || !field) throw error;
      const byCode: Partial<Record<string, Parameters<typeof t>[0]>> = fieldMessages[field];
      const key = byCode[error.code];
      if (!key) throw error;
      return renderList(request, reply, { lang, values, errors: [{ field, message: t(key) }] }, 422);
    }
  });

  const userAction = (path: string, done: Done, run: typeof disableUser) => {
    app.post(`/:lang(kk|ru|en)/editorial/users/:id/${path}`, guard, async (request, reply) => {
      const { lang, id } = userParams.parse(request.params);
      const t = translator(authMessages, lang);
      const admin = requireRole(request, ['admin']);
      const fail = (message: string, status: number) =>
        renderList(request, reply, { lang, values: emptyValues, errors: [{ field: null, message }] }, status);
      if (!passes(() => verifyCsrf(request))) return fail(t('errorFormExpired'), 403);
      if (path === 'disable' && id === admin.id) return fail(t('errorSelfDisable'), 409);
      try {
        await run(serviceContext(request, deps), { userId: id });
      } catch (error) {
        if (isAppError(error) && error.code === 'not_found') return fail(t('errorNoSuchUser'), 404);
        if (isAppError(error) && error.code === 'conflict') return fail(t('errorLastAdmin'), 409);
        throw error;
      }
      return reply.redirect(`/${lang}/editorial/users?done=${done}`, 303);
    });
  };
  userAction('disable', 'disabled', disableUser);
  userAction('enable', 'enabled', enableUser);
  userAction('reset-second-factor', 'second-factor-reset', resetSecondFactor);
};
