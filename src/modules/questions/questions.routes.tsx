import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { translator } from '../../i18n/define.ts';
import type { Lang } from '../../i18n/langs.ts';
import type { ServiceContext } from '../../lib/context.ts';
import type { AppDeps, ModuleOptions } from '../../lib/deps.ts';
import { isAppError } from '../../lib/errors.ts';
import { sendPage } from '../../lib/http.ts';
import { parseInput } from '../../lib/input.ts';
import { publicFrame } from '../../lib/page-frame.ts';
import { sharedKey } from '../../lib/shared-keys.ts';
import { issueFormToken, verifyFormToken } from '../auth/index.ts';
import { questionEditorialRoutes } from './questions.editorial.routes.tsx';
import { deliverMail } from './questions.mail.ts';
import { startQuestionMaintenance } from './questions.maintenance.ts';
import { questionMessages } from './questions.messages.ts';
import { listRegions } from './questions.repo.ts';
import {
  ASK_BODY_LIMIT_BYTES,
  type AskField,
  type AskFieldError,
  type AskFormValues,
  answersFiltersSchema,
  askFormValuesSchema,
  idParams,
  langParams,
  QUESTION_MAX_CHARS,
  validateAsk,
} from './questions.schemas.ts';
import {
  findQuestionForSender,
  getPublishedAnswer,
  listPublishedAnswers,
  newSubmissionKey,
  recordSpamAttempt,
  replyAsSender,
  STATUS_LOOKUP_LIMITS,
  submitQuestion,
} from './questions.service.ts';
import {
  checkFormStamp,
  clientKey,
  isHoneypotFilled,
  issueFormStamp,
  type RateLimits,
} from './questions.spam.ts';
import {
  AnswerPage,
  AnswersPage,
  AskPage,
  type RefusalKind,
  RefusedPage,
  SentPage,
  StatusPage,
} from './questions.views.tsx';

const emptyValues: AskFormValues = {
  body: '',
  topic: '',
  region: '',
  name: '',
  contact: '',
  consent: '',
  website: '',
  _csrf: '',
  _stamp: '',
  _submission: '',
};

const statusFormSchema = z.object({
  reference: z.string().max(40).default(''),
  code: z.string().max(40).default(''),
  reply: z.string().default(''),
});

