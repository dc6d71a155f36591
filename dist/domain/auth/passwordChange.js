import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { users } from "../../store/schema.js";
import { transaction } from "../../store/transaction.js";
import { recordAudit } from "../audit.js";
import { errors } from "../errors.js";
import { checkManages } from "../userPolicy.js";
import { managedUser } from "../users.js";
import { lockedUntil, recordFailure } from "./loginLimits.js";
import { checkPasswordStrength, judgePassword } from "./passwordStrength.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { endSessions } from "./sessions.js";
/**
 * The signed-in user chooses a new password, proving the current one (a wrong one counts
 * towards the account's lock, as at sign-in: a stolen session must not become a way to guess
 * it). Ends the user's other sessions and keeps the one holding `keepToken`; clears a reset's
 * demand for a new password.
 */
export async function changeOwnPassword(db, actor, change, keepToken, locale) {
    const now = new Date();
    const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
    if (!user)
        throw errors.unauthenticated();
    const locked = lockedUntil(user, now);
    if (locked)
        throw errors.accountLocked(locked, now);
    if (!(await verifyPassword(change.currentPassword, user.passwordHash))) {
        const lockedNow = await recordFailure(db, user.id, now);
        throw lockedNow ? errors.accountLocked(lockedNow, now) : errors.wrongPassword('currentPassword');
    }
    if (change.newPassword === change.currentPassword)
        throw errors.validation('newPassword: must differ from the current password', [{ at: 'newPassword' }]);
    checkPasswordStrength(change.newPassword, user, locale, 'newPassword');
    const passwordHash = await hashPassword(change.newPassword);
    await transaction(db, async (tx) => {
        await tx.update(users).set({ passwordHash, mustChangePassword: false, failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
        await endSessions(tx, user.id, keepToken);
        await recordAudit(tx, { programmeId: null, userId: actor.userId, action: 'change-password', entity: 'user', entityKey: user.username, orgUnitId: null });
    });
}
/**
 * An admin's reset of a user they manage (never their own account): a temporary password,
 * the admin's or one generated here and returned this once, which the user must replace at
 * their next sign-in. Ends the user's sessions and lifts a lock.
 */
export async function resetPassword(tx, actor, userId, temporaryPassword, locale) {
    checkManages(actor, await managedUser(tx, userId), 'reset the password of');
    const [user] = await tx.select({ username: users.username, name: users.name }).from(users).where(eq(users.id, userId));
    if (!user)
        throw errors.notFound(`user ${userId}`);
    if (temporaryPassword !== undefined)
        checkPasswordStrength(temporaryPassword, user, locale, 'temporaryPassword');
    const password = temporaryPassword ?? generatePassword(user, locale);
    await tx
        .update(users)
        .set({ passwordHash: await hashPassword(password), mustChangePassword: true, failedLogins: 0, lockedUntil: null })
        .where(eq(users.id, userId));
    await endSessions(tx, userId);
    await recordAudit(tx, {
        programmeId: null,
        userId: actor.userId,
        action: 'reset-password',
        entity: 'user',
        entityKey: user.username,
        orgUnitId: null,
        newValue: { mustChangePassword: true, generated: temporaryPassword === undefined },
    });
    return { temporaryPassword: temporaryPassword === undefined ? password : null };
}
/** 32 signs, none mistaken for another when read out (no o or 0, l or 1): 5 bits a character. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
/** Four groups of four random characters (80 bits), to be read over the phone; drawn again in the rare case zxcvbn finds a word. */
function generatePassword(owner, locale) {
    for (;;) {
        const characters = [...randomBytes(16)].map((byte) => ALPHABET[byte % 32]);
        const password = [0, 4, 8, 12].map((start) => characters.slice(start, start + 4).join('')).join('-');
        if (!judgePassword(password, owner, locale))
            return password;
    }
}
//# sourceMappingURL=passwordChange.js.map