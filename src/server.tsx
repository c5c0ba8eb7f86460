import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { ZodError } from 'zod';
import type { AppDeps } from './lib/deps.ts';
import { AppError, isAppError } from './lib/errors.ts';
import { fieldWithNulByte, pathWithoutLang, requestLang, sendPage } from './lib/http.ts';
import { describeIssue } from './lib/input.ts';
import { createLogger } from './lib/logger.ts';
import { packagePath } from './lib/package-root.ts';
import { actorRoutes } from './modules/actors/index.ts';
import { apiModule } from './modules/api/index.ts';
import { appealRoutes } from './modules/appeals/index.ts';
import { authRoutes, registerSessionHook } from './modules/auth/index.ts';
import { backupRoutes } from './modules/backup/index.ts';
import { bulletinRoutes } from './modules/bulletins/bulletins.routes.tsx';
import { caseRoutes } from './modules/cases/index.ts';
import { editorialRoutes } from './modules/editorial/index.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { incidentRoutes } from './modules/incidents/index.ts';
import { intakeRoutes } from './modules/intake/index.ts';
import { portalRoutes } from './modules/portal/portal.routes.tsx';
import { questionRoutes } from './modules/questions/index.ts';
import { registerRoutes } from './modules/registers/index.ts';
import { statsRoutes } from './modules/stats/stats.routes.tsx';
import { ErrorPage } from './web/layout.tsx';

const staticFolder = packagePath('src', 'web', 'static');

export type BuildOptions = {
  /** Pino logging: true for structured JSON request logs, false for tests. */
  logger?: boolean;
};

export async function buildServer(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const logged = options.logger !== false;
  const app = Fastify({
    ...(logged ? { loggerInstance: createLogger(deps.config.logLevel) } : { logger: false }),
    // One line per request (below) instead of Fastify's two: logging is a large share of a light route.
    logController: new LogController({ disableRequestLogging: true }),
    // Off by default: a forged X-Forwarded-For would otherwise pick its own rate-limit key.
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // An address that is not valid UTF-8 (%FF) fails before routing, so before the error handler:
    // answer it here, in the one error shape.
    frameworkErrors: (_error, _request, reply: FastifyReply) => {
      const message = 'the address is not valid: it must be UTF-8 when decoded';
      reply
        .code(400)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify({ error: { code: 'bad_request', message } }));
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // The helmet middleware is built once: @fastify/helmet builds it anew for every request, which cost
  // a light route about a tenth of its throughput.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: deps.config.env === 'production',
  });
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error instanceof Error ? error : undefined)),
  );
  if (logged) {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.info(
        { method: request.method, url: request.url, statusCode: reply.statusCode, ms: reply.elapsedTime },
        'request',
      );
      done();
    });
  }
  await app.register(formbody);
  await app.register(cookie);
  await app.register(fastifyStatic, { root: staticFolder, prefix: '/static/', maxAge: '1h' });
  registerSessionHook(app, deps);
  // One check for every route, before any schema or query sees the input.
  app.addHook('preValidation', async (request) => {
    const field =
      fieldWithNulByte(request.params) ?? fieldWithNulByte(request.query) ?? fieldWithNulByte(request.body);
    if (field) throw new AppError('bad_request', `${field}: must not contain a NUL character`, { field });
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const wantsJson =
      request.url.startsWith('/api/') || request.url === '/healthz' || !acceptsHtml(request.headers.accept);
    let status: number;
    let code: string;
    let message: string;
    let field: string | undefined;
    if (isAppError(error)) {
      status = error.httpStatus;
      ({ code, message, field } = error);
    } else if (error instanceof ZodError) {
      // A schema parsed in a handler rather than by the route: still the caller's input at fault.
      status = 422;
      code = 'validation_failed';
      ({ field, message } = describeIssue(error));
      if (field === '') field = undefined;
    } else if ('validation' in error && error.validation) {
      status = 422;
      code = 'validation_failed';
      const first = error.validation[0];
      field = first?.instancePath?.replace(/^\//, '').replaceAll('/', '.') || undefined;
      message = first?.message ?? 'invalid input';
    } else if (typeof error.statusCode === 'number' && error.statusCode < 500) {
      status = error.statusCode;
      code = status === 429 ? 'rate_limited' : status === 413 ? 'payload_too_large' : 'bad_request';
      message = error.message;
    } else {
      status = 500;
      code = 'internal';
      message = 'internal error';
    }
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (wantsJson) {
      return reply.code(status).send({ error: { code, message, ...(field ? { field } : {}) } });
    }
    return sendPage(
      reply,
      <ErrorPage
        frame={frameFor(request.url, requestLang(request), deps)}
        kind={status === 404 ? 'not_found' : 'error'}
      />,
      status,
    );
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !acceptsHtml(request.headers.accept)) {
      return reply.code(404).send({
        error: {
          code: 'not_found',
          message: `no route for ${request.method} ${request.url.split('?')[0]}`,
        },
      });
    }
    return sendPage(
      reply,
      <ErrorPage frame={frameFor(request.url, requestLang(request), deps)} kind="not_found" />,
      404,
    );
  });

  await app.register(healthRoutes, { deps });
  await app.register(portalRoutes, { deps });
  await app.register(apiModule, { deps });
  await app.register(questionRoutes, { deps });
  await app.register(appealRoutes, { deps });
  await app.register(registerRoutes, { deps });
  await app.register(authRoutes, { deps });
  await app.register(incidentRoutes, { deps });
  await app.register(caseRoutes, { deps });
  await app.register(actorRoutes, { deps });
  await app.register(editorialRoutes, { deps });
  await app.register(statsRoutes, { deps });
  await app.register(bulletinRoutes, { deps });
  await app.register(backupRoutes, { deps });
  await app.register(intakeRoutes, { deps });
  return app;
}

/** A hop count becomes Fastify's trust function: the nearest `hops` addresses are proxies. */
function trustProxyOption(trust: AppDeps['config']['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

function acceptsHtml(accept: string | undefined): boolean {
  return accept === undefined || accept.includes('text/html') || accept.includes('*/*');
}

function frameFor(url: string, lang: ReturnType<typeof requestLang>, deps: AppDeps) {
  return {
    lang,
    pathWithoutLang: pathWithoutLang(
      url.startsWith('/kk') || url.startsWith('/ru') || url.startsWith('/en') ? url : '/',
    ),
    title: '',
    organization: deps.config.organization,
  };
}
