import { and, eq, inArray, sql } from 'drizzle-orm';
import { invoices, orgUnits } from "../../store/schema.js";
import { recordAudit } from "../audit.js";
import { AppError, errors } from "../errors.js";
import { allows } from "../scope.js";
import { advanceStatus } from "./advanceStatus.js";
import { invoiceGates } from "./invoiceGates.js";
import { lockInvoices } from "./lock.js";
/**
 * Approves prepared invoices, all or none. The committee member who started the run that
 * prepared an invoice may not approve it: approval is the second pair of eyes.
 */
export async function approveInvoices(tx, actor, props) {
    const { programmeId, invoiceIds } = props;
    await lockInvoices(tx, programmeId);
    const rows = await tx
        .select({ invoice: invoices, path: orgUnits.path })
        .from(invoices)
        .innerJoin(orgUnits, and(eq(orgUnits.programmeId, invoices.programmeId), eq(orgUnits.id, invoices.orgUnitId)))
        .where(and(eq(invoices.programmeId, programmeId), inArray(invoices.id, [...invoiceIds])));
    const byId = new Map(rows.map((row) => [row.invoice.id, { ...row.invoice, path: row.path }]));
    const problems = invoiceIds.map((id, i) => refusal(actor, programmeId, id, `invoiceIds[${i}]`, byId.get(id))).filter((p) => p !== undefined);
    if (problems.length > 0)
        throw firstRefusal(problems);
    const found = invoiceIds.map((id) => byId.get(id));
    const ids = [...new Set(invoiceIds)];
    await tx
        .update(invoices)
        .set({ status: 'approved', approvedBy: actor.userId, approvedAt: sql `now()` })
        .where(and(eq(invoices.programmeId, programmeId), inArray(invoices.id, ids)));
    await advanceStatus(tx, actor.userId, programmeId, await invoiceGates(tx, programmeId, found), 'approved');
    await recordAudit(tx, ids.map((id) => ({
        programmeId,
        userId: actor.userId,
        action: 'approve',
        entity: 'invoice',
        entityKey: String(id),
        orgUnitId: byId.get(id).orgUnitId,
        oldValue: { status: 'prepared' },
        newValue: { status: 'approved', amount: byId.get(id).amount },
        ...(props.reason ? { reason: props.reason } : {}),
    })));
    return { approved: ids };
}
function refusal(actor, programmeId, id, at, invoice) {
    if (!invoice)
        return { at, error: errors.notFound(`${at}: invoice ${id}`) };
    if (!allows(actor, programmeId, 'invoice.approve', invoice.path)) {
        return { at, error: errors.forbidden(`${at}: your roles do not allow 'invoice.approve' on org unit '${invoice.orgUnitId}' (invoice ${id})`) };
    }
    if (invoice.preparedBy === actor.userId) {
        return {
            at,
            error: errors.forbidden(`${at}: invoice ${id} was prepared by you (invoice run ${invoice.runId}); another member of the committee must approve it`),
        };
    }
    if (invoice.supersededBy !== null) {
        return { at, error: errors.invalidState(`${at}: invoice ${id} was replaced by invoice run ${invoice.supersededBy}; approve the current invoice`) };
    }
    if (invoice.status !== 'prepared')
        return { at, error: errors.invalidState(`${at}: invoice ${id} is already ${invoice.status}`) };
    return undefined;
}
/** The most basic refusal first (missing, then forbidden, then state), with every refusal in the details. */
function firstRefusal(problems) {
    const first = [...problems].sort((a, b) => rank(a.error) - rank(b.error))[0].error;
    return new AppError(first.status, first.code, first.message, problems.map((p) => ({ at: p.at, code: p.error.code, message: p.error.message })));
}
const rank = (error) => ({ 404: 0, 403: 1 })[error.status] ?? 2;
//# sourceMappingURL=approveInvoices.js.map