/**
 * SQLSTATEs of a connection the server ended: 57P01 administrator command
 * (pg_terminate_backend, a fast shutdown), 57P02 crash of another backend, 57P03 not
 * accepting connections yet (starting, recovering); class 08 is the connection exceptions.
 */
const ENDED = new Set(['57P01', '57P02', '57P03']);
/** Socket errors of a server gone or unreachable. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** What node-postgres says of a connection that ended, or of a query given to one that had. */
const MESSAGES = [/^Connection terminated/, /is not queryable$/];
/**
 * Whether an error, or one it was caused by (a driver's error wrapped by the query builder),
 * is the database connection lost or out of reach: the request may succeed once it is back.
 */
export function isConnectionLost(error) {
    let cause = error;
    for (let depth = 0; depth < 5 && cause instanceof Error; depth++) {
        if (isLoss(cause))
            return true;
        cause = cause.cause;
    }
    return false;
}
function isLoss(error) {
    const { code } = error;
    if (typeof code === 'string' && (ENDED.has(code) || /^08[0-9A-Z]{3}$/.test(code) || UNREACHABLE.has(code)))
        return true;
    return MESSAGES.some((message) => message.test(error.message));
}
//# sourceMappingURL=connectionLost.js.map