import { and, eq, inArray, sql } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import type { Tx } from '../../store/database.ts';
import { invoices, payments, programmes } from '../../store/schema.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { AppError, errors } from '../errors.ts';
import { advanceStatus } from '../invoices/advanceStatus.ts';
import { invoiceGates } from '../invoices/invoiceGates.ts';
import { periodStart } from '../invoices/periods.ts';
import { lockInvoices } from '../invoices/lock.ts';
import { parsePeriod } from '../../engine/index.ts';
import { storedMoney } from '../money.ts';
import { paymentRefusal } from '../policies/paymentOrder.ts';

export interface NewPayment {
  readonly orderId: number;
  readonly invoiceId: number;
  /** ISO date the money was paid. */
  readonly paidOn: string;
  readonly amount: string;
  /** The bank's or treasury's reference of the transfer. */
  readonly reference: string;
}

interface OrderLine {
  readonly order_id: number;
  readonly invoice_id: number;
  readonly funder_id: string;
  readonly amount: string;
  readonly cancelled: boolean;
  readonly paid: string;
  readonly org_unit_id: string;
  readonly path: string;
  /** The invoice's period: a payment is not made before it begins. */
  readonly period: string;
}

const lineKey = (orderId: number, invoiceId: number) => `${orderId}:${invoiceId}`;

/**
 * Records payments against payment-order lines, all or none. A line is never paid beyond
 * its amount; an invoice whose lines are all fully paid becomes `paid`.
 */
export async function recordPayments(
  tx: Tx,
  actor: Actor,
  props: { programmeId: string; payments: readonly NewPayment[] },
): Promise<{ paymentIds: number[]; paidInvoiceIds: number[] }> {
  const { programmeId } = props;
  await lockInvoices(tx, programmeId);
  const [programme] = await tx.select().from(programmes).where(eq(programmes.id, programmeId));
  if (!programme) throw errors.notFound(`programme '${programmeId}'`);
  const lines = await orderLines(tx, programmeId, props.payments);
  const paidSoFar = new Map([...lines].map(([key, line]) => [key, new Decimal(line.paid)]));
  props.payments.forEach((payment, i) => {
    const line = checkPayment(actor, programmeId, payment, `payments[${i}]`, lines, programme.currencyDecimals);
    const key = lineKey(payment.orderId, payment.invoiceId);
    const paid = paidSoFar.get(key)!.plus(payment.amount);
    if (paid.greaterThan(line.amount)) throw overpayment(`payments[${i}]`, payment, line, paidSoFar.get(key)!);
    paidSoFar.set(key, paid);
  });
  const inserted = await tx
    .insert(payments)
    .values(props.payments.map((payment) => ({ programmeId, ...payment, funderId: lines.get(lineKey(payment.orderId, payment.invoiceId))!.funder_id, recordedBy: actor.userId })))
    .returning();
  const paidInvoiceIds = await completeInvoices(tx, actor, programmeId, [...new Set(props.payments.map((payment) => payment.invoiceId))]);
  await recordAudit(
    tx,
    inserted.map((payment) => ({
      programmeId,
      userId: actor.userId,
      action: 'record',
      entity: 'payment',
      entityKey: String(payment.id),
      orgUnitId: lines.get(lineKey(payment.orderId, payment.invoiceId))!.org_unit_id,
      newValue: { orderId: payment.orderId, invoiceId: payment.invoiceId, funderId: payment.funderId, paidOn: payment.paidOn, amount: payment.amount, reference: payment.reference },
    })),
  );
  return { paymentIds: inserted.map((payment) => payment.id), paidInvoiceIds };
}

/** The order lines the payments name, with what was paid on each before. */
async function orderLines(tx: Tx, programmeId: string, list: readonly NewPayment[]): Promise<Map<string, OrderLine>> {
  const rows = await queryRows<OrderLine>(
    tx,
    sql`select l.order_id, l.invoice_id, l.funder_id, l.amount::text as amount, l.cancelled, i.org_unit_id, u.path, i.period,
               (select coalesce(sum(p.amount), 0) from payments p
                where p.programme_id = l.programme_id and p.order_id = l.order_id and p.invoice_id = l.invoice_id)::text as paid
        from payment_order_lines l
        join unnest(${arrayParam(list.map((p) => p.orderId), 'int4')}, ${arrayParam(list.map((p) => p.invoiceId), 'int4')}) as k(order_id, invoice_id)
          on l.order_id = k.order_id and l.invoice_id = k.invoice_id
        join invoices i on i.programme_id = l.programme_id and i.id = l.invoice_id
        join org_units u on u.programme_id = i.programme_id and u.id = i.org_unit_id
        where l.programme_id = ${programmeId}`,
  );
  return new Map(rows.map((row) => [lineKey(row.order_id, row.invoice_id), row]));
}

