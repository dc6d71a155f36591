import { and, eq } from 'drizzle-orm';
import type { Db } from '../../store/database.ts';
import { keptBy, kept } from '../../store/machinery.ts';
import { users } from '../../store/schema.ts';
import { errors } from '../errors.ts';
import { UnknownNames, lockedUntil, recordFailure, recordSuccess } from './loginLimits.ts';
import { verifyPassword } from './passwords.ts';

export type SignedInUser = typeof users.$inferSelect;

/** A name unknown to one database may be a user of another: each counts its own. */
const UNKNOWN_NAMES = kept('unknown user names', () => new UnknownNames());

/**
 * The user for a username and password, or a 401 that does not say which was wrong; a 429
 * while the account is locked (LOGIN_LIMITS), checked before the password so that guesses
 * during the lock prove nothing. Unknown and inactive names are counted in memory by the same
 * rule, so answers and timing are alike for names that exist and names that do not.
 */
export async function checkCredentials(db: Db, username: string, password: string, now = new Date()): Promise<SignedInUser> {
  const [user] = await db.select().from(users).where(and(eq(users.username, username), eq(users.active, true)));
  const locked = lockedUntil(user ?? keptBy(db, UNKNOWN_NAMES).state(username), now);
  if (locked) throw errors.accountLocked(locked, now);
  // Hash even for an unknown user, so timing does not reveal which usernames exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (user && ok) {
    await recordSuccess(db, user.id, now);
    return user;
  }
  const lockedNow = user ? await recordFailure(db, user.id, now) : keptBy(db, UNKNOWN_NAMES).fail(username, now);
  if (lockedNow) throw errors.accountLocked(lockedNow, now);
  throw errors.badCredentials();
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
