import { and, eq } from 'drizzle-orm';
import { anyOf } from "../store/bulk.js";
import { orgUnits } from "../store/schema.js";
import { Expiring } from "./cache.js";
const cache = new Expiring(30_000);
const key = (programmeId, id) => `${programmeId}\u0000${id}`;
/** The facts of the units among `ids` that exist, from the cache or in one query. */
export async function unitFacts(db, programmeId, ids) {
    const found = new Map();
    const missing = [];
    for (const id of new Set(ids)) {
        const cached = cache.get(key(programmeId, id));
        if (cached)
            found.set(id, cached);
        else
            missing.push(id);
    }
    if (missing.length === 0)
        return found;
    const generation = cache.generation();
    const rows = await db
        .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path, groups: orgUnits.groups })
        .from(orgUnits)
        .where(and(eq(orgUnits.programmeId, programmeId), missing.length === 1 ? eq(orgUnits.id, missing[0]) : anyOf(orgUnits.id, missing)));
    for (const row of rows) {
        cache.setRead(key(programmeId, row.id), row, db, generation);
        found.set(row.id, row);
    }
    return found;
}
/** After the tree of a programme changes through `db`. */
export function forgetUnitFacts(db, programmeId) {
    const prefix = key(programmeId, '');
    cache.forgetChanged(db, (entry) => entry.startsWith(prefix));
}
//# sourceMappingURL=unitFacts.js.map