import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import type { Period } from '../../engine/index.ts';
import type { Db, Tx } from '../../store/database.ts';
import { invoices, orgUnits, paymentOrders, programmes } from '../../store/schema.ts';
import { arrayParam, insertColumns, queryRows } from '../../store/sql.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { errors } from '../errors.ts';
import { advanceStatus } from '../invoices/advanceStatus.ts';
import { invoiceGates } from '../invoices/invoiceGates.ts';
import { lockInvoices } from '../invoices/lock.ts';
import { invoicePeriod } from '../invoices/periods.ts';
import { scopeUnits } from '../invoices/scopeUnits.ts';
import { splitByShares, storedMoney, sumMoney } from '../money.ts';
import { unitPath } from '../scope.ts';
import { loadShares } from './loadShares.ts';
import { sharesFor, shareTotal, type ShareRow } from './shareRules.ts';

export interface OrderPaymentsProps {
  readonly programmeId: string;
  /** The subtree whose approved invoices are ordered. */
  readonly orgUnitId: string;
  readonly period: string;
  /** Only these invoices (all in the subtree and period); every approved one otherwise. */
  readonly invoiceIds?: readonly number[];
}

export type Candidate = typeof invoices.$inferSelect & { path: string; partCancelled: boolean };

export interface OrderAnswer {
  readonly orders: { id: number; funderId: string; period: string; orgUnitId: string; total: string; lineCount: number }[];
  /** Approved invoices of nothing to pay (zero or less), left out. */
  readonly skipped: { invoiceId: number; orgUnitId: string; amount: string }[];
}

/**
 * Orders the payment of approved invoices: each amount is split among the funders whose
 * shares apply to its unit, and one order per funder gathers that funder's lines for the
 * period. Each invoice is ordered once per funder, then is `ordered`; a funder's part whose
 * order was cancelled is ordered again (the invoice may still be ordered for the others).
 */
export async function orderPayments(tx: Tx, actor: Actor, props: OrderPaymentsProps): Promise<OrderAnswer> {
  const { programmeId } = props;
  await lockInvoices(tx, programmeId);
  const plan = await planOrders(tx, props);
  const orders = await writeOrders(tx, actor, props, plan.period, plan.lines);
  const approved = plan.payable.filter((invoice) => invoice.status === 'approved');
  await tx.update(invoices).set({ status: 'ordered' }).where(and(eq(invoices.programmeId, programmeId), inArray(invoices.id, approved.map((invoice) => invoice.id))));
  await advanceStatus(tx, actor.userId, programmeId, await invoiceGates(tx, programmeId, approved), 'ordered');
  return { orders, skipped: plan.skipped };
}

/** What ordering would write: each funder's lines, and the invoices of nothing to pay left out. */
export interface OrderPlan {
  readonly period: Period;
  readonly payable: readonly Candidate[];
  readonly lines: readonly Line[];
  readonly skipped: OrderAnswer['skipped'];
}

/**
 * The lines an order of the subtree's approved invoices would hold, with the refusals the
 * order would answer; read by the order itself and by its preview (the payer's confirmation).
 */
export async function planOrders(tx: Db | Tx, props: OrderPaymentsProps): Promise<OrderPlan> {
  const { programmeId } = props;
  const period = invoicePeriod(props.period);
  const rootPath = await unitPath(tx, programmeId, props.orgUnitId);
  const candidates = props.invoiceIds ? await namedInvoices(tx, props, rootPath) : await approvedInvoices(tx, props, rootPath);
  const payable = candidates.filter((invoice) => new Decimal(invoice.amount).greaterThan(0));
  if (payable.length === 0) throw errors.invalidState(`no approved invoice with an amount to pay in '${props.orgUnitId}' for ${period.id}`);
  const [programme] = await tx.select().from(programmes).where(eq(programmes.id, programmeId));
  const split = splitInvoices(payable, await loadShares(tx, programmeId), period, programme!.currencyDecimals);
  const lines = await notOrdered(tx, programmeId, split);
  if (lines.length === 0) throw errors.invalidState(`no approved invoice with an amount to pay in '${props.orgUnitId}' for ${period.id}: every funder's part is ordered`);
  const skipped = candidates.filter((invoice) => !payable.includes(invoice)).map((invoice) => ({ invoiceId: invoice.id, orgUnitId: invoice.orgUnitId, amount: invoice.amount }));
  return { period, payable, lines, skipped };
}