export const questionRoutes: FastifyPluginAsync<ModuleOptions> = async (app, { deps }) => {
  // SESSION_SECRET when set, else a key kept in the database: never a key of this instance alone, or
  // a form served by one instance would be refused by the next.
  const stampSecret = deps.config.sessionSecret ?? (await sharedKey(deps.db, 'question_forms'));
  const limits: RateLimits = {
    short: deps.config.questions.rateShort,
    shortMinutes: deps.config.questions.rateShortMinutes,
    daily: deps.config.questions.rateDaily,
  };
  const context = (request: FastifyRequest): ServiceContext => ({
    db: deps.db,
    user: request.currentUser,
    via: 'web',
    now: deps.now,
  });
  const keyOf = (request: FastifyRequest) => clientKey(stampSecret, request.ip);
  const links = { baseUrl: deps.config.publicUrl, orgName: deps.config.organization.name.en };
  const deliver = async (request: FastifyRequest, ids: number[]) => {
    try {
      await deliverMail(deps.db, deps.config.smtp, deps.now, ids);
    } catch (error) {
      // The rows stay 'pending' and the inbox shows them; the maintenance timer retries.
      request.log.error({ err: error }, 'mail delivery failed');
    }
  };

  const renderAsk = async (
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    values: AskFormValues,
    options: {
      status?: number;
      errors?: Partial<Record<AskField, AskFieldError>>;
      notice?: 'formExpired' | 'tooFast';
    } = {},
  ) => {
    const t = translator(questionMessages, lang);
    const submissionKey = /^[A-Za-z0-9_-]{24}$/.test(values._submission)
      ? values._submission
      : newSubmissionKey();
    return sendPage(
      reply,
      <AskPage
        frame={publicFrame(request, deps, lang, t('askTitle'))}
        values={values}
        errors={options.errors ?? {}}
        {...(options.notice ? { notice: options.notice } : {})}
        regions={await listRegions(deps.db)}
        formToken={issueFormToken(request, reply, deps.config.secureCookies)}
        stamp={issueFormStamp(stampSecret, deps.now())}
        submissionKey={submissionKey}
        retentionDays={deps.config.questions.contactRetentionDays}
      />,
      options.status ?? 200,
    );
  };

  const refuse = (request: FastifyRequest, reply: FastifyReply, lang: Lang, kind: RefusalKind) => {
    const t = translator(questionMessages, lang);
    const title =
      kind === 'spam' ? t('spamTitle') : kind === 'rate_limited' ? t('rateLimitedTitle') : t('tooLargeTitle');
    if (kind === 'rate_limited') reply.header('retry-after', String(limits.shortMinutes * 60));
    return sendPage(
      reply,
      <RefusedPage
        frame={publicFrame(request, deps, lang, title)}
        kind={kind}
        email={deps.config.organization.email}
        limits={{ short: limits.short, minutes: limits.shortMinutes, daily: limits.daily }}
      />,
      kind === 'spam' ? 400 : kind === 'rate_limited' ? 429 : 413,
    );
  };

  app.get('/:lang(kk|ru|en)/ask', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params as z.infer<typeof langParams>;
    return renderAsk(request, reply, lang, emptyValues);
  });

  app.post(
    '/:lang(kk|ru|en)/ask',
    {
      schema: { params: langParams },
      bodyLimit: ASK_BODY_LIMIT_BYTES,
      // A body over the limit never reaches the handler: answer it with a calm page, not a stack trace.
      errorHandler: (error: FastifyError, request, reply) => {
        if (error.statusCode === 413) {
          const lang = (request.params as { lang?: Lang }).lang ?? 'ru';
          return refuse(request, reply, lang, 'too_large');
        }
        throw error;
      },
    },
    async (request, reply) => {
      const { lang } = request.params as z.infer<typeof langParams>;
      const parsedValues = askFormValuesSchema.safeParse(request.body ?? {});
      const values = parsedValues.success ? parsedValues.data : emptyValues;
      try {
        verifyFormToken(request);
      } catch {
        return renderAsk(request, reply, lang, values, { status: 403, notice: 'formExpired' });
      }
      const key = keyOf(request);
      const ctx = context(request);
      if (isHoneypotFilled(values.website)) {
        const outcome = await recordSpamAttempt(ctx, { clientKey: key, limits, reason: 'honeypot' });
        return refuse(request, reply, lang, outcome === 'rate_limited' ? 'rate_limited' : 'spam');
      }
      const stamp = checkFormStamp(
        stampSecret,
        values._stamp,
        deps.now(),
        deps.config.questions.minFillSeconds,
      );
      if (stamp === 'too_fast') {
        const outcome = await recordSpamAttempt(ctx, { clientKey: key, limits, reason: 'too_fast' });
        if (outcome === 'rate_limited') return refuse(request, reply, lang, 'rate_limited');
        return renderAsk(request, reply, lang, values, { status: 422, notice: 'tooFast' });
      }
      if (stamp !== 'ok')
        return renderAsk(request, reply, lang, values, { status: 422, notice: 'formExpired' });
      const validation = validateAsk(values);
      if (!validation.ok)
        return renderAsk(request, reply, lang, values, { status: 422, errors: validation.errors });
      const submissionKey = /^[A-Za-z0-9_-]{24}$/.test(values._submission)
        ? values._submission
        : newSubmissionKey();
      let result: Awaited<ReturnType<typeof submitQuestion>>;
      try {
        result = await submitQuestion(ctx, {
          ...validation.input,
          lang,
          submissionKey,
          clientKey: key,
          limits,
          links,
        });
      } catch (error) {
        if (isAppError(error) && error.field === 'region') {
          return renderAsk(request, reply, lang, values, {
            status: 422,
            errors: { region: 'errorRegionInvalid' },
          });
        }
        throw error;
      }
      if (result.kind === 'rate_limited') return refuse(request, reply, lang, 'rate_limited');
      const t = translator(questionMessages, lang);
      const frame = publicFrame(request, deps, lang, t('sentTitle'));
      if (result.kind === 'duplicate') {
        return sendPage(
          reply,
          <SentPage frame={frame} reference={result.reference} accessCode={null} emailGiven={false} />,
        );
      }
      await deliver(request, result.mailIds);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <SentPage
          frame={frame}
          reference={result.reference}
          accessCode={result.accessCode}
          emailGiven={validation.input.contact?.kind === 'email'}
        />,
      );
    },
  );

  const statusFrame = (request: FastifyRequest, lang: Lang) =>
    publicFrame(request, deps, lang, translator(questionMessages, lang)('statusTitle'));

  app.get('/:lang(kk|ru|en)/ask/status', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params as z.infer<typeof langParams>;
    return sendPage(
      reply,
      <StatusPage
        frame={statusFrame(request, lang)}
        formToken={issueFormToken(request, reply, deps.config.secureCookies)}
        reference=""
        code=""
      />,
    );
  });

  const lookup = async (request: FastifyRequest, reply: FastifyReply, lang: Lang, mode: 'show' | 'reply') => {
    const t = translator(questionMessages, lang);
    const form = statusFormSchema.safeParse(request.body ?? {});
    const {
      reference,
      code,
      reply: replyText,
    } = form.success ? form.data : { reference: '', code: '', reply: '' };
    const page = (
      status: number,
      props: { error?: string; notice?: string; found?: Parameters<typeof StatusPage>[0]['found'] },
    ) => {
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <StatusPage
          frame={statusFrame(request, lang)}
          formToken={issueFormToken(request, reply, deps.config.secureCookies)}
          reference={reference}
          code={code}
          {...props}
        />,
        status,
      );
    };
    try {
      verifyFormToken(request);
    } catch {
      return page(403, { error: t('formExpired') });
    }
    const ctx = context(request);
    const input = { reference, code, clientKey: keyOf(request) };
    let notice: string | undefined;
    let error: string | undefined;
    if (mode === 'reply') {
      const text = replyText.trim();
      if (text === '' || text.length > QUESTION_MAX_CHARS) {
        error = t('errorReplyRequired', { max: QUESTION_MAX_CHARS });
      } else {
        try {
          const replied = await replyAsSender(ctx, { ...input, body: text, links });
          if (replied.kind === 'replied') {
            await deliver(request, replied.mailIds);
            notice = t('replySent');
          }
        } catch (failure) {
          // A reply sent twice (a reload) finds the question no longer waiting: show its status.
          if (!isAppError(failure) || failure.code !== 'invalid_transition') throw failure;
        }
      }
    }
    const found = await findQuestionForSender(ctx, input);
    if (found.kind === 'rate_limited') {
      reply.header('retry-after', String(STATUS_LOOKUP_LIMITS.shortMinutes * 60));
      return page(429, { error: t('statusTooMany', { minutes: STATUS_LOOKUP_LIMITS.shortMinutes }) });
    }
    if (found.kind === 'not_found') return page(404, { error: t('statusNotFound') });
    if (error) return page(422, { error, found: found.view });
    return page(200, { found: found.view, ...(notice ? { notice } : {}) });
  };

  app.post('/:lang(kk|ru|en)/ask/status', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params as z.infer<typeof langParams>;
    return lookup(request, reply, lang, 'show');
  });

  app.post(
    '/:lang(kk|ru|en)/ask/status/reply',
    { schema: { params: langParams }, bodyLimit: ASK_BODY_LIMIT_BYTES },
    async (request, reply) => {
      const { lang } = request.params as z.infer<typeof langParams>;
      return lookup(request, reply, lang, 'reply');
    },
  );

  app.get('/:lang(kk|ru|en)/answers', { schema: { params: langParams } }, async (request, reply) => {
    const { lang } = request.params as z.infer<typeof langParams>;
    const filters = parseInput(answersFiltersSchema, request.query ?? {});
    const { items, hasMore } = await listPublishedAnswers(deps.db, filters);
    const t = translator(questionMessages, lang);
    return sendPage(
      reply,
      <AnswersPage
        frame={publicFrame(request, deps, lang, t('answersTitle'))}
        answers={items}
        topic={filters.topic}
        page={filters.page}
        hasMore={hasMore}
      />,
    );
  });

  app.get('/:lang(kk|ru|en)/answers/:id(\\d+)', { schema: { params: idParams } }, async (request, reply) => {
    const { lang, id } = request.params as z.infer<typeof idParams>;
    const { answer, articles, cases } = await getPublishedAnswer(deps.db, id);
    const t = translator(questionMessages, lang);
    return sendPage(
      reply,
      <AnswerPage
        frame={{
          ...publicFrame(request, deps, lang, t('questionHeading')),
          description: (answer.public_question ?? '').slice(0, 150),
        }}
        answer={answer}
        articles={articles}
        cases={cases}
      />,
    );
  });

  await app.register(answersApiRoutes, { deps });
  await app.register(questionEditorialRoutes, { deps });
  startQuestionMaintenance(app, deps);
};

