import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from "../../domain/auth/sessions.js";
/**
 * The session cookie carries the session token signed with the server's secret (HMAC-SHA256,
 * @fastify/cookie): a row written into the sessions table by someone who can write to the
 * database but does not hold SESSION_SECRET opens no session, and a forged or damaged cookie
 * is refused without a query. Without a configured secret (outside production) each process
 * draws its own, so sessions end when the server restarts.
 */
export const PROCESS_SECRET = randomBytes(32).toString('base64url');
const attributes = (settings) => ({ path: '/', httpOnly: true, sameSite: 'strict', secure: settings.secure });
export function setSessionCookie(reply, session, settings) {
    reply.setCookie(SESSION_COOKIE, session.token, { ...attributes(settings), expires: session.expiresAt, signed: true });
}
export function clearSessionCookie(reply, settings) {
    reply.clearCookie(SESSION_COOKIE, attributes(settings));
}
/** The session token of a validly signed cookie, or null. */
export function readSessionToken(request) {
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie)
        return null;
    const { valid, value } = request.unsignCookie(cookie);
    return valid ? value : null;
}
//# sourceMappingURL=sessionCookie.js.map