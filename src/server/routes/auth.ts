import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeOwnPassword } from '../../domain/auth/passwordChange.ts';
import { PASSWORD_RULES } from '../../domain/auth/passwordRules.ts';
import { checkCredentials } from '../../domain/auth/signIn.ts';
import { AppError } from '../../domain/errors.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { clearSessionCookie, setSessionCookie, type CookieSettings } from '../auth/sessionCookie.ts';
import { actorOf as loadActor, closeSession, openSession, sessionActor } from '../../domain/auth/sessions.ts';
import { requestLocale } from '../requestLocale.ts';
import { errorResponses } from '../../contract/api/common.ts';

/**
 * Sign-in attempts per minute from one client address (behind a proxy, set TRUST_PROXY so it
 * is the client's): loose enough for an office behind one address, whose accounts are each
 * limited on their own (LOGIN_LIMITS).
 */
export const LOGIN_ATTEMPTS_PER_MINUTE = 30;

/** A password as typed at sign-in: accounts older than PASSWORD_RULES may hold a longer one; bounded so a body cannot make scrypt hash megabytes. */
const typedPassword = z.string().min(1).max(1024);

const me = z.object({
  userId: z.number(),
  username: z.string(),
  name: z.string(),
  locale: z.string(),
  grants: z.array(z.object({ programmeId: z.string(), role: z.string(), orgUnitId: z.string() })).readonly(),
  csrfToken: z.string(),
  /** After an admin's reset: nothing but a new password until it is chosen. */
  mustChangePassword: z.boolean(),
});

export interface AuthRouteOptions {
  readonly database: Database;
  readonly loginAttemptsPerMinute?: number;
  readonly secureCookies?: boolean;
}

export async function authRoutes(app: FastifyInstance, options: AuthRouteOptions) {
  const db = options.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookies: CookieSettings = { secure: options.secureCookies ?? false };
  const perAddress = { max: options.loginAttemptsPerMinute ?? LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' };

  r.post(
    '/auth/login',
    {
      config: { authority: 'public', rateLimit: perAddress },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the httpOnly session cookie and returns the CSRF token',
        description: `Ten wrong passwords lock an account for 15 minutes (429 ACCOUNT_LOCKED, with Retry-After); ${perAddress.max} attempts a minute from one address.`,
        body: z.object({ username: z.string().min(1), password: typedPassword }),
        response: { 200: me, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await checkCredentials(db, request.body.username, request.body.password).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'ACCOUNT_LOCKED') reply.header('retry-after', retryAfterSeconds(error));
        throw error;
      });
      const session = await openSession(db, user.id);
      setSessionCookie(reply, session, cookies);
      const actor = await loadActor(db, user);
      return { ...actor, csrfToken: session.csrfToken, mustChangePassword: user.mustChangePassword };
    },
  );

  r.post(
    '/auth/logout',
    { config: { authority: 'session' }, schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      if (request.sessionToken) await closeSession(db, request.sessionToken);
      clearSessionCookie(reply, cookies);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    { config: { authority: 'session' }, schema: { tags: ['auth'], summary: 'The signed-in user, roles and CSRF token', response: { 200: me, ...errorResponses } } },
    async (request) => {
      const actor = actorOf(request);
      const session = await sessionActor(db, request.sessionToken!);
      return { ...actor, csrfToken: session!.csrfToken, mustChangePassword: session!.mustChangePassword };
    },
  );

  r.post(
    '/auth/password',
    {
      config: { authority: 'session', rateLimit: perAddress },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; your other sessions end, this one stays',
        description: `The new password: ${PASSWORD_RULES.minLength} to ${PASSWORD_RULES.maxLength} characters, neither the user name nor the name, and hard to guess (zxcvbn score ${PASSWORD_RULES.minScore} or more); refused with 400 WEAK_PASSWORD and advice in the language of Accept-Language. A wrong current password (400 WRONG_PASSWORD) counts towards the account's lock.`,
        body: z.object({ currentPassword: typedPassword, newPassword: z.string() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(db, actorOf(request), request.body, request.sessionToken!, requestLocale(request));
      return reply.status(204).send(null);
    },
  );
}

function retryAfterSeconds(error: AppError): string {
  const { retryAt } = error.details as { retryAt: string };
  return String(Math.max(1, Math.ceil((Date.parse(retryAt) - Date.now()) / 1000)));
}
