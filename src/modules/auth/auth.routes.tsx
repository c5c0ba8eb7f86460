import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { translator } from '../../i18n/define.ts';
import { type Lang, langs } from '../../i18n/langs.ts';
import type { AppDeps, ModuleOptions } from '../../lib/deps.ts';
import { isAppError } from '../../lib/errors.ts';
import { sendPage } from '../../lib/http.ts';
import {
  editorialGuard,
  minutesText,
  noStore,
  passes,
  publicFrame,
  safeNext,
  serviceContext,
} from './auth.http.tsx';
import { authMessages } from './auth.messages.ts';
import { passwordLength } from './auth.passwords.ts';
import { findUserById } from './auth.repo.ts';
import { formField, ownKey } from './auth.schemas.ts';
import { confirmSecondFactor, signIn, signOut, startTotpEnrolment } from './auth.service.ts';
import {
  clearSessionCookie,
  issueFormToken,
  requireRole,
  SESSION_COOKIE,
  setSessionCookie,
  verifyCsrf,
  verifyFormToken,
} from './auth.session.ts';
import {
  EditorialHomePage,
  type FormError,
  LoginPage,
  PasswordPage,
  SecondFactorPage,
  SignOutPage,
} from './auth.views.tsx';
import { editorialFrame } from './editorial-layout.tsx';
import { users } from './users.routes.tsx';
import { changePassword } from './users.service.ts';

const langParams = z.object({ lang: z.enum(langs) });
const langOf = (request: FastifyRequest): Lang => langParams.parse(request.params).lang;

const homeNotices = {
  'second-factor-enabled': 'enrolDoneNotice',
  'password-changed': 'passwordChangedNotice',
} as const;

