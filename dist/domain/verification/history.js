import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { dataValues, orgUnits, verificationDrawEntries, verificationDraws } from "../../store/schema.js";
import { drawPeriodsAround, monthsIn } from "./periods.js";
import { underPath } from "../subtree.js";
/**
 * The history of every facility of a subtree over a window of months. The sums are made by
 * the database (one row per facility and month, not per value), exactly, on numerics.
 * Months when a facility was not drawn by an applied draw are left out: its verified
 * values were then estimated from declared ones, not observed.
 */
export async function subtreeHistory(db, programmeId, rootPath, window) {
    const figures = await monthFigures(db, programmeId, rootPath, window);
    const estimated = await estimatedMonths(db, programmeId, rootPath, window);
    const histories = new Map();
    const historyOf = (orgUnitId) => {
        let history = histories.get(orgUnitId);
        if (!history)
            histories.set(orgUnitId, (history = { window: [...window], notVerified: [], months: [] }));
        return history;
    };
    for (const [orgUnitId, months] of estimated)
        historyOf(orgUnitId).notVerified.push(...window.filter((month) => months.has(month)));
    for (const row of figures) {
        if (estimated.get(row.orgUnitId)?.has(row.period))
            continue;
        historyOf(row.orgUnitId).months.push(row);
    }
    const order = new Map(window.map((month, i) => [month, i]));
    for (const history of histories.values())
        history.months.sort((a, b) => order.get(a.period) - order.get(b.period));
    return histories;
}
async function monthFigures(db, programmeId, rootPath, window) {
    const stateValue = (state) => sql `max(${dataValues.value}) filter (where ${dataValues.state} = ${state})`;
    const pivot = db.$with('pivot').as(db
        .select({
        orgUnitId: dataValues.orgUnitId,
        period: dataValues.period,
        declared: stateValue('declared').as('declared'),
        verified: stateValue('verified').as('verified'),
        validated: stateValue('validated').as('validated'),
    })
        .from(dataValues)
        .innerJoin(orgUnits, and(eq(orgUnits.programmeId, dataValues.programmeId), eq(orgUnits.id, dataValues.orgUnitId)))
        .where(and(eq(dataValues.programmeId, programmeId), underPath(orgUnits.path, rootPath), inArray(dataValues.period, [...window])))
        .groupBy(dataValues.orgUnitId, dataValues.period, dataValues.activity));
    const both = (a, b) => sql `${a} is not null and ${b} is not null`;
    const total = (value, where) => sql `(sum(${value}) filter (where ${where}))::text`;
    const count = (where) => sql `count(*) filter (where ${where})`.mapWith(Number);
    const dv = both(pivot.declared, pivot.verified);
    const vv = both(pivot.verified, pivot.validated);
    const dva = both(pivot.declared, pivot.validated);
    const rows = await db
        .with(pivot)
        .select({
        orgUnitId: pivot.orgUnitId,
        period: pivot.period,
        dvDifference: sql `(sum(abs(${pivot.declared} - ${pivot.verified})))::text`,
        dvBase: total(pivot.verified, dv),
        dvCount: count(dv),
        vvDifference: sql `(sum(abs(${pivot.verified} - ${pivot.validated})))::text`,
        vvBase: total(pivot.validated, vv),
        vvCount: count(vv),
        rateDeclared: total(pivot.declared, dva),
        rateValidated: total(pivot.validated, dva),
    })
        .from(pivot)
        .groupBy(pivot.orgUnitId, pivot.period);
    return rows.map((row) => ({
        orgUnitId: row.orgUnitId,
        period: row.period,
        declaredVerified: row.dvCount > 0 ? { difference: row.dvDifference, base: row.dvBase, activities: row.dvCount } : null,
        verifiedValidated: row.vvCount > 0 ? { difference: row.vvDifference, base: row.vvBase, activities: row.vvCount } : null,
        validation: row.rateDeclared !== null ? { declared: row.rateDeclared, validated: row.rateValidated } : null,
    }));
}
/** Per facility, the window months a current, applied draw left it undrawn. */
async function estimatedMonths(db, programmeId, rootPath, window) {
    const rows = await db
        .select({ orgUnitId: verificationDrawEntries.orgUnitId, period: verificationDraws.period })
        .from(verificationDrawEntries)
        .innerJoin(verificationDraws, and(eq(verificationDraws.programmeId, verificationDrawEntries.programmeId), eq(verificationDraws.id, verificationDrawEntries.drawId)))
        .innerJoin(orgUnits, and(eq(orgUnits.programmeId, verificationDrawEntries.programmeId), eq(orgUnits.id, verificationDrawEntries.orgUnitId)))
        .where(and(eq(verificationDrawEntries.programmeId, programmeId), eq(verificationDrawEntries.drawn, false), isNull(verificationDraws.replacedAt), isNotNull(verificationDraws.appliedAt), inArray(verificationDraws.period, drawPeriodsAround(window)), underPath(orgUnits.path, rootPath)));
    const months = new Map();
    for (const row of rows) {
        const set = months.get(row.orgUnitId) ?? new Set();
        for (const month of monthsIn(row.period))
            set.add(month);
        months.set(row.orgUnitId, set);
    }
    return months;
}
//# sourceMappingURL=history.js.map