import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { parsePeriod } from "../engine/index.js";
import { currentInvoice } from "./invoices/current.js";
import { invoices, periodStatus } from "../store/schema.js";
/** Statuses from which a period has been decided: a rule change reaching them reprices decided work. */
const DECIDED = ['validated', 'invoiced', 'approved', 'ordered', 'paid'];
const LISTED = 200;
/**
 * The decided work a version effective from `effectiveFrom` reaches: a new version is in
 * force for every period from it on (versions are picked newest first), so those periods'
 * validated statuses and invoices are what it reaches back to.
 */
export async function versionReach(db, programmeId, effectiveFrom) {
    const from = parsePeriod(effectiveFrom).firstMonth;
    const reached = (period) => (parsePeriod(period)?.firstMonth ?? -1) >= from;
    const statusRows = await db
        .select({ period: periodStatus.period, count: sql `count(*)::int` })
        .from(periodStatus)
        .where(and(eq(periodStatus.programmeId, programmeId), inArray(periodStatus.status, [...DECIDED])))
        .groupBy(periodStatus.period);
    const invoiceRows = await db
        .select({ period: invoices.period, status: invoices.status, count: sql `count(*)::int` })
        .from(invoices)
        .where(and(eq(invoices.programmeId, programmeId), currentInvoice))
        .groupBy(invoices.period, invoices.status);
    const periods = [...new Set([...statusRows, ...invoiceRows].map((row) => row.period).filter(reached))].sort();
    const inReach = new Set(periods);
    const repricedPeriods = invoiceRows.filter((row) => inReach.has(row.period) && row.status === 'prepared').map((row) => row.period);
    const repriced = repricedPeriods.length === 0
        ? []
        : await db
            .select({ id: invoices.id, orgUnitId: invoices.orgUnitId, period: invoices.period, payment: invoices.payment, amount: invoices.amount })
            .from(invoices)
            .where(and(eq(invoices.programmeId, programmeId), currentInvoice, eq(invoices.status, 'prepared'), inArray(invoices.period, repricedPeriods)))
            .orderBy(asc(invoices.period), asc(invoices.id))
            .limit(LISTED);
    const sum = (rows) => rows.filter((row) => inReach.has(row.period)).reduce((total, row) => total + row.count, 0);
    return {
        periods,
        decidedStatuses: sum(statusRows),
        repriced,
        repricedCount: sum(invoiceRows.filter((row) => row.status === 'prepared')),
        unchangedCount: sum(invoiceRows.filter((row) => row.status !== 'prepared')),
    };
}
export function reachesBack(reach) {
    return reach.periods.length > 0;
}
//# sourceMappingURL=versionReach.js.map