/** The subtree's approved invoices of the period, and its ordered ones with a part whose order was cancelled. */
async function approvedInvoices(tx: Db | Tx, props: OrderPaymentsProps, rootPath: string): Promise<Candidate[]> {
  const units = await scopeUnits(tx, props.programmeId, [rootPath]);
  const inSubtree = sql`${invoices.orgUnitId} = any(${arrayParam(units, 'text')})`;
  const rows = await selectInvoices(tx, props.programmeId, and(eq(invoices.period, props.period), or(eq(invoices.status, 'approved'), partCancelled), inSubtree));
  return rows.sort((a, b) => a.id - b.id);
}

const partCancelled = sql`(${invoices.status} = 'ordered' and exists (select from payment_order_lines l
  where l.programme_id = ${invoices.programmeId} and l.invoice_id = ${invoices.id} and l.cancelled))`;

/**
 * The lines of funders that no live order line pays yet. A part whose order was cancelled,
 * of an invoice still ordered for other funders, is ordered anew for the amount it had, so
 * the parts still sum to the invoice whatever the shares became since.
 */
async function notOrdered(tx: Db | Tx, programmeId: string, lines: readonly Line[]): Promise<Line[]> {
  const ordered = await queryRows<{ invoice_id: number; funder_id: string; amount: string; cancelled: boolean }>(
    tx,
    sql`select invoice_id, funder_id, amount::text, cancelled from payment_order_lines
        where programme_id = ${programmeId} and invoice_id = any(${arrayParam([...new Set(lines.map((line) => line.invoiceId))], 'int4')})
        order by order_id`,
  );
  const live = new Set(ordered.filter((row) => !row.cancelled).map((row) => `${row.invoice_id}:${row.funder_id}`));
  const partlyOrdered = new Set(ordered.filter((row) => !row.cancelled).map((row) => row.invoice_id));
  const before = new Map(ordered.filter((row) => row.cancelled).map((row) => [`${row.invoice_id}:${row.funder_id}`, new Decimal(row.amount)]));
  return lines
    .filter((line) => !live.has(`${line.invoiceId}:${line.funderId}`))
    .map((line) => (partlyOrdered.has(line.invoiceId) ? { ...line, amount: before.get(`${line.invoiceId}:${line.funderId}`) ?? line.amount } : line));
}

/** The named invoices, each checked: in the subtree and period, approved, not ordered yet. */
async function namedInvoices(tx: Db | Tx, props: OrderPaymentsProps, rootPath: string): Promise<Candidate[]> {
  const ids = [...new Set(props.invoiceIds)];
  const byId = new Map((await selectInvoices(tx, props.programmeId, inArray(invoices.id, ids))).map((invoice) => [invoice.id, invoice]));
  props.invoiceIds!.forEach((id, i) => {
    const at = `invoiceIds[${i}]`;
    const invoice = byId.get(id);
    if (!invoice) throw errors.notFound(`${at}: invoice ${id}`);
    if (!invoice.path.startsWith(rootPath)) throw errors.validation(`${at}: invoice ${id} of '${invoice.orgUnitId}' is not in the subtree of '${props.orgUnitId}'`, [{ at }]);
    if (invoice.period !== props.period) throw errors.validation(`${at}: invoice ${id} is for ${invoice.period}, not ${props.period}`, [{ at }]);
    if (invoice.status === 'paid') throw errors.conflict(`${at}: invoice ${id} is already paid`, [{ at }]);
    if (invoice.status === 'ordered' && !invoice.partCancelled) throw errors.conflict(`${at}: invoice ${id} is already ordered`, [{ at }]);
    if (invoice.supersededBy !== null || (invoice.status !== 'approved' && invoice.status !== 'ordered')) {
      throw errors.invalidState(`${at}: invoice ${id} is not approved${invoice.supersededBy !== null ? ` (replaced by invoice run ${invoice.supersededBy})` : ''}`, [{ at }]);
    }
    if (!new Decimal(invoice.amount).greaterThan(0)) {
      throw errors.unprocessable('NOTHING_TO_PAY', `${at}: invoice ${id} has nothing to pay (amount ${invoice.amount})`, [{ at }]);
    }
  });
  return ids.map((id) => byId.get(id)!);
}

