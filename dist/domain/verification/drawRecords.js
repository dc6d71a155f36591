import { and, count, eq, inArray, or, sql } from 'drizzle-orm';
import { anyOf } from "../../store/bulk.js";
import { orgUnits, verificationDrawEntries, verificationDraws } from "../../store/schema.js";
import { errors } from "../errors.js";
import { scopePaths } from "../scope.js";
import { riskClasses } from "./parameters.js";
import { underPath } from "../subtree.js";
/** A draw by id, or a 404 naming it. */
export async function loadDraw(db, programmeId, drawId) {
    const [draw] = await db
        .select()
        .from(verificationDraws)
        .where(and(eq(verificationDraws.programmeId, programmeId), eq(verificationDraws.id, drawId)));
    if (!draw)
        throw errors.notFound(`verification draw ${drawId} of programme '${programmeId}'`);
    return draw;
}
/** Refuses a draw whose subtree neither lies in nor contains a subtree the actor may read. */
export function assertReadable(actor, programmeId, draw, rootPath) {
    const paths = scopePaths(actor, programmeId, 'read');
    if (paths.some((path) => rootPath.startsWith(path) || path.startsWith(rootPath)))
        return;
    throw errors.forbidden(`your roles do not allow 'read' on verification draw ${draw.id} of org unit '${draw.rootOrgUnitId}'`);
}
export async function visibilityOf(db, actor, programmeId, rootPaths) {
    const paths = scopePaths(actor, programmeId, 'read');
    if (rootPaths.every((root) => paths.some((path) => root.startsWith(path))))
        return 'all';
    return { units: await unitsUnder(db, programmeId, paths) };
}
/** The ids of the units under any of these paths. */
export async function unitsUnder(db, programmeId, paths) {
    if (paths.length === 0)
        return [];
    const rows = await db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.programmeId, programmeId), or(...paths.map((path) => underPath(orgUnits.path, path)))));
    return rows.map((row) => row.id);
}
/** The condition on entries for a visibility; none when everything is visible. */
export function visibleEntries(visibility) {
    return visibility === 'all' ? undefined : anyOf(verificationDrawEntries.orgUnitId, visibility.units);
}
/** Draws with their counts of facilities and drawn facilities per class, among the entries the actor sees. */
export async function summarise(db, actor, programmeId, draws) {
    if (draws.length === 0)
        return [];
    const roots = await db
        .select({ path: orgUnits.path })
        .from(orgUnits)
        .where(and(eq(orgUnits.programmeId, programmeId), anyOf(orgUnits.id, [...new Set(draws.map((draw) => draw.rootOrgUnitId))])));
    const visibility = await visibilityOf(db, actor, programmeId, roots.map((root) => root.path));
    const rows = await db
        .select({
        drawId: verificationDrawEntries.drawId,
        riskClass: verificationDrawEntries.riskClass,
        facilities: count(),
        drawn: sql `count(*) filter (where ${verificationDrawEntries.drawn})`.mapWith(Number),
    })
        .from(verificationDrawEntries)
        .where(and(eq(verificationDrawEntries.programmeId, programmeId), inArray(verificationDrawEntries.drawId, draws.map((draw) => draw.id)), visibleEntries(visibility)))
        .groupBy(verificationDrawEntries.drawId, verificationDrawEntries.riskClass);
    return draws.map(({ programmeId: _p, parameters, ...draw }) => {
        const byClass = Object.fromEntries(riskClasses.map((riskClass) => [riskClass, { facilities: 0, drawn: 0 }]));
        for (const row of rows)
            if (row.drawId === draw.id)
                byClass[row.riskClass] = { facilities: row.facilities, drawn: row.drawn };
        const totals = Object.values(byClass).reduce((sum, c) => ({ facilities: sum.facilities + c.facilities, drawn: sum.drawn + c.drawn }), { facilities: 0, drawn: 0 });
        return { ...draw, parameters: parameters, counts: { ...totals, byClass } };
    });
}
//# sourceMappingURL=drawRecords.js.map