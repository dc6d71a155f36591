import { eq, sql } from 'drizzle-orm';
import { users } from "../../store/schema.js";
/**
 * Wrong passwords an account takes before it waits: ten, then a quarter of an hour. Counted
 * per account, so one person's typos never lock the colleagues behind the same proxy (the
 * per-address limit on the sign-in route is separate and looser).
 */
export const LOGIN_LIMITS = { failures: 10, lockMinutes: 15 };
/** When the account may try again, if it is locked at `now`. */
export function lockedUntil(state, now) {
    return state.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
}
const lockEnd = (now) => new Date(now.getTime() + LOGIN_LIMITS.lockMinutes * 60_000);
/** The state after one more wrong password: a lock that has run out starts the count again. */
function afterFailure(state, now) {
    const expired = state.lockedUntil !== null && state.lockedUntil <= now;
    const failedLogins = expired ? 1 : state.failedLogins + 1;
    if (failedLogins >= LOGIN_LIMITS.failures)
        return { failedLogins, lockedUntil: lockEnd(now) };
    return { failedLogins, lockedUntil: expired ? null : state.lockedUntil };
}
/**
 * `afterFailure` as one statement, so wrong passwords sent at once are all counted; the end
 * of the lock if this one locked the account.
 */
export async function recordFailure(db, userId, now) {
    const at = sql `${now.toISOString()}::timestamptz`;
    const expired = sql `(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${at})`;
    const count = sql `(case when ${expired} then 1 else ${users.failedLogins} + 1 end)`;
    const [row] = await db
        .update(users)
        .set({
        failedLogins: count,
        lockedUntil: sql `case when ${count} >= ${LOGIN_LIMITS.failures} then ${lockEnd(now).toISOString()}::timestamptz when ${expired} then null else ${users.lockedUntil} end`,
    })
        .where(eq(users.id, userId))
        .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
    return row && row.failedLogins >= LOGIN_LIMITS.failures ? row.lockedUntil : null;
}
export async function recordSuccess(db, userId, now) {
    await db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, userId));
}
/**
 * Wrong passwords for user names that do not exist, kept in memory by the same rule: a name
 * tried ten times answers "locked" as an account would, so the lock does not tell which names
 * exist. Nothing is written for them; at most `capacity` names are remembered (forgotten all at
 * once past that, as a flood of invented names would otherwise fill memory).
 */
export class UnknownNames {
    capacity;
    states = new Map();
    constructor(capacity = 10_000) {
        this.capacity = capacity;
    }
    state(username) {
        return this.states.get(username) ?? { failedLogins: 0, lockedUntil: null };
    }
    /** Counts a failure; the end of the lock if this one locked the name. */
    fail(username, now) {
        if (this.states.size >= this.capacity)
            this.states.clear();
        const next = afterFailure(this.state(username), now);
        this.states.set(username, next);
        return next.failedLogins >= LOGIN_LIMITS.failures ? next.lockedUntil : null;
    }
}
//# sourceMappingURL=loginLimits.js.map