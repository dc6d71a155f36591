import fp from 'fastify-plugin';
import { errors } from "../../domain/errors.js";
import { sessionActor } from "../../domain/auth/sessions.js";
import { isOpen } from "./authority.js";
import { readSessionToken } from "./sessionCookie.js";
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * Reads the session cookie into `request.actor` and refuses, before any handler runs, a
 * request without a session to a route that is not public, or a state-changing request
 * whose x-csrf-token header does not match the session's token. Which route it is comes
 * from the router's match, never from the raw URL: `/%61pi/...` is the same route as `/api/...`.
 * A user whose password an admin reset may call only 'session' routes (who am I, change my
 * password, sign out) until they have chosen a new one.
 */
export const authPlugin = fp(async (app, options) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('sessionToken', null);
    app.addHook('onRequest', async (request) => {
        const token = readSessionToken(request);
        const session = token ? await sessionActor(options.db, token) : undefined;
        request.sessionToken = token;
        request.actor = session?.actor ?? null;
        const authority = request.routeOptions.config?.authority;
        if (isOpen(authority))
            return;
        if (!session)
            throw errors.unauthenticated();
        if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken)
            throw errors.csrf();
        if (session.mustChangePassword && authority !== 'session')
            throw errors.passwordChangeRequired();
    });
});
/** The signed-in actor; routes behind the auth plugin always have one. */
export function actorOf(request) {
    if (!request.actor)
        throw errors.unauthenticated();
    return request.actor;
}
//# sourceMappingURL=plugin.js.map