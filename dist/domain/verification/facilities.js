import { and, asc, eq } from 'drizzle-orm';
import { orgUnits } from "../../store/schema.js";
import { periodDays } from "./periods.js";
import { underPath } from "../subtree.js";
/**
 * The facilities of a subtree in a period: its leaves (health centres and hospitals sit at
 * the bottom of the tree), open at some time during the period by their validity dates.
 */
export async function subtreeFacilities(db, programmeId, rootPath, period) {
    const rows = await db
        .select({ id: orgUnits.id, parentId: orgUnits.parentId, groups: orgUnits.groups, validFrom: orgUnits.validFrom, validTo: orgUnits.validTo })
        .from(orgUnits)
        .where(and(eq(orgUnits.programmeId, programmeId), underPath(orgUnits.path, rootPath)))
        .orderBy(asc(orgUnits.path));
    const parents = new Set(rows.map((row) => row.parentId));
    const { first, last } = periodDays(period);
    return rows
        .filter((row) => !parents.has(row.id))
        .filter((row) => (row.validFrom === null || row.validFrom <= last) && (row.validTo === null || row.validTo >= first))
        .map((row) => ({ id: row.id, groups: row.groups }));
}
//# sourceMappingURL=facilities.js.map