import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../store/database.ts';
import type { Role } from '../contract/roles.ts';
import { orgUnits, userRoles } from '../store/schema.ts';
import type { RoleGrant } from './actor.ts';

/** The role grants of users, with the path of each grant's unit, by user id. */
export async function grantsOf(db: Db | Tx, userIds: readonly number[]): Promise<Map<number, RoleGrant[]>> {
  const byUser = new Map<number, RoleGrant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: userRoles.userId, programmeId: userRoles.programmeId, role: userRoles.role, orgUnitId: userRoles.orgUnitId, path: orgUnits.path })
    .from(userRoles)
    .innerJoin(orgUnits, and(eq(orgUnits.programmeId, userRoles.programmeId), eq(orgUnits.id, userRoles.orgUnitId)))
    .where(userIds.length === 1 ? eq(userRoles.userId, userIds[0]!) : inArray(userRoles.userId, [...userIds]));
  for (const { userId, ...grant } of rows) byUser.get(userId)?.push({ ...grant, role: grant.role as Role });
  return byUser;
}
