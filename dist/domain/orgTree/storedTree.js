import { asc, eq, sql } from 'drizzle-orm';
import { orgUnits } from "../../store/schema.js";
/** Serialises the changes of a programme's tree: each edit starts from the tree the last one left. */
export async function lockTree(tx, programmeId) {
    await tx.execute(sql `select pg_advisory_xact_lock(hashtext(${`openpbf.org_units:${programmeId}`}))`);
}
/** Every unit of a programme as stored, parents first. */
export async function storedTree(db, programmeId) {
    const rows = await db.select().from(orgUnits).where(eq(orgUnits.programmeId, programmeId)).orderBy(asc(orgUnits.level), asc(orgUnits.id));
    return rows.map((row) => ({
        id: row.id,
        name: row.name,
        parent: row.parentId,
        groups: row.groups,
        attributes: row.attributes,
        validFrom: row.validFrom,
        validTo: row.validTo,
        level: row.level,
        path: row.path,
    }));
}
//# sourceMappingURL=storedTree.js.map