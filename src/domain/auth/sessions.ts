import { hash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { Expiring } from '../cache.ts';
import type { Db, Tx } from '../../store/database.ts';
import { keptBy, kept } from '../../store/machinery.ts';
import { sessions, users } from '../../store/schema.ts';
import { grantsOf } from '../grants.ts';

export const SESSION_COOKIE = 'openpbf_session';
export const SESSION_HOURS = 12;

/** Every request hashes its token: the one-shot hash costs a third of a Hash object's. */
const hashToken = (token: string) => hash('sha256', token);

/** Opens a session; the token goes to an httpOnly cookie, the CSRF token to the client. */
export async function openSession(db: Db, userId: number): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export async function closeSession(db: Db, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  keptBy(db, SESSIONS).forget((key) => key === tokenHash);
}

/**
 * Ends every session of a user (a password reset), or all but the one whose token is `keep`
 * (one's own password change keeps the browser it was made from signed in).
 */
export async function endSessions(db: Db | Tx, userId: number, keep?: string): Promise<void> {
  const sessionsOf = eq(sessions.userId, userId);
  await db.delete(sessions).where(keep === undefined ? sessionsOf : and(sessionsOf, ne(sessions.tokenHash, hashToken(keep))));
  forgetSessions(db);
}

/**
 * A session's user and CSRF token; `mustChangePassword` after an admin's reset, until the user
 * has chosen a new password (the auth plugin then allows only 'session' routes).
 */
export type SessionAnswer = { actor: Actor; csrfToken: string; mustChangePassword: boolean } | undefined;

/**
 * Every request checks its session and roles: a few seconds' cache spares two queries.
 * Signing out and changing roles here forget it at once; elsewhere within the TTL.
 */
const SESSIONS = kept('sessions', () => new Expiring<string, SessionAnswer>(5_000));

/** After roles or accounts change through `db`: every cached session is read again. */
export function forgetSessions(db: Db | Tx): void {
  keptBy(db, SESSIONS).forgetChanged(db);
}

/** The session's actor with its role grants, or undefined for an unknown or expired token. */
export async function sessionActor(db: Db, token: string): Promise<SessionAnswer> {
  const tokenHash = hashToken(token);
  return keptBy(db, SESSIONS).getOrLoad(tokenHash, db, () => loadSession(db, tokenHash), (answer) => answer !== undefined);
}

async function loadSession(db: Db, tokenHash: string): Promise<SessionAnswer> {
  const [session] = await db
    .select({
      csrfToken: sessions.csrfToken,
      mustChangePassword: users.mustChangePassword,
      user: { id: users.id, username: users.username, name: users.name, locale: users.locale, platformAdmin: users.platformAdmin },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date()), eq(users.active, true)));
  if (!session) return undefined;
  return { actor: await actorOf(db, session.user), csrfToken: session.csrfToken, mustChangePassword: session.mustChangePassword };
}

export async function actorOf(db: Db, user: { id: number; username: string; name: string; locale: string; platformAdmin: boolean }): Promise<Actor> {
  const grants = (await grantsOf(db, [user.id])).get(user.id)!;
  return { userId: user.id, username: user.username, name: user.name, locale: user.locale, grants, platformAdmin: user.platformAdmin };
}
