import { and, eq, inArray } from 'drizzle-orm';
import { parsePeriod } from '../engine/index.ts';
import type { Actor } from '../domain/actor.ts';
import { approveInvoices } from '../domain/invoices/approveInvoices.ts';
import { computeInvoices, storable } from '../domain/invoices/computeInvoices.ts';
import { loadRunInputs } from '../domain/invoices/loadRunInputs.ts';
import { periodEnd } from '../domain/invoices/periods.ts';
import { writeRun } from '../domain/invoices/writeRun.ts';
import { orderPayments } from '../domain/payments/orderPayments.ts';
import { recordPayments, type NewPayment } from '../domain/payments/recordPayments.ts';
import type { Tx } from '../store/database.ts';
import { invoices, paymentOrderLines, paymentOrders } from '../store/schema.ts';
import { ageOf } from './calendar.ts';
import type { FunderId } from './funders.ts';
import type { Demo } from './generate.ts';
import { COUNTRY } from './geography.ts';
import { addDays, plannedPayments } from './paymentPlan.ts';
import { DEMO_PROGRAMME } from './programme.ts';

const PROGRAMME = DEMO_PROGRAMME.id;
/** recordPayments inserts its payments in one statement: this many keeps it under PostgreSQL's parameter limit. */
const PAYMENTS_PER_CALL = 2_000;
/** Days after a period's end: its run (the committee), its approval (the second member), its payment orders (the payer) — before any funder pays (18 days at the earliest, see paymentPlan.ts). */
const RUN_AFTER_DAYS = 10;
const APPROVED_AFTER_DAYS = 12;
const ORDERED_AFTER_DAYS = 15;

/** The committee member who runs the invoices, the one who approves them (never the same), and the payer. */
export interface HistoryActors {
  readonly preparer: Actor;
  readonly approver: Actor;
  readonly payer: Actor;
}

export interface HistorySummary {
  readonly runs: number;
  readonly invoices: number;
  readonly orders: number;
  readonly payments: number;
}

/**
 * The programme's past as its people would have made it, through the domain's use cases in
 * the demo's transaction: each period that ended two months ago or earlier is invoiced over
 * the whole country by one committee member, approved by the other, ordered for payment
 * (one order per funder), and paid as far as each funder had paid by today. Last month is
 * still being declared, verified and validated, so it has no invoice yet.
 */
export async function loadHistory(tx: Tx, demo: Demo, actors: HistoryActors): Promise<HistorySummary> {
  const summary = { runs: 0, invoices: 0, orders: 0, payments: 0 };
  for (const period of invoicedPeriods(demo)) {
    const invoiceIds = await runPeriod(tx, demo, actors.preparer, period);
    await approveInvoices(tx, actors.approver, { programmeId: PROGRAMME, invoiceIds });
    const { orders } = await orderPayments(tx, actors.payer, { programmeId: PROGRAMME, orgUnitId: COUNTRY, period });
    await datePast(tx, period, invoiceIds, orders.map((order) => order.id));
    const payments = await duePayments(tx, demo, orders.map((order) => order.id));
    for (let i = 0; i < payments.length; i += PAYMENTS_PER_CALL) {
      await recordPayments(tx, actors.payer, { programmeId: PROGRAMME, payments: payments.slice(i, i + PAYMENTS_PER_CALL) });
    }
    summary.runs += 1;
    summary.invoices += invoiceIds.length;
    summary.orders += orders.length;
    summary.payments += payments.length;
  }
  return summary;
}

/** The months and whole quarters that ended before last month, in the order they were invoiced (a quarter after its months). */
export function invoicedPeriods(demo: Demo): string[] {
  const ended = (period: string) => ageOf(demo.calendar, period) >= 2;
  const endMonth = (period: string) => parsePeriod(period)!.lastMonth;
  return [...demo.months.filter(ended), ...demo.quarters.filter(ended)].sort((a, b) => endMonth(a) - endMonth(b) || a.length - b.length);
}

/**
 * One invoice run of the country for a period, as `runInvoices` does it (read the inputs,
 * run the engine, write the run with its inputs and values), in the demo's transaction and
 * dated ten days after the period ended. Returns the invoices it prepared.
 */
async function runPeriod(tx: Tx, demo: Demo, preparer: Actor, period: string): Promise<number[]> {
  const inputs = await loadRunInputs(tx, { programmeId: PROGRAMME, rootOrgUnitId: COUNTRY, period: parsePeriod(period)! });
  const computation = computeInvoices(inputs);
  if (!computation.ok) throw new Error(`demo invoice run ${period}: ${computation.errors.map((error) => error.message).join('; ')}`);
  if (computation.skipped.length > 0) throw new Error(`demo invoice run ${period}: ${computation.skipped.length} invoices skipped, their periods not validated`);
  const startedAt = pastDay(period, RUN_AFTER_DAYS);
  const runId = await writeRun(tx, preparer, { inputs, ...storable(computation), startedAt });
  const rows = await tx.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.programmeId, PROGRAMME), eq(invoices.runId, runId)));
  return rows.map((row) => row.id);
}

/** 08:00 UTC on the day `days` after the period's end. */
function pastDay(period: string, days: number): Date {
  return new Date(`${addDays(periodEnd(parsePeriod(period)!), days)}T08:00:00Z`);
}

/**
 * The use cases stamp approvals and orders with the transaction's time, the load's: moved back
 * to the days they would have happened, so that the delays after the order and the invoices'
 * pages read a past that holds together (ordered before paid). The audit log keeps the load's time.
 */
async function datePast(tx: Tx, period: string, invoiceIds: readonly number[], orderIds: readonly number[]): Promise<void> {
  if (invoiceIds.length === 0) return;
  await tx
    .update(invoices)
    .set({ approvedAt: pastDay(period, APPROVED_AFTER_DAYS) })
    .where(and(eq(invoices.programmeId, PROGRAMME), inArray(invoices.id, [...invoiceIds])));
  if (orderIds.length === 0) return;
  await tx
    .update(paymentOrders)
    .set({ createdAt: pastDay(period, ORDERED_AFTER_DAYS) })
    .where(and(eq(paymentOrders.programmeId, PROGRAMME), inArray(paymentOrders.id, [...orderIds])));
}

/** The payments each funder had made on the orders' lines by the demo's today. */
async function duePayments(tx: Tx, demo: Demo, orderIds: readonly number[]): Promise<NewPayment[]> {
  const lines = await tx
    .select({ orderId: paymentOrderLines.orderId, invoiceId: paymentOrderLines.invoiceId, funderId: paymentOrderLines.funderId, amount: paymentOrderLines.amount, orgUnitId: invoices.orgUnitId, period: invoices.period, payment: invoices.payment })
    .from(paymentOrderLines)
    .innerJoin(invoices, and(eq(invoices.programmeId, paymentOrderLines.programmeId), eq(invoices.id, paymentOrderLines.invoiceId)))
    .where(and(eq(paymentOrderLines.programmeId, PROGRAMME), inArray(paymentOrderLines.orderId, [...orderIds])));
  return lines.flatMap((line) => {
    const ordered = { ...line, funderId: line.funderId as FunderId, periodEnd: periodEnd(parsePeriod(line.period)!) };
    return plannedPayments(demo.options.seed, ordered, demo.calendar.today).map((payment) => ({ orderId: line.orderId, invoiceId: line.invoiceId, ...payment }));
  });
}
