import { and, asc, eq } from 'drizzle-orm';
import { hashPassword } from './auth/passwords.ts';
import { asLocale, checkPasswordStrength } from './auth/passwordStrength.ts';
import { forgetSessions } from './auth/sessions.ts';
import type { Db, Tx } from '../store/database.ts';
import type { Role } from '../contract/roles.ts';
import { userRoles, users } from '../store/schema.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { errors } from './errors.ts';
import { grantsOf } from './grants.ts';
import { allows, unitPath } from './scope.ts';
import { checkManages, mayManageUser, type ManagedUser } from './userPolicy.ts';

export interface NewUser {
  readonly username: string;
  readonly name: string;
  readonly password: string;
  readonly locale?: 'fr' | 'en';
}

/** Creates a user; an admin's choice of password is checked (seeding code, `actor` null, sets its own). */
export async function createUser(tx: Tx, actor: Actor | null, input: NewUser): Promise<number> {
  if (actor) checkPasswordStrength(input.password, input, asLocale(actor.locale), 'password');
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

export interface Grant {
  readonly userId: number;
  readonly programmeId: string;
  readonly role: Role;
  readonly orgUnitId: string;
}

/** A user with their grants, as user management decides on them; 404 for an unknown id. */
export async function managedUser(db: Db | Tx, userId: number): Promise<ManagedUser> {
  const [user] = await db.select({ id: users.id, username: users.username, platformAdmin: users.platformAdmin }).from(users).where(eq(users.id, userId));
  if (!user) throw errors.notFound(`user ${userId}`);
  return { ...user, grants: (await grantsOf(db, [userId])).get(userId)! };
}

/**
 * Gives a role over the subtree of `orgUnitId`; the unit must exist in the programme. An
 * admin gives roles only inside their own subtrees — never more than they hold — and only to
 * users they manage (none when seeding: `actor` null).
 */
export async function grantRole(tx: Tx, actor: Actor | null, grant: Grant): Promise<void> {
  await checkRoleChange(tx, actor, grant, 'give roles to');
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

export async function revokeRole(tx: Tx, actor: Actor, grant: Grant): Promise<void> {
  await checkRoleChange(tx, actor, grant, 'take roles from');
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

/** The unit must be in the actor's subtrees where they manage users, and the user theirs to manage. */
async function checkRoleChange(tx: Tx, actor: Actor | null, grant: Grant, what: string): Promise<void> {
  const path = await unitPath(tx, grant.programmeId, grant.orgUnitId);
  if (!actor) return;
  if (!allows(actor, grant.programmeId, 'users.manage', path)) {
    throw errors.forbidden(`org unit '${grant.orgUnitId}' is outside the subtrees where you may manage users ('users.manage')`);
  }
  checkManages(actor, await managedUser(tx, grant.userId), what);
}

export async function setUserActive(tx: Tx, actor: Actor, userId: number, active: boolean): Promise<void> {
  checkManages(actor, await managedUser(tx, userId), active ? 'activate' : 'deactivate');
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

export interface UserListing {
  readonly id: number;
  readonly username: string;
  readonly name: string;
  readonly locale: string;
  readonly active: boolean;
  readonly platformAdmin: boolean;
  readonly lastLoginAt: Date | null;
  readonly grants: { programmeId: string; role: Role; orgUnitId: string }[];
}

/** The users `actor` may manage, by username; a page of them and how many there are. */
export async function listManagedUsers(db: Db, actor: Actor, page: { limit: number; offset: number }): Promise<{ items: UserListing[]; total: number }> {
  const rows = await db.select().from(users).orderBy(asc(users.username));
  const grants = await grantsOf(db, rows.map((row) => row.id));
  const managed = rows.filter((row) => mayManageUser(actor, { ...row, grants: grants.get(row.id)! }));
  const items = managed.slice(page.offset, page.offset + page.limit).map((row) => ({
    id: row.id,
    username: row.username,
    name: row.name,
    locale: row.locale,
    active: row.active,
    platformAdmin: row.platformAdmin,
    lastLoginAt: row.lastLoginAt,
    grants: grants.get(row.id)!.map(({ programmeId, role, orgUnitId }) => ({ programmeId, role, orgUnitId })),
  }));
  return { items, total: managed.length };
}
