import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ModuleOptions } from '../../lib/deps.ts';
import { sendPage } from '../../lib/http.ts';
import { publicFrame } from '../../lib/page-frame.ts';
import { editorialFrame, editorialGuard, requireRole } from '../auth/index.ts';
import { blockingRoutes } from './blocking.routes.tsx';
import { listBlockingForEditor } from './blocking.service.ts';
import { BlockingEditorialTable } from './blocking.views.tsx';
import { refusalRoutes } from './refusals.routes.tsx';
import { listRequestsForEditor } from './refusals.service.ts';
import { RequestEditorialTable } from './refusals.views.tsx';
import * as repo from './registers.repo.ts';
import { langParams } from './registers.schemas.ts';
import { REGISTER_ROLES } from './registers.service.ts';
import { EditorialRegistersPage, RegistersPage, tFor } from './registers.views.tsx';

export const registerRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  const { db } = deps;
  app.get('/:lang(kk|ru|en)/registers', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params as z.infer<typeof langParams>;
    const [blocked, refusals] = await Promise.all([
      repo.listBlocking(db, { publishedOnly: true, filters: { state: 'blocked' } }),
      repo.listRequests(db, { publishedOnly: true, filters: { answer: 'refusals' } }),
    ]);
    return sendPage(
      reply,
      <RegistersPage
        frame={publicFrame(request, deps, lang, tFor(lang)('registersTitle'))}
        blockedNow={blocked.length}
        refusals={refusals.length}
      />,
    );
  });

  await app.register(async (app) => {
    app.addHook('preHandler', editorialGuard(deps, REGISTER_ROLES));
    app.get(
      '/:lang(kk|ru|en)/editorial/registers',
      { schema: { params: langParams } },
      async (request, reply) => {
        const { lang } = request.params as z.infer<typeof langParams>;
        const ctx = {
          db,
          user: requireRole(request as FastifyRequest, REGISTER_ROLES),
          via: 'web' as const,
          now: deps.now,
        };
        const [blocking, requests] = await Promise.all([
          listBlockingForEditor(ctx),
          listRequestsForEditor(ctx),
        ]);
        return sendPage(
          reply,
          <EditorialRegistersPage
            frame={editorialFrame(request, {
              lang,
              title: tFor(lang)('editorialTitle'),
              organization: deps.config.organization,
            })}
            user={ctx.user}
          >
            <BlockingEditorialTable lang={lang} records={blocking} />
            <RequestEditorialTable lang={lang} records={requests} />
          </EditorialRegistersPage>,
        );
      },
    );
  });

  await app.register(blockingRoutes, { deps });
  await app.register(refusalRoutes, { deps });
};
