import { eq } from 'drizzle-orm';
import { funders } from "../../store/schema.js";
/** Funder id → name, for labelling figures grouped by funder. */
export async function funderNames(db, programmeId) {
    const rows = await db.select({ id: funders.id, name: funders.name }).from(funders).where(eq(funders.programmeId, programmeId));
    return new Map(rows.map((row) => [row.id, row.name]));
}
//# sourceMappingURL=funderNames.js.map