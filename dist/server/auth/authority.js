import fp from 'fastify-plugin';
import { errors } from "../../domain/errors.js";
import { ACTIONS, reachOf, rolesFor } from "../../domain/permissions.js";
import { allows, allowsAnywhere } from "../../domain/scope.js";
/** The answer refused without a session, before the body is even read. */
export function isOpen(authority) {
    return authority === undefined || authority === 'public';
}
/** Written into each route's OpenAPI description, so the documentation says who may call it. */
export function describeAuthority(authority) {
    if (authority === 'public')
        return 'Open to anyone, without signing in.';
    if (authority === 'session')
        return 'Any signed-in user.';
    if (authority === 'platform')
        return 'Platform administrators.';
    return [authority].flat().map(describeAction).join(' Or: ');
}
function describeAction(action) {
    const where = reachOf(action) === 'national' ? 'held at the root of the tree (national)' : 'on a subtree holding the record';
    return `Needs '${action}': role ${rolesFor(action).join(' or ')}, ${where}.`;
}
/**
 * Refuses, when the app is built, an API route that does not declare its authority, so a
 * new route cannot ship open by omission; then checks the declared authority of each
 * request before its input is validated.
 */
export const authorityPlugin = fp(async (app) => {
    app.addHook('onRoute', (route) => {
        if (!route.url.startsWith('/api/')) {
            const methods = [route.method].flat();
            if (methods.some((method) => method !== 'GET' && method !== 'HEAD'))
                throw new Error(`${methods.join(',')} ${route.url}: only reads may live outside /api`);
            return;
        }
        // The OpenAPI document and its viewer are public by nature.
        if (route.url.startsWith('/api/docs')) {
            route.config = { ...route.config, authority: 'public' };
            return;
        }
        const authority = route.config?.authority;
        if (!isAuthority(authority))
            throw new Error(`${[route.method].flat().join(',')} ${route.url}: declare config.authority ('public', 'session', 'platform' or an action)`);
        if (route.schema) {
            const schema = route.schema;
            schema.description = [schema.description, describeAuthority(authority)].filter(Boolean).join('\n\n');
        }
    });
    app.addHook('preValidation', async (request) => {
        const authority = request.routeOptions.config.authority;
        if (isOpen(authority) || authority === 'session')
            return;
        const actor = request.actor;
        if (!actor)
            throw errors.unauthenticated();
        if (authority === 'platform') {
            if (!actor.platformAdmin)
                throw errors.forbidden('only a platform administrator may do this');
            return;
        }
        const programmeId = request.params.programmeId;
        const actions = [authority].flat();
        const allowed = (action) => (typeof programmeId === 'string' ? allows(actor, programmeId, action) : allowsAnywhere(actor, action));
        if (actions.some(allowed))
            return;
        const where = typeof programmeId === 'string' ? `programme '${programmeId}'` : 'any programme';
        const needs = actions.map((action) => `'${action}'${reachOf(action) === 'national' ? ' at the root of the tree' : ''}`).join(' or ');
        throw errors.forbidden(`your roles do not allow ${needs} in ${where}`);
    });
});
function isAuthority(value) {
    const isAction = (candidate) => ACTIONS.includes(candidate);
    if (Array.isArray(value))
        return value.length > 0 && value.every(isAction);
    return value === 'public' || value === 'session' || value === 'platform' || isAction(value);
}
//# sourceMappingURL=authority.js.map