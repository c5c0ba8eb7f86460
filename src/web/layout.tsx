import type { ComponentChildren } from 'preact';
import type { Config } from '../config.ts';
import { translator } from '../i18n/define.ts';
import { type Lang, langs } from '../i18n/langs.ts';
import { layoutMessages } from './layout.messages.ts';

export type PageFrame = {
  lang: Lang;
  /** The path without its language prefix, e.g. '/incidents?year=2024', for the language switch. */
  pathWithoutLang: string;
  title: string;
  organization: Config['organization'];
  description?: string;
  /** Editorial pages carry the signed-in user's name and their own navigation. */
  editorial?: { userName: string; csrfToken: string };
};

const languageNames: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

export function Layout({ frame, children }: { frame: PageFrame; children: ComponentChildren }) {
  const t = translator(layoutMessages, frame.lang);
  const { lang, organization } = frame;
  const prefix = `/${lang}`;
  const nav: Array<[string, string]> = [
    [`${prefix}/`, t('navHome')],
    [`${prefix}/incidents`, t('navIncidents')],
    [`${prefix}/cases`, t('navCases')],
    [`${prefix}/statistics`, t('navStatistics')],
    [`${prefix}/bulletins`, t('navBulletins')],
    [`${prefix}/registers`, t('navRegisters')],
    [`${prefix}/methodology`, t('navMethodology')],
    [`${prefix}/ask`, t('navAsk')],
  ];
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${frame.title} · ${organization.shortName}`}</title>
        {frame.description ? <meta name="description" content={frame.description} /> : null}
        {langs.map((other) => (
          <link key={other} rel="alternate" hrefLang={other} href={`/${other}${frame.pathWithoutLang}`} />
        ))}
        <link rel="icon" type="image/svg+xml" href="/static/favicon.svg" />
        <link rel="stylesheet" href="/static/style.css" />
        <script src="/static/app.js" defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          <div class="org-names">
            <a href={`${prefix}/`} class="org-home">
              <span lang="kk">{organization.name.kk}</span>
              <span lang="ru">{organization.name.ru}</span>
              <span lang="en">{organization.name.en}</span>
            </a>
          </div>
          <nav aria-label={t('languageSwitch')} class="lang-switch">
            <ul>
              {langs.map((other) => (
                <li key={other}>
                  <a
                    href={`/${other}${frame.pathWithoutLang}`}
                    hrefLang={other}
                    lang={other}
                    aria-current={other === lang ? 'true' : undefined}
                  >
                    {languageNames[other]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <nav aria-label={t('mainNavigation')} class="main-nav">
            <ul>
              {nav.map(([href, label]) => (
                <li key={href}>
                  <a href={href}>{label}</a>
                </li>
              ))}
              {frame.editorial ? (
                <li>
                  <a href={`${prefix}/editorial`}>{t('navEditorial')}</a>
                </li>
              ) : null}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <p>{organization.name[lang]}</p>
          <p>
            <a href={`mailto:${organization.email}`}>{organization.email}</a>
            {organization.phone ? ` · ${organization.phone}` : ''}
          </p>
          <p>{t('footerData')}</p>
        </footer>
      </body>
    </html>
  );
}

export function ErrorPage({ frame, kind }: { frame: PageFrame; kind: 'not_found' | 'error' }) {
  const t = translator(layoutMessages, frame.lang);
  const heading = kind === 'not_found' ? t('notFoundTitle') : t('errorTitle');
  return (
    <Layout frame={{ ...frame, title: frame.title || heading }}>
      <h1>{heading}</h1>
      <p>{kind === 'not_found' ? t('notFoundText') : t('errorText')}</p>
      <p>
        <a href={`/${frame.lang}/`}>{t('backHome')}</a>
      </p>
    </Layout>
  );
}
