import { and, eq, inArray, or } from 'drizzle-orm';
import { orgUnits } from "../../store/schema.js";
import { ancestorIds, underPath } from "../subtree.js";
import { authorize, scopePaths, unitPath } from "../scope.js";
/**
 * Authorises reading `rootId` (403 outside the actor's subtrees, 404 when unknown) and
 * loads its units. One query for the units, whatever their number; dashboards then filter
 * facts by these ids as one array and fold them up the tree in memory.
 */
export async function dashboardScope(db, actor, programmeId, rootId) {
    await authorize(db, actor, programmeId, 'read', rootId);
    const tops = topPaths(scopePaths(actor, programmeId, 'read'));
    const rootPath = rootId !== undefined ? await unitPath(db, programmeId, rootId) : tops.length === 1 ? tops[0] : undefined;
    const rows = await db
        .select({
        id: orgUnits.id,
        name: orgUnits.name,
        path: orgUnits.path,
        parentId: orgUnits.parentId,
        validFrom: orgUnits.validFrom,
        validTo: orgUnits.validTo,
    })
        .from(orgUnits)
        .where(and(eq(orgUnits.programmeId, programmeId), or(...tops.map((path) => underPath(orgUnits.path, path))), rootPath === undefined ? undefined : underPath(orgUnits.path, rootPath)));
    const units = new Map(rows.map((row) => [row.id, row]));
    const rootUnit = rootPath === undefined ? undefined : rows.find((row) => row.path === rootPath);
    const parents = new Set(rows.map((row) => row.parentId));
    const children = rows
        .filter((row) => (rootUnit ? row.parentId === rootUnit.id : tops.includes(row.path)))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const childIds = new Set(children.map((child) => child.id));
    return {
        root: rootUnit ? { id: rootUnit.id, name: rootUnit.name, path: rootUnit.path } : null,
        trail: rootUnit ? await readableAncestors(db, programmeId, rootUnit.path, tops) : [],
        units,
        ids: rows.map((row) => row.id),
        children,
        childOf(unitId) {
            const path = units.get(unitId)?.path;
            if (path === undefined)
                return undefined;
            if (!rootUnit)
                return children.find((child) => path.startsWith(child.path))?.id;
            // The path below the root starts with the child's id: `/…/root/child/…/unit/`.
            const child = path.slice(rootUnit.path.length).split('/')[0];
            return childIds.has(child) ? child : undefined;
        },
        leaves: rows.filter((row) => !parents.has(row.id)),
    };
}
/** The roots of the actor's subtrees, without those lying inside another. */
function topPaths(paths) {
    const unique = [...new Set(paths)];
    return unique.filter((path) => !unique.some((other) => other !== path && path.startsWith(other)));
}
async function readableAncestors(db, programmeId, path, tops) {
    const ids = ancestorIds(path);
    if (ids.length === 0)
        return [];
    const rows = await db
        .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
        .from(orgUnits)
        .where(and(eq(orgUnits.programmeId, programmeId), inArray(orgUnits.id, ids)));
    return rows
        .filter((row) => tops.some((top) => row.path.startsWith(top)))
        .sort((a, b) => a.path.length - b.path.length)
        .map(({ id, name }) => ({ id, name }));
}
//# sourceMappingURL=scope.js.map