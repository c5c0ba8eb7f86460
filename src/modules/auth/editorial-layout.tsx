import type { FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Config } from '../../config.ts';
import type { Role } from '../../db/types.ts';
import { translator } from '../../i18n/define.ts';
import type { Lang } from '../../i18n/langs.ts';
import type { CurrentUser } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { pathWithoutLang } from '../../lib/http.ts';
import { Layout, type PageFrame } from '../../web/layout.tsx';
import { authMessages } from './auth.messages.ts';

export type EditorialSection =
  | 'overview'
  | 'my_work'
  | 'intake'
  | 'incidents'
  | 'cases'
  | 'actors'
  | 'review'
  | 'bulletins'
  | 'questions'
  | 'appeals'
  | 'registers'
  | 'users'
  | 'backup';

/**
 * The sections of the editorial navigation, each under `/:lang/editorial`, and the roles that see
 * its link. The pages themselves check the role again (a hidden link is not a permission).
 */
export const editorialSections: ReadonlyArray<{
  id: EditorialSection;
  path: string;
  label:
    | 'navOverview'
    | 'navMyWork'
    | 'navIntake'
    | 'navIncidents'
    | 'navCases'
    | 'navActors'
    | 'navReview'
    | 'navBulletins'
    | 'navQuestions'
    | 'navAppeals'
    | 'navRegisters'
    | 'navUsers'
    | 'navBackup';
  roles: readonly Role[];
}> = [
  { id: 'overview', path: '', label: 'navOverview', roles: ['admin', 'editor', 'monitor', 'lawyer'] },
  { id: 'my_work', path: '/my-work', label: 'navMyWork', roles: ['admin', 'editor', 'monitor', 'lawyer'] },
  { id: 'intake', path: '/intake', label: 'navIntake', roles: ['admin', 'editor', 'monitor'] },
  { id: 'incidents', path: '/incidents', label: 'navIncidents', roles: ['admin', 'editor', 'monitor'] },
  { id: 'cases', path: '/cases', label: 'navCases', roles: ['admin', 'editor', 'monitor', 'lawyer'] },
  { id: 'actors', path: '/actors', label: 'navActors', roles: ['admin', 'editor', 'monitor', 'lawyer'] },
  { id: 'review', path: '/review', label: 'navReview', roles: ['admin', 'editor'] },
  { id: 'bulletins', path: '/bulletins', label: 'navBulletins', roles: ['admin', 'editor'] },
  { id: 'questions', path: '/questions', label: 'navQuestions', roles: ['admin', 'editor', 'lawyer'] },
  { id: 'appeals', path: '/appeals', label: 'navAppeals', roles: ['admin', 'editor', 'lawyer'] },
  {
    id: 'registers',
    path: '/registers',
    label: 'navRegisters',
    roles: ['admin', 'editor', 'monitor', 'lawyer'],
  },
  { id: 'users', path: '/users', label: 'navUsers', roles: ['admin'] },
  { id: 'backup', path: '/backup', label: 'navBackup', roles: ['admin'] },
];

/**
 * The frame of an editorial page: the signed-in user's name and the session's CSRF token, which the
 * sign-out form (and every other form of the page) sends back.
 */
export function editorialFrame(
  request: FastifyRequest,
  page: { lang: Lang; title: string; organization: Config['organization'] },
): PageFrame {
  const user = request.currentUser;
  const csrfToken = request.csrfToken;
  if (!user || !csrfToken) throw new AppError('unauthenticated', 'sign in first');
  return {
    lang: page.lang,
    pathWithoutLang: pathWithoutLang(request.url),
    title: page.title,
    organization: page.organization,
    editorial: { userName: user.displayName, csrfToken },
  };
}

/** The editorial stylesheet; a stylesheet link may stand in the body, and this keeps style.css shared. */
export function EditorialStyles() {
  return <link rel="stylesheet" href="/static/editorial.css" />;
}

/** The hidden CSRF field every editorial form carries. */
export function CsrfField({ frame }: { frame: PageFrame }) {
  return <input type="hidden" name="_csrf" value={frame.editorial?.csrfToken ?? ''} />;
}

/**
 * Every editorial page: the site's Layout with the editorial navigation (links by role), who is
 * signed in, and a sign-out form that works without JavaScript.
 */
export function EditorialLayout({
  frame,
  user,
  current,
  children,
}: {
  frame: PageFrame;
  user: CurrentUser;
  current?: EditorialSection | undefined;
  children: ComponentChildren;
}) {
  const t = translator(authMessages, frame.lang);
  const base = `/${frame.lang}/editorial`;
  return (
    <Layout frame={frame}>
      <EditorialStyles />
      <div class="editorial-bar">
        <nav aria-label={t('editorialNavigation')} class="editorial-nav">
          <ul>
            {editorialSections
              .filter((section) => section.roles.includes(user.role))
              .map((section) => (
                <li key={section.id}>
                  <a
                    href={`${base}${section.path}`}
                    aria-current={section.id === current ? 'page' : undefined}
                  >
                    {t(section.label)}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <div class="editorial-user">
          <p>{t('signedInAs', { name: user.displayName, role: t(`role_${user.role}`) })}</p>
          <p>
            <a href={`${base}/password`}>{t('navPassword')}</a>
          </p>
          <form method="post" action={`/${frame.lang}/logout`}>
            <CsrfField frame={frame} />
            <button type="submit">{t('signOut')}</button>
          </form>
        </div>
      </div>
      {children}
    </Layout>
  );
}
