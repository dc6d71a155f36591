import { and, eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from './auth/passwords.ts';
import { forgetSessions } from './auth/sessions.ts';
import type { Db, Tx } from '../store/database.ts';
import { userRoles, users, type Role } from '../store/schema.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { errors } from './errors.ts';
import { unitPath } from './scope.ts';

export interface NewUser {
  readonly username: string;
  readonly name: string;
  readonly password: string;
  readonly locale?: 'fr' | 'en';
}

export async function createUser(tx: Tx, actor: Actor | null, input: NewUser): Promise<number> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) throw errors.conflict(`username: '${input.username}' is taken`, [{ at: 'username' }]);
  const [created] = await tx
    .insert(users)
    .values({ username: input.username, name: input.name, passwordHash: await hashPassword(input.password), locale: input.locale ?? 'fr' })
    .returning({ id: users.id });
  await recordAudit(tx, {
    programmeId: null,
    userId: actor?.userId ?? null,
    action: 'create',
    entity: 'user',
    entityKey: input.username,
    orgUnitId: null,
    newValue: { username: input.username, name: input.name },
  });
  return created!.id;
}

/** Gives a role over the subtree of `orgUnitId`; the unit must exist in the programme. */
export async function grantRole(
  tx: Tx,
  actor: Actor | null,
  grant: { userId: number; programmeId: string; role: Role; orgUnitId: string },
): Promise<void> {
  await unitPath(tx, grant.programmeId, grant.orgUnitId);
  await tx.insert(userRoles).values(grant).onConflictDoNothing();
  forgetSessions(tx);
  await recordAudit(tx, {
    programmeId: grant.programmeId,
    userId: actor?.userId ?? null,
    action: 'grant',
    entity: 'user_role',
    entityKey: `${grant.userId}:${grant.role}@${grant.orgUnitId}`,
    orgUnitId: grant.orgUnitId,
    newValue: grant,
  });
}

export async function revokeRole(
  tx: Tx,
  actor: Actor,
  grant: { userId: number; programmeId: string; role: Role; orgUnitId: string },
): Promise<void> {
  const removed = await tx
    .delete(userRoles)
    .where(
      and(
        eq(userRoles.userId, grant.userId),
        eq(userRoles.programmeId, grant.programmeId),
        eq(userRoles.role, grant.role),
        eq(userRoles.orgUnitId, grant.orgUnitId),
      ),
    )
    .returning();
  if (removed.length === 0) throw errors.notFound(`role ${grant.role} on '${grant.orgUnitId}' for user ${grant.userId}`);
  forgetSessions(tx);
  await recordAudit(tx, {
    programmeId: grant.programmeId,
    userId: actor.userId,
    action: 'revoke',
    entity: 'user_role',
    entityKey: `${grant.userId}:${grant.role}@${grant.orgUnitId}`,
    orgUnitId: grant.orgUnitId,
    oldValue: grant,
  });
}

export async function setUserActive(tx: Tx, actor: Actor, userId: number, active: boolean): Promise<void> {
  const [before] = await tx.select({ active: users.active, username: users.username }).from(users).where(eq(users.id, userId));
  if (!before) throw errors.notFound(`user ${userId}`);
  await tx.update(users).set({ active }).where(eq(users.id, userId));
  forgetSessions(tx);
  await recordAudit(tx, {
    programmeId: null,
    userId: actor.userId,
    action: active ? 'activate' : 'deactivate',
    entity: 'user',
    entityKey: before.username,
    orgUnitId: null,
    oldValue: { active: before.active },
    newValue: { active },
  });
}

/** The user for a username and password, or a 401 that does not say which was wrong. */
export async function checkCredentials(db: Db, username: string, password: string) {
  const [user] = await db.select().from(users).where(and(eq(users.username, username), eq(users.active, true)));
  // Hash even for an unknown user, so timing does not reveal which usernames exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw errors.badCredentials();
  return user;
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
