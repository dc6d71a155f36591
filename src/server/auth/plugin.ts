import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../../domain/actor.ts';
import { errors } from '../../domain/errors.ts';
import type { Db } from '../../store/database.ts';
import { SESSION_COOKIE, sessionActor } from '../../domain/auth/sessions.ts';
import { isOpen } from './authority.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Reads the session cookie into `request.actor` and refuses, before any handler runs, a
 * request without a session to a route that is not public, or a state-changing request
 * whose x-csrf-token header does not match the session's token. Which route it is comes
 * from the router's match, never from the raw URL: `/%61pi/...` is the same route as `/api/...`.
 */
export const authPlugin = fp(async (app: FastifyInstance, options: { db: Db }) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await sessionActor(options.db, token) : undefined;
    request.actor = session?.actor ?? null;
    if (isOpen(request.routeOptions.config?.authority)) return;
    if (!session) throw errors.unauthenticated();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) throw errors.csrf();
  });
});

/** The signed-in actor; routes behind the auth plugin always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}
