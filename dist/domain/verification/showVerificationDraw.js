import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import { anyOf } from "../../store/bulk.js";
import { orgUnits, verificationDrawEntries } from "../../store/schema.js";
import { unitPath } from "../scope.js";
import { assertReadable, loadDraw, summarise, unitsUnder, visibilityOf, visibleEntries } from "./drawRecords.js";
/**
 * A draw with a page of its entries, each with the reasons of its class. Someone whose
 * scope lies inside the draw's subtree sees the entries (and counts) of their scope only.
 * Filters on org units (scope, subtree, name) become arrays of unit ids first, and org units
 * are joined by key alone: see `Visibility` for why.
 */
export async function showVerificationDraw(db, actor, props) {
    const { programmeId, drawId, limit, offset } = props;
    const draw = await loadDraw(db, programmeId, drawId);
    const rootPath = await unitPath(db, programmeId, draw.rootOrgUnitId);
    assertReadable(actor, programmeId, draw, rootPath);
    const where = and(eq(verificationDrawEntries.programmeId, programmeId), eq(verificationDrawEntries.drawId, drawId), visibleEntries(await visibilityOf(db, actor, programmeId, [rootPath])), props.drawn === undefined ? undefined : eq(verificationDrawEntries.drawn, props.drawn), props.riskClass === undefined ? undefined : eq(verificationDrawEntries.riskClass, props.riskClass), props.orgUnitId === undefined ? undefined : anyOf(verificationDrawEntries.orgUnitId, await unitsUnder(db, programmeId, [await unitPath(db, programmeId, props.orgUnitId)])), props.search ? anyOf(verificationDrawEntries.orgUnitId, await unitsNamed(db, programmeId, props.search)) : undefined);
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(verificationDrawEntries).where(where);
    const rows = await db
        .select({
        orgUnitId: verificationDrawEntries.orgUnitId,
        name: orgUnits.name,
        path: orgUnits.path,
        riskClass: verificationDrawEntries.riskClass,
        probability: verificationDrawEntries.probability,
        drawn: verificationDrawEntries.drawn,
        validationRate: verificationDrawEntries.validationRate,
        reasons: verificationDrawEntries.reasons,
    })
        .from(verificationDrawEntries)
        .innerJoin(orgUnits, and(eq(orgUnits.programmeId, verificationDrawEntries.programmeId), eq(orgUnits.id, verificationDrawEntries.orgUnitId)))
        .where(where)
        .orderBy(asc(orgUnits.path))
        .limit(limit)
        .offset(offset);
    const [summary] = await summarise(db, actor, programmeId, [draw]);
    const items = rows.map((row) => ({ ...row, riskClass: row.riskClass, reasons: row.reasons }));
    return { draw: summary, entries: { items, total, limit, offset } };
}
/** The ids of the units whose name or id contains the text. */
async function unitsNamed(db, programmeId, text) {
    const rows = await db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.programmeId, programmeId), or(ilike(orgUnits.name, `%${text}%`), ilike(orgUnits.id, `%${text}%`))));
    return rows.map((row) => row.id);
}
//# sourceMappingURL=showVerificationDraw.js.map