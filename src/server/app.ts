import compress, { type FastifyCompressOptions } from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform } from 'fastify-type-provider-zod';
import { AppError } from '../domain/errors.ts';
import { JobRunner } from '../domain/jobs/jobRunner.ts';
import { isConnectionLost } from '../store/connectionLost.ts';
import type { Database } from '../store/database.ts';
import { authorityPlugin } from './auth/authority.ts';
import { contractCheck } from './contractCheck.ts';
import { API_ROUTES } from '../contract/api/routes.ts';
import { authPlugin } from './auth/plugin.ts';
import { PROCESS_SECRET } from './auth/sessionCookie.ts';
import { idempotencyPlugin } from './idempotency.ts';
import { headersByProtocol } from './securityHeaders.ts';
import { serializerCompiler } from './serializer.ts';
import { webClientFiles } from './webClient.ts';
import { validatorCompiler } from './validation.ts';
import { registerRoutes } from './routes/index.ts';

export interface AppOptions {
  readonly database: Database;
  /** The server's log (serverLog); nothing is logged without one. */
  readonly log?: FastifyBaseLogger;
  /** Speak HTTPS with this certificate chain and key (PEM); plain HTTP without. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
  /** Sign-in attempts allowed per minute and client address (LOGIN_ATTEMPTS_PER_MINUTE); tests may raise it. */
  readonly loginAttemptsPerMinute?: number;
  /** Set the Secure flag on cookies (behind HTTPS). */
  readonly secureCookies?: boolean;
  /** Signs the session cookie (sessionCookie.ts); a secret of this process when absent. */
  readonly sessionSecret?: string;
  /**
   * Fastify's trustProxy: which proxies' X-Forwarded-For to believe, so that `request.ip`
   * (and the sign-in limit per address) is the client's. Only behind a proxy you control.
   */
  readonly trustProxy?: boolean | string;
  /** The built web client (web/dist) to serve at /, when present. */
  readonly webRoot?: string;
  /** Runs the long work (invoice runs) off the request path; one of the app's own when absent. */
  readonly jobs?: JobRunner;
}

/**
 * The HTTP API as a plugin-built app: validation with the domain's zod schemas, OpenAPI at
 * /api/docs, sessions and CSRF, security headers, one error format. Listening is the
 * caller's business (src/server/main.ts), so tests inject requests into a fresh app.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Bodies are small but for the routes that take files (imports, trees, rules), which say their own limit.
  const app = Fastify({
    ...(options.log ? { loggerInstance: options.log } : { logger: false }),
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    https: options.tls ? { cert: options.tls.cert, key: options.tls.key } : null,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // A text/plain body is what a cross-site form or fetch can send without asking first (a CORS
  // simple request): no route takes one, so none is ever parsed (415).
  app.removeContentTypeParser('text/plain');
  app.setNotFoundHandler((request, reply) => {
    // The web client routes in the browser: any other page address gets its index.html. A
    // built file no longer there (a page open across an upgrade) is missing, not a page.
    if (options.webRoot && request.method === 'GET' && !/^\/(api|assets)\//.test(request.url)) return reply.sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}` } });
  });

  const headers = headersByProtocol();
  app.addHook('onRequest', (request, reply, done) => {
    // The protocol the browser used: this server's TLS, or a trusted proxy's X-Forwarded-Proto.
    const set = request.protocol === 'https' ? headers.https : headers.http;
    reply.headers(request.url.startsWith('/assets/') ? set.asset : set.page);
    // API answers are one user's data at one moment: no browser or proxy may keep them.
    if ((request.routeOptions.url ?? request.url).startsWith('/api/')) reply.header('cache-control', 'no-store');
    done();
  });
  if (options.webRoot) await app.register(fastifyStatic, webClientFiles(options.webRoot));
  // After the web client's files, which are compressed once at build time (web/vite.config.ts):
  // the API's answers (and its documentation's files) are compressed as they are sent.
  await app.register(compress, API_COMPRESSION);
  await app.register(cookie, { secret: options.sessionSecret ?? PROCESS_SECRET });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'OpenPBF API', version: '0.1.0', description: 'Performance-based financing: data, workflow, invoices, payments.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'openpbf_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  await app.register(authPlugin, { db: options.database.db });
  await app.register(authorityPlugin);
  await app.register(contractCheck, { routes: API_ROUTES });
  await app.register(idempotencyPlugin, { db: options.database.db });
  const jobs = options.jobs ?? new JobRunner(options.database.db, (error, jobId) => app.log.error({ err: error, jobId }, 'a job failed'));
  // The database closes after the app: a job under way finishes writing first.
  app.addHook('onClose', () => jobs.idle());
  await registerRoutes(app, { ...options, jobs });
  return app;
}

/**
 * Brotli or gzip for answers of 1 kB or more (smaller ones gain less than a packet), brotli at
 * level 4 (@fastify/compress's default: most of level 11's gain for a small part of its CPU).
 * Request bodies are never decompressed: the body limits count the bytes that arrive.
 */
const API_COMPRESSION: FastifyCompressOptions = { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false };

function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return reply.status(error.status).send({ error: { code: error.code, message: error.message, details: error.details ?? null } });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({
      at: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`,
      message: issue.message,
    }));
    const first = details[0];
    return reply.status(400).send({
      error: { code: 'VALIDATION', message: first ? `${first.at}: ${first.message}` : 'invalid request', details },
    });
  }
  if (isConnectionLost(error)) {
    // The database restarted, was cut off or is out of reach: the request may succeed once it is back.
    reply.log.error(error, 'database connection lost');
    const message = 'the database connection was lost or the database is out of reach; the request was not completed: try again';
    return reply.status(503).send({ error: { code: 'DATABASE_UNAVAILABLE', message, details: null } });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = request.routeOptions.bodyLimit;
    const message = `the request body is larger than the ${limit.toLocaleString('en')} bytes this route takes`;
    return reply.status(413).send({ error: { code: 'BODY_TOO_LARGE', message, details: { limit: 'bodyBytes', max: limit } } });
  }
  if (error.statusCode && error.statusCode < 500) {
    const code = error.statusCode === 429 ? 'TOO_MANY_REQUESTS' : (error.code ?? 'BAD_REQUEST');
    return reply.status(error.statusCode).send({ error: { code, message: error.message, details: null } });
  }
  reply.log.error(error);
  return reply.status(500).send({ error: { code: 'INTERNAL', message: 'internal error; it has been logged', details: null } });
}