/**
 * A payment beyond what its line still owes: the code and the figures let a screen say, in
 * its reader's language, which line, what was due and what was entered.
 */
function overpayment(at: string, payment: NewPayment, line: OrderLine, paidBefore: Decimal): AppError {
  const due = new Decimal(line.amount).minus(paidBefore);
  return new AppError(
    400,
    'OVERPAYMENT',
    `${at}.amount: ${payment.amount} would overpay the line of invoice ${payment.invoiceId} in payment order ${payment.orderId} (ordered ${line.amount}, paid before ${storedMoney(paidBefore)}, due ${storedMoney(due)})`,
    [
      {
        at: `${at}.amount`,
        orderId: payment.orderId,
        invoiceId: payment.invoiceId,
        orgUnitId: line.org_unit_id,
        funderId: line.funder_id,
        amount: payment.amount,
        ordered: line.amount,
        paidBefore: storedMoney(paidBefore),
        due: storedMoney(due),
      },
    ],
  );
}

function checkPayment(actor: Actor, programmeId: string, payment: NewPayment, at: string, lines: ReadonlyMap<string, OrderLine>, decimals: number): OrderLine {
  const line = lines.get(lineKey(payment.orderId, payment.invoiceId));
  if (!line) throw errors.notFound(`${at}: a line for invoice ${payment.invoiceId} in payment order ${payment.orderId}`);
  const why = paymentRefusal(actor, { programmeId, path: line.path, cancelled: line.cancelled });
  if (why === 'notAllowed') throw errors.forbidden(`${at}: your roles do not allow 'payment.record' on org unit '${line.org_unit_id}' (invoice ${payment.invoiceId})`);
  if (why === 'cancelled') throw errors.invalidState(`${at}: payment order ${payment.orderId} was cancelled; pay the order that replaced it`, [{ at: `${at}.orderId` }]);
  const amount = /^\d+(\.\d+)?$/.test(payment.amount) ? new Decimal(payment.amount) : undefined;
  if (!amount || amount.isZero() || amount.decimalPlaces() > decimals) {
    throw errors.validation(`${at}.amount: '${payment.amount}' must be a positive amount with at most ${decimals} decimals`, [{ at: `${at}.amount` }]);
  }
  if (payment.paidOn > new Date().toISOString().slice(0, 10)) {
    throw errors.validation(`${at}.paidOn: ${payment.paidOn} is in the future`, [{ at: `${at}.paidOn` }]);
  }
  const begins = periodStart(parsePeriod(line.period)!);
  if (payment.paidOn < begins) {
    throw errors.validation(`${at}.paidOn: ${payment.paidOn} is before ${line.period}, the period invoice ${payment.invoiceId} pays (it begins on ${begins})`, [{ at: `${at}.paidOn` }]);
  }
  return line;
}

/** Marks `paid` the ordered invoices whose every line is now fully paid; returns their ids. */
async function completeInvoices(tx: Tx, actor: Actor, programmeId: string, invoiceIds: readonly number[]): Promise<number[]> {
  const complete = await queryRows<{ invoice_id: number }>(
    tx,
    sql`select l.invoice_id from payment_order_lines l
        where l.programme_id = ${programmeId} and l.invoice_id = any(${arrayParam(invoiceIds, 'int4')}) and not l.cancelled
        group by l.invoice_id
        having bool_and((select coalesce(sum(p.amount), 0) from payments p
                         where p.programme_id = l.programme_id and p.invoice_id = l.invoice_id and p.order_id = l.order_id) >= l.amount)`,
  );
  const ids = complete.map((row) => row.invoice_id).sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const paid = await tx
    .update(invoices)
    .set({ status: 'paid' })
    .where(and(eq(invoices.programmeId, programmeId), inArray(invoices.id, ids), eq(invoices.status, 'ordered')))
    .returning();
  await advanceStatus(tx, actor.userId, programmeId, await invoiceGates(tx, programmeId, paid), 'paid');
  await recordAudit(
    tx,
    paid.map((invoice) => ({ programmeId, userId: actor.userId, action: 'pay', entity: 'invoice', entityKey: String(invoice.id), orgUnitId: invoice.orgUnitId, oldValue: { status: 'ordered' }, newValue: { status: 'paid' } })),
  );
  return paid.map((invoice) => invoice.id);
}