export const authRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const secureCookies = deps.config.secureCookies;

  const renderLogin = (
    request: FastifyRequest,
    reply: FastifyReply,
    page: { lang: Lang; email: string; next: string; errors: FormError[]; notice?: string },
    status: number,
  ) => {
    const t = translator(authMessages, page.lang);
    noStore(reply);
    return sendPage(
      reply,
      <LoginPage
        frame={publicFrame(request, deps, page.lang, t('loginTitle'))}
        csrfToken={issueFormToken(request, reply, secureCookies)}
        {...page}
      />,
      status,
    );
  };

  app.get('/:lang(kk|ru|en)/login', async (request, reply) => {
    const lang = langOf(request);
    const next = safeNext(formField(request.query, 'next'), lang);
    if (request.currentUser) return reply.redirect(next, 303);
    if (request.pendingSecondFactorUser) {
      return reply.redirect(`/${lang}/login/code?next=${encodeURIComponent(next)}`, 303);
    }
    const signedOut = formField(request.query, 'signed_out') === '1';
    const t = translator(authMessages, lang);
    return renderLogin(
      request,
      reply,
      { lang, email: '', next, errors: [], ...(signedOut ? { notice: t('signedOutNotice') } : {}) },
      200,
    );
  });

  app.post('/:lang(kk|ru|en)/login', async (request, reply) => {
    const lang = langOf(request);
    const t = translator(authMessages, lang);
    const email = formField(request.body, 'email').trim();
    const password = formField(request.body, 'password');
    const next = safeNext(formField(request.body, 'next'), lang);
    const page = { lang, email, next };
    if (!passes(() => verifyFormToken(request))) {
      return renderLogin(
        request,
        reply,
        { ...page, errors: [{ field: null, message: t('errorFormExpired') }] },
        403,
      );
    }
    const missing: FormError[] = [];
    if (email === '') missing.push({ field: 'email', message: t('errorEmailMissing') });
    if (password === '') missing.push({ field: 'password', message: t('errorPasswordMissing') });
    if (missing.length > 0) return renderLogin(request, reply, { ...page, errors: missing }, 422);

    const result = await signIn(serviceContext(request, deps), {
      email,
      password,
      ip: request.ip,
      replacesToken: request.cookies[SESSION_COOKIE],
    });
    if (result.outcome === 'throttled') {
      reply.header('retry-after', String(Math.ceil(result.retryAfterMs / 1000)));
      const message = t('errorThrottled', { minutes: minutesText(lang, result.retryAfterMs) });
      return renderLogin(request, reply, { ...page, errors: [{ field: null, message }] }, 429);
    }
    if (result.outcome === 'invalid') {
      const message = t('errorInvalidCredentials');
      return renderLogin(request, reply, { ...page, errors: [{ field: 'password', message }] }, 401);
    }
    setSessionCookie(reply, result.session.token, {
      secure: secureCookies,
      pending: result.outcome !== 'signed_in',
    });
    const query = `?next=${encodeURIComponent(next)}`;
    if (result.outcome === 'code_required') return reply.redirect(`/${lang}/login/code${query}`, 303);
    if (result.outcome === 'enrolment_required') return reply.redirect(`/${lang}/login/enrol${query}`, 303);
    return reply.redirect(next, 303);
  });

  /** The second step, for a session that passed the password: enter a code, or enrol first. */
  const secondFactor = (mode: 'code' | 'enrol') => {
    const render = async (
      request: FastifyRequest,
      reply: FastifyReply,
      page: { lang: Lang; next: string; errors: FormError[] },
      status: number,
    ) => {
      const user = request.pendingSecondFactorUser;
      const csrfToken = request.csrfToken;
      if (!user || !csrfToken) return reply.redirect(`/${page.lang}/login`, 303);
      const t = translator(authMessages, page.lang);
      const enrolment =
        mode === 'enrol'
          ? await startTotpEnrolment(serviceContext(request, deps), {
              userId: user.id,
              issuer: deps.config.organization.shortName,
            })
          : undefined;
      noStore(reply);
      const title = mode === 'enrol' ? t('enrolTitle') : t('codeTitle');
      return sendPage(
        reply,
        <SecondFactorPage
          frame={publicFrame(request, deps, page.lang, title)}
          user={user}
          csrfToken={csrfToken}
          next={page.next}
          errors={page.errors}
          enrolment={enrolment}
        />,
        status,
      );
    };

    /** Sends the request to the right step: the login form, the code form or the enrolment. */
    const misplaced = async (request: FastifyRequest, lang: Lang, next: string) => {
      if (request.currentUser) return next;
      const user = request.pendingSecondFactorUser;
      if (!user) return `/${lang}/login?next=${encodeURIComponent(next)}`;
      const row = await findUserById(deps.db, user.id);
      const enrolled = row?.totp_enabled_at != null;
      if (mode === 'code' && !enrolled) return `/${lang}/login/enrol?next=${encodeURIComponent(next)}`;
      if (mode === 'enrol' && enrolled) return `/${lang}/login/code?next=${encodeURIComponent(next)}`;
      return null;
    };

    app.get(`/:lang(kk|ru|en)/login/${mode}`, async (request, reply) => {
      const lang = langOf(request);
      const next = safeNext(formField(request.query, 'next'), lang);
      const elsewhere = await misplaced(request, lang, next);
      if (elsewhere) return reply.redirect(elsewhere, 303);
      return render(request, reply, { lang, next, errors: [] }, 200);
    });

    app.post(`/:lang(kk|ru|en)/login/${mode}`, async (request, reply) => {
      const lang = langOf(request);
      const t = translator(authMessages, lang);
      const next = safeNext(formField(request.body, 'next'), lang);
      const elsewhere = await misplaced(request, lang, next);
      if (elsewhere) return reply.redirect(elsewhere, 303);
      const page = { lang, next };
      if (!passes(() => verifyCsrf(request))) {
        return render(
          request,
          reply,
          { ...page, errors: [{ field: null, message: t('errorFormExpired') }] },
          403,
        );
      }
      const code = formField(request.body, 'code').trim();
      if (code === '') {
        return render(
          request,
          reply,
          { ...page, errors: [{ field: 'code', message: t('errorCodeMissing') }] },
          422,
        );
      }
      const user = request.pendingSecondFactorUser;
      const pendingToken = request.cookies[SESSION_COOKIE];
      if (!user || !pendingToken) return reply.redirect(`/${lang}/login`, 303);
      const result = await confirmSecondFactor(serviceContext(request, deps), {
        userId: user.id,
        pendingToken,
        code,
        ip: request.ip,
      });
      if (result.outcome === 'throttled') {
        reply.header('retry-after', String(Math.ceil(result.retryAfterMs / 1000)));
        const message = t('errorThrottled', { minutes: minutesText(lang, result.retryAfterMs) });
        return render(request, reply, { ...page, errors: [{ field: null, message }] }, 429);
      }
      if (result.outcome === 'invalid') {
        return render(
          request,
          reply,
          { ...page, errors: [{ field: 'code', message: t('errorCodeInvalid') }] },
          401,
        );
      }
      setSessionCookie(reply, result.session.token, { secure: secureCookies, pending: false });
      const home = `/${lang}/editorial`;
      return reply.redirect(
        result.enrolled && next === home ? `${home}?notice=second-factor-enabled` : next,
        303,
      );
    });
  };
  secondFactor('code');
  secondFactor('enrol');

  app.post('/:lang(kk|ru|en)/logout', async (request, reply) => {
    const lang = langOf(request);
    const token = request.cookies[SESSION_COOKIE];
    const csrfToken = request.csrfToken;
    if (token && csrfToken) {
      if (!passes(() => verifyCsrf(request))) {
        const t = translator(authMessages, lang);
        noStore(reply);
        return sendPage(
          reply,
          <SignOutPage frame={publicFrame(request, deps, lang, t('signOut'))} csrfToken={csrfToken} />,
          403,
        );
      }
      const user = request.currentUser ?? request.pendingSecondFactorUser;
      await signOut({ ...serviceContext(request, deps), user }, { token });
    }
    clearSessionCookie(reply, secureCookies);
    return reply.redirect(`/${lang}/login?signed_out=1`, 303);
  });

  app.get('/:lang(kk|ru|en)/editorial', { preHandler: editorialGuard(deps) }, async (request, reply) => {
    const lang = langOf(request);
    const user = requireRole(request, ['admin', 'editor', 'monitor', 'lawyer']);
    const t = translator(authMessages, lang);
    const row = await findUserById(deps.db, user.id);
    const notice = ownKey(homeNotices, formField(request.query, 'notice'));
    return sendPage(
      reply,
      <EditorialHomePage
        frame={editorialFrame(request, {
          lang,
          title: t('editorialTitle'),
          organization: deps.config.organization,
        })}
        user={user}
        secondFactor={row?.totp_enabled_at != null}
        notice={notice ? t(homeNotices[notice]) : undefined}
      />,
    );
  });

  registerPasswordPage(app, deps);
  await app.register(users, { deps });
};

