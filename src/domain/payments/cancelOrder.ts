import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../store/database.ts';
import { invoices, paymentOrderLines, paymentOrders } from '../../store/schema.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { errors } from '../errors.ts';
import { invoiceGates } from '../invoices/invoiceGates.ts';
import { lockInvoices } from '../invoices/lock.ts';
import { stepBackGates } from '../invoices/stepBack.ts';
import { cancelRefusal } from '../policies/paymentOrder.ts';
import { unitPath } from '../scope.ts';

export interface CancelOrderProps {
  readonly programmeId: string;
  readonly orderId: number;
  readonly reason: string;
}

export interface CancelAnswer {
  readonly orderId: number;
  /** Invoices with no live order line left, back to approved: they can be ordered again. */
  readonly invoicesReopened: number[];
}

/**
 * Cancels a payment order nothing was paid on, with a reason: the order and its lines stay,
 * marked cancelled, and no longer count as ordered; each invoice no other live order pays goes
 * back to approved (its package periods with it), so the payer can order it again. An order
 * with a payment recorded is never cancelled: what was paid stays paid.
 */
export async function cancelOrder(tx: Tx, actor: Actor, props: CancelOrderProps): Promise<CancelAnswer> {
  const { programmeId, orderId } = props;
  const reason = props.reason.trim();
  if (!reason) throw errors.validation(`reason: give a reason to cancel payment order ${orderId}`, [{ at: 'reason' }]);
  await lockInvoices(tx, programmeId);
  const [order] = await tx.select().from(paymentOrders).where(and(eq(paymentOrders.programmeId, programmeId), eq(paymentOrders.id, orderId)));
  if (!order) throw errors.notFound(`payment order ${orderId}`);
  const [paid] = await queryRows<{ payments: number }>(tx, sql`select count(*)::int as payments from payments where programme_id = ${programmeId} and order_id = ${orderId}`);
  const facts = { programmeId, path: await unitPath(tx, programmeId, order.orgUnitId), cancelled: order.cancelledAt !== null, payments: paid!.payments };
  const why = cancelRefusal(actor, facts);
  if (why === 'notAllowed') throw errors.forbidden(`your roles do not allow 'payment.order' on org unit '${order.orgUnitId}' (payment order ${orderId})`);
  if (why === 'cancelled') throw errors.invalidState(`payment order ${orderId} was cancelled on ${order.cancelledAt!.toISOString().slice(0, 10)}`, { status: 'cancelled' });
  if (why === 'paid') {
    throw errors.invalidState(`payment order ${orderId} has ${facts.payments} payment(s) recorded: what was paid stays paid; a correction is an adjustment on a later invoice`, { payments: facts.payments });
  }
  await tx
    .update(paymentOrders)
    .set({ cancelledBy: actor.userId, cancelledAt: sql`now()`, cancellationReason: reason })
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
async function reopenInvoices(tx: Tx, actor: Actor, programmeId: string, invoiceIds: readonly number[]): Promise<number[]> {
  const free = await queryRows<{ id: number }>(
    tx,
    sql`update invoices i set status = 'approved'
        where i.programme_id = ${programmeId} and i.id = any(${arrayParam(invoiceIds, 'int4')}) and i.status = 'ordered'
          and not exists (select from payment_order_lines l where l.programme_id = i.programme_id and l.invoice_id = i.id and not l.cancelled)
        returning i.id`,
  );
  const ids = free.map((row) => row.id).sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const reopened = await tx.select().from(invoices).where(and(eq(invoices.programmeId, programmeId), sql`${invoices.id} = any(${arrayParam(ids, 'int4')})`));
  const gates = await invoiceGates(tx, programmeId, reopened);
  await stepBackGates(tx, actor.userId, programmeId, gates, { from: 'ordered', to: 'approved', keptBy: ['ordered', 'paid'] });
  return ids;
}
