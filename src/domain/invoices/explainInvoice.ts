import { and, eq } from 'drizzle-orm';
import { explain, type ExplainedValue } from '../../engine/provenance/explain.ts';
import type { Db } from '../../store/database.ts';
import { invoiceRunValues } from '../../store/schema.ts';
import type { Actor } from '../actor.ts';
import { errors } from '../errors.ts';
import { readInvoice } from './readInvoice.ts';
import { recomputeInvoice } from './recompute.ts';

export interface InvoiceProvenance {
  readonly invoiceId: number;
  readonly runId: number;
  readonly programmeVersion: number;
  readonly orgUnitId: string;
  readonly period: string;
  readonly name: string;
  /** The value the run stored; null when it stored none under that name. */
  readonly storedValue: number | null;
  readonly recomputedValue: number;
  /** The recomputation from the run's stored inputs and version gives the stored value. */
  readonly identical: boolean;
  readonly explanation: ExplainedValue;
}

/**
 * Explains a value of an invoice — its amount by default — by recomputing the run for the
 * invoice's unit from the inputs and org units the run stored and the version it used.
 */
export async function explainInvoice(
  db: Db,
  actor: Actor,
  props: { programmeId: string; invoiceId: number; name?: string; period?: string },
): Promise<InvoiceProvenance> {
  const invoice = await readInvoice(db, actor, props.programmeId, props.invoiceId);
  const { result, version, amountName } = await recomputeInvoice(db, props.programmeId, invoice);
  const name = props.name ?? amountName;
  const period = props.period ?? invoice.period;
  const explanation = explain(result, invoice.orgUnitId, period, name);
  if (!explanation) throw errors.notFound(`value '${name}' of '${invoice.orgUnitId}' for ${period} in invoice run ${invoice.runId}`);
  const [stored] = await db
    .select({ value: invoiceRunValues.value })
    .from(invoiceRunValues)
    .where(
      and(
        eq(invoiceRunValues.programmeId, props.programmeId),
        eq(invoiceRunValues.runId, invoice.runId),
        eq(invoiceRunValues.orgUnitId, invoice.orgUnitId),
        eq(invoiceRunValues.period, period),
        eq(invoiceRunValues.name, name),
      ),
    );
  const storedValue = stored?.value ?? null;
  return {
    invoiceId: invoice.id,
    runId: invoice.runId,
    programmeVersion: version.version,
    orgUnitId: invoice.orgUnitId,
    period,
    name,
    storedValue,
    recomputedValue: explanation.value,
    identical: storedValue === explanation.value,
    explanation,
  };
}
