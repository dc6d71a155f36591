import { and, eq, inArray } from 'drizzle-orm';
import type { Decimal } from 'decimal.js';
import { parsePeriod } from '../../engine/index.ts';
import type { Db } from '../../store/database.ts';
import { invoices, orgUnits, programmes } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { storedMoney, sumMoney } from '../money.ts';
import { allows } from '../scope.ts';
import { loadShares } from './loadShares.ts';
import { planOrders, splitInvoice, type Line, type OrderPaymentsProps } from './orderPayments.ts';

/** One funder's part of a set of invoices. */
export interface FunderPart {
  readonly funderId: string;
  readonly amount: string;
  /** Invoices this funder pays a part of. */
  readonly invoices: number;
}

/** What a confirmation shows before money moves: the invoices' total and each funder's part of it. */
export interface FundersParts {
  readonly invoices: number;
  readonly total: string;
  readonly funders: readonly FunderPart[];
  /** Invoices whose funder shares do not sum to 1: they could not be ordered as things stand. */
  readonly unsplit: readonly { invoiceId: number; orgUnitId: string; message: string }[];
}

/**
 * Each funder's part of the named invoices, split by the shares in force as an order would
 * split them today: what the second committee member approves, in money per funder.
 */
export async function invoiceFundersParts(db: Db, actor: Actor, props: { programmeId: string; invoiceIds: readonly number[] }): Promise<FundersParts> {
  const { programmeId } = props;
  const found = await db
    .select({ invoice: invoices, path: orgUnits.path })
    .from(invoices)
    .innerJoin(orgUnits, and(eq(orgUnits.programmeId, invoices.programmeId), eq(orgUnits.id, invoices.orgUnitId)))
    .where(and(eq(invoices.programmeId, programmeId), inArray(invoices.id, [...new Set(props.invoiceIds)])));
  const byId = new Map(found.map((row) => [row.invoice.id, { ...row.invoice, path: row.path }]));
  const [programme] = await db.select().from(programmes).where(eq(programmes.id, programmeId));
  const shares = await loadShares(db, programmeId);
  const lines: Line[] = [];
  const unsplit: { invoiceId: number; orgUnitId: string; message: string }[] = [];
  const chosen = props.invoiceIds.map((id, i) => {
    const invoice = byId.get(id);
    if (!invoice) throw errors.notFound(`invoiceIds[${i}]: invoice ${id}`);
    if (!allows(actor, programmeId, 'read', invoice.path)) {
      throw errors.forbidden(`invoiceIds[${i}]: your roles do not allow 'read' on org unit '${invoice.orgUnitId}' (invoice ${id})`);
    }
    return invoice;
  });
  for (const invoice of new Set(chosen)) {
    const split = splitInvoice(invoice, shares, parsePeriod(invoice.period)!, programme!.currencyDecimals);
    if (Array.isArray(split)) lines.push(...split);
    else unsplit.push({ invoiceId: invoice.id, orgUnitId: invoice.orgUnitId, message: split.problem });
  }
  return { invoices: new Set(chosen).size, total: storedMoney(sumMoney([...new Set(chosen)].map((invoice) => invoice.amount))), funders: byFunder(lines), unsplit };
}

/**
 * What ordering the subtree's approved invoices for the period would create, without writing
 * anything: the same plan the order follows, so the payer confirms exactly what is ordered.
 * The order's refusals (no funder share, nothing to order) are answered here as there.
 */
export async function orderPreview(db: Db, props: OrderPaymentsProps): Promise<FundersParts & { skipped: number }> {
  const plan = await planOrders(db, props);
  const invoiceIds = new Set(plan.lines.map((line) => line.invoiceId));
  return {
    invoices: invoiceIds.size,
    total: storedMoney(sumMoney(plan.lines.map((line) => line.amount))),
    funders: byFunder(plan.lines),
    unsplit: [],
    skipped: plan.skipped.length,
  };
}

function byFunder(lines: readonly Line[]): FunderPart[] {
  const parts = new Map<string, { amounts: Decimal[]; invoices: Set<number> }>();
  for (const line of lines) {
    const part = parts.get(line.funderId) ?? { amounts: [], invoices: new Set() };
    part.amounts.push(line.amount);
    part.invoices.add(line.invoiceId);
    parts.set(line.funderId, part);
  }
  return [...parts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([funderId, part]) => ({ funderId, amount: storedMoney(sumMoney(part.amounts)), invoices: part.invoices.size }));
}
