import { and, eq, inArray } from 'drizzle-orm';
import { orgUnits, userRoles } from "../store/schema.js";
/** The role grants of users, with the path of each grant's unit, by user id. */
export async function grantsOf(db, userIds) {
    const byUser = new Map(userIds.map((id) => [id, []]));
    if (userIds.length === 0)
        return byUser;
    const rows = await db
        .select({ userId: userRoles.userId, programmeId: userRoles.programmeId, role: userRoles.role, orgUnitId: userRoles.orgUnitId, path: orgUnits.path })
        .from(userRoles)
        .innerJoin(orgUnits, and(eq(orgUnits.programmeId, userRoles.programmeId), eq(orgUnits.id, userRoles.orgUnitId)))
        .where(userIds.length === 1 ? eq(userRoles.userId, userIds[0]) : inArray(userRoles.userId, [...userIds]));
    for (const { userId, ...grant } of rows)
        byUser.get(userId)?.push({ ...grant, role: grant.role });
    return byUser;
}
//# sourceMappingURL=grants.js.map