import { and, eq } from 'drizzle-orm';
import { explain, type ExplainedValue } from '../../engine/provenance/explain.ts';
import type { Db } from '../../store/database.ts';
import { invoiceAdjustments, programmes } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { readInvoice } from '../invoices/readInvoice.ts';
import { recomputeInvoice } from '../invoices/recompute.ts';
import { roundMoney } from '../money.ts';
import { correctionSummaries } from './invoiceLines.ts';
import { correctionOverlay } from './priceAdjustments.ts';

export interface AdjustmentProvenance {
  readonly adjustmentId: number;
  readonly invoiceId: number;
  readonly sourceInvoiceId: number;
  /** The source invoice's run, whose stored inputs the recomputation starts from. */
  readonly runId: number;
  readonly programmeVersion: number;
  readonly orgUnitId: string;
  readonly period: string;
  readonly name: string;
  /** The corrected amount the line stored. */
  readonly storedValue: number;
  readonly recomputedValue: number;
  /** Recomputing the source invoice with the corrections the line read gives the stored corrected amount. */
  readonly identical: boolean;
  readonly explanation: ExplainedValue;
}

/**
 * Explains a correction line's corrected amount: the source invoice's run recomputed, under
 * the version that period used, with the figures of every correction the line read.
 */
export async function explainAdjustment(db: Db, actor: Actor, props: { programmeId: string; invoiceId: number; adjustmentId: number }): Promise<AdjustmentProvenance> {
  const invoice = await readInvoice(db, actor, props.programmeId, props.invoiceId);
  const [line] = await db
    .select()
    .from(invoiceAdjustments)
    .where(and(eq(invoiceAdjustments.programmeId, props.programmeId), eq(invoiceAdjustments.invoiceId, invoice.id), eq(invoiceAdjustments.id, props.adjustmentId)));
  if (!line) throw errors.notFound(`adjustment ${props.adjustmentId} of invoice ${invoice.id}`);
  if (line.kind !== 'correction') {
    throw errors.invalidState(`adjustment ${line.id} carries the remainder of invoice ${line.sourceInvoiceId}: it has no formula of its own; explain invoice ${line.sourceInvoiceId}`);
  }
  const source = await readInvoice(db, actor, props.programmeId, line.sourceInvoiceId);
  const read = await correctionSummaries(db, props.programmeId, line.readCorrectionIds);
  const { result, version, amountName } = await recomputeInvoice(db, props.programmeId, source, correctionOverlay(source.orgUnitId, read));
  const explanation = explain(result, source.orgUnitId, source.period, amountName);
  if (!explanation) throw errors.notFound(`value '${amountName}' of '${source.orgUnitId}' for ${source.period}`);
  const [programme] = await db.select({ decimals: programmes.currencyDecimals }).from(programmes).where(eq(programmes.id, props.programmeId));
  const recomputed = roundMoney(explanation.value, programme!.decimals);
  return {
    adjustmentId: line.id,
    invoiceId: invoice.id,
    sourceInvoiceId: source.id,
    runId: source.runId,
    programmeVersion: version.version,
    orgUnitId: source.orgUnitId,
    period: source.period,
    name: amountName,
    storedValue: Number(line.correctedAmount),
    recomputedValue: explanation.value,
    identical: recomputed.equals(line.correctedAmount!),
    explanation,
  };
}
