import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { errors } from '../../domain/errors.ts';
import { ACTIONS } from '../../contract/actions.ts';
import { reachOf, rolesFor, type Action } from '../../domain/permissions.ts';
import { allows, allowsAnywhere } from '../../domain/scope.ts';

/**
 * What a route needs, declared on every API route (`config: { authority }`):
 * - `public`: nothing, not even a session (sign-in, health, the public results page);
 * - `session`: any signed-in user (who am I, one's own password, the programmes one is in);
 * - `platform`: a platform administrator (creating a programme);
 * - an action of the permission matrix (or a list, any of which will do, where the record
 *   says which: the state of a value): a role allowing it in the route's programme — at the
 *   root of the tree for a national action. The route itself then checks the org unit of the
 *   record it acts on, for a subtree action.
 */
export type Authority = 'public' | 'session' | 'platform' | Action | readonly Action[];

declare module 'fastify' {
  interface FastifyContextConfig {
    authority?: Authority;
  }
}

/** The answer refused without a session, before the body is even read. */
export function isOpen(authority: Authority | undefined): authority is 'public' | undefined {
  return authority === undefined || authority === 'public';
}

/** Written into each route's OpenAPI description, so the documentation says who may call it. */
export function describeAuthority(authority: Authority): string {
  if (authority === 'public') return 'Open to anyone, without signing in.';
  if (authority === 'session') return 'Any signed-in user.';
  if (authority === 'platform') return 'Platform administrators.';
  return [authority].flat().map(describeAction).join(' Or: ');
}

function describeAction(action: Action): string {
  const where = reachOf(action) === 'national' ? 'held at the root of the tree (national)' : 'on a subtree holding the record';
  return `Needs '${action}': role ${rolesFor(action).join(' or ')}, ${where}.`;
}

/**
 * Refuses, when the app is built, an API route that does not declare its authority, so a
 * new route cannot ship open by omission; then checks the declared authority of each
 * request before its input is validated.
 */
export const authorityPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/')) {
      const methods = [route.method].flat();
      if (methods.some((method) => method !== 'GET' && method !== 'HEAD')) throw new Error(`${methods.join(',')} ${route.url}: only reads may live outside /api`);
      return;
    }
    // The OpenAPI document and its viewer are public by nature.
    if (route.url.startsWith('/api/docs')) {
      route.config = { ...route.config, authority: 'public' };
      return;
    }
    const authority = route.config?.authority;
    if (!isAuthority(authority)) throw new Error(`${[route.method].flat().join(',')} ${route.url}: declare config.authority ('public', 'session', 'platform' or an action)`);
    if (route.schema) {
      const schema = route.schema as { description?: string };
      schema.description = [schema.description, describeAuthority(authority)].filter(Boolean).join('\n\n');
    }
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const authority = request.routeOptions.config.authority;
    if (isOpen(authority) || authority === 'session') return;
    const actor = request.actor;
    if (!actor) throw errors.unauthenticated();
    if (authority === 'platform') {
      if (!actor.platformAdmin) throw errors.forbidden('only a platform administrator may do this');
      return;
    }
    const programmeId = (request.params as { programmeId?: unknown }).programmeId;
    const actions: readonly Action[] = [authority].flat();
    const allowed = (action: Action) => (typeof programmeId === 'string' ? allows(actor, programmeId, action) : allowsAnywhere(actor, action));
    if (actions.some(allowed)) return;
    const where = typeof programmeId === 'string' ? `programme '${programmeId}'` : 'any programme';
    const needs = actions.map((action) => `'${action}'${reachOf(action) === 'national' ? ' at the root of the tree' : ''}`).join(' or ');
    throw errors.forbidden(`your roles do not allow ${needs} in ${where}`);
  });
});

function isAuthority(value: unknown): value is Authority {
  const isAction = (candidate: unknown) => (ACTIONS as readonly unknown[]).includes(candidate);
  if (Array.isArray(value)) return value.length > 0 && value.every(isAction);
  return value === 'public' || value === 'session' || value === 'platform' || isAction(value);
}