const publicAnswerSchema = z.object({
  id: z.number(),
  topic: z.string(),
  lang: z.string(),
  question: z.string(),
  answer: z.string(),
  published_at: z.string(),
});

/** The knowledge base as JSON. Only the anonymized texts: the response schema is the whitelist. */
const answersApiRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const toPublic = (row: Awaited<ReturnType<typeof listPublishedAnswers>>['items'][number]) => ({
    id: row.id,
    topic: row.topic,
    lang: row.lang,
    question: row.public_question ?? '',
    answer: row.public_answer ?? '',
    published_at: (row.published_at ?? new Date(0)).toISOString(),
  });
  app.get(
    '/api/v1/answers',
    {
      schema: {
        operationId: 'listAnswers',
        summary: 'Published answers of the lawyers to questions sent to the foundation',
        tags: ['answers'],
        querystring: answersFiltersSchema,
        response: { 200: z.object({ items: z.array(publicAnswerSchema), page: z.number() }) },
      },
    },
    async (request) => {
      const filters = request.query as z.infer<typeof answersFiltersSchema>;
      const { items } = await listPublishedAnswers(deps.db, filters);
      return { items: items.map(toPublic), page: filters.page };
    },
  );
  app.get(
    '/api/v1/answers/:id',
    {
      schema: {
        operationId: 'getAnswer',
        summary: 'One published answer with its legal articles and cases',
        tags: ['answers'],
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: {
          200: publicAnswerSchema.extend({
            articles: z.array(z.object({ code: z.string(), names: z.record(z.string(), z.string()) })),
            cases: z.array(z.object({ id: z.string() })),
          }),
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { answer, articles, cases } = await getPublishedAnswer(deps.db, id);
      return {
        ...toPublic(answer),
        articles: articles.map((article) => ({ code: article.code, names: article.names })),
        cases: cases.map((item) => ({ id: item.id })),
      };
    },
  );
};
