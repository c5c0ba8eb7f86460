import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Lang } from '../../i18n/langs.ts';
import { isAppError } from '../../lib/errors.ts';
import { parseInput } from '../../lib/input.ts';
import { verifyCsrf } from '../auth/index.ts';
import { idParams, versionBodySchema } from './registers.schemas.ts';
import { type FlashMessage, tFor } from './registers.views.tsx';

/**
 * An editorial form that could not be saved is shown again with the reason and the values sent;
 * anything that is not the editor's input to fix (a missing record, no permission) stays an error.
 */
export function editorialFailure(lang: Lang, error: unknown) {
  if (!isAppError(error)) throw error;
  const t = tFor(lang);
  if (error.code === 'stale_version') {
    return { status: error.httpStatus, flash: { kind: 'error' as const, text: t('errorStale') } };
  }
  if (error.code === 'validation_failed' || error.code === 'payload_too_large') {
    return {
      status: error.httpStatus,
      flash: { kind: 'error' as const, text: t('errorInvalid', { message: error.message }) },
    };
  }
  throw error;
}

type FailureView = (
  request: FastifyRequest,
  reply: FastifyReply,
  lang: Lang,
  id: number,
  failure: { status: number; flash: FlashMessage },
) => Promise<unknown>;

/**
 * POST `<route>/:id/publish` and `/unpublish` for one register: the form sends the record's version;
 * a failure shows the record again with the reason, a success goes back to it.
 */
export function statusActions(
  app: FastifyInstance,
  options: {
    route: string;
    editPath: (lang: Lang, id: number) => string;
    setStatus: (
      request: FastifyRequest,
      change: { id: number; version: number; status: 'draft' | 'published' },
    ) => Promise<void>;
    showFailure: FailureView;
  },
) {
  for (const action of ['publish', 'unpublish'] as const) {
    app.post(
      `${options.route}/:id(\\d+)/${action}`,
      { schema: { params: idParams } },
      async (request, reply) => {
        const { lang, id } = request.params as z.infer<typeof idParams>;
        verifyCsrf(request);
        try {
          const { version } = parseInput(versionBodySchema, request.body ?? {});
          await options.setStatus(request, {
            id,
            version,
            status: action === 'publish' ? 'published' : 'draft',
          });
        } catch (error) {
          return options.showFailure(request, reply, lang, id, editorialFailure(lang, error));
        }
        return reply.redirect(`${options.editPath(lang, id)}?done=1`, 303);
      },
    );
  }
}
