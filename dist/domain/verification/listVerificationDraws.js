import { and, count, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { orgUnits, verificationDraws } from "../../store/schema.js";
import { scopePaths, unitPath } from "../scope.js";
import { summarise } from "./drawRecords.js";
import { underPath } from "../subtree.js";
/** Draws overlapping the actor's read scope (and the unit asked for), newest first, counted within that scope. */
export async function listVerificationDraws(db, actor, props) {
    const { programmeId, limit, offset } = props;
    const scopes = scopePaths(actor, programmeId, 'read').map(overlapping);
    const where = and(eq(verificationDraws.programmeId, programmeId), or(...scopes), props.orgUnitId === undefined ? undefined : overlapping(await unitPath(db, programmeId, props.orgUnitId)), props.period === undefined ? undefined : eq(verificationDraws.period, props.period), props.includeReplaced ? undefined : isNull(verificationDraws.replacedAt));
    const joined = and(eq(orgUnits.programmeId, verificationDraws.programmeId), eq(orgUnits.id, verificationDraws.rootOrgUnitId));
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(verificationDraws).innerJoin(orgUnits, joined).where(where);
    const rows = await db
        .select({ draw: verificationDraws })
        .from(verificationDraws)
        .innerJoin(orgUnits, joined)
        .where(where)
        .orderBy(desc(verificationDraws.id))
        .limit(limit)
        .offset(offset);
    return { items: await summarise(db, actor, programmeId, rows.map((row) => row.draw)), total, limit, offset };
}
/** A draw's root (joined as org_units) is inside the subtree at `path`, or is one of its ancestors. */
function overlapping(path) {
    return or(underPath(orgUnits.path, path), sql `starts_with(${path}, ${orgUnits.path})`);
}
//# sourceMappingURL=listVerificationDraws.js.map