function registerPasswordPage(app: Parameters<FastifyPluginAsync<ModuleOptions>>[0], deps: AppDeps) {
  const path = '/:lang(kk|ru|en)/editorial/password';
  const render = (request: FastifyRequest, reply: FastifyReply, errors: FormError[], status: number) => {
    const lang = langOf(request);
    const user = requireRole(request, ['admin', 'editor', 'monitor', 'lawyer']);
    const t = translator(authMessages, lang);
    const frame = editorialFrame(request, {
      lang,
      title: t('passwordTitle'),
      organization: deps.config.organization,
    });
    return sendPage(reply, <PasswordPage frame={frame} user={user} errors={errors} />, status);
  };

  app.get(path, { preHandler: editorialGuard(deps) }, async (request, reply) =>
    render(request, reply, [], 200),
  );

  app.post(path, { preHandler: editorialGuard(deps) }, async (request, reply) => {
    const lang = langOf(request);
    const t = translator(authMessages, lang);
    const user = requireRole(request, ['admin', 'editor', 'monitor', 'lawyer']);
    if (!passes(() => verifyCsrf(request))) {
      return render(request, reply, [{ field: null, message: t('errorFormExpired') }], 403);
    }
    const currentPassword = formField(request.body, 'currentPassword');
    const newPassword = formField(request.body, 'newPassword');
    const errors: FormError[] = [];
    if (currentPassword === '') errors.push({ field: 'currentPassword', message: t('errorPasswordMissing') });
    if (newPassword.length < passwordLength.min) {
      errors.push({ field: 'newPassword', message: t('errorPasswordShort') });
    } else if (newPassword.length > passwordLength.max) {
      errors.push({ field: 'newPassword', message: t('errorPasswordLong') });
    } else if (newPassword !== formField(request.body, 'confirmPassword')) {
      errors.push({ field: 'confirmPassword', message: t('errorPasswordMismatch') });
    }
    if (errors.length > 0) return render(request, reply, errors, 422);
    try {
      await changePassword(serviceContext(request, deps), {
        userId: user.id,
        currentPassword,
        newPassword,
        keepSessionToken: request.cookies[SESSION_COOKIE],
      });
    } catch (error) {
      const field = isAppError(error) ? error.field : undefined;
      if (field === 'currentPassword') {
        return render(request, reply, [{ field, message: t('errorCurrentPassword') }], 422);
      }
      if (field === 'newPassword') {
        return render(request, reply, [{ field, message: t('errorPasswordIsEmail') }], 422);
      }
      throw error;
    }
    return reply.redirect(`/${lang}/editorial?notice=password-changed`, 303);
  });
}
