import { and, asc, eq, inArray } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import type { Db, Tx } from '../../store/database.ts';
import { corrections, invoiceAdjustments, users } from '../../store/schema.ts';
import type { Invoice } from '../invoices/readInvoice.ts';

export interface CorrectionSummary {
  readonly id: number;
  readonly period: string;
  readonly package: string;
  readonly values: Record<string, Record<string, string>>;
  readonly reason: string;
  readonly createdBy: number | null;
  readonly createdByName: string | null;
  readonly createdAt: Date;
}

export interface AdjustmentView {
  readonly id: number;
  readonly kind: 'correction' | 'carried';
  readonly sourceInvoiceId: number;
  readonly period: string;
  readonly correctedAmount: string | null;
  readonly grantedAmount: string | null;
  readonly amount: string;
  /** The corrections the line applies, with their reasons. */
  readonly corrections: CorrectionSummary[];
}

/** An invoice's adjustment lines with the corrections they apply, and its own period's amount before them. */
export async function invoiceLines(db: Db | Tx, invoice: Invoice): Promise<{ baseAmount: string; adjustments: AdjustmentView[] }> {
  const lines = await db
    .select()
    .from(invoiceAdjustments)
    .where(and(eq(invoiceAdjustments.programmeId, invoice.programmeId), eq(invoiceAdjustments.invoiceId, invoice.id)))
    .orderBy(asc(invoiceAdjustments.period), asc(invoiceAdjustments.id));
  const ids = [...new Set(lines.flatMap((line) => line.correctionIds))];
  const found = ids.length === 0 ? [] : await correctionSummaries(db, invoice.programmeId, ids);
  const base = lines.reduce((sum, line) => sum.minus(line.amount), new Decimal(invoice.amount).plus(invoice.carriedForward));
  return {
    baseAmount: base.toFixed(2),
    adjustments: lines.map((line) => ({
      id: line.id,
      kind: line.kind,
      sourceInvoiceId: line.sourceInvoiceId,
      period: line.period,
      correctedAmount: line.correctedAmount,
      grantedAmount: line.grantedAmount,
      amount: line.amount,
      corrections: found.filter((correction) => line.correctionIds.includes(correction.id)),
    })),
  };
}

export async function correctionSummaries(db: Db | Tx, programmeId: string, ids: readonly number[]): Promise<CorrectionSummary[]> {
  return db
    .select({
      id: corrections.id,
      period: corrections.period,
      package: corrections.package,
      values: corrections.values,
      reason: corrections.reason,
      createdBy: corrections.createdBy,
      createdByName: users.name,
      createdAt: corrections.createdAt,
    })
    .from(corrections)
    .leftJoin(users, eq(users.id, corrections.createdBy))
    .where(and(eq(corrections.programmeId, programmeId), inArray(corrections.id, [...ids])))
    .orderBy(asc(corrections.id));
}
