import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { translator } from '../../i18n/define.ts';
import { formatNumber } from '../../i18n/format.ts';
import { langs } from '../../i18n/langs.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { pathWithoutLang, preferredLang, sendPage } from '../../lib/http.ts';
import { Layout } from '../../web/layout.tsx';
import { portalMessages } from './portal.messages.ts';
import { summarizeDatabase } from './portal.repo.ts';

const langParams = z.object({ lang: z.enum(langs) });

export const portalRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  app.get('/', async (request, reply) =>
    reply.redirect(`/${preferredLang(request.headers['accept-language'])}/`),
  );

  app.get('/:lang(kk|ru|en)', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params as z.infer<typeof langParams>;
    const t = translator(portalMessages, lang);
    const summary = await summarizeDatabase(deps.db);
    const frame = {
      lang,
      pathWithoutLang: pathWithoutLang(request.url),
      title: t('homeTitle', { country: deps.config.organization.country }),
      organization: deps.config.organization,
    };
    const figures: Array<[number, string]> = [
      [summary.incidentsPublished, t('incidentsPublished')],
      [summary.casesPublished, t('casesPublished')],
      [summary.actors, t('actorsKnown')],
      [summary.categories, t('categoriesKnown')],
      [summary.regions, t('regionsKnown')],
    ];
    return sendPage(
      reply,
      <Layout frame={frame}>
        <h1>{frame.title}</h1>
        <p>{t('homeIntro')}</p>
        <section aria-labelledby="database-holds">
          <h2 id="database-holds">{t('databaseHolds')}</h2>
          <ul class="figures">
            {figures.map(([value, label]) => (
              <li key={label}>
                <span class="value">{formatNumber(value, lang)}</span> {label}
              </li>
            ))}
          </ul>
        </section>
      </Layout>,
    );
  });
};
