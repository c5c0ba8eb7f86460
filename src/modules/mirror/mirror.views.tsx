import type { Config } from '../../config.ts';
import { translator } from '../../i18n/define.ts';
import { langs } from '../../i18n/langs.ts';
import { renderDocument } from '../../web/render.ts';
import { mirrorMessages } from './mirror.messages.ts';

const languageNames = { kk: 'Қазақша', ru: 'Русский', en: 'English' } as const;

/** The mirror's own first page: the three languages and the checksum list. */
export function mirrorIndexPage(organization: Config['organization'], checksumFile: string): string {
  return renderDocument(
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${organization.shortName} · ${translator(mirrorMessages, 'ru')('title')}`}</title>
        <link rel="stylesheet" href="static/style.css" />
      </head>
      <body>
        <main id="main">
          {langs.map((lang) => {
            const t = translator(mirrorMessages, lang);
            return (
              <section key={lang} lang={lang}>
                <h1>{organization.name[lang]}</h1>
                <p>{t('intro')}</p>
                <p>
                  <a href={`${lang}/index.html`} hrefLang={lang}>
                    {languageNames[lang]}
                  </a>
                </p>
                <p>
                  <a href={checksumFile}>{t('checksums')}</a>
                </p>
              </section>
            );
          })}
        </main>
      </body>
    </html>,
  );
}
