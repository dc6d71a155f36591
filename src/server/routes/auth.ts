import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePassword, currentUser, login, logout } from '../../contract/api/auth.ts';
import { PASSWORD_RULES } from '../../contract/passwordRules.ts';
import { changeOwnPassword } from '../../domain/auth/passwordChange.ts';
import { actorOf as loadActor, closeSession, openSession, sessionActor } from '../../domain/auth/sessions.ts';
import { checkCredentials } from '../../domain/auth/signIn.ts';
import { signedInUser } from '../../domain/auth/signedInUser.ts';
import { AppError } from '../../domain/errors.ts';
import type { Database } from '../../store/database.ts';
import { actorOf } from '../auth/plugin.ts';
import { clearSessionCookie, setSessionCookie, type CookieSettings } from '../auth/sessionCookie.ts';
import { schemaOf } from '../contractCheck.ts';
import { requestLocale } from '../requestLocale.ts';

/**
 * Sign-in attempts per minute from one client address (behind a proxy, set TRUST_PROXY so it
 * is the client's): loose enough for an office behind one address, whose accounts are each
 * limited on their own (LOGIN_LIMITS).
 */
export const LOGIN_ATTEMPTS_PER_MINUTE = 30;

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
    login.url,
    {
      config: { authority: 'public', rateLimit: perAddress },
      schema: {
        ...schemaOf(login),
        description: `Ten wrong passwords lock an account for 15 minutes (429 ACCOUNT_LOCKED, with Retry-After); ${perAddress.max} attempts a minute from one address.`,
      },
    },
    async (request, reply) => {
      const user = await checkCredentials(db, request.body.username, request.body.password).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'ACCOUNT_LOCKED') reply.header('retry-after', retryAfterSeconds(error));
        throw error;
      });
      const session = await openSession(db, user.id);
      setSessionCookie(reply, session, cookies);
      return signedInUser(await loadActor(db, user), { csrfToken: session.csrfToken, mustChangePassword: user.mustChangePassword });
    },
  );

  r.post(logout.url, { config: { authority: 'session' }, schema: schemaOf(logout) }, async (request, reply) => {
    if (request.sessionToken) await closeSession(db, request.sessionToken);
    clearSessionCookie(reply, cookies);
    return reply.status(204).send(null);
  });

  r.get(currentUser.url, { config: { authority: 'session' }, schema: schemaOf(currentUser) }, async (request) => {
    const session = await sessionActor(db, request.sessionToken!);
    return signedInUser(actorOf(request), session!);
  });

  r.post(
    changePassword.url,
    {
      config: { authority: 'session', rateLimit: perAddress },
      schema: {
        ...schemaOf(changePassword),
        description: `The new password: ${PASSWORD_RULES.minLength} to ${PASSWORD_RULES.maxLength} characters, neither the user name nor the name, and hard to guess (zxcvbn score ${PASSWORD_RULES.minScore} or more); refused with 400 WEAK_PASSWORD and advice in the language of Accept-Language. A wrong current password (400 WRONG_PASSWORD) counts towards the account's lock.`,
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
