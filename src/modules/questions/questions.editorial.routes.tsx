import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { translator } from '../../i18n/define.ts';
import type { Lang } from '../../i18n/langs.ts';
import type { ServiceContext } from '../../lib/context.ts';
import type { ModuleOptions } from '../../lib/deps.ts';
import { type AppError, isAppError } from '../../lib/errors.ts';
import { sendPage } from '../../lib/http.ts';
import { parseInput } from '../../lib/input.ts';
import { editorialFrame, editorialGuard, requireRole, verifyCsrf } from '../auth/index.ts';
import { deliverMail } from './questions.mail.ts';
import { questionMessages } from './questions.messages.ts';
import { countUnsentMail, listAssignableUsers, listLegalArticles, listRegions } from './questions.repo.ts';
import { idParams, inboxFiltersSchema, langParams } from './questions.schemas.ts';
import {
  answerQuestion,
  assignQuestion,
  closeQuestion,
  getQuestionDetail,
  listInbox,
  listOutbox,
  publishQuestion,
  reopenQuestion,
  requestMoreInformation,
  STAFF_ROLES,
  unpublishQuestion,
} from './questions.service.ts';
import { type DetailDraft, InboxPage, OutboxPage, QuestionDetailPage } from './questions.views.tsx';
import { availableQuestionEvents, type QuestionEvent, questionEvents } from './questions.workflow.ts';

const formText = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().default(''));
const formList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string()),
);

const actionBodySchema = z.object({
  version: z.coerce.number().int().positive(),
  lawyer: formText,
  text: formText,
  answer: formText,
  public_question: formText,
  public_answer: formText,
  articles: formList,
  cases: formText,
});

const actionParams = idParams.extend({
  action: z.enum(
    questionEvents.filter((event) => event !== 'sender_reply') as [QuestionEvent, ...QuestionEvent[]],
  ),
});

