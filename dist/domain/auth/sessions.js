import { hash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { Expiring } from "../cache.js";
import { sessions, users } from "../../store/schema.js";
import { grantsOf } from "../grants.js";
export const SESSION_COOKIE = 'openpbf_session';
export const SESSION_HOURS = 12;
/** Every request hashes its token: the one-shot hash costs a third of a Hash object's. */
const hashToken = (token) => hash('sha256', token);
/** Opens a session; the token goes to an httpOnly cookie, the CSRF token to the client. */
export async function openSession(db, userId) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
    await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
    return { token, csrfToken, expiresAt };
}
export async function closeSession(db, token) {
    const tokenHash = hashToken(token);
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    sessionCache.forget((key) => key === tokenHash);
}
/**
 * Ends every session of a user (a password reset), or all but the one whose token is `keep`
 * (one's own password change keeps the browser it was made from signed in).
 */
export async function endSessions(db, userId, keep) {
    const sessionsOf = eq(sessions.userId, userId);
    await db.delete(sessions).where(keep === undefined ? sessionsOf : and(sessionsOf, ne(sessions.tokenHash, hashToken(keep))));
    forgetSessions(db);
}
/**
 * Every request checks its session and roles: a few seconds' cache spares two queries.
 * Signing out and changing roles here forget it at once; elsewhere within the TTL.
 */
const sessionCache = new Expiring(5_000);
/** After roles or accounts change through `db`: every cached session is read again. */
export function forgetSessions(db) {
    sessionCache.forgetChanged(db);
}
/** The session's actor with its role grants, or undefined for an unknown or expired token. */
export async function sessionActor(db, token) {
    const tokenHash = hashToken(token);
    return sessionCache.getOrLoad(tokenHash, db, () => loadSession(db, tokenHash), (answer) => answer !== undefined);
}
async function loadSession(db, tokenHash) {
    const [session] = await db
        .select({
        csrfToken: sessions.csrfToken,
        mustChangePassword: users.mustChangePassword,
        user: { id: users.id, username: users.username, name: users.name, locale: users.locale, platformAdmin: users.platformAdmin },
    })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date()), eq(users.active, true)));
    if (!session)
        return undefined;
    return { actor: await actorOf(db, session.user), csrfToken: session.csrfToken, mustChangePassword: session.mustChangePassword };
}
export async function actorOf(db, user) {
    const grants = (await grantsOf(db, [user.id])).get(user.id);
    return { userId: user.id, username: user.username, name: user.name, locale: user.locale, grants, platformAdmin: user.platformAdmin };
}
//# sourceMappingURL=sessions.js.map