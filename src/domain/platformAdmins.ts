import { eq } from 'drizzle-orm';
import { USERNAME } from '../contract/accounts.ts';
import type { Locale } from '../engine/index.ts';
import type { Db } from '../store/database.ts';
import { users } from '../store/schema.ts';
import { transaction } from '../store/transaction.ts';
import { recordAudit } from './audit.ts';
import { checkPasswordStrength } from './auth/passwordStrength.ts';
import { errors } from './errors.ts';
import { createUser, type NewUser } from './users.ts';

/**
 * A platform administrator, made from the command line by whoever runs the server: the first
 * account of a production database (`openpbf users create-admin`), which then creates
 * programmes and the other accounts. Its password is checked like any other.
 */
export async function createPlatformAdmin(db: Db, input: NewUser, locale: Locale): Promise<number> {
  if (!USERNAME.test(input.username)) throw errors.validation(`username: '${input.username}' must be 3 to 40 of a-z, 0-9, '.', '_', '-'`, [{ at: 'username' }]);
  if (input.name.trim() === '') throw errors.validation('name: must not be empty', [{ at: 'name' }]);
  checkPasswordStrength(input.password, input, locale, 'password');
  return transaction(db, async (tx) => {
    const id = await createUser(tx, null, input);
    await tx.update(users).set({ platformAdmin: true }).where(eq(users.id, id));
    await recordAudit(tx, { programmeId: null, userId: null, action: 'grant', entity: 'platform_admin', entityKey: input.username, orgUnitId: null, reason: 'openpbf users create-admin' });
    return id;
  });
}