async function selectInvoices(tx: Db | Tx, programmeId: string, where: SQL | undefined): Promise<Candidate[]> {
  const rows = await tx
    .select({ invoice: invoices, path: orgUnits.path, partCancelled: sql<boolean>`${partCancelled}` })
    .from(invoices)
    .innerJoin(orgUnits, and(eq(orgUnits.programmeId, invoices.programmeId), eq(orgUnits.id, invoices.orgUnitId)))
    .where(and(eq(invoices.programmeId, programmeId), where));
  return rows.map((row) => ({ ...row.invoice, path: row.path, partCancelled: row.partCancelled }));
}

export interface Line {
  readonly invoiceId: number;
  readonly funderId: string;
  readonly amount: Decimal;
}

/** What splitting needs of an invoice: its unit's path finds the shares. */
export type Splittable = Pick<Candidate, 'id' | 'orgUnitId' | 'payment' | 'period' | 'amount' | 'path'>;

/** One invoice's amount split by its shares, or why it cannot be: the shares must sum to exactly 1. */
export function splitInvoice(invoice: Splittable, shares: readonly ShareRow[], period: Period, decimals: number): Line[] | { problem: string } {
  const applying = sharesFor(shares, invoice.path, invoice.payment, period);
  const total = shareTotal(applying);
  if (!total.equals(1)) {
    const found = applying.length === 0 ? 'no funder share applies' : `the funder shares of '${applying[0]!.orgUnitId}' total ${total.toString()}, not 1`;
    return { problem: `invoice ${invoice.id} of '${invoice.orgUnitId}' (payment '${invoice.payment}', ${invoice.period}): ${found}` };
  }
  return splitByShares(invoice.amount, applying.map((share) => ({ key: share.funderId, share: share.share })), decimals).map((part) => ({
    invoiceId: invoice.id,
    funderId: part.key,
    amount: part.amount,
  }));
}

/** Every invoice's amount split by its shares (422 naming each invoice whose shares do not sum to 1). */
function splitInvoices(payable: readonly Candidate[], shares: readonly ShareRow[], period: Period, decimals: number): Line[] {
  const problems: { invoiceId: number; orgUnitId: string; message: string }[] = [];
  const lines = payable.flatMap((invoice) => {
    const split = splitInvoice(invoice, shares, period, decimals);
    if (Array.isArray(split)) return split;
    problems.push({ invoiceId: invoice.id, orgUnitId: invoice.orgUnitId, message: split.problem });
    return [];
  });
  if (problems.length > 0) throw errors.unprocessable('FUNDER_SHARES', problems[0]!.message, problems);
  return lines;
}

async function writeOrders(tx: Tx, actor: Actor, props: OrderPaymentsProps, period: Period, lines: readonly Line[]): Promise<OrderAnswer['orders']> {
  const funderIds = [...new Set(lines.map((line) => line.funderId))].sort();
  const orders: OrderAnswer['orders'] = [];
  for (const funderId of funderIds) {
    const own = lines.filter((line) => line.funderId === funderId);
    const total = storedMoney(sumMoney(own.map((line) => line.amount)));
    const [order] = await tx
      .insert(paymentOrders)
      .values({ programmeId: props.programmeId, funderId, period: period.id, orgUnitId: props.orgUnitId, total, createdBy: actor.userId })
      .returning({ id: paymentOrders.id, total: paymentOrders.total });
    await insertColumns(
      tx,
      'payment_order_lines',
      [
        { name: 'invoice_id', values: own.map((line) => line.invoiceId) },
        { name: 'amount', values: own.map((line) => storedMoney(line.amount)) },
      ],
      { constants: { programme_id: props.programmeId, order_id: order!.id, funder_id: funderId } },
    );
    await recordAudit(tx, {
      programmeId: props.programmeId,
      userId: actor.userId,
      action: 'order',
      entity: 'payment_order',
      entityKey: String(order!.id),
      orgUnitId: props.orgUnitId,
      oldValue: { invoices: own.map((line) => line.invoiceId), status: 'approved' },
      newValue: { funderId, period: period.id, orgUnitId: props.orgUnitId, total: order!.total, lines: own.length, status: 'ordered' },
    });
    orders.push({ id: order!.id, funderId, period: period.id, orgUnitId: props.orgUnitId, total: order!.total, lineCount: own.length });
  }
  return orders;
}
