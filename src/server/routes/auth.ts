import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkCredentials } from '../../domain/users.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { SESSION_COOKIE, actorOf as loadActor, closeSession, openSession, sessionActor } from '../../domain/auth/sessions.ts';
import { errorResponses } from './common.ts';

const me = z.object({
  userId: z.number(),
  username: z.string(),
  name: z.string(),
  locale: z.string(),
  grants: z.array(z.object({ programmeId: z.string(), role: z.string(), orgUnitId: z.string() })).readonly(),
  csrfToken: z.string(),
});

export async function authRoutes(app: FastifyInstance, options: { database: Database; loginAttemptsPerMinute?: number; secureCookies?: boolean }) {
  const db = options.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/login',
    {
      config: {
        authority: 'public',
        rateLimit: { max: options.loginAttemptsPerMinute ?? 10, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the httpOnly session cookie and returns the CSRF token',
        body: z.object({ username: z.string().min(1), password: z.string().min(1) }),
        response: { 200: me, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await checkCredentials(db, request.body.username, request.body.password);
      const session = await openSession(db, user.id);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: options.secureCookies ?? false,
        expires: session.expiresAt,
      });
      const actor = await loadActor(db, user);
      return { ...actor, csrfToken: session.csrfToken };
    },
  );

  r.post(
    '/auth/logout',
    { config: { authority: 'session' }, schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await closeSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    { config: { authority: 'session' }, schema: { tags: ['auth'], summary: 'The signed-in user, roles and CSRF token', response: { 200: me, ...errorResponses } } },
    async (request) => {
      const actor = actorOf(request);
      const session = await sessionActor(db, request.cookies[SESSION_COOKIE]!);
      return { ...actor, csrfToken: session!.csrfToken };
    },
  );
}
