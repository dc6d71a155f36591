import { Decimal } from 'decimal.js';
import type { Db, Tx } from '../../store/database.ts';
import type { EnteredValue } from '../invoices/loadRunInputs.ts';
import { recomputeInvoice } from '../invoices/recompute.ts';
import { roundMoney } from '../money.ts';
import type { CorrectionRow, PendingSource } from './pendingAdjustments.ts';

/** A line an invoice run adds to the invoice of `orgUnitId` and `payment`. */
export interface AdjustmentLine {
  readonly orgUnitId: string;
  readonly payment: string;
  readonly kind: 'correction' | 'carried';
  readonly sourceInvoiceId: number;
  readonly period: string;
  readonly correctionIds: readonly number[];
  readonly readCorrectionIds: readonly number[];
  readonly correctedAmount: string | null;
  readonly grantedAmount: string | null;
  readonly amount: string;
}

/**
 * Prices what is pending: for corrections, what the source period's rules (its invoice's
 * run, inputs and version) pay with every correction in place, less what the source invoice
 * and the lines already correcting it granted; for a remainder, the remainder itself.
 */
export async function priceAdjustments(db: Db | Tx, programmeId: string, decimals: number, pending: readonly PendingSource[]): Promise<AdjustmentLine[]> {
  const lines: AdjustmentLine[] = [];
  for (const source of pending) {
    const common = { orgUnitId: source.orgUnitId, payment: source.payment, sourceInvoiceId: source.invoiceId, period: source.period };
    if (source.pending.length > 0) {
      const corrected = await correctedAmount(db, programmeId, decimals, source, source.corrections);
      const granted = new Decimal(source.base).plus(source.adjusted);
      lines.push({
        ...common,
        kind: 'correction',
        correctionIds: source.pending,
        readCorrectionIds: source.corrections.map((row) => row.id),
        correctedAmount: corrected.toFixed(decimals),
        grantedAmount: granted.toFixed(decimals),
        amount: corrected.minus(granted).toFixed(decimals),
      });
    }
    if (source.carry !== null) {
      lines.push({ ...common, kind: 'carried', correctionIds: [], readCorrectionIds: [], correctedAmount: null, grantedAmount: null, amount: new Decimal(source.carry).toFixed(decimals) });
    }
  }
  return lines;
}

/** The source invoice's amount recomputed with the corrections' figures in place of those its run read. */
export async function correctedAmount(
  db: Db | Tx,
  programmeId: string,
  decimals: number,
  source: Pick<PendingSource, 'runId' | 'orgUnitId' | 'payment' | 'period' | 'invoiceId'>,
  corrections: readonly CorrectionRow[],
): Promise<Decimal> {
  const { result, amountName } = await recomputeInvoice(db, programmeId, source, correctionOverlay(source.orgUnitId, corrections));
  const value = result.value(source.orgUnitId, source.period, amountName);
  if (value === undefined || !Number.isFinite(value)) {
    throw new Error(`the corrected amount of invoice ${source.invoiceId} ('${amountName}' at '${source.orgUnitId}' for ${source.period}) is not a number`);
  }
  return roundMoney(value, decimals);
}

/** The entered values corrections give a unit, a later correction's figure replacing an earlier one's. */
export function correctionOverlay(orgUnitId: string, corrections: readonly CorrectionRow[]): EnteredValue[] {
  const values = new Map<string, EnteredValue>();
  for (const correction of [...corrections].sort((a, b) => a.id - b.id)) {
    for (const [activity, states] of Object.entries(correction.values)) {
      for (const [state, value] of Object.entries(states)) {
        values.set(`${correction.period}\u0000${activity}\u0000${state}`, { orgUnit: orgUnitId, period: correction.period, activity, state, value });
      }
    }
  }
  return [...values.values()];
}
