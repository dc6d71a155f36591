import { sql } from 'drizzle-orm';
import type { Tx } from '../../store/database.ts';
import { invoiceAdjustments } from '../../store/schema.ts';
import { arrayParam, queryRows } from '../../store/sql.ts';
import type { ComputedInvoice } from '../invoices/computeInvoices.ts';
import { adjustedTotal } from './adjustedTotal.ts';
import type { AdjustmentLine } from './priceAdjustments.ts';

const pairKey = (orgUnitId: string, payment: string) => `${orgUnitId}\u0000${payment}`;

/** Each computed invoice's amount with its lines added: what it pays, and what it carries forward. */
export function withAdjustments(invoices: readonly ComputedInvoice[], lines: readonly AdjustmentLine[], decimals: number): ComputedInvoice[] {
  if (lines.length === 0) return [...invoices];
  const byPair = new Map<string, AdjustmentLine[]>();
  for (const line of lines) byPair.set(pairKey(line.orgUnitId, line.payment), [...(byPair.get(pairKey(line.orgUnitId, line.payment)) ?? []), line]);
  return invoices.map((invoice) => {
    const own = byPair.get(pairKey(invoice.orgUnitId, invoice.payment));
    if (!own) return invoice;
    const total = adjustedTotal(invoice.amount, own.map((line) => line.amount));
    return { ...invoice, amount: total.amount.toFixed(decimals), carriedForward: total.carriedForward.toFixed(decimals) };
  });
}

/** Stores the lines of the invoices a run wrote (lines of an invoice the run kept wait for a later one). */
export async function writeAdjustments(tx: Tx, programmeId: string, runId: number, lines: readonly AdjustmentLine[]): Promise<number> {
  if (lines.length === 0) return 0;
  const written = await queryRows<{ id: number; org_unit_id: string; payment: string }>(
    tx,
    sql`select id, org_unit_id, payment from invoices
        where programme_id = ${programmeId} and run_id = ${runId} and org_unit_id = any(${arrayParam([...new Set(lines.map((line) => line.orgUnitId))], 'text')})`,
  );
  const ids = new Map(written.map((row) => [pairKey(row.org_unit_id, row.payment), row.id]));
  const carried = lines.flatMap((line) => {
    const invoiceId = ids.get(pairKey(line.orgUnitId, line.payment));
    return invoiceId === undefined ? [] : [{ ...line, invoiceId }];
  });
  if (carried.length > 0) {
    await tx.insert(invoiceAdjustments).values(
      carried.map((line) => ({
        programmeId,
        invoiceId: line.invoiceId,
        kind: line.kind,
        sourceInvoiceId: line.sourceInvoiceId,
        period: line.period,
        correctionIds: [...line.correctionIds],
        readCorrectionIds: [...line.readCorrectionIds],
        correctedAmount: line.correctedAmount,
        grantedAmount: line.grantedAmount,
        amount: line.amount,
      })),
    );
  }
  return carried.length;
}
