import { and, eq, inArray, sql } from 'drizzle-orm';
import { verifyPassword } from "../domain/auth/passwords.js";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../demo/logins.js";
import { users } from "../store/schema.js";
/** Why production mode will not start with these settings, before the store is opened. */
export function refuseUnsafeSettings(config) {
    if (!config.production)
        return;
    if (!config.sessionSecret) {
        throw new Error('production mode needs SESSION_SECRET (at least 32 characters, kept outside the database), which signs the session cookies: for instance SESSION_SECRET="$(openssl rand -base64 48)"');
    }
    if (!config.secureCookies)
        throw new Error('production mode sends the session cookie over HTTPS only: remove COOKIE_SECURE=false');
}
/**
 * Refuses to serve in production while an active demo account still opens with the password
 * README.md publishes. Only the demo's user names are tried: scrypt costs about 0.1 s a check.
 */
export async function refuseDemoPasswords(db) {
    const candidates = await db
        .select({ username: users.username, passwordHash: users.passwordHash })
        .from(users)
        .where(and(eq(users.active, true), inArray(users.username, DEMO_LOGINS.map((login) => login.username))));
    const checks = await Promise.all(candidates.map(async (user) => ((await verifyPassword(DEMO_PASSWORD, user.passwordHash)) ? user.username : null)));
    const open = checks.filter((username) => username !== null);
    if (open.length === 0)
        return;
    throw new Error(`production mode: the active account(s) ${open.join(', ')} still have the demo password "${DEMO_PASSWORD}", published in README.md. ` +
        'Start without NODE_ENV=production (or with OPENPBF_MODE=development), then have each change their password (POST /api/auth/password), ' +
        'or have an administrator reset it (POST /api/users/<id>/password-reset) or deactivate the account (PATCH /api/users/<id> {"active": false}); ' +
        'or start production on an empty database.');
}
/** Active accounts: none on a new production database, which then needs its first administrator. */
export async function activeAccounts(db) {
    const [row] = await db.select({ count: sql `count(*)::int` }).from(users).where(eq(users.active, true));
    return row?.count ?? 0;
}
//# sourceMappingURL=production.js.map