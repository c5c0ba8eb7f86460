import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Role } from '../../../db/types.ts';
import type { AppDeps } from '../../../lib/deps.ts';
import { AppError } from '../../../lib/errors.ts';
import { editorialGuard } from '../../auth/index.ts';
import { listRecordRevisions, type RecordEntity, restoreRevision } from '../../incidents/index.ts';
import { type FieldErrors, refusalOf } from '../editorial.form.ts';
import {
  csrfPasses,
  type Editorial,
  editorial,
  noticeOf,
  page,
  param,
  redirectDone,
} from '../editorial.http.tsx';
import { HistoryPage } from '../pages/history.tsx';

const sections = { incident: 'incidents', case: 'cases', actor: 'actors' } as const;

/**
 * The revision history page of one kind of record, `<list>/:id/history`, and its restore button.
 * The services check the role again and refuse a restore the role may not make.
 */
export function registerHistoryPages(
  app: FastifyInstance,
  deps: AppDeps,
  entity: RecordEntity,
  roles: readonly Role[],
) {
  const section = sections[entity];
  const path = `/:lang(kk|ru|en)/editorial/${section}/:id/history`;
  const guard = { preHandler: editorialGuard(deps, roles) };

  const render = async (
    ed: Editorial,
    id: string,
    reply: FastifyReply,
    notice: string | undefined,
    errors: FieldErrors,
    status: number,
  ) => {
    const revisions = await listRecordRevisions(ed.ctx, entity, id);
    const href = `${ed.base}/${section}/${encodeURIComponent(id)}`;
    return page(
      reply,
      <HistoryPage
        ed={ed}
        title={ed.t('historyOf', { id })}
        current={section}
        recordHref={href}
        revisions={revisions}
        restoreAction={(auditId) => `${href}/history/${auditId}/restore`}
        notice={notice}
        errors={errors}
      />,
      status,
    );
  };

  app.get(path, guard, async (request, reply) => {
    const ed = editorial(request, deps, roles);
    return render(ed, param(request, 'id'), reply, noticeOf(request, ed.t), new Map(), 200);
  });

  app.post(`${path}/:auditId/restore`, guard, async (request, reply) => {
    const ed = editorial(request, deps, roles);
    const id = param(request, 'id');
    if (!csrfPasses(request))
      return render(ed, id, reply, undefined, new Map([['', ed.t('csrfRefused')]]), 403);
    const auditId = Number(param(request, 'auditId'));
    try {
      if (!Number.isSafeInteger(auditId)) throw new AppError('not_found', 'no such revision');
      await restoreRevision(ed.ctx, entity, id, auditId);
    } catch (error) {
      const refusal = refusalOf(error, ed.lang);
      return render(ed, id, reply, undefined, refusal.errors, refusal.status);
    }
    return redirectDone(reply, `${ed.base}/${section}/${encodeURIComponent(id)}`, 'restored');
  });
}
