import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Role } from '../../db/types.ts';
import { translator } from '../../i18n/define.ts';
import { pluralize } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/langs.ts';
import type { ServiceContext } from '../../lib/context.ts';
import type { AppDeps } from '../../lib/deps.ts';
import { isAppError } from '../../lib/errors.ts';
import { pathWithoutLang, requestLang, sendPage } from '../../lib/http.ts';
import type { PageFrame } from '../../web/layout.tsx';
import { authMessages } from './auth.messages.ts';
import { roles } from './auth.schemas.ts';
import { ForbiddenPage } from './auth.views.tsx';
import { editorialFrame } from './editorial-layout.tsx';

/** The service context of a request: the signed-in user (if any), the app's database and clock. */
export function serviceContext(request: FastifyRequest, deps: AppDeps): ServiceContext {
  return { db: deps.db, user: request.currentUser, via: 'web', now: deps.now };
}

export function publicFrame(request: FastifyRequest, deps: AppDeps, lang: Lang, title: string): PageFrame {
  return {
    lang,
    pathWithoutLang: pathWithoutLang(request.url),
    title,
    organization: deps.config.organization,
  };
}

/** Pages that show secrets or private records are never stored by a browser or a proxy. */
export function noStore(reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
}

/**
 * Where to go after signing in: a path of this site under a language prefix, or the editorial
 * overview. Anything else (another host, `//host`, backslashes) is ignored: no open redirect.
 */
export function safeNext(value: string, lang: Lang): string {
  const fallback = `/${lang}/editorial`;
  if (value.length > 1000 || value.includes('//') || value.includes('\\')) return fallback;
  return /^\/(kk|ru|en)(\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?$/.test(value) ? value : fallback;
}

/** The login page that comes back to `next`. */
export function loginUrl(lang: Lang, next: string): string {
  return `/${lang}/login?next=${encodeURIComponent(next)}`;
}

/** True when the request's CSRF token is right; the check itself is verifyCsrf or verifyFormToken. */
export function passes(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === 'forbidden') return false;
    throw error;
  }
}

/** "5 minutes", "5 минут", "5 минут": the wait before the next attempt, rounded up. */
export function minutesText(lang: Lang, milliseconds: number): string {
  const t = translator(authMessages, lang);
  const count = Math.max(1, Math.ceil(milliseconds / 60_000));
  return pluralize(count, lang, {
    one: t('minuteOne', { count }),
    few: t('minuteFew', { count }),
    many: t('minuteMany', { count }),
    other: t('minuteOther', { count }),
  });
}

/**
 * A preHandler for editorial pages. Without a signed-in user it redirects to the login page (which
 * comes back here after a GET); with a role not in `allowed` it answers 403 with a page saying so.
 * Editorial pages are never cached. Routes still call requireRole for the typed user.
 */
export function editorialGuard(deps: AppDeps, allowed: readonly Role[] = roles): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    noStore(reply);
    const lang = requestLang(request);
    const user = request.currentUser;
    if (!user) {
      const next = request.method === 'GET' ? request.url : `/${lang}/editorial`;
      return reply.redirect(loginUrl(lang, next), 303);
    }
    if (!allowed.includes(user.role)) {
      const t = translator(authMessages, lang);
      const frame = editorialFrame(request, {
        lang,
        title: t('forbiddenTitle'),
        organization: deps.config.organization,
      });
      return sendPage(reply, <ForbiddenPage frame={frame} user={user} />, 403);
    }
  };
}
