import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { translator } from '../../i18n/define.ts';
import { langs } from '../../i18n/langs.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { sendPage } from '../../lib/http.ts';
import {
  CsrfField,
  EditorialLayout,
  editorialFrame,
  editorialGuard,
  requireRole,
  serviceContext,
  verifyCsrf,
} from '../auth/index.ts';
import { backupMessages } from './backup.messages.ts';
import { takeOnlineBackup } from './backup.service.ts';

const langParams = z.object({ lang: z.enum(langs) });

/** The administrator's backup page, and the download it offers (a POST: it is not a link to follow). */
export const backupRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const guard = { schema: { params: langParams }, preHandler: editorialGuard(deps, ['admin']) };

  app.get('/:lang(kk|ru|en)/editorial/backup', guard, async (request, reply) => {
    const { lang } = request.params as z.infer<typeof langParams>;
    const user = requireRole(request, ['admin']);
    const t = translator(backupMessages, lang);
    const frame = editorialFrame(request, {
      lang,
      title: t('title'),
      organization: deps.config.organization,
    });
    return sendPage(
      reply,
      <EditorialLayout frame={frame} user={user} current="backup">
        <h1>{t('title')}</h1>
        {deps.pglite ? (
          <>
            <p>{t('embeddedIntro')}</p>
            <form method="post" action={`/${lang}/editorial/backup`}>
              <CsrfField frame={frame} />
              <button type="submit" class="primary">
                {t('download')}
              </button>
            </form>
            <p>{t('restoreHint')}</p>
          </>
        ) : (
          <p>{t('postgresIntro')}</p>
        )}
      </EditorialLayout>,
    );
  });

  app.post('/:lang(kk|ru|en)/editorial/backup', guard, async (request, reply) => {
    requireRole(request, ['admin']);
    verifyCsrf(request);
    const backup = await takeOnlineBackup(serviceContext(request, deps), deps.pglite);
    return reply
      .type('application/gzip')
      .header('content-disposition', `attachment; filename="${backup.fileName}"`)
      .header('cache-control', 'no-store')
      .send(backup.bytes);
  });
};
