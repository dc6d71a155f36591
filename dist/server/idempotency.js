import fp from 'fastify-plugin';
import { canonicalJson, sha256 } from "../domain/canonical.js";
import { completeKey, markOutcomeUnknown, releaseKey, reserveKey } from "../domain/idempotency.js";
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Idempotency keys, as payment APIs take them: a state-changing request of a signed-in user
 * may carry an `Idempotency-Key` header made by the client for one action. A replay with the
 * same key and request answers the first answer (with `Idempotent-Replayed: true`) instead
 * of acting twice — a payment posted twice over a flaky link is stored once. Checked after
 * the request is authorised and validated; a refused request (4xx) frees its key.
 */
export const idempotencyPlugin = fp(async (app, options) => {
    app.decorateRequest('idempotencyKey', null);
    app.addHook('preHandler', async (request, reply) => {
        const key = request.headers['idempotency-key'];
        if (key === undefined || !CHANGES.has(request.method) || !request.actor)
            return;
        const text = [key].flat().join(',');
        const reservation = await reserveKey(options.db, request.actor.userId, text, requestHash(request));
        if (reservation.kind === 'first') {
            request.idempotencyKey = text;
            return;
        }
        reply.header('idempotent-replayed', 'true').status(reservation.status);
        if (reservation.body === null)
            return reply.send();
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(reservation.body));
    });
    app.addHook('onSend', async (request, reply, payload) => {
        const key = request.idempotencyKey;
        if (key === null || !request.actor)
            return payload;
        const userId = request.actor.userId;
        if (reply.statusCode >= 200 && reply.statusCode < 300) {
            await completeKey(options.db, userId, key, reply.statusCode, typeof payload === 'string' && payload !== '' ? JSON.parse(payload) : null);
        }
        else if (reply.statusCode < 500) {
            await releaseKey(options.db, userId, key);
        }
        else {
            await markOutcomeUnknown(options.db, userId, key).catch((error) => request.log.error(error));
        }
        return payload;
    });
});
/** What makes two requests the same: the route, its parameters and its body. */
function requestHash(request) {
    return sha256(canonicalJson({ method: request.method, route: request.routeOptions.url, params: request.params, query: request.query, body: request.body ?? null }));
}
//# sourceMappingURL=idempotency.js.map