/** The lawyers' inbox: list, detail, and one POST per workflow step. */
export const questionEditorialRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  // Signed-in lawyers, editors and admins only: others go to the login page or get a 403 page.
  app.addHook('preHandler', editorialGuard(deps, STAFF_ROLES));
  const organization = deps.config.organization;
  const frameOf = (request: FastifyRequest, lang: Lang, title: string) =>
    editorialFrame(request, { lang, title, organization });
  const context = (request: FastifyRequest): ServiceContext => ({
    db: deps.db,
    user: requireRole(request, STAFF_ROLES),
    via: 'web',
    now: deps.now,
  });

  app.get(
    '/:lang(kk|ru|en)/editorial/questions',
    { schema: { params: langParams } },
    async (request, reply) => {
      const { lang } = request.params as z.infer<typeof langParams>;
      const ctx = context(request);
      const query = (request.query ?? {}) as Record<string, string>;
      const filters = parseInput(inboxFiltersSchema, query);
      const [rows, regions, lawyers, unsentMail] = await Promise.all([
        listInbox(ctx, filters),
        listRegions(deps.db),
        listAssignableUsers(deps.db),
        countUnsentMail(deps.db),
      ]);
      const t = translator(questionMessages, lang);
      return sendPage(
        reply,
        <InboxPage
          frame={frameOf(request, lang, t('inboxTitle'))}
          user={requireRole(request, STAFF_ROLES)}
          rows={rows}
          filters={{
            status: filters.status,
            topic: filters.topic,
            assigned: filters.assigned === undefined ? undefined : String(filters.assigned),
            region: filters.region,
          }}
          regions={regions}
          lawyers={lawyers}
          unsentMail={unsentMail}
          smtpConfigured={deps.config.smtp !== undefined}
        />,
      );
    },
  );

  app.get(
    '/:lang(kk|ru|en)/editorial/questions/outbox',
    { schema: { params: langParams } },
    async (request, reply) => {
      const { lang } = request.params as z.infer<typeof langParams>;
      const rows = await listOutbox(context(request));
      const t = translator(questionMessages, lang);
      return sendPage(
        reply,
        <OutboxPage
          frame={frameOf(request, lang, t('outboxTitle'))}
          user={requireRole(request, STAFF_ROLES)}
          rows={rows}
        />,
      );
    },
  );

  const renderDetail = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    id: number,
    options: { status?: number; flash?: { kind: 'info' | 'error'; text: string }; draft?: DetailDraft } = {},
  ) => {
    const ctx = context(request);
    const detail = await getQuestionDetail(ctx, id);
    const [lawyers, articles] = await Promise.all([listAssignableUsers(deps.db), listLegalArticles(deps.db)]);
    const t = translator(questionMessages, lang);
    const role = ctx.user?.role ?? 'monitor';
    return sendPage(
      reply,
      <QuestionDetailPage
        frame={frameOf(request, lang, t('detailTitle', { reference: detail.question.reference }))}
        user={requireRole(request, STAFF_ROLES)}
        question={detail.question}
        messages={detail.messages}
        links={detail.links}
        outbox={detail.outbox}
        lawyers={lawyers}
        articles={articles}
        events={availableQuestionEvents(detail.question.status, role)}
        retentionDays={deps.config.questions.contactRetentionDays}
        {...(options.flash ? { flash: options.flash } : {})}
        draft={options.draft ?? {}}
      />,
      options.status ?? 200,
    );
  };

  app.get(
    '/:lang(kk|ru|en)/editorial/questions/:id(\\d+)',
    { schema: { params: idParams } },
    async (request, reply) => {
      const { lang, id } = request.params as z.infer<typeof idParams>;
      const done = (request.query as Record<string, string> | undefined)?.done === '1';
      const t = translator(questionMessages, lang);
      return renderDetail(
        request,
        reply,
        lang,
        id,
        done ? { flash: { kind: 'info', text: t('saved') } } : {},
      );
    },
  );

  app.post(
    '/:lang(kk|ru|en)/editorial/questions/:id(\\d+)/:action',
    { schema: { params: actionParams } },
    async (request, reply) => {
      const { lang, id, action } = request.params as z.infer<typeof actionParams>;
      const ctx = context(request);
      verifyCsrf(request);
      const links = { baseUrl: deps.config.publicUrl, orgName: deps.config.organization.name.en };
      // A form that does not parse (no version, a version that is not a number) is shown again too.
      let draft: DetailDraft = {};
      try {
        const body = parseInput(actionBodySchema, request.body ?? {});
        const change = { id, version: body.version };
        draft = {
          text: body.text,
          answer: body.answer,
          publicQuestion: body.public_question,
          publicAnswer: body.public_answer,
          articles: body.articles,
          cases: body.cases,
        };
        const result = await (() => {
          switch (action) {
            case 'assign':
              return assignQuestion(ctx, { ...change, lawyerId: Number(body.lawyer) });
            case 'request_info':
              return requestMoreInformation(ctx, { ...change, text: body.text, links });
            case 'answer':
              return answerQuestion(ctx, { ...change, text: body.answer, links });
            case 'close':
              return closeQuestion(ctx, change);
            case 'reopen':
              return reopenQuestion(ctx, change);
            case 'unpublish':
              return unpublishQuestion(ctx, change);
            default:
              return publishQuestion(ctx, {
                ...change,
                publicQuestion: body.public_question,
                publicAnswer: body.public_answer,
                articles: body.articles,
                caseIds: body.cases
                  .split(/[\s,;]+/)
                  .map((value) => value.trim())
                  .filter((value) => value !== ''),
              });
          }
        })();
        await deliverMail(deps.db, deps.config.smtp, deps.now, result.mailIds).catch((error: unknown) =>
          request.log.error({ err: error }, 'mail delivery failed'),
        );
        return reply.redirect(`/${lang}/editorial/questions/${id}?done=1`, 303);
      } catch (error) {
        if (
          !isAppError(error) ||
          !['validation_failed', 'invalid_transition', 'stale_version', 'forbidden'].includes(error.code)
        ) {
          throw error;
        }
        if (error.code === 'forbidden' && error.field !== 'consent') throw error;
        return renderDetail(request, reply, lang, id, {
          status: error.httpStatus,
          flash: { kind: 'error', text: localizeError(lang, error) },
          draft,
        });
      }
    },
  );
};

function localizeError(lang: Lang, error: AppError): string {
  const t = translator(questionMessages, lang);
  if (error.code === 'stale_version') return t('errorStale');
  if (error.code === 'invalid_transition') return t('errorTransition');
  if (error.field === 'consent') return t('publishNoConsent');
  if (error.message.includes("sender's name or contact")) return t('errorPublicTextHasContact');
  if (error.field === 'cases') return t('errorUnknownCase', { id: error.message.split(' ').at(-1) ?? '' });
  if (error.field === 'articles')
    return t('errorUnknownArticle', { code: error.message.split(' ').at(-1) ?? '' });
  if (error.field === 'lawyer') return t('errorUnknownLawyer');
  if (error.message.includes('at most')) return t('errorTooLong', { max: 5000 });
  return t('errorRequired');
}
