import { and, count, desc, eq, lt, sum } from 'drizzle-orm';
import { invoiceRuns, invoices } from "../../store/schema.js";
import { errors } from "../errors.js";
/** A run with its invoice count and total, or a 404 naming it. */
export async function readRun(db, programmeId, runId) {
    const [row] = await db.select().from(invoiceRuns).where(and(eq(invoiceRuns.programmeId, programmeId), eq(invoiceRuns.id, runId)));
    if (!row)
        throw errors.notFound(`invoice run ${runId}`);
    return summarise(db, row);
}
export async function summarise(db, row) {
    const [totals] = await db
        .select({ invoiceCount: count(), total: sum(invoices.amount) })
        .from(invoices)
        .where(and(eq(invoices.programmeId, row.programmeId), eq(invoices.runId, row.id)));
    const excluded = row.excluded;
    return {
        programmeId: row.programmeId,
        id: row.id,
        rootOrgUnitId: row.rootOrgUnitId,
        period: row.period,
        programmeVersion: row.programmeVersion,
        inputsHash: row.inputsHash,
        status: row.status,
        errors: row.errors,
        startedBy: row.startedBy,
        startedAt: row.startedAt,
        finishedAt: row.finishedAt,
        invoiceCount: totals?.invoiceCount ?? 0,
        total: totals?.total ?? '0.00',
        skipped: excluded.skipped,
        kept: excluded.kept,
    };
}
/** The latest run of a scope (subtree root and period), completed ones only when asked, before `beforeId` if given. */
export async function latestRun(db, scope, options = {}) {
    const [row] = await db
        .select()
        .from(invoiceRuns)
        .where(and(eq(invoiceRuns.programmeId, scope.programmeId), eq(invoiceRuns.rootOrgUnitId, scope.rootOrgUnitId), eq(invoiceRuns.period, scope.period), options.completedOnly ? eq(invoiceRuns.status, 'completed') : undefined, options.beforeId !== undefined ? lt(invoiceRuns.id, options.beforeId) : undefined))
        .orderBy(desc(invoiceRuns.id))
        .limit(1);
    return row;
}
//# sourceMappingURL=readRun.js.map