import { and, eq, or } from 'drizzle-orm';
import { orgUnits } from "../../store/schema.js";
import { underPath } from "../subtree.js";
/**
 * The ids of the units under any of the actor's subtrees (and under `path` when a narrower
 * subtree is asked for). Lists filter on these ids as one array rather than by joining on
 * paths: on tables never analysed (PGlite has no autovacuum) the planner would otherwise
 * pick a nested loop over both tables.
 */
export async function scopeUnits(db, programmeId, scopes, path) {
    if (scopes.length === 0)
        return [];
    const within = scopes.map((scope) => underPath(orgUnits.path, scope));
    const rows = await db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.programmeId, programmeId), or(...within), path === undefined ? undefined : underPath(orgUnits.path, path)));
    return rows.map((row) => row.id);
}
//# sourceMappingURL=scopeUnits.js.map