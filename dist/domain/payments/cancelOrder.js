import { and, eq, sql } from 'drizzle-orm';
import { invoices, paymentOrderLines, paymentOrders } from "../../store/schema.js";
import { arrayParam, queryRows } from "../../store/sql.js";
import { recordAudit } from "../audit.js";
import { errors } from "../errors.js";
import { invoiceGates } from "../invoices/invoiceGates.js";
import { lockInvoices } from "../invoices/lock.js";
import { stepBackGates } from "../invoices/stepBack.js";
import { allows, unitPath } from "../scope.js";
/**
 * Cancels a payment order nothing was paid on, with a reason: the order and its lines stay,
 * marked cancelled, and no longer count as ordered; each invoice no other live order pays goes
 * back to approved (its package periods with it), so the payer can order it again. An order
 * with a payment recorded is never cancelled: what was paid stays paid.
 */
export async function cancelOrder(tx, actor, props) {
    const { programmeId, orderId } = props;
    const reason = props.reason.trim();
    if (!reason)
        throw errors.validation(`reason: give a reason to cancel payment order ${orderId}`, [{ at: 'reason' }]);
    await lockInvoices(tx, programmeId);
    const [order] = await tx.select().from(paymentOrders).where(and(eq(paymentOrders.programmeId, programmeId), eq(paymentOrders.id, orderId)));
    if (!order)
        throw errors.notFound(`payment order ${orderId}`);
    if (!allows(actor, programmeId, 'payment.order', await unitPath(tx, programmeId, order.orgUnitId))) {
        throw errors.forbidden(`your roles do not allow 'payment.order' on org unit '${order.orgUnitId}' (payment order ${orderId})`);
    }
    if (order.cancelledAt)
        throw errors.invalidState(`payment order ${orderId} was cancelled on ${order.cancelledAt.toISOString().slice(0, 10)}`, { status: 'cancelled' });
    const [paid] = await queryRows(tx, sql `select count(*)::int as payments from payments where programme_id = ${programmeId} and order_id = ${orderId}`);
    if (paid.payments > 0) {
        throw errors.invalidState(`payment order ${orderId} has ${paid.payments} payment(s) recorded: what was paid stays paid; a correction is an adjustment on a later invoice`, { payments: paid.payments });
    }
    await tx
        .update(paymentOrders)
        .set({ cancelledBy: actor.userId, cancelledAt: sql `now()`, cancellationReason: reason })
        .where(and(eq(paymentOrders.programmeId, programmeId), eq(paymentOrders.id, orderId)));
    const lines = await tx
        .update(paymentOrderLines)
        .set({ cancelled: true })
        .where(and(eq(paymentOrderLines.programmeId, programmeId), eq(paymentOrderLines.orderId, orderId)))
        .returning({ invoiceId: paymentOrderLines.invoiceId });
    const reopened = await reopenInvoices(tx, actor, programmeId, lines.map((line) => line.invoiceId));
    await recordAudit(tx, {
        programmeId,
        userId: actor.userId,
        action: 'cancel',
        entity: 'payment_order',
        entityKey: String(orderId),
        orgUnitId: order.orgUnitId,
        oldValue: { status: 'ordered', funderId: order.funderId, total: order.total, lines: lines.length },
        newValue: { status: 'cancelled', invoicesReopened: reopened },
        reason,
    });
    return { orderId, invoicesReopened: reopened };
}
/** The ordered invoices among `invoiceIds` that no live order line pays any more, back to approved. */
async function reopenInvoices(tx, actor, programmeId, invoiceIds) {
    const free = await queryRows(tx, sql `update invoices i set status = 'approved'
        where i.programme_id = ${programmeId} and i.id = any(${arrayParam(invoiceIds, 'int4')}) and i.status = 'ordered'
          and not exists (select from payment_order_lines l where l.programme_id = i.programme_id and l.invoice_id = i.id and not l.cancelled)
        returning i.id`);
    const ids = free.map((row) => row.id).sort((a, b) => a - b);
    if (ids.length === 0)
        return [];
    const reopened = await tx.select().from(invoices).where(and(eq(invoices.programmeId, programmeId), sql `${invoices.id} = any(${arrayParam(ids, 'int4')})`));
    const gates = await invoiceGates(tx, programmeId, reopened);
    await stepBackGates(tx, actor.userId, programmeId, gates, { from: 'ordered', to: 'approved', keptBy: ['ordered', 'paid'] });
    return ids;
}
//# sourceMappingURL=cancelOrder.js.map